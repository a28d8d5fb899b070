/**
 * Everything a Track API request must pass before any rule sees it: C12 (a JSON body sent as
 * `application/json`), the body cap, safe JSON parsing, the spec's schemas (through src/spec/validator.ts) and
 * the byte limits of src/spec/limits.ts, which JSON Schema cannot express (it counts characters, Customer.io
 * counts UTF-8 bytes).
 *
 * Messages name the attribute and the rule broken, never the value: values are often personal data.
 */
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_IDENTIFIER_BYTES,
  utf8Length,
} from "../spec/limits.js";
import { validateIdentifier, validatePersonBody, type SchemaFinding } from "../spec/validator.js";

/** The largest body the simulator reads (1 MiB); bigger ones are answered 413 without being read to the end. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** JSON nested deeper than this is refused, so that no later step can run out of stack on a hostile body. */
export const MAX_JSON_DEPTH = 100;

const IDENTIFIER_FIELDS = new Set(["id", "email", "anonymous_id"]);

/** C12: the media type must be application/json (parameters such as charset are fine). */
export function contentTypeProblem(header: string | null): string | undefined {
  if (header === null || header.trim() === "") return "Content-Type is required and must be application/json";
  const mediaType = header.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json" ? undefined : "Content-Type must be application/json";
}

/**
 * Reads a body up to `cap` bytes; stops reading, and cancels the stream, as soon as it is over. A body stream
 * that fails is the sender's problem (`"unreadable"`), not the simulator's.
 */
export async function readCapped(request: Request, cap = MAX_BODY_BYTES): Promise<Uint8Array | "too large" | "unreadable"> {
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

/**
 * Parses a JSON object body. The result is a tree of null-prototype objects: a key such as `__proto__` is an
 * ordinary own key there, so no later assignment can reach Object.prototype.
 *
 * A key repeated within one object is refused: JSON.parse would keep the last one silently, while other
 * parsers keep the first, so the same bytes could mean two different updates.
 */
export function parseJsonObject(bytes: Uint8Array): { value: Record<string, unknown>; raw: unknown } | { error: string } {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { error: "request body is not valid UTF-8" };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    return { error: "request body is not valid JSON" };
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { error: "request body must be a JSON object" };
  if (tooDeep(raw)) return { error: `request body is nested more than ${MAX_JSON_DEPTH} levels deep` };
  const repeated = repeatedKey(text);
  if (repeated !== undefined) {
    return {
      error: repeated.nested
        ? `request body repeats a key within one object inside attribute '${shorten(repeated.attribute)}'`
        : `request body repeats the attribute '${shorten(repeated.attribute)}'`,
    };
  }
  return { value: toNullPrototype(raw) as Record<string, unknown>, raw };
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

/** Iterative, so that a body of a million `[` cannot overflow the stack while being measured. */
function tooDeep(root: object): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, depth] = item;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_JSON_DEPTH) return true;
    for (const child of Object.values(value)) if (typeof child === "object" && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

function toNullPrototype(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toNullPrototype);
  if (typeof value !== "object" || value === null) return value;
  const copy = Object.create(null) as Record<string, unknown>;
  for (const [key, child] of Object.entries(value)) copy[key] = toNullPrototype(child);
  return copy;
}

/** Problems with the path identifier (already percent-decoded): the spec's schema, then the byte limit. */
export function identifierProblems(identifier: string): string[] {
  if (utf8Length(identifier) > MAX_IDENTIFIER_BYTES) {
    return [`identifier in the path cannot be longer than ${MAX_IDENTIFIER_BYTES} bytes`];
  }
  return validateIdentifier(identifier).map((finding) => `identifier in the path ${finding.message}`);
}

/** Problems with a parsed body: the byte and count limits first, then the spec's schema. Empty when fine. */
export function bodyProblems(body: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  const covered = new Set<string>();
  const names = Object.keys(body);
  if (names.length > MAX_ATTRIBUTES) {
    problems.push(`a call carries at most ${MAX_ATTRIBUTES} attributes; this one has ${names.length}`);
  }
  let badName = false;
  for (const name of names) {
    if (name === "") {
      problems.push("attribute names cannot be empty");
      badName = true;
    } else if (utf8Length(name) > MAX_ATTRIBUTE_NAME_BYTES) {
      problems.push(`attribute name '${shorten(name)}' cannot be longer than ${MAX_ATTRIBUTE_NAME_BYTES} bytes`);
      badName = true;
    }
    const found = valueProblems(name, body[name]);
    if (found.length > 0) {
      problems.push(...found);
      covered.add(name);
    }
  }
  const schema = validatePersonBody(body).filter((finding) => {
    const top = topSegment(finding.path);
    if (top === undefined) {
      if (finding.keyword === "maxProperties") return names.length <= MAX_ATTRIBUTES;
      return !badName;
    }
    return !covered.has(top);
  });
  return [...new Set([...problems, ...describeFindings(schema)])];
}

