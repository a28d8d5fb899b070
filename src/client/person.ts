import type { Problem } from "../problem.js";
import { identifierProblems, isObject } from "../rules/index.js";
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
  if (forms.length !== 1) {
    const code = forms.length > 1 ? "several_forms" : "no_form";
    problems.push({ code, path: ["person"], message: "person must be a string or have one of id, email or cioId" });
    return "";
  }
  const form = forms[0] ?? "id";
  const path = ["person", form];
  let value: unknown = (record as Record<string, unknown>)[form];
  if (form === "id" && typeof value === "number") {
    if (!Number.isSafeInteger(value)) {
      problems.push({ code: "unsafe_integer", path, message: "id must be a safe integer or a string" });
      return "";
    }
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
  if (problems.length > count) return id;
  if (form === "email" && !isEmailAddress(id)) {
    problems.push({ code: "not_an_email", path, message: "email is not an email address" });
  } else if (form === "id" && id.startsWith(CIO_ID_PREFIX)) {
    problems.push({ code: "cio_prefix", path, message: "id starts with cio_, which marks a cio_id; use { cioId }" });
  }
  return id;
}

/** A string, not blank, within the identifier byte limit, and no URL path navigation (`.` or `..`). */
function identifier(value: unknown, path: string[], problems: Problem[]): string {
  const found = identifierProblems(value, path, { maxBytes: MAX_IDENTIFIER_BYTES });
  if (found.length > 0) problems.push(...found);
  else if (value === "." || value === "..") {
    problems.push({ code: "dot_segment", path, message: `${path.at(-1) ?? ""} cannot be . or .. (URL navigation)` });
  }
  return typeof value === "string" ? value : "";
}
