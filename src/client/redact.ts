/**
 * Keeps secrets and personal data out of the `cause` of an error.
 *
 * `cause` is not enumerable on the client's errors, but `util.inspect` (and so `console.log`) prints it anyway,
 * with its message and stack. A low-level error can name the URL it failed on (node-fetch writes "request to
 * https://…/customers/ada%40example.com failed"), and a caller's abort reason can be any value. So the client
 * never keeps the original object: it keeps a copy whose messages have the request's secrets, identifiers and
 * attribute values cut out, and whose URLs are cut down to their origin.
 */

const REDACTED = "[redacted]";
const MIN_SECRET_LENGTH = 3;
const MAX_DEPTH = 4;

/** The strings of a request that must not appear in an error: credential, identifier, attribute values (strings). */
export function secretsOf(url: string, headers: Readonly<Record<string, string>>, body: string | null): string[] {
  const found = new Set<string>();
  const authorization = headers["Authorization"] ?? headers["authorization"];
  if (authorization !== undefined) {
    found.add(authorization);
    const token = authorization.replace(/^\s*\S+\s+/, "");
    found.add(token);
    try {
      const decoded = atob(token);
      found.add(decoded);
      const colon = decoded.indexOf(":");
      if (colon >= 0) found.add(decoded.slice(colon + 1));
    } catch {
      // Not Base64: the whole value is already listed.
    }
  }
  const identifier = /\/customers\/([^/?#]+)/.exec(url)?.[1];
  if (identifier !== undefined) {
    found.add(identifier);
    found.add(safeDecode(identifier));
  }
  if (body !== null) {
    const text = body;
    try {
      collectStrings(JSON.parse(text) as unknown, found, 0);
    } catch {
      found.add(text);
    }
  }
  return [...found].filter((secret) => secret.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}

/** Removes `secrets` (and every URL's path and query) from a piece of text. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text.replace(/\b(https?:\/\/[^/\s"'<>?#]+)[^\s"'<>]*/gi, "$1/…");
  for (const secret of secrets) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/**
 * A copy of `cause` that is safe to print: a chain of plain `Error`s keeping each level's name, code, and its
 * message and stack with the secrets removed. Values that are not errors are kept only if they are strings.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (cause === undefined || cause === null || depth >= MAX_DEPTH) return undefined;
  if (typeof cause === "string") return redactText(cause, secrets);
  if (typeof cause !== "object") return undefined;
  const source = cause as { name?: unknown; message?: unknown; code?: unknown; stack?: unknown; cause?: unknown };
  const copy = new Error(redactText(typeof source.message === "string" ? source.message : "", secrets));
  copy.name = typeof source.name === "string" ? source.name : "Error";
  if (typeof source.code === "string" || typeof source.code === "number") {
    Object.defineProperty(copy, "code", { value: source.code, enumerable: true });
  }
  const stack = typeof source.stack === "string" ? source.stack : `${copy.name}: ${copy.message}`;
  Object.defineProperty(copy, "stack", { value: redactText(stack, secrets), writable: true, configurable: true });
  const inner = redactCause(source.cause, secrets, depth + 1);
  if (inner !== undefined) Object.defineProperty(copy, "cause", { value: inner, writable: true, configurable: true });
  return copy;
}

function collectStrings(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 8) return;
  if (typeof value === "string") into.add(value);
  else if (Array.isArray(value)) for (const item of value) collectStrings(item, into, depth + 1);
  else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
