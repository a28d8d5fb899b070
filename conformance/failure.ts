/** The shape of the suite's errors that say what could not be done and why, in one line. */

/** Something the suite could not do: `message` is one line, what failed and the reason the system gave. */
export abstract class FailedStep extends Error {
  abstract override readonly name: string;
  abstract readonly code: string;

  constructor(
    what: string,
    readonly reason: string,
  ) {
    super(`${what}: ${reason}`);
  }
}
