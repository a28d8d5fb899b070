/**
 * The one error class for a simulator given options, faults, settings or people it cannot use. `code` is
 * stable and machine-readable; `problems` names each reason, never a value.
 *
 * | code | thrown when |
 * | --- | --- |
 * | `invalid_option` | an option of createSimulator() or serveSimulator(), or a settings patch, is not usable |
 * | `invalid_fault` | a fault spec is not usable (FaultSpecError) |
 * | `seed_conflict` | seeded people would share an identifier (SeedConflictError) |
 */
export type SimulatorOptionErrorCode = "invalid_option" | "invalid_fault" | "seed_conflict";

export class SimulatorOptionError extends Error {
  override name = "SimulatorOptionError";
  readonly code: SimulatorOptionErrorCode;
  readonly problems: readonly string[];

  constructor(code: SimulatorOptionErrorCode, problems: readonly string[], message = problems.join("; ")) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}

const NAMES = new Set(["SimulatorOptionError", "FaultSpecError", "SeedConflictError"]);

/**
 * Whether a value is a SimulatorOptionError (or one of its kinds). Matches by name and code as well as by
 * class, so it holds across two copies of the package.
 */
export function isSimulatorOptionError(error: unknown): error is SimulatorOptionError {
  if (error instanceof SimulatorOptionError) return true;
  if (!(error instanceof Error) || !NAMES.has(error.name)) return false;
  const code = (error as { code?: unknown }).code;
  return code === "invalid_option" || code === "invalid_fault" || code === "seed_conflict";
}
