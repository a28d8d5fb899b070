import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_IDENTIFIER_BYTES,
  MAX_UNIX_SECONDS,
  TOPIC_DOT_PREFIX,
  isEmailAddress,
  utf8Length,
} from "../spec/limits.js";
import type { Attributes, WireAttributes } from "./attributes.js";
import { ValidationError } from "./errors.js";

/**
 * Checks the attributes of one call against the spec and the known limits, and returns the body to send.
 * Throws a {@link ValidationError} naming the first field at fault; its message never contains a value.
 *
 * This is hand-written rather than compiled from the schema so that the client keeps openapi-fetch as its only
 * runtime dependency and can say *why* a value is refused (milliseconds, byte limits, reserved names). The
 * project's tests send every body this produces through the spec's own validator as well.
 */
export function toWireBody(
  attributes: Attributes | undefined,
  update: boolean,
): { body: WireAttributes; size: number } {
  const body: Record<string, unknown> = {};
  let size = 0;
  if (attributes !== undefined) {
    if (!isPlainObject(attributes)) throw new ValidationError("attributes", "expected a plain object");
    for (const name in attributes) {
      if (!Object.hasOwn(attributes, name)) continue;
      const value = attributes[name];
      if (value === undefined) continue;
      const field = `attributes.${name}`;
      checkName(field, name);
      body[name] = checkAttribute(field, name, value);
      size += 1;
    }
    // update() adds `_update`, which counts towards the spec's 300 properties of a body.
    const room = update ? MAX_ATTRIBUTES - 1 : MAX_ATTRIBUTES;
    if (size > room) {
      throw new ValidationError(
        "attributes",
        `has ${size} attributes; one ${update ? "update" : "call"} carries at most ${room}`,
      );
    }
  }
  if (update) {
    body["_update"] = true;
    size += 1;
  }
  return { body: body as WireAttributes, size };
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const TOPIC_KEY = /^topic_[1-9][0-9]*$/;
const OBJECT_TYPE_ID = /^[1-9][0-9]*$/;

function checkName(field: string, name: string): void {
  if (FORBIDDEN_KEYS.has(name)) throw new ValidationError(field, "is a reserved JavaScript property name");
  if (name === "") throw new ValidationError("attributes", "an attribute name must not be empty");
  if (utf8Length(name) > MAX_ATTRIBUTE_NAME_BYTES) {
    throw new ValidationError(field, `the name is longer than ${MAX_ATTRIBUTE_NAME_BYTES} bytes of UTF-8`);
  }
}

function checkAttribute(field: string, name: string, value: unknown): unknown {
  switch (name) {
    case "_update":
      throw new ValidationError(field, "is set by update(); call update() instead of passing it");
    case "id":
      return identifier(field, value, MAX_IDENTIFIER_BYTES);
    case "anonymous_id":
      return identifier(field, value, MAX_ATTRIBUTE_VALUE_BYTES);
    case "email": {
      const email = identifier(field, value, MAX_ATTRIBUTE_VALUE_BYTES);
      if (!isEmailAddress(email)) throw new ValidationError(field, "is not an email address");
      return email;
    }
    case "created_at":
    case "_timestamp":
      return unixTime(field, value);
    case "unsubscribed":
      if (typeof value !== "boolean") throw new ValidationError(field, `expected a boolean, got ${describe(value)}`);
      return value;
    case "cio_subscription_preferences":
      return subscriptionPreferences(field, value);
    case "cio_relationships":
      return relationships(field, value);
  }
  if (name.startsWith("cio_subscription_preferences.")) {
    if (
      !name.startsWith(TOPIC_DOT_PREFIX) ||
      !TOPIC_KEY.test(name.slice("cio_subscription_preferences.topics.".length))
    ) {
      throw new ValidationError(field, `a topic key reads ${TOPIC_DOT_PREFIX}<id> with a whole-number id from 1`);
    }
    if (typeof value !== "boolean") throw new ValidationError(field, `expected a boolean, got ${describe(value)}`);
    return value;
  }
  return customValue(field, value);
}

/** A non-blank string of at most `maxBytes` bytes of UTF-8 (no bound when `maxBytes` is undefined). */
function identifier(field: string, value: unknown, maxBytes?: number): string {
  if (typeof value !== "string") throw new ValidationError(field, `expected a string, got ${describe(value)}`);
  if (value.trim() === "") throw new ValidationError(field, "must not be empty or blank");
  if (maxBytes !== undefined && utf8Length(value) > maxBytes) {
    throw new ValidationError(field, `is longer than ${maxBytes} bytes of UTF-8`);
  }
  return value;
}

function unixTime(field: string, value: unknown): number {
  let seconds: number;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(field, "is an invalid Date");
    seconds = Math.floor(ms / 1000);
  } else if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ValidationError(field, "must be a finite number of Unix seconds");
    if (!Number.isInteger(value)) throw new ValidationError(field, "must be whole Unix seconds, not a fraction");
    seconds = value;
  } else {
    throw new ValidationError(field, `expected Unix seconds (an integer) or a Date, got ${describe(value)}`);
  }
  if (seconds < 0) throw new ValidationError(field, "must not be negative");
  if (seconds > MAX_UNIX_SECONDS) {
    throw new ValidationError(
      field,
      "looks like milliseconds; Customer.io reads Unix time in seconds (divide by 1000)",
    );
  }
  return seconds;
}

