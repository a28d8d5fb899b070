/** Unix times (C22 `created_at`, `_timestamp`): whole, non-negative seconds, not milliseconds. */
import type { Problem } from "../problem.js";
import { MAX_UNIX_SECONDS } from "../spec/limits.js";
import { describeKind } from "./values.js";

export { MAX_UNIX_SECONDS };

/** Whether a number reads as Unix seconds: an integer from 0 up to {@link MAX_UNIX_SECONDS}. */
export function isUnixSeconds(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_UNIX_SECONDS;
}

/** Problems with a value meant as Unix seconds; empty when it is one. */
export function unixSecondsProblems(value: unknown, path: readonly (string | number)[]): Problem[] {
  const name = path.length === 0 ? "the time" : String(path.at(-1));
  if (typeof value !== "number" || !Number.isFinite(value)) {
    return [
      { code: "not_an_integer", path, message: `${name} must be whole Unix seconds, not ${describeKind(value)}` },
    ];
  }
  if (!Number.isInteger(value)) {
    return [{ code: "not_an_integer", path, message: `${name} must be whole Unix seconds, not a fraction` }];
  }
  if (value < 0) return [{ code: "negative", path, message: `${name} must not be negative` }];
  if (value > MAX_UNIX_SECONDS) {
    return [{ code: "milliseconds", path, message: `${name} looks like milliseconds; Unix time is read in seconds` }];
  }
  return [];
}
