/**
 * When to try a request again, and how long to wait first.
 *
 * Customer.io's SDKs differ widely here: customerio-node retries with a capped backoff, customerio-python only on
 * 5xx, the Go and Ruby SDKs never, and none of them bound the whole call. This policy retries what is safe to
 * retry (identify is a PUT keyed on the path identifier, so sending it again updates the same person rather than
 * creating a second one), waits with exponential backoff and full jitter so that many clients recovering from
 * one outage do not retry in step, honours `Retry-After`, and never waits past the caller's deadline.
 */
import { settledOrAborted } from "./queue.js";

/** Retry settings as callers give them; every field is optional. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 3, so at most 4 attempts. `0` turns retrying off. */
  retries?: number;
  /**
   * Base of the exponential backoff, in milliseconds. Before retry n (1, 2, 3, …) the client waits a random time
   * between 0 and `min(maxDelayMs, baseDelayMs × 2^(n−1))` ("full jitter"). Default 500.
   */
  baseDelayMs?: number;
  /** Upper bound of one backoff wait, in milliseconds. Default 10 000. */
  maxDelayMs?: number;
  /**
   * The longest `Retry-After` the client is willing to wait, in milliseconds. A server asking for longer (or for
   * longer than the call's deadline has left) gets no retry: the call fails at once with the HttpError, whose
   * `retryAfter` tells the caller when to come back. Default 60 000.
   */
  maxRetryAfterMs?: number;
  /** Response statuses that are retried. Default `[408, 429, 500, 502, 503, 504]`. Other statuses never are. */
  statuses?: readonly number[];
  /** Source of randomness in [0, 1) for the jitter. Default `Math.random`; inject one to make delays predictable. */
  random?: () => number;
}

/** Retry settings with every default filled in. */
export interface RetryPolicy {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRetryAfterMs: number;
  statuses: ReadonlySet<number>;
  random: () => number;
}

export const DEFAULT_RETRY_STATUSES: readonly number[] = [408, 429, 500, 502, 503, 504];

export const RETRY_DEFAULTS = {
  retries: 3,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
} as const;

/** The wait before retry number `retry` (1 for the first retry): full jitter over a capped exponential. */
export function backoffDelay(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const unit = Math.min(Math.max(policy.random(), 0), 1);
  return Math.floor(unit * ceiling);
}

/**
 * `Retry-After` in milliseconds from now, for both of its forms: delay-seconds (`"30"`) and an HTTP date
 * (`"Wed, 21 Oct 2015 07:28:00 GMT"`). A date in the past means "now". Anything else is ignored (undefined),
 * and the ordinary backoff applies.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the date forms HTTP allows: they name a weekday or a month in letters. This keeps numbers such as "1.5"
  // or "-1", which Date.parse would read as years, from passing for dates.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * How long to wait before the next attempt, or undefined when there must be none: the retries are used up, the
 * server asked for a wait beyond `maxRetryAfterMs`, or the wait would not end before the deadline.
 *
 * @param retriesDone retries already made (attempts so far minus one)
 * @param retryAfter the `Retry-After` header of the failed attempt's response, if it had one
 * @param remainingMs time left before the call's deadline
 */
export function nextDelay(
  policy: RetryPolicy,
  retriesDone: number,
  retryAfter: string | null | undefined,
  nowMs: number,
  remainingMs: number,
): number | undefined {
  if (retriesDone >= policy.retries) return undefined;
  const asked = parseRetryAfter(retryAfter, nowMs);
  if (asked !== undefined && asked > policy.maxRetryAfterMs) return undefined;
  const delay = asked ?? backoffDelay(policy, retriesDone + 1);
  // Sleeping until the deadline would leave no time for the attempt itself.
  return delay < remainingMs ? delay : undefined;
}

/**
 * Waits `ms` milliseconds, or less if the signal fires: an abort during a backoff wait must not have to wait for
 * the backoff to end. The timer is cleared either way. Uses setTimeout, so fake timers drive it in tests.
 */
export async function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await settledOrAborted(
    new Promise((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
    signal,
  );
  clearTimeout(timer);
}
