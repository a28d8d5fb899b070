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
import { emptyPart, type Part, type PersonView, type TimestampGate } from "./decision.js";

const GATE_NAME = "cio_subscription_preferences";

export function decideTopics(
  _person: PersonView | undefined,
  body: Readonly<Record<string, unknown>>,
  gate: TimestampGate,
): Part {
  const part = emptyPart();
  const preferences = body["cio_subscription_preferences"];
  if (isObject(preferences) && gate.allows(GATE_NAME)) {
    // C14: the object replaces the preferences; a topic left out reverts to the default (is removed).
    const topics = preferences["topics"];
    const entries = isObject(topics) ? Object.entries(topics) : [];
    const kept = entries.filter((entry): entry is [string, boolean] => typeof entry[1] === "boolean");
    part.changes.push({ field: "topics", replace: true, topics: kept });
    part.changed.push(GATE_NAME);
  }
  let gated: boolean | undefined;
  for (const [name, subscribed] of Object.entries(body)) {
    const topic = dotNotationTopic(name);
    if (topic === undefined || typeof subscribed !== "boolean") continue;
    gated ??= gate.allows(GATE_NAME);
    if (!gated) break;
    // C15: one topic changes and the others stay.
    part.changes.push({ field: "topics", replace: false, topics: [[topic, subscribed]] });
    part.changed.push(name);
  }
  return part;
}
