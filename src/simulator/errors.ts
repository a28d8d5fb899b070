import type { Problem } from "../problem.js";

/**
 * The one error class for a simulator given options, faults, settings or people it cannot use. `code` is
 * stable and machine-readable; `problems` names each reason in the shape of src/problem.ts, never quoting a value.
 *
 * | code | thrown when |
 * | --- | --- |
 * | `invalid_option` | an option of createSimulator() or serveSimulator(), or a settings patch, is not usable |
 * | `invalid_fault` | a fault spec is not usable (FaultSpecError) |
 * | `seed_conflict` | seeded people would share an identifier (SeedConflictError) |
 * | `invalid_query` | a page of people, activity or requests was asked with a bad limit, cursor or filter (ListingQueryError) |
 * | `invalid_state_file` | the state file exists but cannot be loaded (StateFileError) |
 */
export type SimulatorOptionErrorCode =
  "invalid_option" | "invalid_fault" | "seed_conflict" | "invalid_query" | "invalid_state_file";

const CODES: ReadonlySet<string> = new Set<SimulatorOptionErrorCode>([
  "invalid_option",
  "invalid_fault",
  "seed_conflict",
  "invalid_query",
  "invalid_state_file",
]);

export class SimulatorOptionError extends Error {
  override name = "SimulatorOptionError";
  readonly code: SimulatorOptionErrorCode;
  readonly problems: readonly Problem[];

  constructor(code: SimulatorOptionErrorCode, problems: readonly Problem[], message = messagesOf(problems)) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}

/** The messages of problems as one line, as the errors' messages show them. */
export const messagesOf = (problems: readonly Problem[]): string => problems.map((p) => p.message).join("; ");

const NAMES = new Set([
  "SimulatorOptionError",
  "FaultSpecError",
  "SeedConflictError",
  "ListingQueryError",
  "StateFileError",
]);

/**
 * Whether a value is a SimulatorOptionError (or one of its kinds). Matches by name and code as well as by
 * class, so it holds across two copies of the package.
 */
export function isSimulatorOptionError(error: unknown): error is SimulatorOptionError {
  if (error instanceof SimulatorOptionError) return true;
  if (!(error instanceof Error) || !NAMES.has(error.name)) return false;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && CODES.has(code);
}
