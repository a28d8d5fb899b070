/** Unix times (C22 `created_at`, `_timestamp`): whole, non-negative seconds, not milliseconds. */
import type { Problem } from "../problem.js";
import { MAX_UNIX_SECONDS } from "../spec/limits.js";
import { refuse } from "./report.js";
import { describeKind } from "./values.js";

export { MAX_UNIX_SECONDS };

/** Whether a number reads as Unix seconds: an integer from 0 up to {@link MAX_UNIX_SECONDS}. */
export function isUnixSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_UNIX_SECONDS;
}

/** Problems with a value meant as Unix seconds; empty when it is one. Messages start with the last key of `path`. */
export function unixSecondsProblems(value: unknown, path: readonly (string | number)[]): Problem[] {
  const problems: Problem[] = [];
  if (typeof value !== "number" || !Number.isInteger(value)) {
    const kind = Number.isFinite(value) ? "a fraction" : describeKind(value);
    refuse(problems, "not_an_integer", path, `must be whole Unix seconds, not ${kind}`);
  } else if (value < 0) refuse(problems, "negative", path, "must not be negative");
  else if (value > MAX_UNIX_SECONDS) {
    refuse(problems, "milliseconds", path, "looks like milliseconds; Unix time is read in seconds");
  }
  return problems;
}
