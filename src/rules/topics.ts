/** Topic keys of subscription preferences (C14, C15) and object type ids of relationships (C20). */
import { TOPIC_DOT_PREFIX } from "../spec/limits.js";

export { TOPIC_DOT_PREFIX };

/** A whole number from 1, in decimal, without a sign or leading zeros: topic ids and object type ids. */
const WHOLE_FROM_ONE = /^[1-9][0-9]*$/;
const TOPIC_NAME = /^topic_[1-9][0-9]*$/;

/** Whether a key of `cio_subscription_preferences.topics` names a topic: `topic_<id>` (C14). */
export function isTopicName(key: string): boolean {
  return TOPIC_NAME.test(key);
}

/** Whether a topic id (the part after `topic_`) is a whole number from 1. */
export function isTopicId(id: string): boolean {
  return WHOLE_FROM_ONE.test(id);
}

/**
 * The topic a dot-notation key sets (`cio_subscription_preferences.topics.topic_3` → `topic_3`, C15), or
 * undefined when the key is no such key (then it is a custom attribute).
 */
export function dotNotationTopic(key: string): string | undefined {
  // The prefix first: most keys are not topics, and startsWith is cheaper than the pattern.
  if (!key.startsWith(TOPIC_DOT_PREFIX)) return undefined;
  const id = key.slice(TOPIC_DOT_PREFIX.length);
  return WHOLE_FROM_ONE.test(id) ? `topic_${id}` : undefined;
}

/** C20: an object type id is a string holding a whole number from 1 (`"1"`, `"12"`). */
export function isObjectTypeId(value: unknown): value is string {
  return typeof value === "string" && WHOLE_FROM_ONE.test(value);
}
