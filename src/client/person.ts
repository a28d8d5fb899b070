import type { Problem } from "../problem.js";
import { identifierProblems, isObject, refuse } from "../rules/index.js";
import { CIO_ID_PREFIX, MAX_IDENTIFIER_BYTES, isEmailAddress } from "../spec/limits.js";

/**
 * Who a call is about. The form decides the path identifier (rule C10):
 *
 * - `{ id }`: the workspace's own id, sent as is (numbers are written in decimal).
 * - `{ email }`: an email address, for workspaces that identify people by email.
 * - `{ cioId }`: Customer.io's internal id, sent as `cio_<cioId>`; a value that already starts with `cio_` is not
 *   prefixed twice. Only this form can change an `id` or `email` that is already set (rules C5, C7).
 * - a string: used as the path identifier exactly as given, for callers who already hold the wire form.
 *
 * The identifier is URL-encoded once (`encodeURIComponent`), when the request URL is built.
 */
export type Person =
  | string
  | { id: string | number; email?: never; cioId?: never }
  | { email: string; id?: never; cioId?: never }
  | { cioId: string; id?: never; email?: never };

const FORMS = ["id", "email", "cioId"] as const;

/**
 * The path identifier of a person. Problems go to `problems` (their messages name the field, never the value);
 * the identifier returned is meaningful only when none were added.
 */
export function toIdentifier(person: Person, problems: Problem[]): string {
  if (typeof person === "string") return identifier(person, ["person"], problems);
  const record: unknown = person;
  const forms = isObject(record) ? FORMS.filter((key) => record[key] !== undefined) : [];
  const form = forms[0];
  if (forms.length !== 1 || form === undefined) {
    const code = forms.length > 1 ? "several_forms" : "no_form";
    return refuse(problems, code, ["person"], "must be a string or have id, email or cioId") ?? "";
  }
  const path = ["person", form];
  let value = (record as Record<string, unknown>)[form];
  if (form === "id" && typeof value === "number") {
    if (!Number.isSafeInteger(value)) return refuse(problems, "unsafe_integer", path, "must be a safe integer") ?? "";
    value = String(value);
  }
  if (form === "cioId" && typeof value === "string") {
    // Sent with its prefix, added once; the part after it is what must not be blank.
    const bare = value.startsWith(CIO_ID_PREFIX) ? value.slice(CIO_ID_PREFIX.length) : value;
    const blank = identifierProblems(bare, path);
    problems.push(...blank);
    if (blank.length > 0) return "";
    value = CIO_ID_PREFIX + bare;
  }
  const count = problems.length;
  const id = identifier(value, path, problems);
  if (problems.length === count) {
    if (form === "email" && !isEmailAddress(id)) refuse(problems, "not_an_email", path, "is not an email address");
    if (form === "id" && id.startsWith(CIO_ID_PREFIX))
      refuse(problems, "cio_prefix", path, "starts with cio_: use cioId");
  }
  return id;
}

/** A string, not blank, within the identifier byte limit, and no URL path navigation (`.` or `..`). */
function identifier(value: unknown, path: string[], problems: Problem[]): string {
  const found = identifierProblems(value, path, MAX_IDENTIFIER_BYTES);
  problems.push(...found);
  if (found.length === 0 && (value === "." || value === ".."))
    refuse(problems, "dot_segment", path, "cannot be . or ..");
  return typeof value === "string" ? value : "";
}
