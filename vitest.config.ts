import { defineConfig } from "vitest/config";

export default defineConfig({
  // tsconfig.json "paths": the package's own public names resolve to their source in a checkout.
  resolve: { tsconfigPaths: true },
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Fails any test that prints a secret registered with registerSecret() (test/support/secrets.ts).
    setupFiles: ["test/support/print-guard.ts"],
    // Tests share nock's global interceptors; files still run in parallel, each in its own worker.
    pool: "forks",
    testTimeout: 60_000,
    // CI reads the JSON report to print its closing "N passed, N failed" line (.ci/run).
    reporters: process.env["CI"] ? ["default", "json"] : ["default"],
    outputFile: { json: "test-results/vitest.json" },
    hookTimeout: 120_000,
  },
});
