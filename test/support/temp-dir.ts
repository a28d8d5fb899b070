/**
 * Global setup of the vitest run: every test, worker and child process gets a temp directory of the run's own
 * ($TMPDIR, which os.tmpdir() reads, set before the workers start). When the run ends, whatever is left in it is a
 * temp folder or file some test did not remove: the run lists them and fails. Then the directory goes.
 *
 * tsx keeps its compile cache in the temp directory (tsx-<uid>); that one entry is linked to the usual cache, so
 * the TypeScript children the tests start stay as fast as elsewhere, and it is not counted.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const systemTemp = tmpdir();
  const runDir = mkdtempSync(join(systemTemp, "cio-test-run-"));
  const tsxCache = `tsx-${process.getuid?.() ?? 0}`;
  mkdirSync(join(systemTemp, tsxCache), { recursive: true });
  symlinkSync(join(systemTemp, tsxCache), join(runDir, tsxCache), "dir");
  process.env["TMPDIR"] = runDir;
  return () => {
    const left = readdirSync(runDir).filter((entry) => entry !== tsxCache);
    rmSync(runDir, { recursive: true, force: true });
    process.env["TMPDIR"] = systemTemp;
    if (left.length > 0) {
      throw new Error(
        `the tests left ${left.length} entries in the temp directory (each test must remove what it creates): ${left.sort().join(", ")}`,
      );
    }
  };
}
