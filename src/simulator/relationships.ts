/**
 * Relationships between a person and objects: C18 (the action), C19 (an object is named by type and id, and an
 * existing one is the same object), C20 (`object_type_id` is a whole number from 1, written as a string; the
 * schema refuses anything else before this file runs) and C21 (relationship attributes; `null` or `""` removes
 * one).
 *
 * Adding a relationship that exists already merges its attributes rather than replacing them, so a call that
 * sets `role` does not clear `since`. Deleting ignores any attributes sent along, and deleting a relationship
 * the person does not have changes nothing.
 */
import { isObject } from "../rules/index.js";
import { emptyPart, type Part, type PersonView } from "./decision.js";
import { objectKey } from "./workspace.js";

type AttributeValue = string | number | boolean;

/** One relationship of the body, as its identifiers and attributes. */
export interface BodyRelationship {
  objectTypeId: string;
  objectId: string;
  attributes: Readonly<Record<string, unknown>>;
}

/** The well-formed relationships of a `cio_relationships` value, and whether they are to be deleted (C18). */
export function bodyRelationships(value: unknown): { deleting: boolean; items: BodyRelationship[] } {
  if (!isObject(value) || !Array.isArray(value["relationships"])) return { deleting: false, items: [] };
  // C18: add_relationships unless told otherwise (the spec's default).
  const deleting = value["action"] === "delete_relationships";
  const items: BodyRelationship[] = [];
  for (const item of value["relationships"] as unknown[]) {
    if (!isObject(item) || !isObject(item["identifiers"])) continue;
    const objectTypeId = item["identifiers"]["object_type_id"];
    const objectId = item["identifiers"]["object_id"];
    if (typeof objectTypeId !== "string" || typeof objectId !== "string") continue;
    const attributes = isObject(item["relationship_attributes"]) ? item["relationship_attributes"] : {};
    items.push({ objectTypeId, objectId, attributes });
  }
  return { deleting, items };
}

export function decideRelationships(person: PersonView | undefined, value: unknown): Part {
  const part = emptyPart();
  const { deleting, items } = bodyRelationships(value);
  let touched = false;
  for (const { objectTypeId, objectId, attributes } of items) {
    // C19: type + id name the object; the same pair always refers to the same object and relationship.
    if (deleting) {
      const held = person?.peek().relationships?.has(objectKey(objectTypeId, objectId)) === true;
      if (held) part.changes.push({ field: "relationship", objectTypeId, objectId, remove: true, attributes: [] });
      touched ||= held;
      continue;
    }
    part.changes.push({
      field: "relationship",
      objectTypeId,
      objectId,
      remove: false,
      attributes: relationshipAttributes(attributes),
    });
    touched = true;
  }
  if (touched) part.changed.push("cio_relationships");
  return part;
}

/** C21: `null` or `""` removes an attribute (undefined in the change); other scalars are set. */
function relationshipAttributes(attributes: Readonly<Record<string, unknown>>): [string, AttributeValue | undefined][] {
  const out: [string, AttributeValue | undefined][] = [];
  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute === null || attribute === "") out.push([name, undefined]);
    else if (isAttributeValue(attribute)) out.push([name, attribute]);
  }
  return out;
}

function isAttributeValue(value: unknown): value is AttributeValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
