import type { Problem } from "../problem.js";
import { bareCioId, identifierProblems, isObject, refuse } from "../rules/index.js";
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
  const record: unknown = person;
  const forms = isObject(record) ? FORMS.filter((key) => record[key] !== undefined) : [];
  const [form] = forms;
  if (typeof person !== "string" && (form === undefined || forms.length > 1)) {
    const code = forms.length > 1 ? "several_forms" : "no_form";
    return refuse(problems, code, ["person"], "must be a string or have id, email or cioId") ?? "";
  }
  const path = form === undefined ? ["person"] : ["person", form];
  let value = form === undefined ? person : (record as Record<string, unknown>)[form];
  if (form === "id" && typeof value === "number") {
    if (!Number.isSafeInteger(value)) return refuse(problems, "unsafe_integer", path, "must be a safe integer") ?? "";
    value = String(value);
  }
  // A cioId is sent with its prefix, added once; the part after it is what must not be blank.
  if (form === "cioId" && typeof value === "string") {
    value = bareCioId(value);
    if ((value as string).trim() === "") return refuse(problems, "blank", path, "must not be empty or blank") ?? "";
    value = CIO_ID_PREFIX + (value as string);
  }
  const count = problems.length;
  problems.push(...identifierProblems(value, path, MAX_IDENTIFIER_BYTES));
  if (problems.length > count) return "";
  const id = value as string;
  if (id === "." || id === "..") refuse(problems, "dot_segment", path, "cannot be . or ..");
  else if (form === "email" && !isEmailAddress(id)) refuse(problems, "not_an_email", path, "is not an email address");
  else if (form === "id" && id.startsWith(CIO_ID_PREFIX))
    refuse(problems, "cio_prefix", path, "starts with cio_: use cioId");
  return id;
}
