/**
 * Paces requests to a rate. Slots are scheduled on an absolute timeline (start + n / rate), not as sleeps after
 * each send, so timer jitter does not accumulate and the achieved rate stays at the limit over a long run. When
 * the event loop falls behind (a busy moment, a slow response), up to {@link CATCH_UP_MS} of missed slots may be
 * used to catch up; beyond that they are dropped, so an idle spell never turns into a burst.
 */
const CATCH_UP_MS = 100;

export class RateLimiter {
  private next: number;
  private readonly interval: number;

  constructor(
    ratePerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.interval = ratePerSecond > 0 ? 1000 / ratePerSecond : 0;
    this.next = this.now();
  }

  /** Resolves when the next request may go. With a rate of 0 it never waits. */
  async take(): Promise<void> {
    if (this.interval === 0) return;
    const now = this.now();
    if (this.next < now - Math.max(CATCH_UP_MS, this.interval)) this.next = now - Math.max(CATCH_UP_MS, this.interval);
    const slot = this.next;
    this.next += this.interval;
    const wait = slot - now;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
