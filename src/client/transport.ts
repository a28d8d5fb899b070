import { AbortError, NetworkError, TimeoutError, type RequestSummary } from "./errors.js";

/** The fetch the client calls: a WHATWG `fetch` or anything with its shape (an in-process simulator, a test double). */
export type FetchLike = (request: Request) => Promise<Response>;

export interface TransportOptions {
  fetch: FetchLike;
  /** Per-attempt timeout in milliseconds. */
  timeoutMs: number;
  /** How a request is named in errors (identifier redacted unless exposed). */
  summarize: (request: Request) => RequestSummary;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * One attempt of a request with a timeout and the caller's signal. Fetch failures become typed errors; an HTTP
 * status, whatever it is, is returned as a Response for the caller to judge.
 *
 * The timeout uses setTimeout rather than AbortSignal.timeout so that fake timers can drive it in tests.
 */
export async function send(request: Request, options: TransportOptions, signal?: AbortSignal): Promise<Response> {
  const summary = options.summarize(request);
  if (signal?.aborted) throw new AbortError(summary, signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const response = await options.fetch(new Request(request, { signal: controller.signal }));
    // The body is read inside the timeout as well: a server that sends headers and then stalls must not hang
    // the caller. Bodies of this endpoint are small.
    const text = await response.text();
    return new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  } catch (error) {
    if (timedOut) throw new TimeoutError(summary, options.timeoutMs);
    if (signal?.aborted) throw new AbortError(summary, signal.reason);
    throw new NetworkError(summary, error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
