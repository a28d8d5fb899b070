/**
 * Writing a report where CI asks for it: the parent folders are created, and any failure becomes one
 * {@link ReportWriteError} whose message is a single line naming the path and the reason (the command prints it
 * and exits 2), never a stack trace.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { FailedStep } from "./failure.js";

/** A report could not be written. `message` is one line: the path and the system's reason. */
export class ReportWriteError extends FailedStep {
  override readonly name = "ReportWriteError";
  readonly code = "report_not_written";
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot write the report to ${path}`, reason);
  }
}

/** Writes `text` to `path`, creating missing parent folders. Throws a ReportWriteError on any failure. */
export function writeReportFile(path: string, text: string): void {
  const absolute = resolve(path);
  try {
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
  } catch (error) {
    throw new ReportWriteError(path, describe(error));
  }
}

/** `EACCES: permission denied` rather than the whole message with its repeated path. */
function describe(error: unknown): string {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    const text = error instanceof Error ? error.message : "";
    const reason = /^[A-Z]+: ([^,]+)/.exec(text)?.[1];
    return reason ? `${error.code}: ${reason}` : error.code;
  }
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
