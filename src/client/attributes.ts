import type { components } from "../../generated/customers.js";
import { TOPIC_DOT_PREFIX } from "../rules/index.js";

type Schemas = components["schemas"];
type Declared = Schemas["PersonAttributes"];

/** A custom attribute's value, as the spec allows it. A `Date` is sent as whole Unix seconds. */
export type AttributeValue = Schemas["CustomAttributeValue"] | Date;

/** The dot-notation key that changes one topic preference (rule C15). */
export type TopicKey = `cio_subscription_preferences.topics.topic_${number}`;

/**
 * The attributes of a person, typed from the spec's `PersonAttributes` schema. Fields the spec declares keep
 * their declared types, so `created_at: "yesterday"` or `cio_relationships: { action: "merge" }` fail to
 * compile; every other key is a custom attribute. Two departures from the wire schema, both stricter or safer:
 * `unsubscribed` takes a boolean only (the server's string and number forms are legacy), and `created_at`,
 * `_timestamp` and custom values also take a `Date`, which is sent as whole seconds. `_update` is not accepted
 * here: use `update()`. Dot-notation topic keys are typed as custom values, so that a plain
 * `Record<string, string>` (a CSV row, say) is accepted; `setTopics()` produces them typed, and the runtime check
 * refuses a topic that is not a boolean.
 */
export type Attributes = {
  id?: Declared["id"];
  email?: Declared["email"];
  anonymous_id?: Declared["anonymous_id"];
  created_at?: number | Date;
  _timestamp?: number | Date;
  unsubscribed?: boolean;
  cio_subscription_preferences?: Declared["cio_subscription_preferences"];
  cio_relationships?: Declared["cio_relationships"];
  _update?: never;
} & { [key: string]: AttributeValue | undefined };

/** The body as it goes on the wire: the spec's `PersonAttributes`. */
export type WireAttributes = Schemas["PersonAttributes"];

/*
 * The helpers below only build: `identify` and `update` check what they built with the rules every attribute goes
 * through, so a topic id or object type id that is not a whole number from 1, or a blank object id, is refused by
 * the call, naming the field it ended up in (`attributes.cio_relationships.relationships[0].identifiers.object_id`).
 */

/** Topic preferences keyed by topic id: `{ 1: true, 7: false }`. */
export type TopicPreferences = Readonly<Record<number | `${number}`, boolean>>;

/**
 * Changes the named topics and keeps every other topic as it is (rule C15), by producing the dot-notation keys:
 * `setTopics({ 3: false })` gives `{ "cio_subscription_preferences.topics.topic_3": false }`. Spread the result
 * into the attributes.
 */
export function setTopics(topics: TopicPreferences): Record<TopicKey, boolean> {
  const out: Record<string, boolean> = {};
  for (const [id, subscribed] of Object.entries(topics)) out[`${TOPIC_DOT_PREFIX}${id}`] = subscribed;
  return out;
}

/**
 * Replaces the person's topic preferences with exactly these (rule C14): topics left out return to the
 * workspace's default. `replaceTopics({ 1: true })` gives `{ cio_subscription_preferences: { topics: { topic_1: true } } }`.
 */
export function replaceTopics(topics: TopicPreferences): {
  cio_subscription_preferences: Schemas["SubscriptionPreferences"];
} {
  const out: Record<string, boolean> = {};
  for (const [id, subscribed] of Object.entries(topics)) out[`topic_${id}`] = subscribed;
  return { cio_subscription_preferences: { topics: out } };
}

/** One object a person is related to: its type id (a whole number from 1), its id, and relationship attributes. */
export interface RelatedObject {
  /** The object type id, for example `1` for the first type the workspace created (rule C20). */
  type: number | `${number}`;
  /** The object's id within its type (rule C19). */
  id: string;
  /** Attributes of the relationship; `null` or `""` removes one (rule C21). */
  attributes?: Record<string, string | number | boolean | null>;
}

/** Relates the person to each object (rule C18 `add_relationships`). Spread the result into the attributes. */
export function addRelationships(objects: readonly RelatedObject[]): { cio_relationships: Schemas["Relationships"] } {
  return { cio_relationships: { action: "add_relationships", relationships: objects.map(toRelationship) } };
}

/** Removes the person's relationship to each object (rule C18 `delete_relationships`). */
export function deleteRelationships(objects: readonly RelatedObject[]): {
  cio_relationships: Schemas["Relationships"];
} {
  return { cio_relationships: { action: "delete_relationships", relationships: objects.map(toRelationship) } };
}

/** Whole Unix seconds of a date, the only time unit Customer.io reads (rule C22). */
export function unixSeconds(date: Date | number): number {
  const ms = typeof date === "number" ? date : date.getTime();
  return Math.floor(ms / 1000);
}

function toRelationship(object: RelatedObject): Schemas["Relationship"] {
  const relationship: Schemas["Relationship"] = {
    identifiers: { object_type_id: String(object.type), object_id: object.id },
  };
  if (object.attributes !== undefined) relationship.relationship_attributes = { ...object.attributes };
  return relationship;
}
