import { afterEach, describe, expect, it, vi } from "vitest";
import { RateLimiter } from "../../src/cli/rate.js";

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

/** Calls take() until one has to wait; returns how many went at once. The clock is frozen meanwhile. */
function goAtOnce(limiter: RateLimiter, timers: { count: number }): number {
  let n = 0;
  for (;;) {
    const before = timers.count;
    void limiter.take();
    if (timers.count > before) return n;
    n++;
  }
}

describe("RateLimiter", () => {
  it("spaces requests on an absolute timeline; after a stall it catches up at most 100 ms of missed slots", () => {
    vi.useFakeTimers();
    const timers = { count: 0 };
    const real = globalThis.setTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((fn: () => void, ms?: number) => {
      timers.count++;
      return real(fn, ms);
    }) as typeof setTimeout);
    let now = 0;
    const limiter = new RateLimiter(200, () => now); // a slot every 5 ms
    expect(goAtOnce(limiter, timers)).toBe(1); // slot 0 goes, slot 5 waits
    now = 60; // a 55 ms stall: slots 10 … 60 are used to catch up
    expect(goAtOnce(limiter, timers)).toBe(11);
    now = 10_000; // a long stall: only the last 100 ms of slots (9900 … 10000), no burst beyond
    expect(goAtOnce(limiter, timers)).toBe(21);
  });

  it("never waits with a rate of 0", async () => {
    const spy = vi.spyOn(globalThis, "setTimeout");
    const limiter = new RateLimiter(0, () => 0);
    for (let i = 0; i < 50; i++) await limiter.take();
    expect(spy).not.toHaveBeenCalled();
  });
});
