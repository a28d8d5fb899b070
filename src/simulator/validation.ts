/**
 * Everything a Track API request must pass before any rule sees it: C12 (a JSON body sent as
 * `application/json`), then, once body.ts has read and parsed the body under its cap, the spec's schemas
 * (through src/spec/validator.ts) and the byte limits of src/spec/limits.ts, which JSON Schema cannot express
 * (it counts characters, Customer.io counts UTF-8 bytes).
 *
 * Messages name the attribute and the rule broken, never the value: values are often personal data.
 */
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_IDENTIFIER_BYTES,
} from "../spec/limits.js";
import { validateIdentifier, validatePersonBody, type SchemaFinding } from "../spec/validator.js";
import { shorten } from "./body.js";

/** Body fields held to the person-id limit; `email` and `anonymous_id` are values like any other. */
const IDENTIFIER_FIELDS = new Set(["id"]);

/** C12: the media type must be application/json (parameters such as charset are fine). */
export function contentTypeProblem(header: string | null): string | undefined {
  // What nearly every client sends, settled without splitting or lower-casing.
  if (header === "application/json" || header === "application/json; charset=utf-8") return undefined;
  if (header === null || header.trim() === "") return "Content-Type is required and must be application/json";
  const mediaType = header.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json" ? undefined : "Content-Type must be application/json";
}

/** Problems with the path identifier (already percent-decoded): the spec's schema, then the byte limit. */
export function identifierProblems(identifier: string): string[] {
  if (longerThan(identifier, MAX_IDENTIFIER_BYTES)) {
    return [`identifier in the path cannot be longer than ${MAX_IDENTIFIER_BYTES} bytes`];
  }
  return validateIdentifier(identifier).map((finding) => `identifier in the path ${finding.message}`);
}

/** Problems with a parsed body: the byte and count limits first, then the spec's schema. Empty when fine. */
export function bodyProblems(body: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  // Attributes whose value broke a byte limit: their schema findings would only repeat it. Made when needed.
  let covered: Set<string> | undefined;
  const names = Object.keys(body);
  if (names.length > MAX_ATTRIBUTES) {
    problems.push(`a call carries at most ${MAX_ATTRIBUTES} attributes; this one has ${names.length}`);
  }
  let badName = false;
  for (const name of names) {
    if (name === "") {
      problems.push("attribute names cannot be empty");
      badName = true;
    } else if (longerThan(name, MAX_ATTRIBUTE_NAME_BYTES)) {
      problems.push(`attribute name '${shorten(name)}' cannot be longer than ${MAX_ATTRIBUTE_NAME_BYTES} bytes`);
      badName = true;
    }
    if (valueProblems(name, body[name], problems)) (covered ??= new Set()).add(name);
  }
  const findings = validatePersonBody(body);
  // The usual case, a valid body: nothing to filter, merge or de-duplicate.
  if (problems.length === 0 && findings.length === 0) return problems;
  const schema = findings.filter((finding) => {
    const top = topSegment(finding.path);
    if (top === undefined) {
      if (finding.keyword === "maxProperties") return names.length <= MAX_ATTRIBUTES;
      return !badName;
    }
    return covered === undefined || !covered.has(top);
  });
  return [...new Set([...problems, ...describeFindings(schema)])];
}

/** Adds the byte-limit problems of one attribute's value to `problems`; true when there was any. */
function valueProblems(name: string, value: unknown, problems: string[]): boolean {
  const before = problems.length;
  if (IDENTIFIER_FIELDS.has(name)) {
    if (typeof value === "string" && longerThan(value, MAX_IDENTIFIER_BYTES)) {
      problems.push(`value for attribute '${name}' cannot be longer than ${MAX_IDENTIFIER_BYTES} bytes`);
    }
  } else if (name === "cio_relationships") {
    problems.push(...relationshipProblems(value));
  } else if (name !== "cio_subscription_preferences" && valueLongerThan(value, MAX_ATTRIBUTE_VALUE_BYTES)) {
    // (The preferences object is bounded by its schema: booleans under topic_<id> keys.)
    problems.push(`value for attribute '${shorten(name)}' cannot be longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`);
  }
  return problems.length > before;
}

function relationshipProblems(value: unknown): string[] {
  const problems: string[] = [];
  const list = isObject(value) ? value["relationships"] : undefined;
  if (!Array.isArray(list)) return problems;
  list.forEach((item: unknown, index) => {
    if (!isObject(item)) return;
    const where = `cio_relationships.relationships[${index}]`;
    const attributes = item["relationship_attributes"];
    if (!isObject(attributes)) return;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (longerThan(name, MAX_ATTRIBUTE_NAME_BYTES)) {
        problems.push(`${where}.relationship_attributes: a name cannot be longer than ${MAX_ATTRIBUTE_NAME_BYTES} bytes`);
      } else if (valueLongerThan(attribute, MAX_ATTRIBUTE_VALUE_BYTES)) {
        problems.push(`value for ${where}.relationship_attributes.${name} cannot be longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`);
      }
    }
  });
  return problems;
}

/** Whether a value is over `limit` bytes as Customer.io measures it: strings as UTF-8, arrays and objects as JSON. */
function valueLongerThan(value: unknown, limit: number): boolean {
  if (typeof value === "string") return longerThan(value, limit);
  if (typeof value === "object" && value !== null) return longerThan(JSON.stringify(value), limit);
  return false;
}

/**
 * Whether a string's UTF-8 encoding is over `limit` bytes, which is `utf8Length(text) > limit` (limits.ts)
 * without encoding the string: every check of every request asks this. A UTF-16 unit is 1 to 3 bytes (a
 * surrogate pair 4 for its two units, a lone surrogate 3, as the encoder writes U+FFFD), so most strings are
 * settled by their length alone.
 */
function longerThan(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit <= 0xdbff && unit >= 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes > limit;
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


function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
