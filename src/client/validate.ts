/**
 * Checks one call's attributes against the spec and the known limits, and returns the body to send. Every problem
 * of the input is collected, so a {@link ValidationError} lists them all (the first in its message); no message
 * contains a value.
 *
 * The checks are src/rules/, the same pure functions the simulator refuses requests with; this file walks the
 * caller's values (which may hold Dates, class instances or cycles that JSON cannot carry) and converts them to
 * the wire form. Hand-written rather than compiled from the schema so that the client keeps openapi-fetch as its
 * only runtime dependency and can say *why* a value is refused. The project's tests send every body this produces
 * through the spec's own validator as well.
 */
import type { Problem } from "../problem.js";
import {
  attributeCountProblems,
  attributeNameProblems,
  attributeValueProblems,
  describeKind,
  dotNotationTopic,
  identifierProblems,
  isEmailAddress,
  isObjectTypeId,
  isPlainObject,
  isTopicName,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_IDENTIFIER_BYTES,
  shortName,
  TOPIC_DOT_PREFIX,
  unixSecondsProblems,
} from "../rules/index.js";
import type { Attributes, WireAttributes } from "./attributes.js";
import { ValidationError } from "./errors.js";
import { toIdentifier, type Person } from "./person.js";

type Path = readonly (string | number)[];

/**
 * One call, checked whole: the person and the attributes. Throws a ValidationError listing every problem of both;
 * otherwise returns the identifier, the body and its number of properties.
 */
export function toWireCall(
  person: Person,
  attributes: Attributes | undefined,
  update: boolean,
): { identifier: string; body: WireAttributes; size: number } {
  let identifier = "";
  let personProblems: readonly Problem[] = [];
  try {
    identifier = toIdentifier(person);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    personProblems = error.problems;
  }
  const problems: Problem[] = [];
  const wire = toWire(attributes, update, problems);
  if (personProblems.length > 0 || problems.length > 0) throw new ValidationError([...personProblems, ...problems]);
  return { identifier, ...wire };
}

/** The body of one call; throws a ValidationError listing every problem of the attributes. */
export function toWireBody(
  attributes: Attributes | undefined,
  update: boolean,
): { body: WireAttributes; size: number } {
  const problems: Problem[] = [];
  const wire = toWire(attributes, update, problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return wire;
}

const ROOT: Path = ["attributes"];

function toWire(
  attributes: Attributes | undefined,
  update: boolean,
  problems: Problem[],
): { body: WireAttributes; size: number } {
  const body: Record<string, unknown> = {};
  let size = 0;
  if (attributes !== undefined && !isPlainObject(attributes)) {
    problems.push({ code: "not_an_object", path: ROOT, message: "attributes must be a plain object" });
  } else if (attributes !== undefined) {
    for (const name in attributes) {
      if (!Object.hasOwn(attributes, name)) continue;
      const value = attributes[name];
      if (value === undefined) continue;
      const path = [...ROOT, name];
      if (nameIsUsable(name, path, problems)) body[name] = attribute(name, value, path, problems);
      size += 1;
    }
    // update() adds `_update`, which counts towards the spec's properties of a body.
    problems.push(...attributeCountProblems(update ? size + 1 : size, ROOT));
  }
  if (update) {
    body["_update"] = true;
    size += 1;
  }
  return { body: body as WireAttributes, size };
}

/** Names JavaScript gives a meaning of its own: as keys they would change an object's prototype or class. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function reservedKey(path: Path): Problem {
  return { code: "reserved_name", path, message: `${String(path.at(-1))} is a reserved JavaScript property name` };
}

/** An attribute name: not reserved by JavaScript, not empty, within the byte limit. */
function nameIsUsable(name: string, path: Path, problems: Problem[]): boolean {
  if (RESERVED_KEYS.has(name)) {
    problems.push(reservedKey(path));
    return false;
  }
  const found = attributeNameProblems(name, name === "" ? ROOT : path);
  problems.push(...found);
  return found.length === 0;
}

/** One attribute's wire value; the reserved names take the rule of their own. */
function attribute(name: string, value: unknown, path: Path, problems: Problem[]): unknown {
  switch (name) {
    case "_update":
      problems.push({ code: "set_by_update", path, message: "_update is set by update(); call update() instead" });
      return undefined;
    case "id":
      return identifierValue(value, path, MAX_IDENTIFIER_BYTES, problems);
    case "anonymous_id":
      return identifierValue(value, path, MAX_ATTRIBUTE_VALUE_BYTES, problems);
    case "email":
      return emailValue(value, path, problems);
    case "created_at":
    case "_timestamp":
      return unixTime(value, path, problems);
    case "unsubscribed":
      return booleanValue(value, path, problems);
    case "cio_subscription_preferences":
      return subscriptionPreferences(value, path, problems);
    case "cio_relationships":
      return relationships(value, path, problems);
  }
  if (name.startsWith("cio_subscription_preferences.")) {
    if (!name.startsWith(TOPIC_DOT_PREFIX) || dotNotationTopic(name) === undefined) {
      problems.push({ code: "bad_topic_key", path, message: `a topic key reads ${TOPIC_DOT_PREFIX}<whole number>` });
      return undefined;
    }
    return booleanValue(value, path, problems);
  }
  return customValue(value, path, `attribute '${shortName(name)}'`, problems);
}

/** A non-blank string, within `maxBytes` bytes of UTF-8 when given. */
function identifierValue(value: unknown, path: Path, maxBytes: number | undefined, problems: Problem[]): unknown {
  const found = identifierProblems(value, path, maxBytes === undefined ? {} : { maxBytes });
  problems.push(...found);
  return value;
}

function emailValue(value: unknown, path: Path, problems: Problem[]): unknown {
  const count = problems.length;
  identifierValue(value, path, MAX_ATTRIBUTE_VALUE_BYTES, problems);
  if (problems.length === count && !isEmailAddress(value as string)) {
    problems.push({ code: "not_an_email", path, message: "email is not an email address" });
  }
  return value;
}

function booleanValue(value: unknown, path: Path, problems: Problem[]): unknown {
  if (typeof value !== "boolean") {
    const message = `${String(path.at(-1))} must be a boolean, not ${describeKind(value)}`;
    problems.push({ code: "not_a_boolean", path, message });
  }
  return value;
}

/** Unix seconds, or a Date (sent as its Unix second). */
function unixTime(value: unknown, path: Path, problems: Problem[]): unknown {
  const seconds = value instanceof Date ? dateSeconds(value, path, problems) : value;
  if (seconds !== undefined) problems.push(...unixSecondsProblems(seconds, path));
  return seconds;
}

function dateSeconds(date: Date, path: Path, problems: Problem[]): number | undefined {
  const ms = date.getTime();
  if (!Number.isNaN(ms)) return Math.floor(ms / 1000);
  problems.push({ code: "invalid_date", path, message: `${String(path.at(-1))} is an invalid Date` });
  return undefined;
}

/** Records a problem; the value at fault is not sent, so there is nothing to return. */
function refuse(problems: Problem[], problem: Problem): undefined {
  problems.push(problem);
  return undefined;
}

/** Keys of an object outside `allowed`, as problems ending in `message`. */
function unknownKeys(object: object, allowed: readonly string[], path: Path, message: string, problems: Problem[]) {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key))
      problems.push({ code: "unknown_key", path: [...path, key], message: `${key} ${message}` });
  }
}

