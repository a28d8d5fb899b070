/**
 * The workspace and the activity log behind a simulator, for the Node-only state file (state.ts), which must
 * restore and save them. Kept apart from state.ts so that the simulator itself (index.ts) stays free of node:
 * modules and runs on any fetch runtime.
 */
import type { ActivityLog } from "./activity.js";
import type { Simulator } from "./types.js";
import type { Workspace } from "./workspace.js";

/** The parts of a simulator the state file reads and restores. */
export interface SimulatorInternals {
  workspace: Workspace;
  log: ActivityLog;
}

const internals = new WeakMap<Simulator, SimulatorInternals>();

/** Called by createSimulator. */
export function registerInternals(simulator: Simulator, parts: SimulatorInternals): void {
  internals.set(simulator, parts);
}

export function internalsOf(simulator: Simulator): SimulatorInternals | undefined {
  return internals.get(simulator);
}
