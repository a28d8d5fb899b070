/**
 * Per-person ordering. Customer.io applies identify calls in the order they arrive, and two calls for a person
 * who does not exist yet can both create one: rapid successive calls for the same person are a known source of
 * duplicate profiles and of stale values winning. Within one client, calls for the same key therefore never
 * overlap: each waits until the previous one for that key has settled, success or failure. Calls for different
 * keys run side by side.
 */
export class KeyedQueue {
  /** For each key with calls waiting behind another, a promise that settles when the last of them has. Never rejects. */
  readonly #tails = new Map<string, Promise<void>>();
  /** For each key with exactly one call and nobody queued when it started, that call's own promise. */
  readonly #alone = new Map<string, Promise<unknown>>();

  /** Number of keys with a call in flight or waiting. 0 when the client is idle, so memory does not grow. */
  get size(): number {
    let size = this.#tails.size;
    for (const key of this.#alone.keys()) if (!this.#tails.has(key)) size += 1;
    return size;
  }

  /**
   * Runs `task` (an async function, which never throws synchronously) once every earlier task for `key` has
   * settled. When `signal` fires during the wait, `task` runs at once instead (it is expected to see the aborted
   * signal and fail fast without sending anything); the calls queued after it still wait for the earlier ones.
   */
  run<T>(key: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const previous = this.#tails.get(key) ?? this.#alone.get(key);
    if (previous === undefined) {
      // Nobody ahead, the usual case: the call's own promise marks the key busy, and nothing else is allocated.
      const running = this.#runAlone(key, task);
      this.#alone.set(key, running);
      return running;
    }
    let release!: () => void;
    const own = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The next call waits for this one and, should this one stop waiting early, for the ones before it too.
    const tail = settledOrAborted(previous, undefined).then(() => own);
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    const start = async (): Promise<T> => {
      try {
        await settledOrAborted(previous, signal);
        return await task();
      } finally {
        release();
      }
    };
    return start();
  }

  async #runAlone<T>(key: string, task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      // Runs after run() registered this call (the await above always yields). A call queued behind this one
      // holds this promise already and keeps its own tail.
      this.#alone.delete(key);
    }
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
