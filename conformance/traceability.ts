/**
 * Traceability: for each rule C1–C24, where the spec states it, where the simulator implements it, and which
 * checks prove it. The check ids come from the check definitions themselves, so the table cannot list a check
 * that does not exist; the project's tests verify that each named simulator file mentions its clause and that
 * the table in docs/conformance.md is this one.
 */
import { behaviourChecks } from "./checks/behaviour.js";
import { homeOf } from "./clauses.js";
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

export function traceability(): TraceRow[] {
  const checks = [...clientChecks(defaultClient), ...wireChecks, ...behaviourChecks];
  return Array.from({ length: 24 }, (_, i) => {
    const clause: ClauseId = `C${i + 1}`;
    return { clause, ...homeOf(clause), checks: checks.filter((c) => c.clauses.includes(clause)).map((c) => c.id) };
  });
}

/** The table as Markdown, as docs/conformance.md carries it. */
export function traceabilityMarkdown(): string {
  const rows = traceability().map(
    (r) => `| ${r.clause} | ${r.spec} | \`${r.simulator}\` | ${r.checks.map((c) => `\`${c}\``).join(", ")} |`,
  );
  return ["| clause | spec | simulator | checks |", "| --- | --- | --- | --- |", ...rows].join("\n");
}
