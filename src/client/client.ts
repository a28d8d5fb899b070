import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/customers.js";
import { MAX_ATTRIBUTES, isEmailAddress } from "../spec/limits.js";
import { VERSION } from "../version.js";
import type { Attributes } from "./attributes.js";
import { AbortError, RegionError, ValidationError, type RequestSummary } from "./errors.js";
import { toIdentifier, type Person } from "./person.js";
import { KeyedQueue, settledOrAborted } from "./queue.js";
import { PersonStamps, sendableAt } from "./stamps.js";
import { sleep } from "./retry.js";
import { redactCause, secretsOf } from "./redact.js";
import { RegionResolver, acceptRegionUrl } from "./region.js";
import { count, option, positive, requireText, resolveBaseUrl, retryPolicy, type Region } from "./options.js";
import type { RetryOptions } from "./retry.js";
import { deliveryOf, execute, httpErrorOf, toOutgoing, type FetchLike, type Outgoing, type TransportPolicy } from "./transport.js";
import { toWireBody } from "./validate.js";

export { REGION_URLS, type Region } from "./options.js";

export interface CustomersClientOptions {
  /** The workspace's site ID (the Basic auth user). */
  siteId: string;
  /** The workspace's Track API key (the Basic auth password). Never printed, logged or put in an error. */
  apiKey: string;
  /**
   * The data center of the workspace. Default `"us"`. `"auto"` asks the API once
   * (`GET /api/v1/accounts/region`, on the US host or on `baseUrl`), remembers the answer and sends every later
   * call to the host it names; only an `https` host under `customer.io` (or `baseUrl`'s own origin) is accepted.
   */
  region?: Region | "auto";
  /** Sends requests here instead of the region's host: a simulator, a proxy, a test server. */
  baseUrl?: string;
  /** The fetch to use. Default: `globalThis.fetch`, looked up on each call (so interceptors installed later apply). */
  fetch?: FetchLike;
  /** Timeout of one attempt, in milliseconds, covering redirects and the response body. Default 10 000. */
  timeoutMs?: number;
  /**
   * Limit of a whole call, in milliseconds: every attempt and every wait between attempts. The client never
   * sleeps past it; when it runs out during an attempt the call fails with a TimeoutError whose `limit` is
   * `"deadline"`. It starts when the call is sent, after waiting its turn behind earlier calls for the same
   * person. Default 60 000.
   */
  deadlineMs?: number;
  /** When and how often to retry. Default: 3 retries with exponential backoff and full jitter; see {@link RetryOptions}. */
  retry?: RetryOptions;
  /** Redirects followed within one attempt (301, 302, 307, 308, to customer.io hosts or the same origin). Default 5. */
  maxRedirects?: number;
  /**
   * Adds `_timestamp` (the time of the call, in whole Unix seconds from `now`) to every identify and update body
   * that has none, so that the server keeps the newest values when updates arrive out of order. Stamps for one
   * person strictly increase (a call made in the same second as the previous one for that person is stamped one
   * second later), so even an attempt that timed out here but reaches the server late cannot overwrite a later
   * call. A stamp never leaves more than 10 seconds ahead of the clock: past that, a burst of calls for one person
   * is sent at one per second. A `_timestamp` the caller gives is sent as it is, and a body that already has the
   * spec's 300 properties is sent without one. Default `true`.
   *
   * `false` sends the body exactly as written; the cost is that an attempt which timed out here but still
   * reaches the server after a later call for the same person overwrites that later call's values.
   */
  stampTimestamps?: boolean;
  /**
   * The wall clock, in milliseconds since 1970 like `Date.now`, used for `stampTimestamps` and for `Retry-After`
   * dates. Default `Date.now`.
   */
  now?: () => number;
  /** The `User-Agent` header. Default `cio-customers/<version>`. Browsers ignore it. */
  userAgent?: string;
  /**
   * Show identifiers (often email addresses) in error messages. Default `false`: errors name the request as
   * `PUT https://track.customer.io/api/v1/customers/[identifier]`.
   */
  exposeIdentifiers?: boolean;
}

export interface CallOptions {
  /**
   * Cancels the call at once, whatever it is doing: waiting its turn, waiting for the region, sending, or
   * waiting between attempts. It then fails with an AbortError and is never retried.
   */
  signal?: AbortSignal;
}

/** What a successful call returns. The API answers `{}` whether or not every change applied (see rules C4, C8, C24). */
export interface IdentifyResult {
  /** The 2xx status the server answered. */
  status: number;
  /** The path identifier that was sent, before URL encoding. */
  identifier: string;
  /** How many attempts the call took: 1 unless it was retried. */
  attempts: number;
}

