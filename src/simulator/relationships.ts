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
import type { RuleContext } from "./context.js";
import { objectKey, type StoredPerson } from "./workspace.js";

type AttributeValue = string | number | boolean;

export function applyRelationships(ctx: RuleContext, person: StoredPerson, value: unknown, changed: string[]): void {
  if (!isObject(value) || !Array.isArray(value["relationships"])) return;
  // C18: add_relationships unless told otherwise (the spec's default).
  const deleting = value["action"] === "delete_relationships";
  let touched = false;
  for (const item of value["relationships"] as unknown[]) {
    if (!isObject(item) || !isObject(item["identifiers"])) continue;
    const typeId = item["identifiers"]["object_type_id"];
    const objectId = item["identifiers"]["object_id"];
    if (typeof typeId !== "string" || typeof objectId !== "string") continue;
    // C19: type + id name the object; the same pair always refers to the same object and relationship.
    const key = objectKey(typeId, objectId);
    if (deleting) {
      touched = person.relationships.delete(key) || touched;
      continue;
    }
    ctx.workspace.relateObject(typeId, objectId);
    let relationship = person.relationships.get(key);
    if (relationship === undefined) {
      relationship = { object_type_id: typeId, object_id: objectId, attributes: new Map() };
      person.relationships.set(key, relationship);
    }
    touched = true;
    const attributes = item["relationship_attributes"];
    if (!isObject(attributes)) continue;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute === null || attribute === "") {
        // C21: null or "" removes the attribute (with C21 off, "" is wrongly kept and null ignored).
        if (ctx.on("C21")) relationship.attributes.delete(name);
        else if (attribute === "") relationship.attributes.set(name, "");
      } else if (isAttributeValue(attribute)) {
        relationship.attributes.set(name, attribute);
      }
    }
  }
  if (touched) changed.push("cio_relationships");
}

function isAttributeValue(value: unknown): value is AttributeValue {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}
