/**
 * Checks one call's attributes against the spec and the known limits, and returns the body to send. Every problem
 * of the input is collected, so a {@link ValidationError} lists them all (the first in its message); a message
 * names the field at fault, never its value.
 *
 * The checks are src/rules/, the same pure functions the simulator refuses requests with; this file walks the
 * caller's values (which may hold Dates, class instances or cycles that JSON cannot carry) and converts them to
 * the wire form. Hand-written rather than compiled from the schema so that the client carries no validator and can
 * say *why* a value is refused. The project's tests send every body this produces through the spec's own validator
 * as well.
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
  refuse,
  shortName,
  unixSecondsProblems,
} from "../rules/index.js";
import { unixSeconds, type Attributes, type WireAttributes } from "./attributes.js";
import { ValidationError } from "./errors.js";
import { toIdentifier, type Person } from "./person.js";

type Path = readonly (string | number)[];
type Problems = Problem[];

/**
 * One call, checked whole: the person and the attributes. Throws a ValidationError listing every problem of both;
 * otherwise returns the identifier, the body and its number of properties.
 */
export function toWireCall(
  person: Person,
  attributes: Attributes | undefined,
  update: boolean,
): { identifier: string; body: WireAttributes; size: number } {
  const problems: Problems = [];
  const identifier = toIdentifier(person, problems);
  const wire = toWire(attributes, update, problems);
  if (problems.length > 0) throw new ValidationError(problems);
  return { identifier, ...wire };
}

const ROOT: Path = ["attributes"];

function toWire(
  attributes: Attributes | undefined,
  update: boolean,
  problems: Problems,
): { body: WireAttributes; size: number } {
  const body: Record<string, unknown> = {};
  let size = 0;
  if (attributes !== undefined && !isPlainObject(attributes)) {
    refuse(problems, "not_an_object", ROOT, "must be a plain object");
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
const RESERVED = "is reserved by JavaScript";

/** An attribute name: not reserved by JavaScript, not empty, within the byte limit. */
function nameIsUsable(name: string, path: Path, problems: Problems): boolean {
  if (RESERVED_KEYS.has(name)) return refuse(problems, "reserved_name", path, RESERVED) ?? false;
  const found = attributeNameProblems(name, name === "" ? path.slice(0, -1) : path);
  problems.push(...found);
  return found.length === 0;
}

/** The attributes with a rule of their own, by name. */
const NAMED: Readonly<Record<string, (value: unknown, path: Path, problems: Problems) => unknown>> = {
  _update: (_, path, problems) => refuse(problems, "set_by_update", path, "is set by update()"),
  id: (value, path, problems) => identifierValue(value, path, problems, MAX_IDENTIFIER_BYTES),
  anonymous_id: (value, path, problems) => identifierValue(value, path, problems, MAX_ATTRIBUTE_VALUE_BYTES),
  email: emailValue,
  created_at: unixTime,
  _timestamp: unixTime,
  unsubscribed: booleanValue,
  cio_subscription_preferences: subscriptionPreferences,
  cio_relationships: relationships,
};

/** One attribute's wire value; the reserved names take the rule of their own. */
function attribute(name: string, value: unknown, path: Path, problems: Problems): unknown {
  const rule = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
  if (rule !== undefined) return rule(value, path, problems);
  if (name.startsWith("cio_subscription_preferences.")) {
    if (dotNotationTopic(name) === undefined) return refuse(problems, "bad_topic_key", path, TOPIC);
    return booleanValue(value, path, problems);
  }
  return customValue(value, path, `attribute '${shortName(name)}'`, problems);
}

const TOPIC = "names no topic: topic_<id>, id a whole number from 1";

/** A non-blank string, within `maxBytes` bytes of UTF-8 when given. */
function identifierValue(value: unknown, path: Path, problems: Problems, maxBytes?: number): unknown {
  problems.push(...identifierProblems(value, path, maxBytes));
  return value;
}

function emailValue(value: unknown, path: Path, problems: Problems): unknown {
  const count = problems.length;
  identifierValue(value, path, problems, MAX_ATTRIBUTE_VALUE_BYTES);
  if (problems.length === count && !isEmailAddress(value as string)) {
    refuse(problems, "not_an_email", path, "is not an email address");
  }
  return value;
}

/** A problem unless `value` is of `kind`: "a boolean", "an object" or "an array". */
function expect(kind: string, ok: boolean, value: unknown, path: Path, problems: Problems): boolean {
  const code = `not_${kind.replace(" ", "_")}`;
  if (!ok) refuse(problems, code, path, `must be ${kind}, not ${describeKind(value)}`);
  return ok;
}

function booleanValue(value: unknown, path: Path, problems: Problems): unknown {
  expect("a boolean", typeof value === "boolean", value, path, problems);
  return value;
}

const isObjectAt = (value: unknown, path: Path, problems: Problems): value is Readonly<Record<string, unknown>> =>
  expect("an object", isPlainObject(value), value, path, problems);

/** Unix seconds, or a Date (sent as its Unix second). */
function unixTime(value: unknown, path: Path, problems: Problems): unknown {
  const seconds = value instanceof Date ? dateSeconds(value, path, problems) : value;
  if (seconds !== undefined) problems.push(...unixSecondsProblems(seconds, path));
  return seconds;
}

function dateSeconds(date: Date, path: Path, problems: Problems): number | undefined {
  const seconds = unixSeconds(date);
  return Number.isNaN(seconds) ? refuse(problems, "invalid_date", path, "is an invalid Date") : seconds;
}

type Rule = (value: unknown, path: Path, problems: Problems) => unknown;

/**
 * An object of known keys: each is checked by its rule (which sees undefined when the key is absent, so required
 * keys say so), any other key is refused. Returns the keys whose rule returned a value.
 */
function fields(value: unknown, path: Path, problems: Problems, rules: Readonly<Record<string, Rule>>): unknown {
  if (!isObjectAt(value, path, problems)) return undefined;
  const known = Object.keys(rules);
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) refuse(problems, "unknown_key", [...path, key], `is not one of ${known.join(", ")}`);
  }
  const out: Record<string, unknown> = {};
  for (const key of known) {
    const checked = rules[key]?.(value[key], [...path, key], problems);
    if (checked !== undefined) out[key] = checked;
  }
  return out;
}

