/**
 * Turning text from the command line or a CSV cell into attribute values, the same way everywhere:
 * `42` and `-1.5` become numbers, `true`/`false` booleans, `null` null; anything else stays a string. Only a
 * number's canonical spelling converts, so `007`, `1e3` and `+44 20 7946` (zip codes, phone numbers) stay text.
 */
import type { AttributeValue } from "../client/attributes.js";
import { errorGuard } from "../error-guard.js";

export function typedValue(text: string): AttributeValue {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text === "null") return null;
  if (/^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text)) {
    const n = Number(text);
    if (Number.isFinite(n) && (Number.isSafeInteger(n) || !Number.isInteger(n)) && String(n) === text) return n;
  }
  return text;
}

/** Splits `key=value` at the first `=`; the key must not be empty. */
export function keyValue(text: string, flag: string): [string, string] {
  const at = text.indexOf("=");
  if (at <= 0) throw new UsageError(`${flag} takes key=value, got ${JSON.stringify(text)}`);
  return [text.slice(0, at), text.slice(at + 1)];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A time as whole Unix seconds, from Unix seconds (`1700000000`) or an ISO 8601 date (`2023-11-14`, taken as
 * midnight UTC) or date and time with its zone (`2023-11-14T22:13:20Z`, `2023-11-14T23:13:20+01:00`). A time without
 * a zone is refused: which zone the machine happens to be in must not decide when something happened. Returns
 * the seconds, or what is wrong as text.
 */
export function timeValue(text: string): number | string {
  if (/^[0-9]+$/.test(text)) return Number(text);
  if (!ISO_DATE.test(text) && !ISO_DATE_TIME.test(text)) {
    return /^\d{4}-\d{2}-\d{2}T[0-9:.]+$/.test(text)
      ? "needs a time zone, e.g. 2023-11-14T22:13:20Z or 2023-11-14T23:13:20+01:00"
      : "must be Unix seconds or an ISO 8601 date such as 2023-11-14T22:13:20Z";
  }
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const ms = Date.parse(text);
  if (Number.isNaN(ms) || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day)
    return "is not a real date";
  return Math.floor(ms / 1000);
}

/** {@link timeValue} for a flag: a usage error naming the flag when the text is not a time. */
export function unixTime(text: string, flag: string): number {
  const time = timeValue(text);
  if (typeof time === "string") throw new UsageError(`${flag} ${time}`);
  return time;
}

/** A mistake in how a command was called: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
  readonly code = "usage";
}

export const isUsageError = errorGuard(UsageError, "UsageError", "usage");

/**
 * A whole number given to a flag, checked against its range; undefined when the flag was not given. The message
 * names the flag, the range and what was given: `--rate must be a whole number from 0, not "-5"`.
 */
export function wholeNumber(
  text: string | undefined,
  flag: string,
  range: { min: number; max?: number },
): number | undefined {
  if (text === undefined) return undefined;
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || (range.max !== undefined && n > range.max)) {
    const span = range.max === undefined ? `from ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`${flag} must be a whole number ${span}, not ${JSON.stringify(text)}`);
  }
  return n;
}