function notAn(kind: "an object" | "an array", value: unknown, path: Path): Problem {
  const code = kind === "an array" ? "not_an_array" : "not_an_object";
  return { code, path, message: `${String(path.at(-1))} must be ${kind}, not ${describeKind(value)}` };
}

function subscriptionPreferences(value: unknown, path: Path, problems: Problem[]): unknown {
  if (!isPlainObject(value)) return refuse(problems, notAn("an object", value, path));
  unknownKeys(value, ["topics"], path, "is not a subscription preference; only topics is", problems);
  const topics = value["topics"];
  if (topics === undefined) return {};
  const at = [...path, "topics"];
  if (!isPlainObject(topics)) return refuse(problems, notAn("an object", topics, at));
  for (const [key, subscribed] of Object.entries(topics)) {
    if (!isTopicName(key)) {
      const message = "a topic key reads topic_<id> with a whole-number id from 1";
      problems.push({ code: "bad_topic_key", path: [...at, key], message });
    } else booleanValue(subscribed, [...at, key], problems);
  }
  return { topics: { ...topics } };
}

function relationships(value: unknown, path: Path, problems: Problem[]): unknown {
  if (!isPlainObject(value)) return refuse(problems, notAn("an object", value, path));
  unknownKeys(value, ["action", "relationships"], path, "is not part of cio_relationships", problems);
  const action = value["action"];
  if (action !== undefined && action !== "add_relationships" && action !== "delete_relationships") {
    const message = "action must be add_relationships or delete_relationships";
    problems.push({ code: "bad_action", path: [...path, "action"], message });
  }
  const list = value["relationships"];
  const at = [...path, "relationships"];
  if (!Array.isArray(list)) return refuse(problems, notAn("an array", list, at));
  const out = list.map((item: unknown, index) => relationship(item, [...at, index], problems));
  return action === undefined ? { relationships: out } : { action, relationships: out };
}