export interface CustomersClient {
  /**
   * Adds the person or updates them (rules C1–C11). Resolves on any 2xx; throws a {@link ValidationError} before
   * sending anything when the input breaks the spec or a known limit, and an `HttpError`, `NetworkError`,
   * `TimeoutError`, `AbortError`, `RedirectError` or `RegionError` otherwise. Calls for the same person are
   * sent one after the other, in the order they were made.
   */
  identify(person: Person, attributes?: Attributes, options?: CallOptions): Promise<IdentifyResult>;
  /**
   * Updates the person and never creates one: sends `_update: true` (rules C23, C24). A person who does not
   * exist is not an error on the wire; the workspace logs a "Failed Attribute Change".
   */
  update(person: Person, attributes?: Attributes, options?: CallOptions): Promise<IdentifyResult>;
  /**
   * The typed openapi-fetch client. Its requests get the same treatment as `identify`: authentication, user
   * agent, timeouts, retries, redirects, per-person ordering and the region.
   */
  readonly raw: Client<paths>;
  /** Where requests go: with `region: "auto"`, the host found once the lookup has succeeded. */
  readonly baseUrl: string;
}

const REGION_PATH = "/api/v1/accounts/region";
const encoder = new TextEncoder();
const PERSON_PATH = /\/api\/v1\/customers\/([^/]+)$/;

