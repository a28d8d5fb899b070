/**
 * The checkpoint of an import: a journal of each record's final outcome, appended as the import goes, so an
 * interrupted or stopped import resumes without resending what is settled and resends everything else.
 *
 * Settled means accepted (2xx) or refused for its own content (invalid before sending, or a 400 about it). A record
 * whose call failed for a reason that may pass (a network error, a timeout, 429 or 5xx after the client's retries)
 * or that was answered 401/403 is not written, so `--resume` sends it again.
 *
 * Format: a first line describing the import (file path and size, mode), then one line per settled record:
 * `<record number> accepted` or `<record number> refused`. On Ctrl-C and SIGTERM the journal is flushed before the
 * process exits; after a hard kill only the records settled in the last moments before it may be sent again.
 */
import { existsSync, openSync, readFileSync, statSync, type WriteStream, createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { ensureParent } from "./files.js";
import { UsageError } from "./values.js";

interface Header {
  version: 2;
  /** Absolute path of the input, or `-` for stdin. */
  file: string;
  /** Its size in bytes; null for stdin. */
  size: number | null;
  mode: "identify" | "update";
}

export type Outcome = "accepted" | "refused";

export class Checkpoint {
  private readonly settled: Set<number>;
  /** Every record up to and including this one is settled; only later ones are kept in `settled`. */
  private watermark = 0;
  private readonly out: WriteStream;
  private failure: Error | undefined;

  private constructor(fd: number, header: Header | undefined, settled: Set<number>) {
    this.settled = settled;
    this.advance();
    this.out = createWriteStream("", { fd });
    this.out.on("error", (error) => (this.failure ??= error));
    if (header) this.out.write(`${JSON.stringify(header)}\n`);
  }

  /**
   * Starts a new checkpoint, or resumes one; refuses to overwrite one by accident or to resume another input's.
   * `resumed` counts the records the journal already settles, by outcome.
   */
  static open(
    path: string,
    input: string,
    mode: Header["mode"],
    resume: boolean,
  ): { checkpoint: Checkpoint; resumed: Record<Outcome, number> } {
    const header: Header = {
      version: 2,
      file: input === "-" ? "-" : resolve(input),
      size: input === "-" ? null : statSync(input).size,
      mode,
    };
    if (!resume) {
      if (existsSync(path))
        throw new UsageError(`a checkpoint exists at ${path}: continue with --resume, or delete it to start over`);
      ensureParent(path);
      return {
        checkpoint: new Checkpoint(openSync(path, "wx"), header, new Set()),
        resumed: { accepted: 0, refused: 0 },
      };
    }
    if (!existsSync(path)) throw new UsageError(`--resume: no checkpoint at ${path}`);
    const [first, ...lines] = readFileSync(path, "utf8").split("\n");
    let saved: Partial<Header>;
    try {
      saved = JSON.parse(first ?? "") as Partial<Header>;
    } catch {
      throw new UsageError(`--resume: ${path} is not a checkpoint`);
    }
    if (saved.file !== header.file || (saved.size ?? null) !== header.size || saved.mode !== header.mode) {
      throw new UsageError(
        `--resume: ${path} belongs to another import (${String(saved.file)}, ${String(saved.size)} bytes, ${String(saved.mode)})`,
      );
    }
    const settled = new Set<number>();
    const resumed = { accepted: 0, refused: 0 };
    for (const line of lines) {
      // A line without an outcome is from a journal that recorded settled records only.
      const match = /^([0-9]+)(?: (accepted|refused))?$/.exec(line);
      if (!match) continue;
      settled.add(Number(match[1]));
      resumed[match[2] === "refused" ? "refused" : "accepted"]++;
    }
    return { checkpoint: new Checkpoint(openSync(path, "a"), undefined, settled), resumed };
  }

  isSettled(row: number): boolean {
    return row <= this.watermark || this.settled.has(row);
  }

  record(row: number, outcome: Outcome): void {
    this.out.write(`${row} ${outcome}\n`);
    this.settled.add(row);
    this.advance();
  }

  /** Flushes the journal to disk; rejects if any write failed. */
  close(): Promise<void> {
    return new Promise((done, fail) =>
      this.out.end(() => {
        if (this.failure) fail(this.failure);
        else done();
      }),
    );
  }

  /** Keeps memory flat: records below the watermark need not be remembered one by one. */
  private advance(): void {
    while (this.settled.has(this.watermark + 1)) this.settled.delete(++this.watermark);
  }
}
