import {
  AbortError,
  CustomersError,
  HttpError,
  NetworkError,
  RedirectError,
  TimeoutError,
  type RequestSummary,
} from "./errors.js";
import { parseErrorMessages } from "./error-body.js";
import { redactCause, redactText, secretsOf } from "./redact.js";
import { OPAQUE_REDIRECT_REASON, isRedirect, type Hops, type RedirectRule } from "./redirect.js";
import { nextDelay, sleep, type RetryPolicy } from "./retry.js";

/** The fetch the client calls: a WHATWG `fetch` or anything with its shape (an in-process simulator, a test double). */
export type FetchLike = (request: Request) => Promise<Response>;

/** One HTTP exchange as a {@link Sender} sends it: no redirects followed, cancelled by `signal`. */
export interface Exchange {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string | null;
  signal: AbortSignal;
}

/**
 * What came back from one exchange, body read in full; a redirect's body is never used (the Node transport
 * discards it unread). `opaque` marks a browser's opaque answer to a manual redirect, which hides status and
 * Location.
 */
export interface Answer {
  status: number;
  header(name: string): string | null;
  text: string;
  opaque?: boolean;
}

/**
 * Sends one exchange. Rejects when no answer arrives (network failure, abort); resolves with any status. The
 * universal client sends with fetch; on Node the `node` entry sends with undici (see node-transport.ts).
 */
export type Sender = (exchange: Exchange) => Promise<Answer>;

/** Everything the transport needs to send one call. */
export interface TransportPolicy {
  /** The sender of each attempt; looked up per call, so a `globalThis.fetch` replaced after load is noticed. */
  sender: () => Sender;
  /** Limit of one attempt, redirects and response body included, in milliseconds. */
  timeoutMs: number;
  /** Limit of the whole call (attempts and the waits between them), in milliseconds. */
  deadlineMs: number;
  /** Redirects followed within one attempt. */
  maxRedirects: number;
  /** Decides each redirect (the browser build's rule refuses every one). */
  nextHop: RedirectRule;
  retry: RetryPolicy;
  /** Wall clock in milliseconds, for `Retry-After` dates. */
  now: () => number;
  /** The API key and every form of it the Authorization header carries, to cut out of messages. */
  credentials: readonly string[];
  /** How a request is named in errors (identifier redacted unless exposed). */
  summarize: (method: string, url: string) => RequestSummary;
}

/** One call as the transport sends it. The body is a string, so every attempt and redirect hop can send it again. */
export interface Outgoing {
  method: string;
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string | null;
  signal: AbortSignal | undefined;
  /** The wall-clock time (ms) before which the call may not be sent, when its `_timestamp` would be too far ahead. */
  notBefore?: number | undefined;
}

/** What a call delivered: the final answer, how many attempts it took, and where it was sent last. */
export interface Delivery {
  status: number;
  header(name: string): string | null;
  text: string;
  attempts: number;
  /** The URL that gave the final answer (after redirects). */
  url: string;
  /** The request's secrets, to cut out of messages the server may have echoed them in (worked out on first use). */
  secrets(): readonly string[];
}

/** Sends with the given fetch (the caller's, or a `globalThis.fetch` that replaced the one seen at load) or the global one. */
export function fetchSender(fetch: FetchLike | undefined): Sender {
  return async (exchange) => {
    const init: RequestInit = { ...exchange, redirect: "manual" };
    // With no fetch given, fetch(url, init) spares building a Request that fetch would copy again.
    const response =
      fetch === undefined ? await globalThis.fetch(exchange.url, init) : await fetch(new Request(exchange.url, init));
    return answerOf(response);
  };
}

async function answerOf(response: Response): Promise<Answer> {
  if (response.type === "opaqueredirect") return { status: 0, header: () => null, text: "", opaque: true };
  // A redirect's body is read like any other (it is small, and the attempt's timer covers it), then unused.
  const headers = response.headers;
  return { status: response.status, header: (name) => headers.get(name), text: await response.text() };
}

/** The HttpError for a delivery with a status outside 2xx. */
export function httpErrorOf(delivery: Delivery, request: RequestSummary): HttpError {
  const text = delivery.text;
  // A server or proxy may echo the request (its URL, headers or body) in an error message; the message must not.
  const messages = parseErrorMessages(text).map((m) => redactText(m, delivery.secrets()));
  return new HttpError(
    request,
    delivery.status,
    messages,
    text,
    delivery.header("retry-after") ?? undefined,
    delivery.attempts,
  );
}

/**
 * Sends a call: attempts with a timeout each, retries with backoff inside an overall deadline, redirects followed
 * by hand. Resolves with the final delivery whatever its status (the caller judges it) and rejects with a
 * NetworkError, TimeoutError, AbortError or RedirectError.
 *
 * One timer covers each attempt: sending, following redirects and reading the body. It is the attempt timeout or,
 * when less time is left, the deadline. It uses setTimeout rather than AbortSignal.timeout so that fake timers can
 * drive it in tests, and so that it is cleared when the attempt ends instead of firing later.
 */
