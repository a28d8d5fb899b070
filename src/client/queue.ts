/**
 * Per-person ordering. Customer.io applies identify calls in the order they arrive, and two calls for a person
 * who does not exist yet can both create one: rapid successive calls for the same person are a known source of
 * duplicate profiles and of stale values winning. Within one client, calls for the same key therefore never
 * overlap: each waits until the previous one for that key has settled, success or failure. Calls for different
 * keys run side by side.
 */
export class KeyedQueue {
  /** For each key with a call in flight or waiting, a promise that settles when the last of them has. */
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Number of keys with a call in flight or waiting. 0 when the client is idle, so memory does not grow. */
  get size(): number {
    return this.#tails.size;
  }

  /**
   * Runs `task` once every earlier task for `key` has settled, or at once when `signal` fires while it waits (the
   * task then sees the aborted signal and ends). Settles as the task does.
   */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key);
    // Nobody ahead, the usual case: the task's own promise marks the key busy, and nothing else is allocated.
    const result = previous === undefined ? task() : settledOrAborted(previous, signal).then(task);
    // The next task waits for this one and, should this one stop waiting early, for the ones before it too.
    const tail = previous === undefined ? result : Promise.allSettled([previous, result]);
    this.#tails.set(key, tail);
    const clear = () => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    };
    tail.then(clear, clear);
    return result;
  }
}

/** Resolves when `promise` settles (either way) or `signal` fires, whichever comes first. Never rejects. */
export function settledOrAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  const settled = promise.then(
    () => undefined,
    () => undefined,
  );
  if (signal === undefined) return settled;
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    signal.addEventListener("abort", done, { once: true });
    void settled.then(done);
  });
}
