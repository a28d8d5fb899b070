/**
 * Output files of the commands (a report, a rejects file, a checkpoint): their parent folders are created, so
 * `--out reports/today/run.xml` works in a fresh folder; a path that still cannot be written is a one-line error.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";

/** Creates the folders a file will go in. */
export function ensureParent(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}

/**
 * Checks early that a file can be created at `path` (its folders are made), so a bad output path is a one-line
 * error before anything is sent, not a failure halfway through.
 */
export function checkWritable(path: string): void {
  ensureParent(path);
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      throw Object.assign(new Error("is a folder"), { code: "EISDIR", path, syscall: "open" });
    accessSync(path, constants.W_OK);
  } else accessSync(dirname(path), constants.W_OK);
}
