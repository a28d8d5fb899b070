import { convertIgnorePatternToMinimatch } from "@eslint/compat";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// What git ignores is never collected as a test: .gitignore is the one list (ESLint reads it too).
const ignored = readFileSync(new URL(".gitignore", import.meta.url), "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "" && !line.startsWith("#") && !line.startsWith("!"))
  .map(convertIgnorePatternToMinimatch)
  .map((glob) => (glob.endsWith("/") ? `${glob}**` : glob));

// CIO_TRANSPORT=node: tests that import the universal client entry (src/index.ts, src/raw.ts) get the Node entry
// instead (undici while globalThis.fetch is Node's own), so the client suites run against both transports.
const nodeEntry = (file: string) => fileURLToPath(new URL(`src/node/${file}`, import.meta.url));
const alias =
  process.env["CIO_TRANSPORT"] === "node"
    ? [
        { find: /^(?:\.\.\/)+src\/index\.js$/, replacement: nodeEntry("index.ts") },
        { find: /^(?:\.\.\/)+src\/raw\.js$/, replacement: nodeEntry("raw.ts") },
      ]
    : [];

export default defineConfig({
  // tsconfig.json "paths": the package's own public names resolve to their source in a checkout.
  resolve: { tsconfigPaths: true, alias },
  test: {
    include: ["test/**/*.test.ts"],
    // Two suites take minutes and run as steps of their own (.ci/run): test/install installs the package into fresh
    // folders (npm run test:install); the docs site's browser check walks every page (npm run test:docs).
    exclude: [...configDefaults.exclude, ...ignored, "test/install/**", "test/docs/site.test.ts"],
    environment: "node",
    // Fails any test that prints a secret registered with registerSecret() (test/support/secrets.ts).
    setupFiles: ["test/support/print-guard.ts"],
    // A temp directory of the run's own; the run fails when a test leaves anything in it.
    // Then the binary's sources are transpiled once into it, for the tests that start the binary.
    globalSetup: ["test/support/temp-dir.ts", "test/support/cli-build.ts"],
    // Tests share nock's global interceptors; files still run in parallel, each in its own worker.
    pool: "forks",
    // Much of a test file's time is spent waiting on the child processes and sockets it starts; vitest's default
    // (one worker less than the cores) leaves a two-core machine with a single worker and a core idle.
    maxWorkers: Math.max(availableParallelism() - 1, 2),
    testTimeout: 60_000,
    // CI reads the JSON report to print its closing "N passed, N failed" line (.ci/run).
    reporters: process.env["CI"] ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
    hookTimeout: 120_000,
  },
});