/** A rule for a key that may be absent. */
const optional =
  (rule: Rule): Rule =>
  (value, path, problems) =>
    value === undefined ? undefined : rule(value, path, problems);

/** Every entry of an object by one rule; returns a copy of the object as given. */
function entries(
  value: unknown,
  path: Path,
  problems: Problems,
  rule: (key: string, value: unknown, at: Path) => void,
) {
  if (!isObjectAt(value, path, problems)) return undefined;
  for (const [key, item] of Object.entries(value)) rule(key, item, [...path, key]);
  return { ...value };
}

function subscriptionPreferences(value: unknown, path: Path, problems: Problems): unknown {
  return fields(value, path, problems, {
    topics: optional((topics, at) =>
      entries(topics, at, problems, (key, subscribed, keyPath) => {
        if (isTopicName(key)) booleanValue(subscribed, keyPath, problems);
        else refuse(problems, "bad_topic_key", keyPath, TOPIC);
      }),
    ),
  });
}

const ACTIONS = ["add_relationships", "delete_relationships"];

function relationships(value: unknown, path: Path, problems: Problems): unknown {
  return fields(value, path, problems, {
    action: optional((action, at) =>
      ACTIONS.includes(action as string)
        ? action
        : refuse(problems, "bad_action", at, `must be ${ACTIONS.join(" or ")}`),
    ),
    relationships: (list, at) =>
      expect("an array", Array.isArray(list), list, at, problems)
        ? (list as unknown[]).map((item, index) => fields(item, [...at, index], problems, RELATIONSHIP))
        : undefined,
  });
}

const RELATIONSHIP: Readonly<Record<string, Rule>> = {
  identifiers: (ids, path, problems) =>
    isPlainObject(ids)
      ? fields(ids, path, problems, ids["cio_object_id"] === undefined ? BY_TYPE : BY_CIO_ID)
      : refuse(problems, "missing_identifiers", path, "needs object_type_id and object_id, or cio_object_id"),
  // Flat attributes of a relationship: names as for a person, values strings, numbers, booleans or null.
  relationship_attributes: optional((value, path, problems) =>
    entries(value, path, problems, (name, attribute, at) => {
      if (!nameIsUsable(name, at, problems)) return;
      if (attribute !== null && typeof attribute === "object") {
        refuse(problems, "not_flat", at, "must be a string, number, boolean or null");
      } else customValue(attribute, at, `relationship attribute '${shortName(name)}'`, problems);
    }),
  ),
};

/** An object named by `object_type_id` and `object_id`. */
const BY_TYPE: Readonly<Record<string, Rule>> = {
  object_type_id: (typeId, path, problems) =>
    isObjectTypeId(typeId)
      ? typeId
      : refuse(problems, "bad_object_type_id", path, "must be a whole number from 1, as a string"),
  object_id: (value, path, problems) => identifierValue(value, path, problems, MAX_IDENTIFIER_BYTES),
};

/** An object named by `cio_object_id` alone. */
const BY_CIO_ID: Readonly<Record<string, Rule>> = { cio_object_id: identifierValue };

/** A custom attribute value: JSON-representable, within the byte limit. Dates become Unix seconds. */
function customValue(value: unknown, path: Path, label: string, problems: Problems): unknown {
  if (value instanceof Date) return unixTime(value, path, problems);
  const count = problems.length;
  const converted = jsonValue(value, path, new Set(), problems);
  if (problems.length === count) problems.push(...attributeValueProblems(converted, path, label));
  return converted;
}

/** Copies a value that JSON can carry faithfully, or names where it cannot. */
function jsonValue(value: unknown, path: Path, seen: Set<object>, problems: Problems): unknown {
  if (typeof value !== "object" || value === null) {
    // JSON carries strings, booleans, null and finite numbers as they are; nothing else that is not an object.
    if (typeof value !== "string" && typeof value !== "boolean" && value !== null && !Number.isFinite(value)) {
      refuse(problems, "not_json", path, `cannot be sent as JSON (${describeKind(value)})`);
    }
    return value;
  }
  if (value instanceof Date) return dateSeconds(value, path, problems);
  if (seen.has(value)) return refuse(problems, "cycle", path, "refers to itself");
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown, i) => jsonValue(item, [...path, i], seen, problems));
    if (!isPlainObject(value)) return refuse(problems, "not_json", path, "cannot be sent as JSON (a class instance)");
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (RESERVED_KEYS.has(key)) refuse(problems, "reserved_name", [...path, key], RESERVED);
      else if (item !== undefined) copy[key] = jsonValue(item, [...path, key], seen, problems);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}
