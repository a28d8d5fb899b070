/**
 * Per-person `_timestamp` stamps that strictly increase. Customer.io keeps, for each person, the values of the
 * newest `_timestamp`; `_timestamp` counts whole seconds, so two calls for one person made within the same second
 * would tie, and an attempt that timed out client-side but is still being handled by the server could then land
 * after the next call and overwrite it. Giving each later call for the same person a larger stamp (one second
 * ahead when needed) lets the server put late arrivals in their place.
 *
 * A burst of calls for one person would push the stamps ever further ahead of the clock, and a stamp far in the
 * future would make the server treat honest later updates from elsewhere as older. So a stamp may run at most
 * {@link MAX_STAMP_LEAD_SECONDS} ahead of the clock when its request leaves: the client holds a call back until
 * the clock has caught up (see {@link sendableAt}).
 */

/** How far, in seconds, a stamp may be ahead of the clock when its request is sent. */
export const MAX_STAMP_LEAD_SECONDS = 10;

export class PersonStamps {
  /** The last stamp given per person, kept only while it is not in the past (older entries cannot matter). */
  readonly #last = new Map<string, number>();
  /** The second of the last sweep of past entries: one sweep per second at most keeps each call O(1). */
  #sweptAt = 0;

  next(person: string, nowSeconds: number): number {
    if (nowSeconds > this.#sweptAt && this.#last.size > 1024) {
      this.#sweptAt = nowSeconds;
      for (const [key, value] of this.#last) if (value < nowSeconds) this.#last.delete(key);
    }
    const last = this.#last.get(person);
    const stamp = last !== undefined && last >= nowSeconds ? last + 1 : nowSeconds;
    this.#last.set(person, stamp);
    return stamp;
  }

  /** People remembered (for tests: memory stays bounded). */
  get size(): number {
    return this.#last.size;
  }
}

/** The earliest wall-clock time (ms) at which a request stamped `stamp` may leave: `stamp − 10 s`. */
export function sendableAt(stamp: number): number {
  return (stamp - MAX_STAMP_LEAD_SECONDS) * 1000;
}
