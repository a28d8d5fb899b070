/**
 * Output files of the commands (a report, a rejects file, a checkpoint): their parent folders are created, so
 * `--out reports/today/run.xml` works in a fresh folder; a path that still cannot be written is a one-line error.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";

/** Creates the folders a file will go in. */
export function ensureParent(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
}
