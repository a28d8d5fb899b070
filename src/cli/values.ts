/**
 * Turning text from the command line or a CSV cell into attribute values, the same way everywhere:
 * `42` and `-1.5` become numbers, `true`/`false` booleans, `null` null; anything else stays a string. Only a
 * number's canonical spelling converts, so `007`, `1e3` and `+44 20 7946` (zip codes, phone numbers) stay text.
 */
import type { AttributeValue } from "../client/attributes.js";

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

/** A time given as Unix seconds or as a date (`2023-11-14`, `2023-11-14T22:13:20Z`), as whole Unix seconds. */
export function unixTime(text: string, flag: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new UsageError(`${flag} takes Unix seconds or a date such as 2023-11-14T22:13:20Z`);
  return Math.floor(ms / 1000);
}

/** A mistake in how a command was called: exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * A whole number given to a flag, checked against its range; undefined when the flag was not given. The message
 * names the flag, the range and what was given: `--rate must be a whole number from 0, not "-5"`.
 */
export function wholeNumber(text: string | undefined, flag: string, range: { min: number; max?: number }): number | undefined {
  if (text === undefined) return undefined;
  const n = /^[0-9]+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < range.min || (range.max !== undefined && n > range.max)) {
    const span = range.max === undefined ? `from ${range.min}` : `from ${range.min} to ${range.max}`;
    throw new UsageError(`${flag} must be a whole number ${span}, not ${JSON.stringify(text)}`);
  }
  return n;
}
