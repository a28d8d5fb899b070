/**
 * Everything a Track API request must pass before any rule sees it: C12 (a JSON body sent as
 * `application/json`), then, once body.ts has read and parsed the body under its cap, the spec's schemas
 * (through src/spec/validator.ts) and the byte limits (src/rules), which JSON Schema cannot express (it counts
 * characters, Customer.io counts UTF-8 bytes).
 *
 * Every problem has the shape of src/problem.ts. Paths start at the request: `["identifier"]` for the path
 * identifier, `["body", …]` for the body, `["headers", "content-type"]`. Messages name the attribute and the
 * rule broken, never the value: values are often personal data.
 */
import { formatPath, type Problem } from "../problem.js";
import {
  attributeCountProblems,
  attributeNameProblems,
  attributeValueProblems,
  byteLimitProblems,
  isObject,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_ATTRIBUTES,
  MAX_IDENTIFIER_BYTES,
  shortName,
} from "../rules/index.js";
import { validateIdentifier, validatePersonBody, type SchemaFinding } from "../spec/validator.js";

const IDENTIFIER_FIELDS = new Set(["id", "email", "anonymous_id"]);
/** The code of a byte limit nobody documents: refused in strict mode only (refusals.ts). */
const LINT_TOO_LONG = "lint_too_long";

const lint = (problems: readonly Problem[]): Problem[] =>
  problems.map((problem) => ({ ...problem, code: LINT_TOO_LONG }));
const CONTENT_TYPE_PATH = ["headers", "content-type"] as const;

/** C12: the media type must be application/json (parameters such as charset are fine). */
export function contentTypeProblem(header: string | null): Problem | undefined {
  // What nearly every client sends, settled without splitting or lower-casing.
  if (header === "application/json" || header === "application/json; charset=utf-8") return undefined;
  if (header === null || header.trim() === "") {
    return {
      code: "missing_content_type",
      path: CONTENT_TYPE_PATH,
      message: "Content-Type is required and must be application/json",
    };
  }
  const mediaType = header.split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return undefined;
  return {
    code: "unsupported_content_type",
    path: CONTENT_TYPE_PATH,
    message: "Content-Type must be application/json",
  };
}

/**
 * Problems with the path identifier (already percent-decoded): empty (the seed requires one), over the byte
 * limit Customer.io documents, then, in strict mode, the spec's schema.
 */
export function identifierProblems(identifier: string, strict: boolean): Problem[] {
  if (identifier === "") {
    return [
      {
        code: "empty_identifier",
        path: ["identifier"],
        message: "identifier in the path must NOT have fewer than 1 characters",
      },
    ];
  }
  const tooLong = byteLimitProblems(identifier, MAX_IDENTIFIER_BYTES, ["identifier"], "identifier in the path");
  if (tooLong.length > 0 || !strict) return tooLong;
  return validateIdentifier(identifier).map((finding) =>
    schemaProblem(finding, ["identifier"], "identifier in the path"),
  );
}

/**
 * Problems with a parsed body: the byte and count limits first, then, in strict mode, the project's lint and the
 * spec's schema (refusals.ts says which is which). Empty when fine.
 */
export function bodyProblems(body: Readonly<Record<string, unknown>>, strict: boolean): Problem[] {
  const names = Object.keys(body);
  const problems: Problem[] = attributeCountProblems(names.length, ["body"]);
  // Attributes whose value broke a byte limit: their schema findings would only repeat it. Made when needed.
  let covered: Set<string> | undefined;
  let badName = false;
  for (const name of names) {
    const nameProblems = attributeNameProblems(name, ["body", name]).filter(
      (problem) => strict || problem.code !== "empty_name",
    );
    if (nameProblems.length > 0) badName = true;
    const values = valueProblems(name, body[name]).filter((problem) => strict || problem.code !== LINT_TOO_LONG);
    if (values.length > 0) (covered ??= new Set()).add(name);
    problems.push(...nameProblems, ...values);
  }
  const findings = strict ? validatePersonBody(body) : [];
  // The usual case, a valid body: nothing to filter, merge or de-duplicate.
  if (problems.length === 0 && findings.length === 0) return problems;
  const schema = findings.filter((finding) => {
    const top = topSegment(finding.path);
    if (top === undefined) return finding.keyword === "maxProperties" ? names.length <= MAX_ATTRIBUTES : !badName;
    return covered === undefined || !covered.has(top);
  });
  return unique([...problems, ...describeFindings(schema)]);
}

