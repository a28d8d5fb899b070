/**
 * Per-person ordering. Customer.io applies identify calls in the order they arrive, and two calls for a person
 * who does not exist yet can both create one: rapid successive calls for the same person are a known source of
 * duplicate profiles and of stale values winning. Within one client, calls for the same key therefore never
 * overlap: each waits until the previous one for that key has settled, success or failure. Calls for different
 * keys run side by side.
 */
export class KeyedQueue {
  /** For each busy key, a promise that settles when the last call queued for it has settled. Never rejects. */
  readonly #tails = new Map<string, Promise<void>>();

  /** Number of keys with a call in flight or waiting. 0 when the client is idle, so memory does not grow. */
  get size(): number {
    return this.#tails.size;
  }

  /**
   * Runs `task` once every earlier task for `key` has settled. When `signal` fires during the wait, `task` runs at
   * once instead (it is expected to see the aborted signal and fail fast without sending anything); the calls
   * queued after it still wait for the earlier ones.
   */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key);
    let release!: () => void;
    const own = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The next call waits for this one and, should this one stop waiting early, for the ones before it too.
    const tail = previous === undefined ? own : previous.then(() => own);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    const start = async (): Promise<T> => {
      try {
        if (previous !== undefined) await settledOrAborted(previous, signal);
        return await task();
      } finally {
        release();
      }
    };
    return start();
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
