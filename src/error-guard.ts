/**
 * Guards for error classes with a stable `name` and `code`. They match by class, or by name and code: an error
 * thrown by another copy of the package (two versions installed side by side, a bundled copy) fails
 * `instanceof`, yet it is the same error to the caller.
 */
export type ErrorGuard<E extends Error> = (error: unknown) => error is E;

/** The guard of one class: its instances, and any Error named `name` whose `code` is `code`. */
export function errorGuard<E extends Error>(
  type: abstract new (...args: never[]) => E,
  name: string,
  code: string,
): ErrorGuard<E> {
  return (error: unknown): error is E => {
    if (error instanceof type) return true;
    if (!(error instanceof Error) || error.name !== name) return false;
    return (error as { code?: unknown }).code === code;
  };
}

/** The guard of several classes: what any one of their guards matches. */
export function anyOf<E extends Error>(...guards: readonly ErrorGuard<E>[]): ErrorGuard<E> {
  return (error: unknown): error is E => guards.some((guard) => guard(error));
}
