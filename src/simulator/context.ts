/**
 * What every rule file receives: the workspace, the activity log, and which rules are in force. Rules can be
 * turned off one by one (SimulatorOptions.disabledRules) to build the broken servers that prove the conformance
 * suite can fail.
 */
import type { ActivityLog } from "./activity.js";
import { SUPPORTED_DISABLED_RULES, type ClauseId } from "./types.js";
import type { Workspace } from "./workspace.js";

export interface RuleContext {
  readonly workspace: Workspace;
  readonly log: ActivityLog;
  /** Whether a rule is in force. */
  on(clause: ClauseId): boolean;
}

/** The rules turned off, checked against the ids that can be: an unsupported id throws instead of doing nothing. */
export function disabledRuleSet(ids: readonly ClauseId[] | undefined): ReadonlySet<ClauseId> {
  const set = new Set<ClauseId>();
  for (const id of ids ?? []) {
    if (!Object.hasOwn(SUPPORTED_DISABLED_RULES, id)) {
      const supported = Object.keys(SUPPORTED_DISABLED_RULES).join(", ");
      throw new Error(`disabledRules: ${String(id)} cannot be turned off; the rules that can are ${supported}`);
    }
    set.add(id);
  }
  return set;
}
