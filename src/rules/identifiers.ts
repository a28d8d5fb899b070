/**
 * Identifier forms (C10) and the checks every identifier takes: a string, not blank, within the byte limit.
 */
import type { Problem } from "../problem.js";
import { CIO_ID_PREFIX, isEmailAddress, MAX_IDENTIFIER_BYTES } from "../spec/limits.js";
import { fieldName, refuse } from "./report.js";
import { describeKind, exceedsBytes } from "./values.js";

export { CIO_ID_PREFIX, isEmailAddress };

/** What a path identifier names a person by. */
export type IdentifierForm = "cio_id" | "email" | "id";

/**
 * C10: the form of a path identifier, from its shape: the `cio_` prefix makes a cio_id; an email address is an
 * email where the workspace identifies people by email; anything else (a phone number too) is an id.
 */
export function identifierForm(identifier: string, emailIdentifies: boolean): IdentifierForm {
  if (identifier.startsWith(CIO_ID_PREFIX)) return "cio_id";
  if (emailIdentifies && isEmailAddress(identifier)) return "email";
  return "id";
}

/** A cio_id without its prefix (a value without the prefix is returned as it is). */
export function bareCioId(value: string): string {
  return value.startsWith(CIO_ID_PREFIX) ? value.slice(CIO_ID_PREFIX.length) : value;
}

/** Whether a string is over the identifier byte limit (person ids, object ids). */
export function identifierTooLong(value: string): boolean {
  return exceedsBytes(value, MAX_IDENTIFIER_BYTES);
}

/**
 * A string over `limit` UTF-8 bytes, as a problem (`code`, by default `too_long`) whose message starts with
 * `label` (the element's name). Empty when the string is within the limit.
 */
export function byteLimitProblems(
  value: string,
  limit: number,
  path: readonly (string | number)[],
  label: string,
  code = "too_long",
): Problem[] {
  return exceedsBytes(value, limit) ? [{ code, path, message: `${label} cannot be longer than ${limit} bytes` }] : [];
}

/**
 * An identifier value: a string that is not empty or blank. With `maxBytes`, also at most that many UTF-8 bytes
 * (Customer.io documents the limit for person ids; see limits.ts). Messages start with the last key of `path`.
 */
export function identifierProblems(value: unknown, path: readonly (string | number)[], maxBytes?: number): Problem[] {
  const problems: Problem[] = [];
  if (typeof value !== "string") refuse(problems, "not_a_string", path, `must be a string, not ${describeKind(value)}`);
  else if (value.trim() === "") refuse(problems, "blank", path, "must not be empty or blank");
  else if (maxBytes !== undefined) problems.push(...byteLimitProblems(value, maxBytes, path, fieldName(path)));
  return problems;
}
