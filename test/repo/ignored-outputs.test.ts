/**
 * Whatever a script writes where git ignores it (builds, bench results, installed peers, reports) never reaches the
 * lint step or the type check: both skip what .gitignore lists. Checked on a copy of the project's lint and type
 * configuration with a file full of lint and type errors in every ignored folder, and the same file once where
 * nothing ignores it, which must fail both.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = new URL("../..", import.meta.url).pathname;
const bin = (name: string) => join(root, "node_modules", ".bin", name);

/** The folders .gitignore lists, as paths from the root (node_modules itself is linked in, so not written to). */
const ignoredFolders = readFileSync(join(root, ".gitignore"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line.endsWith("/") && !line.startsWith("#") && !line.startsWith("!") && !/[*?[]/.test(line))
  .map((line) => line.replace(/^\//, "").replace(/\/$/, ""))
  .filter((folder) => folder !== "node_modules");

// Lint errors (var, any, unused) and a type error in one file.
const PROBE = 'var probe: any = 1;\nconst count: number = "many";\n';

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cio-ignored-"));
  for (const file of [".gitignore", "eslint.config.js", "tsconfig.json", "package.json"])
    copyFileSync(join(root, file), join(dir, file));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  for (const folder of ignoredFolders) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, "probe.ts"), PROBE);
  }
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "probe.ts"), PROBE);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("outputs git ignores", () => {
  it("include the build, the bench results and the installed peers", () => {
    expect(ignoredFolders).toEqual(
      expect.arrayContaining(["dist", "bench/results", "bench/peers/node_modules", "docs-site", "test-results"]),
    );
  });

  it("are skipped by the lint step, which still fails on the same file elsewhere", () => {
    const run = spawnSync(bin("eslint"), [".", "--format", "json"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as { filePath: string; errorCount: number }[];
    const failing = results.filter((r) => r.errorCount > 0).map((r) => r.filePath.slice(dir.length + 1));
    expect(failing).toEqual(["src/probe.ts"]);
  });

  it("are outside the type check, which still reads the same file elsewhere", () => {
    const listed = execFileSync(bin("tsc"), ["-p", "tsconfig.json", "--listFilesOnly"], { cwd: dir, encoding: "utf8" })
      .split("\n")
      .filter((file) => file.startsWith(dir))
      .map((file) => file.slice(dir.length + 1));
    expect(listed).toEqual(["src/probe.ts"]);
  });
});
