/**
 * Paces requests to a rate. Slots are scheduled on an absolute timeline (start + n / rate), not as sleeps after
 * each send, so timer jitter does not accumulate and the achieved rate stays at the limit over a long run.
 */
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
    // After an idle spell, do not let the backlog of unused slots turn into a burst.
    if (this.next < now - this.interval) this.next = now;
    const slot = this.next;
    this.next += this.interval;
    const wait = slot - now;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