/** The byte-limit problems of one attribute's value. */
function valueProblems(name: string, value: unknown): Problem[] {
  const path = ["body", name];
  if (IDENTIFIER_FIELDS.has(name)) {
    if (typeof value !== "string") return [];
    // Customer.io documents a byte limit for person ids; email and anonymous_id are values, held to the value limit.
    const limit = name === "id" ? MAX_IDENTIFIER_BYTES : MAX_ATTRIBUTE_VALUE_BYTES;
    return byteLimitProblems(value, limit, path, `value for attribute '${name}'`);
  }
  if (name === "cio_relationships") return lint(relationshipProblems(value));
  // (The preferences object is bounded by its schema: booleans under topic_<id> keys.)
  if (name === "cio_subscription_preferences") return [];
  return attributeValueProblems(value, path, `attribute '${shortName(name)}'`);
}

function relationshipProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const list = isObject(value) ? value["relationships"] : undefined;
  if (!Array.isArray(list)) return problems;
  list.forEach((item: unknown, index) => {
    if (!isObject(item)) return;
    const path = ["body", "cio_relationships", "relationships", index];
    const where = `cio_relationships.relationships[${index}]`;
    const ids = item["identifiers"];
    const objectId = isObject(ids) ? ids["object_id"] : undefined;
    if (typeof objectId === "string") {
      const label = `${where}.identifiers.object_id`;
      problems.push(...byteLimitProblems(objectId, MAX_IDENTIFIER_BYTES, [...path, "identifiers", "object_id"], label));
    }
    const attributes = item["relationship_attributes"];
    if (!isObject(attributes)) return;
    for (const [name, attribute] of Object.entries(attributes)) {
      const at = [...path, "relationship_attributes", name];
      const label = `${where}.relationship_attributes: a name`;
      const nameTooLong = byteLimitProblems(name, MAX_ATTRIBUTE_NAME_BYTES, at, label);
      if (nameTooLong.length > 0)
        problems.push(...nameTooLong.map((problem) => ({ ...problem, code: "name_too_long" })));
      else problems.push(...attributeValueProblems(attribute, at, `${where}.relationship_attributes.${name}`));
    }
  });
  return problems;
}

/**
 * Schema findings as problems, one per place: the branches of an `anyOf` are merged into one. The code is the
 * JSON Schema keyword that failed, as `schema_<keyword>` in snake_case.
 */
function describeFindings(findings: readonly SchemaFinding[]): Problem[] {
  const byPath = new Map<string, SchemaFinding[]>();
  for (const finding of findings) byPath.set(finding.path, [...(byPath.get(finding.path) ?? []), finding]);
  const problems: Problem[] = [];
  for (const [pointer, group] of byPath) {
    const path = ["body", ...pointerSegments(pointer)];
    const where = pointer === "" ? "request body" : `attribute '${formatPath(pointerSegments(pointer))}'`;
    const anyOf = group.some((finding) => finding.keyword === "anyOf");
    const parts = anyOf ? group.filter((finding) => finding.keyword !== "anyOf") : group;
    if (anyOf && parts.every((finding) => finding.message.startsWith("must be "))) {
      const kinds = parts.map((finding) => finding.message.slice("must be ".length));
      const list = `${kinds.slice(0, -1).join(", ")}${kinds.length > 1 ? " or " : ""}${kinds.at(-1) ?? ""}`;
      problems.push({ code: "schema_type", path, message: `${where} must be ${list}` });
    } else if (anyOf) {
      problems.push({
        code: "schema_any_of",
        path,
        message: `${where} ${parts.map((finding) => finding.message).join(", or ")}`,
      });
    } else {
      for (const finding of parts) problems.push(schemaProblem(finding, path, where));
    }
  }
  return problems;
}

function schemaProblem(finding: SchemaFinding, path: readonly (string | number)[], where: string): Problem {
  const code = `schema_${finding.keyword.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
  return { code, path, message: `${where} ${finding.message}` };
}

/** Problems with the same message once (a path problem and a body problem never share one). */
function unique(problems: readonly Problem[]): Problem[] {
  const byMessage = new Map<string, Problem>();
  for (const problem of problems) if (!byMessage.has(problem.message)) byMessage.set(problem.message, problem);
  return [...byMessage.values()];
}

/** `/cio_relationships/relationships/0` → `["cio_relationships", "relationships", 0]`. */
function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function topSegment(pointer: string): string | undefined {
  const first = pointerSegments(pointer)[0];
  return first === undefined ? undefined : String(first);
}
