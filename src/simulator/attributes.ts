/**
 * Attributes of a person: C13 (`email` is the person's address; applied with the identifiers in identity.ts),
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
import { MAX_ATTRIBUTES } from "../spec/limits.js";
import type { ActivityNote } from "./activity.js";
import type { RuleContext } from "./context.js";
import { applyRelationships } from "./relationships.js";
import { applyTopics, isTopicKey } from "./subscriptions.js";
import type { StoredPerson } from "./workspace.js";

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

/** Decides whether an update may write an attribute, given `_timestamp` ordering. */
export interface TimestampGate {
  /** True when the attribute may be written (and records the call's stamp for it). */
  allows(name: string): boolean;
}

/** Applies every attribute of the body except `id` and `email`, which identity.ts applied already. */
export function applyAttributes(
  ctx: RuleContext,
  person: StoredPerson,
  body: Readonly<Record<string, unknown>>,
  notes: ActivityNote[],
  changed: string[],
): void {
  const stamp = typeof body["_timestamp"] === "number" ? body["_timestamp"] : undefined;
  const stale: string[] = [];
  const gate: TimestampGate = {
    allows(name) {
      if (stamp === undefined) return true;
      const newer = person.stamps.get(name);
      if (newer !== undefined && newer > stamp) {
        stale.push(name);
        return false;
      }
      person.stamps.set(name, stamp);
      return true;
    },
  };

  const anonymousId = body["anonymous_id"];
  if (typeof anonymousId === "string") applyAnonymousId(ctx, person, anonymousId, notes, changed);

  const createdAt = body["created_at"];
  // C22: whole Unix seconds; the schema has already refused anything but a non-negative integer.
  if (typeof createdAt === "number" && gate.allows("created_at") && person.created_at !== createdAt) {
    person.created_at = createdAt;
    changed.push("created_at");
  }

  if ("unsubscribed" in body && gate.allows("unsubscribed")) {
    const unsubscribed = ctx.on("C17") ? isTruthy(body["unsubscribed"]) : body["unsubscribed"] === true;
    if (person.unsubscribed !== unsubscribed) {
      person.unsubscribed = unsubscribed;
      changed.push("unsubscribed");
    }
  }

  applyTopics(ctx, person, body, gate, changed);

  const relationships = body["cio_relationships"];
  if (relationships !== undefined) applyRelationships(ctx, person, relationships, changed);

  const refused: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (NOT_CUSTOM.has(name) || isTopicKey(name) || !gate.allows(name)) continue;
    if (value === null || value === "") {
      if (person.attributes.delete(name)) changed.push(name);
      continue;
    }
    if (!person.attributes.has(name) && person.attributes.size >= MAX_ATTRIBUTES) {
      refused.push(name);
      continue;
    }
    // Rewriting the value a person already has is no change (a request delivered twice changes nothing the second time).
    if (!sameValue(person.attributes.get(name), value)) changed.push(name);
    person.attributes.set(name, value);
  }

  if (refused.length > 0) {
    notes.push({
      type: "attribute_update_failure",
      cio_id: person.cio_id,
      reason: `A person holds at most ${MAX_ATTRIBUTES} attributes; not stored: ${refused.join(", ")}.`,
    });
  }
  if (stamp !== undefined) {
    if (person.last_timestamp === undefined || stamp > person.last_timestamp) person.last_timestamp = stamp;
    if (stale.length > 0) {
      notes.push({
        type: "attribute_update_failure",
        cio_id: person.cio_id,
        reason: `_timestamp is older than the values already stored, which were kept: ${stale.join(", ")}.`,
      });
    }
  }
}

/** C16: an anonymous_id another person holds (or held) is refused; a new one is linked to this person. */
function applyAnonymousId(
  ctx: RuleContext,
  person: StoredPerson,
  anonymousId: string,
  notes: ActivityNote[],
  changed: string[],
): void {
  const holder = ctx.workspace.byAnonymousId(anonymousId);
  if (holder !== undefined && holder !== person && ctx.on("C16")) {
    notes.push({
      type: "attribute_update_failure",
      clause: "C16",
      identifier: "anonymous_id",
      cio_id: person.cio_id,
      conflicting_cio_id: holder.cio_id,
      reason: "The anonymous_id is already associated with a different profile and cannot be reused.",
    });
    return;
  }
  if (person.anonymous_id === anonymousId) return;
  ctx.workspace.linkAnonymousId(person, anonymousId);
  changed.push("anonymous_id");
}

/** C17: true, "true" in any case, 1 and "1" unsubscribe; every other value does not. */
export function isTruthy(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === "string" && (value === "1" || value.toLowerCase() === "true");
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
