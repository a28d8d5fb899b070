/**
 * A Track API (or inspection API) request body, from bytes to a value the rules may touch: the 1 MiB cap, and
 * safe JSON parsing (UTF-8, depth, repeated keys, no prototype to pollute). validation.ts checks the content
 * type (C12) before, and the value against the spec and its byte limits after.
 *
 * Messages name the attribute and the rule broken, never the value: values are often personal data.
 */
import type { Problem } from "../problem.js";
import { isObject, shortName } from "../rules/index.js";

/** The largest body the simulator reads (1 MiB); bigger ones are answered 413 without being read to the end. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** JSON nested deeper than this is refused, so that no later step can run out of stack on a hostile body. */
export const MAX_JSON_DEPTH = 100;

/**
 * Reads a body up to `cap` bytes; stops reading, and cancels the stream, as soon as it is over. A body stream
 * that fails is the sender's problem (`"unreadable"`), not the simulator's.
 */
export async function readCapped(
  request: Request,
  cap = MAX_BODY_BYTES,
): Promise<Uint8Array | "too large" | "unreadable"> {
  try {
    return await readUpTo(request, cap);
  } catch {
    return "unreadable";
  }
}

async function readUpTo(request: Request, cap: number): Promise<Uint8Array | "too large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > cap) {
    await request.body?.cancel().catch(() => undefined);
    return "too large";
  }
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      return "too large";
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

function bodyProblem(code: string, message: string): { problem: Problem } {
  return { problem: { code, path: ["body"], message } };
}

/**
 * Parses a JSON object body. The result is a tree of null-prototype objects: a key such as `__proto__` is an
 * ordinary own key there, so no later assignment can reach Object.prototype.
 *
 * A key repeated within one object is refused unless told otherwise: JSON.parse would keep the last one
 * silently, while other parsers keep the first, so the same bytes could mean two different updates.
 */
export function parseJsonObject(
  bytes: Uint8Array,
  refuseRepeatedKeys = true,
): { value: Record<string, unknown>; raw: unknown } | { problem: Problem } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return bodyProblem("invalid_utf8", "request body is not valid UTF-8");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return bodyProblem("invalid_json", "request body is not valid JSON");
  }
  if (!isObject(raw)) return bodyProblem("not_an_object", "request body must be a JSON object");
  const value = nullPrototypeCopy(raw, 1);
  if (value === TOO_DEEP)
    return bodyProblem("too_deep", `request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  const repeated = refuseRepeatedKeys ? repeatedKey(text) : undefined;
  if (repeated === undefined) return { value: value as Record<string, unknown>, raw };
  const name = shortName(repeated.attribute);
  return bodyProblem(
    "repeated_key",
    repeated.nested
      ? `request body repeats a key within one object inside attribute '${name}'`
      : `request body repeats the attribute '${name}'`,
  );
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The first key that appears twice in one object of `text`, which must be valid JSON (JSON.parse accepted it),
 * with the top-level attribute it belongs to. One pass, no recursion.
 */
function repeatedKey(text: string): { attribute: string; nested: boolean } | undefined {
  // One entry per open object (the keys seen so far) or array (null).
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  let attribute = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      let end = i + 1;
      let escaped = false;
      while (text.charCodeAt(end) !== QUOTE) {
        if (text.charCodeAt(end) === BACKSLASH) {
          escaped = true;
          end++;
        }
        end++;
      }
      const keys = open.at(-1);
      if (expectKey && keys) {
        const key = escaped ? (JSON.parse(text.slice(i, end + 1)) as string) : text.slice(i + 1, end);
        if (keys.has(key)) return { attribute: open.length === 1 ? key : attribute, nested: open.length > 1 };
        keys.add(key);
        if (open.length === 1) attribute = key;
        expectKey = false;
      }
      i = end;
    } else if (code === 0x7b /* { */) {
      open.push(new Set());
      expectKey = true;
    } else if (code === 0x5b /* [ */) {
      open.push(null);
      expectKey = false;
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      open.pop();
      expectKey = false;
    } else if (code === 0x2c /* , */) {
      expectKey = (open.at(-1) ?? null) !== null;
    }
  }
  return undefined;
}

const TOO_DEEP: unique symbol = Symbol("too deep");

/**
 * A copy of a parsed JSON value made of null-prototype objects, or TOO_DEEP when something in it sits deeper
 * than MAX_JSON_DEPTH (the root is depth 1). One pass does both: the copy gives up at that depth, so its
 * recursion never goes deeper than MAX_JSON_DEPTH + 1 frames, even for a body of a million `[`.
 */
function nullPrototypeCopy(value: unknown, depth: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (depth > MAX_JSON_DEPTH) return TOO_DEEP;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const child = nullPrototypeCopy(value[i], depth + 1);
      if (child === TOO_DEEP) return TOO_DEEP;
      copy[i] = child;
    }
    return copy;
  }
  const copy = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const child = nullPrototypeCopy((value as Record<string, unknown>)[key], depth + 1);
    if (child === TOO_DEEP) return TOO_DEEP;
    copy[key] = child;
  }
  return copy;
}
