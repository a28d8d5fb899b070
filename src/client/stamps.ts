/**
 * Per-person `_timestamp` stamps that strictly increase. Customer.io keeps, for each person, the values of the
 * newest `_timestamp`; `_timestamp` counts whole seconds, so two calls for one person made within the same second
 * would tie, and an attempt that timed out client-side but is still being handled by the server could then land
 * after the next call and overwrite it. Giving each later call for the same person a larger stamp (one second
 * ahead when needed) lets the server put late arrivals in their place.
 */
export class PersonStamps {
  /** The last stamp given per person, kept only while it is not in the past (older entries cannot matter). */
  readonly #last = new Map<string, number>();

  next(person: string, nowSeconds: number): number {
    const last = this.#last.get(person);
    const stamp = last !== undefined && last >= nowSeconds ? last + 1 : nowSeconds;
    this.#last.set(person, stamp);
    if (this.#last.size > 1024) {
      for (const [key, value] of this.#last) if (value < nowSeconds) this.#last.delete(key);
    }
    return stamp;
  }

  /** People remembered (for tests: memory stays bounded). */
  get size(): number {
    return this.#last.size;
  }
}
