/**
 * Where each rule C1–C24 lives: the place the spec states it (besides the list of rules in the `People` tag, which
 * names them all), and the simulator file that implements it. The behaviour checks take their spec element from
 * here and the traceability table its columns.
 */
import type { ClauseId } from "./types.js";

const TAG = "`People` tag description";

/** By the simulator file that implements them: each rule and where the spec states it. */
const HOMES: Record<string, Partial<Record<ClauseId, string>>> = {
  "identity.ts": {
    C1: TAG,
    C2: TAG,
    C3: TAG,
    C4: TAG,
    C5: `${TAG}; \`id\`, \`email\``,
    C6: `${TAG}; \`email\``,
    C7: `${TAG}; \`identifier\` parameter`,
    C8: `${TAG}; \`identifier\` parameter`,
    C10: `${TAG}; \`identifier\` parameter and examples`,
    C11: `${TAG}; \`id\``,
    C23: "`DeclaredAttributes._update`",
    C24: "`DeclaredAttributes._update`",
  },
  "workspace.ts": { C9: `${TAG}; \`identifier\` parameter, \`email\`` },
  "validation.ts": { C12: `${TAG}; \`requestBody\` content` },
  "attributes.ts": {
    C13: "`DeclaredAttributes.email`",
    C16: "`DeclaredAttributes.anonymous_id`",
    C17: "`DeclaredAttributes.unsubscribed`",
    C22: "`DeclaredAttributes.created_at`",
  },
  "subscriptions.ts": { C14: "`SubscriptionPreferences`", C15: "`CustomAttributes` patternProperties" },
  "relationships.ts": {
    C18: "`Relationships.action`",
    C19: "`ObjectIdentifiers`",
    C20: "`ObjectIdentifiers.object_type_id` (pattern)",
    C21: "`RelationshipAttributes`",
  },
};

export interface ClauseHome {
  /** Where the OpenAPI document states the rule (Markdown). */
  spec: string;
  /** The simulator file that implements it, from the repository's root. */
  simulator: string;
}

/** Where `clause` lives. Throws for a rule the table does not place: every rule has a home. */
export function homeOf(clause: ClauseId): ClauseHome {
  for (const [file, rules] of Object.entries(HOMES)) {
    const spec = rules[clause];
    if (spec !== undefined) return { spec, simulator: `src/simulator/${file}` };
  }
  throw new Error(`${clause} has no home in the spec and the simulator`);
}
