/**
 * The checkpoint of an import: a journal of finished records (accepted or rejected), appended as the import goes,
 * so an interrupted or crashed import resumes without resending them.
 *
 * Format: a first line describing the import (file path and size, mode), then one record number per line. On
 * Ctrl-C and SIGTERM the journal is flushed before the process exits, so nothing finished is resent; after a hard
 * kill only the records finished in the last moments before it (still in the write buffer) may be sent again.
 */
import { createWriteStream, existsSync, readFileSync, statSync, type WriteStream } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./values.js";

interface Header {
  version: 1;
  file: string;
  size: number;
  mode: "identify" | "update";
}

export class Checkpoint {
  private readonly finished: Set<number>;
  /** Every record up to and including this one is finished; only later ones are kept in `finished`. */
  private watermark: number;
  private readonly out: WriteStream;

  private constructor(path: string, header: Header, finished: Set<number>, append: boolean) {
    this.finished = finished;
    this.watermark = 0;
    this.advance();
    this.out = createWriteStream(path, { flags: append ? "a" : "w" });
    if (!append) this.out.write(`${JSON.stringify(header)}\n`);
  }

  /** Starts a new checkpoint, or resumes one; refuses to overwrite one by accident or resume another file's. */
  static open(path: string, file: string, mode: Header["mode"], resume: boolean): { checkpoint: Checkpoint; resumed: number } {
    const header: Header = { version: 1, file: resolve(file), size: statSync(file).size, mode };
    if (!resume) {
      if (existsSync(path)) throw new UsageError(`a checkpoint exists at ${path}: continue with --resume, or delete it to start over`);
      return { checkpoint: new Checkpoint(path, header, new Set(), false), resumed: 0 };
    }
    if (!existsSync(path)) throw new UsageError(`--resume: no checkpoint at ${path}`);
    const [first, ...lines] = readFileSync(path, "utf8").split("\n");
    let saved: Header;
    try {
      saved = JSON.parse(first ?? "") as Header;
    } catch {
      throw new UsageError(`--resume: ${path} is not a checkpoint`);
    }
    if (saved.file !== header.file || saved.size !== header.size || saved.mode !== header.mode) {
      throw new UsageError(`--resume: ${path} belongs to another import (${saved.file}, ${saved.size} bytes, ${saved.mode})`);
    }
    const finished = new Set<number>();
    for (const line of lines) if (/^[0-9]+$/.test(line)) finished.add(Number(line));
    return { checkpoint: new Checkpoint(path, header, finished, true), resumed: finished.size };
  }

  isFinished(row: number): boolean {
    return row <= this.watermark || this.finished.has(row);
  }

  finish(row: number): void {
    this.out.write(`${row}\n`);
    this.finished.add(row);
    this.advance();
  }

  /** Flushes the journal to disk. */
  close(): Promise<void> {
    return new Promise((resolveClose, reject) => this.out.end((error?: Error | null) => (error ? reject(error) : resolveClose())));
  }

  /** Keeps memory flat: records below the watermark need not be remembered one by one. */
  private advance(): void {
    while (this.finished.has(this.watermark + 1)) this.finished.delete(++this.watermark);
  }
}
