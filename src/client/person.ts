import { exceedsBytes } from "../rules/values.js";
import { CIO_ID_PREFIX, MAX_IDENTIFIER_BYTES, isEmailAddress } from "../spec/limits.js";
import { ValidationError } from "./errors.js";

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

/** Turns a person into the path identifier, or throws a ValidationError naming the field at fault. */
export function toIdentifier(person: Person): string {
  if (typeof person === "string") return checked("person", person);
  if (typeof person !== "object" || person === null) {
    throw new ValidationError("person", "expected a string or an object with one of id, email or cioId");
  }
  const forms = (["id", "email", "cioId"] as const).filter(
    (key) => (person as Record<string, unknown>)[key] !== undefined,
  );
  if (forms.length === 0) throw new ValidationError("person", "give one of id, email or cioId");
  if (forms.length > 1) {
    throw new ValidationError("person", `give only one of id, email or cioId, not ${forms.join(" and ")}`);
  }
  if ("cioId" in person && person.cioId !== undefined) {
    const value = requireString("person.cioId", person.cioId);
    const bare = value.startsWith(CIO_ID_PREFIX) ? value.slice(CIO_ID_PREFIX.length) : value;
    if (bare.trim() === "") throw new ValidationError("person.cioId", "must not be empty");
    return checked("person.cioId", CIO_ID_PREFIX + bare);
  }
  if ("email" in person && person.email !== undefined) {
    const value = checked("person.email", requireString("person.email", person.email));
    if (!isEmailAddress(value)) throw new ValidationError("person.email", "is not an email address");
    return value;
  }
  const raw = (person as { id: unknown }).id;
  const value =
    typeof raw === "number"
      ? Number.isSafeInteger(raw)
        ? String(raw)
        : invalid("person.id", "a number must be a safe integer; pass other ids as strings")
      : requireString("person.id", raw);
  if (value.startsWith(CIO_ID_PREFIX)) {
    throw new ValidationError(
      "person.id",
      "starts with cio_, which the server reads as a cio_id; use { cioId } for those",
    );
  }
  return checked("person.id", value);
}

function requireString(field: string, value: unknown): string {
  if (typeof value !== "string") throw new ValidationError(field, `expected a string, got ${typeof value}`);
  return value;
}

function checked(field: string, value: string): string {
  if (value.trim() === "") throw new ValidationError(field, "must not be empty or blank");
  if (value === "." || value === "..") {
    throw new ValidationError(field, "cannot be . or .., which URLs treat as path navigation");
  }
  if (exceedsBytes(value, MAX_IDENTIFIER_BYTES)) {
    throw new ValidationError(field, `is longer than ${MAX_IDENTIFIER_BYTES} bytes of UTF-8`);
  }
  return value;
}

function invalid(field: string, reason: string): never {
  throw new ValidationError(field, reason);
}