function relationship(item: unknown, path: Path, problems: Problem[]): unknown {
  if (!isPlainObject(item)) return refuse(problems, notAn("an object", item, path));
  unknownKeys(item, ["identifiers", "relationship_attributes"], path, "is not part of a relationship", problems);
  const ids = item["identifiers"];
  const out: Record<string, unknown> = {};
  if (isPlainObject(ids)) out["identifiers"] = objectIdentifiers(ids, [...path, "identifiers"], problems);
  else {
    const message = "identifiers is required: { object_type_id, object_id } or { cio_object_id }";
    problems.push({ code: "missing_identifiers", path: [...path, "identifiers"], message });
  }
  const attributes = item["relationship_attributes"];
  if (attributes !== undefined) {
    out["relationship_attributes"] = relationshipAttributes(attributes, [...path, "relationship_attributes"], problems);
  }
  return out;
}

/** Flat attributes of a relationship: names as for a person, values strings, numbers, booleans or null. */
function relationshipAttributes(value: unknown, path: Path, problems: Problem[]): unknown {
  if (!isPlainObject(value)) return refuse(problems, notAn("an object", value, path));
  for (const [name, attribute] of Object.entries(value)) {
    const at = [...path, name];
    if (!nameIsUsable(name, at, problems)) continue;
    if (attribute !== null && typeof attribute === "object") {
      const message = `${shortName(name)}: a relationship attribute is a string, number, boolean or null`;
      problems.push({ code: "not_flat", path: at, message });
    } else customValue(attribute, at, `relationship attribute '${shortName(name)}'`, problems);
  }
  return { ...value };
}

/** An object, named by `cio_object_id` alone or by `object_type_id` and `object_id`. */
function objectIdentifiers(ids: Readonly<Record<string, unknown>>, path: Path, problems: Problem[]): unknown {
  if (ids["cio_object_id"] !== undefined) {
    identifierValue(ids["cio_object_id"], [...path, "cio_object_id"], undefined, problems);
    unknownKeys(ids, ["cio_object_id"], path, "cannot go with cio_object_id, which names the object alone", problems);
    return { cio_object_id: ids["cio_object_id"] };
  }
  const typeId = ids["object_type_id"];
  if (!isObjectTypeId(typeId)) {
    const message = 'object_type_id must be a string holding a whole number from 1, such as "1"';
    problems.push({ code: "bad_object_type_id", path: [...path, "object_type_id"], message });
  }
  identifierValue(ids["object_id"], [...path, "object_id"], MAX_IDENTIFIER_BYTES, problems);
  const message = "is not an object identifier: give object_type_id and object_id, or cio_object_id";
  unknownKeys(ids, ["object_type_id", "object_id"], path, message, problems);
  return { object_type_id: typeId, object_id: ids["object_id"] };
}

/** A custom attribute value: JSON-representable, within the byte limit. Dates become Unix seconds. */
function customValue(value: unknown, path: Path, label: string, problems: Problem[]): unknown {
  if (value instanceof Date) return unixTime(value, path, problems);
  const count = problems.length;
  const converted = jsonValue(value, path, new Set(), problems);
  if (problems.length === count) problems.push(...attributeValueProblems(converted, path, label));
  return converted;
}

/** What JSON cannot carry, by type; undefined for what it carries as it is. */
function unsendable(value: unknown): string | undefined {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? undefined : "NaN and Infinity cannot be sent as JSON";
    case "undefined":
      return "undefined cannot be sent as JSON (inside an array it would become null)";
    case "bigint":
      return "a bigint cannot be sent as JSON; convert it to a string or number";
    case "function":
    case "symbol":
      return `a ${typeof value} cannot be sent as JSON`;
  }
  return undefined;
}

/** Copies a value that JSON can carry faithfully, or names where it cannot. */
function jsonValue(value: unknown, path: Path, seen: Set<object>, problems: Problem[]): unknown {
  if (typeof value !== "object" || value === null) {
    const reason = unsendable(value);
    if (reason !== undefined) problems.push({ code: "not_json", path, message: `${formatKey(path)}: ${reason}` });
    return value;
  }
  if (value instanceof Date) return dateSeconds(value, path, problems);
  if (seen.has(value)) {
    const message = `${formatKey(path)} refers to itself (a cycle), which JSON cannot carry`;
    return refuse(problems, { code: "cycle", path, message });
  }
  seen.add(value);
  try {
    if (Array.isArray(value))
      return value.map((item: unknown, index) => jsonValue(item, [...path, index], seen, problems));
    if (!isPlainObject(value)) {
      const message = `${formatKey(path)}: only plain objects, arrays and Dates can be sent`;
      return refuse(problems, { code: "not_json", path, message });
    }
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key)) problems.push(reservedKey([...path, key]));
      else if (item !== undefined) copy[key] = jsonValue(item, [...path, key], seen, problems);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

/** The last key of a path, for a message (`tags[1]`, `min`). */
function formatKey(path: Path): string {
  const last = path.at(-1);
  return typeof last === "number" ? `${String(path.at(-2))}[${last}]` : String(last);
}
