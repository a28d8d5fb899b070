/**
 * The simulator's rule book: which function decides each clause. One table, so that the conformance suite's
 * own tests can build a deliberately wrong simulator by replacing entries (see test/support/broken-rules.ts)
 * instead of the rules carrying switches for being wrong.
 */
import { decideAnonymousId, unsubscribes } from "./attributes.js";
import type { RuleBook } from "./decision.js";
import { allowedChange, resolvePerson } from "./identity.js";
import { decideRelationships } from "./relationships.js";
import { decideTopics } from "./subscriptions.js";

export const DEFAULT_RULES: RuleBook = Object.freeze({
  resolve: resolvePerson,
  allowsChange: allowedChange,
  anonymousId: decideAnonymousId,
  unsubscribes,
  topics: decideTopics,
  relationships: decideRelationships,
  emailIgnoresCase: true,
});
