import { AbortError, CustomersError, HttpError, NetworkError, RedirectError, TimeoutError, type RequestSummary } from "./errors.js";
import { parseErrorMessages } from "./error-body.js";
import { redactCause, redactText, secretsOf } from "./redact.js";
import { OPAQUE_REDIRECT_REASON, isRedirect, nextHop } from "./redirect.js";
import { nextDelay, sleep, type RetryPolicy } from "./retry.js";

/** The fetch the client calls: a WHATWG `fetch` or anything with its shape (an in-process simulator, a test double). */
export type FetchLike = (request: Request) => Promise<Response>;

/** Everything the transport needs to send one call. */
export interface TransportPolicy {
  fetch: FetchLike;
  /** Limit of one attempt, redirects and response body included, in milliseconds. */
  timeoutMs: number;
  /** Limit of the whole call (attempts and the waits between them), in milliseconds. */
  deadlineMs: number;
  /** Redirects followed within one attempt. */
  maxRedirects: number;
  retry: RetryPolicy;
  /** Wall clock in milliseconds, for `Retry-After` dates. */
  now: () => number;
  /** How a request is named in errors (identifier redacted unless exposed). */
  summarize: (method: string, url: URL) => RequestSummary;
}

/**
 * One call as the transport sends it. The body is buffered once, when the call starts, because a Request's body
 * is a stream that can be read only once: each attempt and each redirect hop gets a fresh Request built from it.
 */
export interface Outgoing {
  method: string;
  url: URL;
  headers: Headers;
  body: Uint8Array | null;
  signal: AbortSignal | undefined;
  /** The wall-clock time (ms) before which the call may not be sent, when its `_timestamp` would be too far ahead. */
  notBefore?: number | undefined;
}

/** Reads a Request (as openapi-fetch builds it) into an {@link Outgoing}, consuming its body. */
export async function toOutgoing(request: Request): Promise<Outgoing> {
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  return { method: request.method, url: new URL(request.url), headers: new Headers(request.headers), body, signal: request.signal };
}

/** What the transport knows about a response it returns: how many attempts it took, which request, its text. */
export interface Delivery {
  attempts: number;
  request: RequestSummary;
  text: string;
  /** The request's secrets, to cut out of messages the server may have echoed them in (worked out on first use). */
  readonly secrets: readonly string[];
}

const deliveries = new WeakMap<Response, Delivery>();

/** The delivery record of a response returned by {@link execute}. */
export function deliveryOf(response: Response): Delivery | undefined {
  return deliveries.get(response);
}

/** The HttpError for a non-2xx response returned by {@link execute}. */
export function httpErrorOf(response: Response, fallback: RequestSummary): HttpError {
  const delivery = deliveryOf(response);
  const text = delivery?.text ?? "";
  // A server or proxy may echo the request (its URL, headers or body) in an error message; the message must not.
  const messages = parseErrorMessages(text, response.headers.get("content-type")).map((m) => redactText(m, delivery?.secrets ?? []));
  return new HttpError(
    delivery?.request ?? fallback,
    response.status,
    messages,
    text,
    response.headers.get("retry-after") ?? undefined,
    delivery?.attempts ?? 1,
  );
}

/**
 * Sends a call: attempts with a timeout each, retries with backoff inside an overall deadline, redirects followed
 * by hand. Resolves with the final response whatever its status (the caller judges it; {@link deliveryOf} tells
 * how many attempts it took) and rejects with a NetworkError, TimeoutError, AbortError or RedirectError.
 */
