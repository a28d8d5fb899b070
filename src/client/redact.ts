/**
 * Keeps secrets and personal data out of the `cause` of an error.
 *
 * `cause` is not enumerable on the client's errors, but `util.inspect` (and so `console.log`) prints it anyway,
 * with its message and stack. A low-level error can name the URL it failed on (node-fetch writes "request to
 * https://…/customers/ada%40example.com failed"), and a caller's abort reason can be any value. So the client
 * never keeps the original object: it keeps a copy whose messages have the request's secrets, identifiers and
 * attribute values cut out, and whose URLs are cut down to their origin.
 */

/**
 * The strings of a request that must not appear in an error: the credentials (the client's own, listed once when
 * it is created), the identifier and the attribute values (strings).
 */
export function secretsOf(url: string, body: string | null, credentials: readonly string[]): string[] {
  const found = new Set(credentials);
  const identifier = /\/customers\/([^/?#]+)/.exec(url)?.[1];
  if (identifier !== undefined) {
    found.add(identifier);
    try {
      found.add(decodeURIComponent(identifier));
    } catch {
      // Not percent-encoded text: listed as it is.
    }
  }
  if (body !== null) {
    try {
      // Every string of the body, at any depth: JSON.parse hands each value to the reviver.
      JSON.parse(body, (_key, value: unknown) => {
        if (typeof value === "string") found.add(value);
        return value;
      });
    } catch {
      found.add(body);
    }
  }
  // Secrets shorter than 3 characters would cut ordinary words; the longest go first so none is left half-cut.
  return [...found].filter((secret) => secret.length > 2).sort((a, b) => b.length - a.length);
}

/** Removes `secrets` (and every URL's path and query) from a piece of text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/\b(https?:\/\/[^/\s"'<>?#]+)[^\s"'<>]*/gi, "$1/…");
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  return out;
}

/**
 * A copy of `cause` that is safe to print: a chain of plain `Error`s (at most 4 deep) keeping each level's name,
 * code, and its message and stack with the secrets removed. Values that are not errors are kept only if they are
 * strings.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 3) return undefined;
  if (typeof cause === "string") return redactText(cause, secrets);
  if (typeof cause !== "object" || cause === null) return undefined;
  const { name, message, code, stack, cause: inner } = cause as Record<string, unknown>;
  const nested = redactCause(inner, secrets, depth + 1);
  const copy = new Error(
    redactText(typeof message === "string" ? message : "", secrets),
    nested === undefined ? undefined : { cause: nested },
  );
  if (typeof name === "string") copy.name = name;
  if (typeof code === "string" || typeof code === "number") Object.assign(copy, { code });
  const text = typeof stack === "string" ? stack : `${copy.name}: ${copy.message}`;
  Object.defineProperty(copy, "stack", { value: redactText(text, secrets), writable: true, configurable: true });
  return copy;
}