function valueProblems(name: string, value: unknown): string[] {
  if (IDENTIFIER_FIELDS.has(name)) {
    return typeof value === "string" && utf8Length(value) > MAX_IDENTIFIER_BYTES
      ? [`value for attribute '${name}' cannot be longer than ${MAX_IDENTIFIER_BYTES} bytes`]
      : [];
  }
  if (name === "cio_relationships") return relationshipProblems(value);
  // The preferences object is bounded by its schema (booleans under topic_<id> keys).
  if (name === "cio_subscription_preferences") return [];
  return byteLength(value) > MAX_ATTRIBUTE_VALUE_BYTES
    ? [`value for attribute '${shorten(name)}' cannot be longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`]
    : [];
}

function relationshipProblems(value: unknown): string[] {
  const problems: string[] = [];
  const list = isObject(value) ? value["relationships"] : undefined;
  if (!Array.isArray(list)) return problems;
  list.forEach((item: unknown, index) => {
    if (!isObject(item)) return;
    const where = `cio_relationships.relationships[${index}]`;
    const ids = item["identifiers"];
    const objectId = isObject(ids) ? ids["object_id"] : undefined;
    if (typeof objectId === "string" && utf8Length(objectId) > MAX_IDENTIFIER_BYTES) {
      problems.push(`${where}.identifiers.object_id cannot be longer than ${MAX_IDENTIFIER_BYTES} bytes`);
    }
    const attributes = item["relationship_attributes"];
    if (!isObject(attributes)) return;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (utf8Length(name) > MAX_ATTRIBUTE_NAME_BYTES) {
        problems.push(`${where}.relationship_attributes: a name cannot be longer than ${MAX_ATTRIBUTE_NAME_BYTES} bytes`);
      } else if (byteLength(attribute) > MAX_ATTRIBUTE_VALUE_BYTES) {
        problems.push(`value for ${where}.relationship_attributes.${name} cannot be longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`);
      }
    }
  });
  return problems;
}

/** Bytes of a value as Customer.io measures it: strings as UTF-8, arrays and objects written as JSON. */
function byteLength(value: unknown): number {
  if (typeof value === "string") return utf8Length(value);
  if (typeof value === "object" && value !== null) return utf8Length(JSON.stringify(value));
  return 0;
}

/** Turns schema findings into one message per place; the branches of an `anyOf` are merged into one. */
function describeFindings(findings: readonly SchemaFinding[]): string[] {
  const byPath = new Map<string, SchemaFinding[]>();
  for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  const messages: string[] = [];
  for (const [path, group] of byPath) {
    const where = path === "" ? "request body" : `attribute '${readablePath(path)}'`;
    const anyOf = group.some((finding) => finding.keyword === "anyOf");
    const parts = anyOf ? group.filter((finding) => finding.keyword !== "anyOf") : group;
    if (anyOf && parts.every((finding) => finding.message.startsWith("must be "))) {
      const kinds = parts.map((finding) => finding.message.slice("must be ".length));
      messages.push(`${where} must be ${kinds.slice(0, -1).join(", ")}${kinds.length > 1 ? " or " : ""}${kinds.at(-1) ?? ""}`);
    } else if (anyOf) {
      messages.push(`${where} ${parts.map((finding) => finding.message).join(", or ")}`);
    } else {
      for (const finding of parts) messages.push(`${where} ${finding.message}`);
    }
  }
  return messages;
}

/** `/cio_relationships/relationships/0/identifiers` → `cio_relationships.relationships[0].identifiers`. */
function readablePath(pointer: string): string {
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((segment, index) => (index > 0 && /^\d+$/.test(segment) ? `[${segment}]` : index > 0 ? `.${segment}` : segment))
    .join("");
}

function topSegment(pointer: string): string | undefined {
  if (pointer === "") return undefined;
  return pointer.split("/")[1]?.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** A long attribute name, shortened for a message. */
function shorten(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
