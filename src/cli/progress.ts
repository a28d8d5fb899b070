/**
 * Import progress on stderr, counted in records. On a terminal: a bar (cli-progress) redrawn in place and cleared
 * before the summary is printed. Otherwise (CI logs, pipes): a plain line every few seconds.
 *
 * Records are what is counted; the number of records in a file is not known until it has been read, so the
 * estimate of the time left is made from bytes: the share of the file's bytes whose records are settled. It is
 * labelled as such, and shown only once there is enough behind it (a few seconds and a few percent).
 */
import { SingleBar } from "cli-progress";
import type { Output } from "./io.js";

export interface ProgressCounts {
  /** Records read from the input. */
  read: number;
  accepted: number;
  refused: number;
  /** Records settled before this run (--resume) and skipped. */
  skipped: number;
}

export interface Progress {
  /** `bytesDone`: where in the input the settled records end. */
  update(bytesDone: number, counts: ProgressCounts): void;
  /** Removes the bar, so whatever is printed next starts on a clean line. */
  stop(): void;
}

const ETA_AFTER_MS = 3000;
const ETA_AFTER_SHARE = 0.02;

/** `totalBytes` undefined: the size is unknown (stdin), so there is neither a bar to fill nor an estimate. */
export function createProgress(
  totalBytes: number | undefined,
  interactive: boolean,
  stream: Output,
  now: () => number = () => performance.now(),
): Progress {
  const started = now();
  const line = (bytesDone: number, counts: ProgressCounts) => {
    const elapsed = now() - started;
    const settled = counts.accepted + counts.refused;
    const rate = elapsed > 0 ? Math.round((settled / elapsed) * 1000) : 0;
    const eta = estimate(bytesDone, totalBytes, elapsed);
    return `${settled} records settled: ${counts.accepted} accepted, ${counts.refused} refused | ${rate} records/s${eta ? ` | ${eta}` : ""}`;
  };
  if (interactive) {
    const bar = new SingleBar({
      stream,
      format: totalBytes === undefined ? "{line}" : "{bar} {line}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
      barsize: 20,
      hideCursor: true,
      clearOnComplete: true,
      linewrap: false,
    });
    bar.start(Math.max(totalBytes ?? 1, 1), 0, { line: line(0, { read: 0, accepted: 0, refused: 0, skipped: 0 }) });
    return {
      update: (bytesDone, counts) => bar.update(bytesDone, { line: line(bytesDone, counts) }),
      stop: () => bar.stop(),
    };
  }
  let last = started;
  return {
    update(bytesDone, counts) {
      const at = now();
      if (at - last < 2000) return;
      last = at;
      stream.write(`${line(bytesDone, counts)}\n`);
    },
    stop: () => undefined,
  };
}

/** "about 1m20s left (estimated from bytes)", or undefined while there is too little to go on. */
export function estimate(bytesDone: number, totalBytes: number | undefined, elapsedMs: number): string | undefined {
  if (totalBytes === undefined || totalBytes <= 0 || elapsedMs < ETA_AFTER_MS) return undefined;
  const share = Math.min(bytesDone / totalBytes, 1);
  if (share < ETA_AFTER_SHARE) return undefined;
  const leftMs = (elapsedMs / share) * (1 - share);
  return `about ${duration(leftMs)} left (estimated from bytes)`;
}

export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}
