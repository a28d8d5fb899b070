/**
 * Import progress on stderr: a bar on a terminal (cli-progress: rows/s, accepted, rejected, ETA by bytes read),
 * a plain line every few seconds otherwise (CI logs, pipes), so logs stay readable.
 */
import { SingleBar } from "cli-progress";
import type { Output } from "./io.js";

export interface ProgressCounts {
  read: number;
  accepted: number;
  rejected: number;
  skipped: number;
}

export interface Progress {
  update(bytesRead: number, counts: ProgressCounts): void;
  stop(): void;
}

export function createProgress(totalBytes: number, interactive: boolean, stream: Output): Progress {
  const started = performance.now();
  const rate = (counts: ProgressCounts) => {
    const seconds = (performance.now() - started) / 1000;
    return seconds > 0 ? Math.round((counts.accepted + counts.rejected) / seconds) : 0;
  };
  if (interactive) {
    const bar = new SingleBar({
      stream,
      format: "{bar} {percentage}% | {accepted} accepted, {rejected} rejected | {rate} rows/s | ETA {eta_formatted}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
      hideCursor: true,
      etaBuffer: 50,
    });
    bar.start(Math.max(totalBytes, 1), 0, { accepted: 0, rejected: 0, rate: 0 });
    return {
      update: (bytes, counts) => bar.update(bytes, { accepted: counts.accepted, rejected: counts.rejected, rate: rate(counts) }),
      stop: () => bar.stop(),
    };
  }
  let last = performance.now();
  return {
    update(bytes, counts) {
      const now = performance.now();
      if (now - last < 2000) return;
      last = now;
      const percent = totalBytes > 0 ? Math.floor((bytes / totalBytes) * 100) : 100;
      stream.write(`${counts.read} rows read (${percent}% of the file): ${counts.accepted} accepted, ${counts.rejected} rejected, ${rate(counts)} rows/s\n`);
    },
    stop: () => undefined,
  };
}
