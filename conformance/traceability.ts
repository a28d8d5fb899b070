/**
 * Traceability: for each rule C1–C24, where the spec states it, where the simulator implements it, and which
 * checks prove it. The check ids come from the check definitions themselves, so the table cannot list a check
 * that does not exist; the project's tests verify that each named simulator file mentions its clause and that
 * the table in docs/conformance.md is this one.
 */
import { behaviourChecks } from "./checks/behaviour.js";
import { clientChecks } from "./checks/client.js";
import { wireChecks } from "./checks/wire.js";
import { defaultClient } from "./run.js";
import type { ClauseId } from "./types.js";

export interface TraceRow {
  clause: ClauseId;
  /** Where the OpenAPI document states the rule. */
  spec: string;
  /** The simulator file that implements it. */
  simulator: string;
  /** Ids of the checks that prove it. */
  checks: string[];
}

const OPERATION = "`People` tag description";
const where: Record<string, [spec: string, simulator: string]> = {
  C1: [OPERATION, "identity.ts"],
  C2: [OPERATION, "identity.ts"],
  C3: [OPERATION, "identity.ts"],
  C4: [OPERATION, "identity.ts"],
  C5: [`${OPERATION}; \`id\`, \`email\``, "identity.ts"],
  C6: [`${OPERATION}; \`email\``, "identity.ts"],
  C7: [`${OPERATION}; \`identifier\` parameter`, "identity.ts"],
  C8: [`${OPERATION}; \`identifier\` parameter`, "identity.ts"],
  C9: [`${OPERATION}; \`identifier\` parameter, \`email\``, "workspace.ts"],
  C10: [`${OPERATION}; \`identifier\` parameter and examples`, "identity.ts"],
  C11: [`${OPERATION}; \`id\``, "identity.ts"],
  C12: [`${OPERATION}; \`requestBody\` content`, "validation.ts"],
  C13: ["`DeclaredAttributes.email`", "attributes.ts"],
  C14: ["`SubscriptionPreferences`", "subscriptions.ts"],
  C15: ["`CustomAttributes` patternProperties", "subscriptions.ts"],
  C16: ["`DeclaredAttributes.anonymous_id`", "attributes.ts"],
  C17: ["`DeclaredAttributes.unsubscribed`", "attributes.ts"],
  C18: ["`Relationships.action`", "relationships.ts"],
  C19: ["`ObjectIdentifiers`", "relationships.ts"],
  C20: ["`ObjectIdentifiers.object_type_id` (pattern)", "relationships.ts"],
  C21: ["`RelationshipAttributes`", "relationships.ts"],
  C22: ["`DeclaredAttributes.created_at`", "attributes.ts"],
  C23: ["`DeclaredAttributes._update`", "identity.ts"],
  C24: ["`DeclaredAttributes._update`", "identity.ts"],
};

export function traceability(): TraceRow[] {
  const checks = [...clientChecks(defaultClient), ...wireChecks, ...behaviourChecks];
  return Array.from({ length: 24 }, (_, i) => {
    const clause: ClauseId = `C${i + 1}`;
    const [spec, simulator] = where[clause] ?? ["", ""];
    return {
      clause,
      spec,
      simulator: `src/simulator/${simulator}`,
      checks: checks.filter((c) => c.clauses.includes(clause)).map((c) => c.id),
    };
  });
}

/** The table as Markdown, as docs/conformance.md carries it. */
export function traceabilityMarkdown(): string {
  const rows = traceability().map(
    (r) => `| ${r.clause} | ${r.spec} | \`${r.simulator}\` | ${r.checks.map((c) => `\`${c}\``).join(", ")} |`,
  );
  return ["| clause | spec | simulator | checks |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
