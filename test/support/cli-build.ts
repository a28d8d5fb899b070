/**
 * Global setup of the vitest run: the sources the `cio-customers` binary is made of are transpiled once, the way
 * tsx transpiles them (esbuild, file by file, no bundling), into a package folder of the run's own (its own
 * package.json, a link to node_modules). Tests that start the binary run that JavaScript with plain `node`, so no
 * child process pays for a TypeScript loader. CIO_TEST_CLI names the entry; test/package.test.ts still checks
 * the build a user gets from tsc.
 */
import { build } from "esbuild";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../..", import.meta.url).pathname;

/** The TypeScript files the package ships: what tsconfig.build.json compiles. */
function sources(): string[] {
  return ["src", "generated", "conformance"].flatMap((folder) =>
    readdirSync(join(ROOT, folder), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.endsWith(".d.ts"))
      .map((file) => join(ROOT, folder, file)),
  );
}

export default async function setup(): Promise<() => void> {
  const pkg = mkdtempSync(join(tmpdir(), "cio-cli-build-"));
  copyFileSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
  await build({
    entryPoints: sources(),
    outdir: join(pkg, "dist"),
    outbase: ROOT,
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    tsconfig: join(ROOT, "tsconfig.json"),
    logLevel: "error",
  });
  process.env["CIO_TEST_CLI"] = join(pkg, "dist", "src", "cli.js");
  return () => {
    rmSync(pkg, { recursive: true, force: true });
    delete process.env["CIO_TEST_CLI"];
  };
}