function subscriptionPreferences(field: string, value: unknown): unknown {
  if (!isPlainObject(value)) throw new ValidationError(field, `expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (key !== "topics")
      throw new ValidationError(`${field}.${key}`, "is not a subscription preference; only topics is");
  }
  const topics = value["topics"];
  if (topics === undefined) return {};
  if (!isPlainObject(topics))
    throw new ValidationError(`${field}.topics`, `expected an object, got ${describe(topics)}`);
  for (const [key, subscribed] of Object.entries(topics)) {
    const topicField = `${field}.topics.${key}`;
    if (!TOPIC_KEY.test(key))
      throw new ValidationError(topicField, "a topic key reads topic_<id> with a whole-number id from 1");
    if (typeof subscribed !== "boolean")
      throw new ValidationError(topicField, `expected a boolean, got ${describe(subscribed)}`);
  }
  return { topics: { ...topics } };
}

function relationships(field: string, value: unknown): unknown {
  if (!isPlainObject(value)) throw new ValidationError(field, `expected an object, got ${describe(value)}`);
  for (const key of Object.keys(value)) {
    if (key !== "action" && key !== "relationships") {
      throw new ValidationError(
        `${field}.${key}`,
        "is not part of cio_relationships; only action and relationships are",
      );
    }
  }
  const action = value["action"];
  if (action !== undefined && action !== "add_relationships" && action !== "delete_relationships") {
    throw new ValidationError(`${field}.action`, "must be add_relationships or delete_relationships");
  }
  const list = value["relationships"];
  if (!Array.isArray(list))
    throw new ValidationError(`${field}.relationships`, `expected an array, got ${describe(list)}`);
  const out = list.map((item: unknown, index) => {
    const itemField = `${field}.relationships[${index}]`;
    if (!isPlainObject(item)) throw new ValidationError(itemField, `expected an object, got ${describe(item)}`);
    for (const key of Object.keys(item)) {
      if (key !== "identifiers" && key !== "relationship_attributes") {
        throw new ValidationError(`${itemField}.${key}`, "is not part of a relationship");
      }
    }
    const ids = item["identifiers"];
    if (!isPlainObject(ids)) {
      throw new ValidationError(
        `${itemField}.identifiers`,
        "is required: { object_type_id, object_id } or { cio_object_id }",
      );
    }
    const relationship: Record<string, unknown> = { identifiers: objectIdentifiers(`${itemField}.identifiers`, ids) };
    const attrs = item["relationship_attributes"];
    if (attrs !== undefined) {
      const attrsField = `${itemField}.relationship_attributes`;
      if (!isPlainObject(attrs)) throw new ValidationError(attrsField, `expected an object, got ${describe(attrs)}`);
      for (const [name, attr] of Object.entries(attrs)) {
        checkName(`${attrsField}.${name}`, name);
        if (attr !== null && typeof attr === "object") {
          throw new ValidationError(
            `${attrsField}.${name}`,
            "a relationship attribute is a string, number, boolean or null",
          );
        }
        customValue(`${attrsField}.${name}`, attr);
      }
      relationship["relationship_attributes"] = { ...attrs };
    }
    return relationship;
  });
  return action === undefined ? { relationships: out } : { action, relationships: out };
}

/** An object, named by `cio_object_id` alone or by `object_type_id` and `object_id`. */
function objectIdentifiers(field: string, ids: Readonly<Record<string, unknown>>): Record<string, string> {
  if (ids["cio_object_id"] !== undefined) {
    const cioObjectId = identifier(`${field}.cio_object_id`, ids["cio_object_id"]);
    for (const key of Object.keys(ids)) {
      if (key !== "cio_object_id") throw new ValidationError(`${field}.${key}`, "cio_object_id names the object alone");
    }
    return { cio_object_id: cioObjectId };
  }
  const typeId = ids["object_type_id"];
  if (typeof typeId !== "string" || !OBJECT_TYPE_ID.test(typeId)) {
    throw new ValidationError(`${field}.object_type_id`, 'must be a string holding a whole number from 1, such as "1"');
  }
  const objectId = identifier(`${field}.object_id`, ids["object_id"]);
  for (const key of Object.keys(ids)) {
    if (key !== "object_type_id" && key !== "object_id") {
      throw new ValidationError(
        `${field}.${key}`,
        "only object_type_id and object_id, or cio_object_id, identify an object",
      );
    }
  }
  return { object_type_id: typeId, object_id: objectId };
}

/** A custom attribute value: JSON-representable, within the byte limit. Dates become Unix seconds. */
function customValue(field: string, value: unknown): unknown {
  if (value instanceof Date) return unixTime(field, value);
  const converted = jsonValue(field, value, new Set());
  if (typeof converted === "string") {
    if (utf8Length(converted) > MAX_ATTRIBUTE_VALUE_BYTES) {
      throw new ValidationError(field, `the value is longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes of UTF-8`);
    }
  } else if (typeof converted === "object" && converted !== null) {
    if (utf8Length(JSON.stringify(converted)) > MAX_ATTRIBUTE_VALUE_BYTES) {
      throw new ValidationError(field, `the value, written as JSON, is longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`);
    }
  }
  return converted;
}

/** Copies a value that JSON can carry faithfully, or names where it cannot. */
function jsonValue(field: string, value: unknown, seen: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new ValidationError(field, "NaN and Infinity cannot be sent as JSON");
      return value;
    case "undefined":
      throw new ValidationError(field, "undefined cannot be sent as JSON (inside an array it would become null)");
    case "bigint":
      throw new ValidationError(field, "a bigint cannot be sent as JSON; convert it to a string or number");
    case "function":
    case "symbol":
      throw new ValidationError(field, `a ${typeof value} cannot be sent as JSON`);
  }
  if (value === null) return null;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new ValidationError(field, "is an invalid Date");
    return Math.floor(ms / 1000);
  }
  const object = value as object;
  if (seen.has(object)) throw new ValidationError(field, "refers to itself (a cycle), which JSON cannot carry");
  seen.add(object);
  try {
    if (Array.isArray(object)) return object.map((item: unknown, index) => jsonValue(`${field}[${index}]`, item, seen));
    if (!isPlainObject(object)) throw new ValidationError(field, "only plain objects, arrays and Dates can be sent");
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(object)) {
      if (FORBIDDEN_KEYS.has(key))
        throw new ValidationError(`${field}.${key}`, "is a reserved JavaScript property name");
      if (item === undefined) continue;
      copy[key] = jsonValue(`${field}.${key}`, item, seen);
    }
    return copy;
  } finally {
    seen.delete(object);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The kind of a value, never the value itself. */
function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a Date";
  if (typeof value === "number" && Number.isNaN(value)) return "NaN";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
