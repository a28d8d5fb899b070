/**
 * Attributes of a person: C13 (`email` is the person's address; decided with the identifiers in identity.ts),
 * C16 (`anonymous_id` is unique and not reusable), C17 (`unsubscribed`), C22 (`created_at`), custom attributes
 * and `_timestamp` ordering. Topics (C14, C15) and relationships (C18–C21) have files of their own.
 *
 * Custom attributes: a value is stored as sent (string, number, boolean, array or object), and **`null` or `""`
 * removes the attribute** from the person, which is how Customer.io clears a value (the spec says the same).
 * Keys the API reserves are never stored: `_update` and `_timestamp` steer the call, `cio_id` in a body (the
 * Ruby SDK sends one) cannot change a person's cio_id, and the identifiers are fields of their own.
 *
 * `_timestamp`: when a call carries one, each attribute it writes remembers it; a later call with an older
 * `_timestamp` leaves those newer values alone (and says so in the log), while attributes it is the first to
 * write are applied. Calls without `_timestamp` always apply and do not move the stamps.
 */
import { dotNotationTopic, MAX_ATTRIBUTES } from "../rules/index.js";
import {
  emptyPart,
  type Part,
  type PersonView,
  type RuleBook,
  type TimestampGate,
  type WorkspaceView,
} from "./decision.js";

/** Keys handled elsewhere, or never stored. */
const NOT_CUSTOM = new Set([
  "id",
  "email",
  "anonymous_id",
  "created_at",
  "unsubscribed",
  "cio_subscription_preferences",
  "cio_relationships",
  "_update",
  "_timestamp",
  "cio_id",
]);

/** The `_timestamp` gate of one call: records the stamps it lets through, and the names it holds back. */
function timestampGate(
  person: PersonView | undefined,
  stamp: number | undefined,
  part: Part,
  stale: string[],
): TimestampGate {
  return {
    allows(name) {
      if (stamp === undefined) return true;
      const newer = person?.peek().stamps?.get(name);
      if (newer !== undefined && newer > stamp) {
        stale.push(name);
        return false;
      }
      part.changes.push({ field: "stamp", name, value: stamp });
      return true;
    },
  };
}

/** Decides every attribute of the body except `id` and `email`, which identity.ts decides. */
export function decideAttributes(
  rules: RuleBook,
  view: WorkspaceView,
  person: PersonView | undefined,
  body: Readonly<Record<string, unknown>>,
): Part {
  const part = emptyPart();
  const stamp = typeof body["_timestamp"] === "number" ? body["_timestamp"] : undefined;
  const stale: string[] = [];
  const gate = timestampGate(person, stamp, part, stale);
  const anonymousId = body["anonymous_id"];
  if (typeof anonymousId === "string") merge(part, rules.anonymousId(view, person, anonymousId));
  decideFields(rules, person, body, gate, part);
  merge(part, rules.topics(person, body, gate));
  if (body["cio_relationships"] !== undefined) merge(part, rules.relationships(person, body["cio_relationships"]));
  decideCustom(person, body, gate, part);
  if (stamp !== undefined) {
    if (person?.last_timestamp === undefined || stamp > person.last_timestamp)
      part.changes.push({ field: "last_timestamp", value: stamp });
    if (stale.length > 0) {
      part.notes.push({
        type: "attribute_update_failure",
        target: true,
        reason: `_timestamp is older than the values already stored, which were kept: ${stale.join(", ")}.`,
      });
    }
  }
  return part;
}

/** C22 `created_at` and C17 `unsubscribed`. */
function decideFields(
  rules: RuleBook,
  person: PersonView | undefined,
  body: Readonly<Record<string, unknown>>,
  gate: TimestampGate,
  part: Part,
): void {
  const createdAt = body["created_at"];
  // C22: whole Unix seconds; the schema has already refused anything but a non-negative integer.
  if (typeof createdAt === "number" && gate.allows("created_at") && person?.created_at !== createdAt) {
    part.changes.push({ field: "created_at", value: createdAt });
    part.changed.push("created_at");
  }
  if ("unsubscribed" in body && gate.allows("unsubscribed")) {
    const unsubscribed = rules.unsubscribes(body["unsubscribed"]);
    if ((person?.unsubscribed ?? false) !== unsubscribed) {
      part.changes.push({ field: "unsubscribed", value: unsubscribed });
      part.changed.push("unsubscribed");
    }
  }
}

/** Custom attributes: stored as sent; `null` or `""` removes; at most {@link MAX_ATTRIBUTES} per person. */
function decideCustom(
  person: PersonView | undefined,
  body: Readonly<Record<string, unknown>>,
  gate: TimestampGate,
  part: Part,
): void {
  const refused: string[] = [];
  const stored = person?.peek().attributes;
  let count = stored?.size ?? 0;
  for (const [name, value] of Object.entries(body)) {
    if (NOT_CUSTOM.has(name) || dotNotationTopic(name) !== undefined || !gate.allows(name)) continue;
    const current = stored?.get(name);
    const held = stored?.has(name) === true;
    if (value === null || value === "") {
      if (held) {
        part.changes.push({ field: "attribute", name, value: undefined });
        part.changed.push(name);
        count -= 1;
      }
      continue;
    }
    if (!held && count >= MAX_ATTRIBUTES) {
      refused.push(name);
      continue;
    }
    if (!held) count += 1;
    // Rewriting the value a person already has is no change (a request delivered twice changes nothing the second time).
    if (!sameValue(current, value)) part.changed.push(name);
    part.changes.push({ field: "attribute", name, value });
  }
  if (refused.length > 0) {
    part.notes.push({
      type: "attribute_update_failure",
      target: true,
      reason: `A person holds at most ${MAX_ATTRIBUTES} attributes; not stored: ${refused.join(", ")}.`,
    });
  }
}

/** C16: an anonymous_id another person holds (or held) is refused; a new one is linked to this person. */
export function decideAnonymousId(view: WorkspaceView, person: PersonView | undefined, anonymousId: string): Part {
  const part = emptyPart();
  const holder = view.byAnonymousId(anonymousId);
  if (holder !== undefined && holder !== person) {
    part.notes.push({
      type: "attribute_update_failure",
      clause: "C16",
      identifier: "anonymous_id",
      target: true,
      conflicting_cio_id: holder.cio_id,
      reason: holder.deleted
        ? "The anonymous_id belonged to a person who was deleted and cannot be reused (the workspace reserves it)."
        : "The anonymous_id is already associated with a different profile and cannot be reused.",
    });
    return part;
  }
  if (person?.anonymous_id === anonymousId) return part;
  part.changes.push({ field: "anonymous_id", value: anonymousId });
  part.changed.push("anonymous_id");
  return part;
}

/**
 * C17: whether a value of `unsubscribed` unsubscribes: true, "true" in any case, 1 and "1" do; every other value
 * (false, any other string or number) leaves the person to their subscription preferences. The one statement of
 * the reading: the simulator's rule book applies it, and the conformance suite judges a target by it.
 */
export function unsubscribes(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === "string" && (value === "1" || value.toLowerCase() === "true");
}

/** Adds what another rule decided to `part`. */
export function merge(part: Part, other: Part): void {
  part.changes.push(...other.changes);
  part.notes.push(...other.notes);
  part.changed.push(...other.changed);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
