/**
 * Shapes and sizes of JSON values, as Customer.io measures them: strings in UTF-8 bytes, arrays and objects as
 * their JSON text.
 */
import { utf8Length } from "../spec/limits.js";

export { utf8Length };

/** A JSON object: not null, not an array. Parsed JSON and plain records alike. */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object literal or a null-prototype object: what JSON can carry without losing a class or a getter. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Whether a string's UTF-8 encoding is over `limit` bytes, as servers ask it of every value of every request. A
 * UTF-16 unit is 1 to 3 bytes of UTF-8 (a surrogate pair 4 for its two units), so most strings are settled by their
 * length alone, without encoding them.
 */
export function exceedsBytes(text: string, limit: number): boolean {
  return text.length > limit || (text.length * 3 > limit && utf8Length(text) > limit);
}

/** Whether a value is over `limit` bytes: strings as UTF-8, arrays and objects as JSON; other values never are. */
export function valueExceedsBytes(value: unknown, limit: number): boolean {
  if (typeof value === "string") return exceedsBytes(value, limit);
  if (typeof value === "object" && value !== null) return exceedsBytes(JSON.stringify(value), limit);
  return false;
}

/** The kind of a value for a message, never the value itself (values are personal data). */
export function describeKind(value: unknown): string {
  if (value === null || value === undefined || (typeof value === "number" && !Number.isFinite(value)))
    return String(value);
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