export async function execute(call: Outgoing, policy: TransportPolicy): Promise<Response> {
  // Worked out only when an error or a non-2xx answer needs them: most calls succeed, and parsing the body again
  // for every call would cost as much as sending it.
  let known: readonly string[] | undefined;
  const secrets = () => (known ??= secretsOf(call.url, call.headers, call.body));
  const deadlineAt = Date.now() + policy.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    let outcome: Response | CustomersError;
    try {
      outcome = await attemptOnce(call, policy, attempt, deadlineAt, secrets);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      outcome = error;
    }
    if (outcome instanceof Response && !policy.retry.statuses.has(outcome.status)) return outcome;
    const retryAfter = outcome instanceof Response ? outcome.headers.get("retry-after") : undefined;
    const delay = nextDelay(policy.retry, attempt - 1, retryAfter, policy.now(), deadlineAt - Date.now());
    if (delay === undefined) {
      if (outcome instanceof Response) return outcome;
      throw outcome;
    }
    // No timer for a zero wait: the next attempt starts at once (and still checks the signal first).
    if (delay > 0 && !(await sleep(delay, call.signal))) {
      throw new AbortError(policy.summarize(call.method, call.url), redactCause(call.signal?.reason, secrets()), attempt);
    }
  }
}

/** Network failures and attempt timeouts are retried; aborts, refused redirects and the deadline are final. */
function isRetryable(error: unknown): error is CustomersError {
  if (error instanceof NetworkError) return true;
  return error instanceof TimeoutError && error.limit === "attempt";
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * One attempt: fetch, follow redirects, read the body, all under one timer. The timer is the attempt timeout or,
 * when less time is left, the deadline. It uses setTimeout rather than AbortSignal.timeout so that fake timers
 * can drive it in tests.
 */
async function attemptOnce(
  call: Outgoing,
  policy: TransportPolicy,
  attempt: number,
  deadlineAt: number,
  secrets: () => readonly string[],
): Promise<Response> {
  const { signal } = call;
  let url = call.url;
  const summary = () => policy.summarize(call.method, url);
  if (signal?.aborted) throw new AbortError(summary(), redactCause(signal.reason, secrets()), attempt - 1);

  const remaining = Math.max(0, deadlineAt - Date.now());
  const limit = remaining < policy.timeoutMs ? "deadline" : "attempt";
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, Math.min(remaining, policy.timeoutMs));
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onAbort, { once: true });

  const visited = new Set([url.href]);
  try {
    for (let followed = 0; ; followed++) {
      const response = await policy.fetch(
        new Request(url, {
          method: call.method,
          headers: call.headers,
          body: call.body === null ? null : call.body.slice(),
          redirect: "manual",
          signal: controller.signal,
        }),
      );
      if (response.type === "opaqueredirect") {
        throw new RedirectError(summary(), response.status, OPAQUE_REDIRECT_REASON, undefined, attempt);
      }
      if (response.status === 0) throw new TypeError("fetch answered with a network error (status 0)");
      if (!isRedirect(response.status)) {
        // The body is read inside the timer as well: a server that sends headers and then stalls must not hang
        // the caller (a hung request once made an SDK user send everything twice). Bodies here are small.
        const text = await response.text();
        const copy = new Response(NULL_BODY_STATUSES.has(response.status) ? null : text, {
          status: response.status,
          statusText: response.statusText,
          headers: response.headers,
        });
        deliveries.set(copy, {
          attempts: attempt,
          request: summary(),
          text,
          get secrets() {
            return secrets();
          },
        });
        return copy;
      }
      await response.body?.cancel().catch(() => undefined);
      const hop = nextHop(call.method, response.status, response.headers.get("location"), url, call.url, visited, followed, policy.maxRedirects);
      if ("refused" in hop) throw new RedirectError(summary(), response.status, hop.refused, hop.target, attempt);
      url = hop.next;
      visited.add(url.href);
    }
  } catch (error) {
    if (error instanceof CustomersError) throw error;
    if (signal?.aborted) throw new AbortError(summary(), redactCause(signal.reason, secrets()), attempt);
    if (timedOut) {
      throw new TimeoutError(summary(), limit === "deadline" ? policy.deadlineMs : policy.timeoutMs, attempt, limit);
    }
    throw new NetworkError(summary(), redactCause(error, secrets()), attempt);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