export async function execute(call: Outgoing, policy: TransportPolicy): Promise<Delivery> {
  const { method, body, signal } = call;
  // Worked out only when an error or a non-2xx answer needs them: most calls succeed, and parsing the body again
  // for every call would cost as much as sending it.
  let known: readonly string[] | undefined;
  const secrets = () => (known ??= secretsOf(call.url, body, policy.credentials));
  const send = policy.sender();
  const deadlineAt = Date.now() + policy.deadlineMs;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) {
      throw new AbortError(policy.summarize(method, call.url), redactCause(signal.reason, secrets()), attempt - 1);
    }
    const guard = new AttemptGuard(signal, Math.max(0, deadlineAt - Date.now()), policy.timeoutMs);
    const hops: Hops = { url: call.url, visited: undefined };
    let delivery: Delivery | undefined;
    let failure: CustomersError | undefined;
    try {
      const answer = await followRedirects(call, send, policy, guard.signal, attempt, hops);
      delivery = { ...answer, attempts: attempt, url: hops.url, secrets };
    } catch (error) {
      // The client's own errors as they are, else abort, timeout or network failure. Network failures and attempt
      // timeouts are retried; aborts, refused redirects and the deadline are final.
      const summary = policy.summarize(method, hops.url);
      failure =
        error instanceof CustomersError
          ? error
          : signal?.aborted
            ? new AbortError(summary, redactCause(signal.reason, secrets()), attempt)
            : guard.timedOut
              ? new TimeoutError(
                  summary,
                  guard.limit === "deadline" ? policy.deadlineMs : policy.timeoutMs,
                  attempt,
                  guard.limit,
                )
              : new NetworkError(summary, redactCause(error, secrets()), attempt);
      if (!(failure instanceof NetworkError || (failure instanceof TimeoutError && failure.limit === "attempt")))
        throw failure;
    } finally {
      guard.dispose();
    }
    if (delivery !== undefined && !policy.retry.statuses.has(delivery.status)) return delivery;
    const retryAfter = delivery?.header("retry-after");
    const delay = nextDelay(policy.retry, attempt - 1, retryAfter, policy.now(), deadlineAt - Date.now());
    if (delay === undefined) {
      if (delivery !== undefined) return delivery;
      throw failure;
    }
    // No timer for a zero wait. An abort during the wait ends the call at the top of the next turn.
    if (delay > 0) await sleep(delay, signal);
  }
}

/**
 * The cancellation of one attempt: a timer (the attempt timeout, or the deadline when it comes first) and the
 * caller's signal, both aborting this controller. Listens as an object rather than through closures, so that an
 * attempt allocates one guard.
 */
class AttemptGuard extends AbortController {
  readonly #caller: AbortSignal | undefined;
  readonly #timer: ReturnType<typeof setTimeout>;
  /** Which limit the timer stands for: the attempt's own timeout, or the deadline of the whole call. */
  readonly limit: "attempt" | "deadline";
  timedOut = false;

  constructor(caller: AbortSignal | undefined, remainingMs: number, timeoutMs: number) {
    super();
    this.#caller = caller;
    this.limit = remainingMs < timeoutMs ? "deadline" : "attempt";
    this.#timer = setTimeout(expire, Math.min(remainingMs, timeoutMs), this);
    caller?.addEventListener("abort", this, { once: true });
  }

  /** The caller's signal fired (EventListener interface): abort with the caller's reason. */
  handleEvent(): void {
    this.abort(this.#caller?.reason);
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#caller?.removeEventListener("abort", this);
  }
}

/** The timer ran out: abort the exchange in flight. */
function expire(guard: AttemptGuard): void {
  guard.timedOut = true;
  guard.abort();
}

/** Sends the call and follows redirects by hand until an answer that is not a redirect, or a refused hop. */
async function followRedirects(
  { method, url: start, headers, body }: Outgoing,
  send: Sender,
  policy: TransportPolicy,
  signal: AbortSignal,
  attempt: number,
  hops: Hops,
): Promise<Answer> {
  for (;;) {
    const { url } = hops;
    const answer = await send({ method, url, headers, body, signal });
    if (answer.opaque === true) {
      throw new RedirectError(policy.summarize(method, url), 0, OPAQUE_REDIRECT_REASON, undefined, attempt);
    }
    if (answer.status === 0) throw new TypeError("fetch answered with status 0");
    // The body was read inside the attempt's timer as well: a server that sends headers and then stalls must not
    // hang the caller (a hung request once made an SDK user send everything twice). Bodies here are small.
    if (!isRedirect(answer.status)) return answer;
    const refusal = policy.nextHop(method, answer.status, answer.header("location"), hops, start, policy.maxRedirects);
    if (refusal !== undefined) {
      throw new RedirectError(policy.summarize(method, url), answer.status, refusal.refused, refusal.target, attempt);
    }
  }
}
