/**
 * The one shape of a problem found in an input, a request or a response, wherever it is found: the client's
 * validation, the simulator's 400 answers, the conformance suite's findings. Modelled on Zod's issues: a stable
 * machine-readable `code`, the `path` to the element at fault, and a `message` for people.
 *
 * A message names the element and what is wrong with it; it never quotes a value (values are personal data) or a
 * credential.
 */
export interface Problem {
  /** Stable, machine-readable: `snake_case`, never reworded once published. */
  readonly code: string;
  /** Where the problem is: object keys and array indexes from the root of what was checked; empty for the whole. */
  readonly path: readonly (string | number)[];
  /** For people: names the element and what is wrong, never its value. */
  readonly message: string;
}

/** `attributes.tags[2]`-style text of a path, for messages. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = "";
  for (const key of path) text += typeof key === "number" ? `[${key}]` : text === "" ? key : `.${key}`;
  return text;
}

/** A problem from its three parts. */
export const problem = (code: string, path: readonly (string | number)[], message: string): Problem => ({
  code,
  path,
  message,
});
