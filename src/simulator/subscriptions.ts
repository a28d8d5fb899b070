/**
 * Subscription preferences: C14 (the `cio_subscription_preferences` object) and C15 (one topic by dot notation).
 *
 * The two forms differ on purpose. The object replaces the person's preferences: topics it leaves out are
 * removed, which returns them to the workspace's default. A key `cio_subscription_preferences.topics.topic_<id>`
 * changes that one topic and keeps the rest. When a body carries both, the object applies first.
 *
 * For `_timestamp` ordering the preferences count as one attribute, `cio_subscription_preferences`.
 */
import { dotNotationTopic, isObject } from "../rules/index.js";
import type { TimestampGate } from "./attributes.js";
import type { RuleContext } from "./context.js";
import type { StoredPerson } from "./workspace.js";

const GATE_NAME = "cio_subscription_preferences";

/** Whether a body key is a dot-notation topic (C15). */
export function isTopicKey(name: string): boolean {
  return dotNotationTopic(name) !== undefined;
}

export function applyTopics(
  ctx: RuleContext,
  person: StoredPerson,
  body: Readonly<Record<string, unknown>>,
  gate: TimestampGate,
  changed: string[],
): void {
  const preferences = body["cio_subscription_preferences"];
  if (isObject(preferences) && gate.allows(GATE_NAME)) {
    // C14: the object replaces the preferences; a topic left out reverts to the default (is removed).
    person.topics.clear();
    const topics = preferences["topics"];
    if (isObject(topics)) {
      for (const [topic, subscribed] of Object.entries(topics)) {
        if (typeof subscribed === "boolean") person.topics.set(topic, subscribed);
      }
    }
    changed.push(GATE_NAME);
  }

  let gated: boolean | undefined;
  for (const [name, subscribed] of Object.entries(body)) {
    const topic = dotNotationTopic(name);
    if (topic === undefined || typeof subscribed !== "boolean") continue;
    gated ??= gate.allows(GATE_NAME);
    if (!gated) return;
    // C15: one topic changes and the others stay; with C15 off, the key wrongly replaces every topic.
    if (!ctx.on("C15")) person.topics.clear();
    person.topics.set(topic, subscribed);
    changed.push(name);
  }
}