/** Creates a client for `PUT /api/v1/customers/{identifier}`. Throws a ValidationError for bad options. */
export function createCustomersClient(options: CustomersClientOptions): CustomersClient {
  const siteId = requireText("options.siteId", options.siteId);
  const apiKey = requireText("options.apiKey", options.apiKey);
  const baseUrl = resolveBaseUrl(options);
  const exposeIdentifiers = options.exposeIdentifiers === true;
  const now = option("options.now", options.now, () => Date.now());
  const policy: TransportPolicy = {
    fetch: option("options.fetch", options.fetch, (request: Request) => globalThis.fetch(request)),
    timeoutMs: positive("options.timeoutMs", options.timeoutMs, 10_000),
    deadlineMs: positive("options.deadlineMs", options.deadlineMs, 60_000),
    maxRedirects: count("options.maxRedirects", options.maxRedirects, 5),
    retry: retryPolicy(options.retry),
    now,
    summarize: (method, url) => ({ method, url: describeUrl(url, exposeIdentifiers) }),
  };
  const authorization = `Basic ${base64(`${siteId}:${apiKey}`)}`;
  const userAgent = options.userAgent ?? `cio-customers/${VERSION}`;
  const queue = new KeyedQueue();
  const stamps = new PersonStamps();
  const stampTimestamps = options.stampTimestamps ?? true;
  if (typeof stampTimestamps !== "boolean") throw new ValidationError("options.stampTimestamps", "must be true or false");

  /** Sends without region or queue: used for the region lookup itself. */
  const direct = async (request: Request) => execute(await toOutgoing(request), policy);

  const basePath = new URL(baseUrl).pathname.replace(/\/+$/, "");
  const region = options.region === "auto" ? new RegionResolver(() => lookupRegion()) : undefined;

  /** Every call passes through here: region, per-person ordering, then the transport. */
  const dispatch = (call: Outgoing): Promise<Response> => {
    const send = async () => {
      if (call.notBefore !== undefined) await holdBack(call, call.notBefore);
      if (region !== undefined && !call.url.pathname.endsWith(REGION_PATH)) call.url = rebase(call.url, await regionBase(region, call));
      return execute(call, policy);
    };
    const key = personKey(call.url);
    return key === undefined ? send() : queue.run(key, send, call.signal);
  };
  /** The requests of `raw`, as openapi-fetch builds them. */
  const pipeline = async (request: Request): Promise<Response> => dispatch(await toOutgoing(request));

  /** Holds a call back until the clock reaches `at` (its stamp would otherwise be too far ahead), or its signal fires. */
  async function holdBack(call: Outgoing, at: number): Promise<void> {
    const wait = at - now();
    if (wait > 0 && !(await sleep(wait, call.signal))) {
      throw new AbortError(policy.summarize(call.method, call.url), redactCause(call.signal?.reason, secretsOf(call.url, call.headers, call.body)));
    }
  }

  /** Waits for the region lookup, which several calls may share, or for this call's own signal. */
  async function regionBase(resolver: RegionResolver, call: Outgoing): Promise<string> {
    const pending = resolver.resolve();
    await settledOrAborted(pending, call.signal);
    if (call.signal?.aborted) {
      const secrets = secretsOf(call.url, call.headers, call.body);
      throw new AbortError(policy.summarize(call.method, call.url), redactCause(call.signal.reason, secrets));
    }
    return pending;
  }

  /** Moves a URL built on `baseUrl` onto the region's base URL, keeping the path below the base. */
  function rebase(url: URL, target: string): URL {
    const below = url.pathname.slice(basePath.length);
    return new URL(`${target}${below}${url.search}`);
  }

  const raw = createClient<paths>({ baseUrl, fetch: pipeline });
  raw.use({
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      request.headers.set("User-Agent", userAgent);
      return request;
    },
  });

  async function lookupRegion(): Promise<string> {
    const { response } = await raw.GET(REGION_PATH, { parseAs: "text", fetch: direct });
    const summary: RequestSummary = { method: "GET", url: describeUrl(new URL(`${baseUrl}${REGION_PATH}`), exposeIdentifiers) };
    const delivery = deliveryOf(response);
    if (!response.ok) throw httpErrorOf(response, summary);
    let answer: unknown;
    try {
      answer = JSON.parse(delivery?.text ?? "");
    } catch {
      throw new RegionError(delivery?.request ?? summary, "the answer is not JSON", delivery?.attempts ?? 1);
    }
    const url = (answer as { url?: unknown } | null)?.url;
    const accepted = acceptRegionUrl(url, options.baseUrl === undefined ? undefined : new URL(baseUrl));
    if ("refused" in accepted) throw new RegionError(delivery?.request ?? summary, accepted.refused, delivery?.attempts ?? 1);
    return accepted.url;
  }

  async function put(person: Person, attributes: Attributes | undefined, update: boolean, call?: CallOptions) {
    const identifier = toIdentifier(person);
    const body = toWireBody(attributes, update);
    // Stamped when the call is made, not when it is sent: the time the caller made the change. Each later call for
    // the same person gets a larger stamp, so a late attempt of an earlier call cannot overwrite it.
    let notBefore: number | undefined;
    // A body already at the spec's 300 properties has no room for one more: it is sent as written.
    if (stampTimestamps && body._timestamp === undefined && Object.keys(body).length < MAX_ATTRIBUTES) {
      body._timestamp = stamps.next(identifierKey(identifier), Math.floor(now() / 1000));
      notBefore = sendableAt(body._timestamp);
    }
    // identify and update build their one request directly rather than through openapi-fetch (which `raw` still
    // uses): the body is typed by the spec (WireAttributes) and the path is the spec's, and skipping the extra
    // Request, its body stream and the caller's signal on it halves the client's CPU per call (npm run bench).
    const response = await dispatch({
      method: "PUT",
      url: new URL(`${baseUrl}/api/v1/customers/${encodeURIComponent(identifier)}`),
      headers: new Headers({ Authorization: authorization, "User-Agent": userAgent, "Content-Type": "application/json" }),
      body: encoder.encode(JSON.stringify(body)),
      signal: call?.signal,
      notBefore,
    });
    if (!response.ok) {
      const url = new URL(`${baseUrl}/api/v1/customers/${encodeURIComponent(identifier)}`);
      throw httpErrorOf(response, policy.summarize("PUT", url));
    }
    return { status: response.status, identifier, attempts: deliveryOf(response)?.attempts ?? 1 };
  }

  return {
    identify: (person, attributes, call) => put(person, attributes, false, call),
    update: (person, attributes, call) => put(person, attributes, true, call),
    raw,
    get baseUrl() {
      return region?.current ?? baseUrl;
    },
  };
}

/**
 * The queue key of a request about one person: the path identifier as sent. Email addresses are compared in
 * lower case, as Customer.io compares them (rule C9), so `Ada@x.com` and `ada@x.com` wait for each other.
 */
function personKey(url: URL): string | undefined {
  const segment = PERSON_PATH.exec(url.pathname)?.[1];
  if (segment === undefined) return undefined;
  let identifier: string;
  try {
    identifier = decodeURIComponent(segment);
  } catch {
    identifier = segment;
  }
  return identifierKey(identifier);
}

/** One key per person: email addresses in lower case (rule C9), anything else as it is. */
function identifierKey(identifier: string): string {
  return isEmailAddress(identifier) ? identifier.toLowerCase() : identifier;
}

/** The URL of a request as errors show it: no query, the identifier segment redacted unless the caller opted in. */
function describeUrl(url: URL, exposeIdentifiers: boolean): string {
  const path = exposeIdentifiers ? url.pathname : url.pathname.replace(/\/customers\/[^/]+/, "/customers/[identifier]");
  return `${url.origin}${path}`;
}

/** Base64 of a string's UTF-8 bytes; `btoa` alone refuses characters outside Latin-1. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
