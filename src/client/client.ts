import { MAX_ATTRIBUTES, isEmailAddress } from "../spec/limits.js";
import { VERSION } from "../version.js";
import { unixSeconds, type Attributes } from "./attributes.js";
import { AbortError, RegionError, ValidationError } from "./errors.js";
import { type Person } from "./person.js";
import { KeyedQueue, settledOrAborted } from "./queue.js";
import { PersonStamps, sendableAt } from "./stamps.js";
import { sleep } from "./retry.js";
import { redactCause, secretsOf } from "./redact.js";
import { acceptRegionUrl } from "./region.js";
import { count, option, positive, requireText, resolveBaseUrl, retryPolicy, type Region } from "./options.js";
import type { RetryOptions } from "./retry.js";
import {
  execute,
  httpErrorOf,
  type Delivery,
  type FetchLike,
  type Outgoing,
  type TransportPolicy,
} from "./transport.js";
import type { ClientBuild } from "./builds.js";
import { toWireCall } from "./validate.js";

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
  /**
   * The fetch to use; when given, it is always used. Default: `globalThis.fetch`, looked up on each call, so
   * interceptors installed later apply. Under Node the package's `node` entry sends with undici instead, as long as
   * `globalThis.fetch` is still Node's own; a `globalThis.fetch` replaced at any time (nock, msw, a test double)
   * is noticed on the next call and used.
   */
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
  /**
   * Redirects followed within one attempt (301, 302, 307, 308, to customer.io hosts or the same origin). Default 5.
   * The browser build follows none: a browser's fetch hides redirects.
   */
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
  /** Where requests go: with `region: "auto"`, the host found once the lookup has succeeded. */
  readonly baseUrl: string;
}

const REGION_PATH = "/api/v1/accounts/region";
const PERSON_PATH = /\/api\/v1\/customers\/([^/?#]+)$/;

/** What identify, update and the raw client share: credentials, transport policy, region, per-person queue. */
export interface ClientCore {
  /** Sends a call through the region, the per-person queue (when `key` is given) and the transport. */
  dispatch(call: Outgoing, key: string | undefined): Promise<Delivery>;
  /** The checked transport settings, with the clock and how errors name a request. */
  readonly policy: TransportPolicy;
  /** `Authorization` and `User-Agent`, sent with every request. */
  readonly headers: Readonly<Record<string, string>>;
  /** The base URL built from the options (where calls are addressed before any region lookup). */
  readonly baseUrl: string;
  /** Where requests go now: with `region: "auto"`, the host found once the lookup has succeeded. */
  currentBaseUrl(): string;
}

/** Checks the options and builds the shared core. Throws a ValidationError for bad options. */
export function createCore(options: CustomersClientOptions, build: ClientBuild): ClientCore {
  const siteId = requireText("options.siteId", options.siteId);
  const apiKey = requireText("options.apiKey", options.apiKey);
  const baseUrl = resolveBaseUrl(options);
  const now = option("options.now", options.now, () => Date.now());
  const token = base64(`${siteId}:${apiKey}`);
  const authorization = `Basic ${token}`;
  const policy = transportPolicy(options, build, now, [authorization, token, `${siteId}:${apiKey}`, apiKey]);
  const userAgent = options.userAgent ?? `cio-customers/${VERSION}`;
  const queue = new KeyedQueue();
  const headers = Object.freeze({ Authorization: authorization, "User-Agent": userAgent });
  const origin = options.baseUrl === undefined ? undefined : new URL(baseUrl).origin;
  let region: Promise<string> | undefined;
  let regionUrl: string | undefined;

  /** Every call passes through here: the stamp's hold-back, the region, then the transport. */
  const send = async (call: Outgoing): Promise<Delivery> => {
    const holdMs = (call.notBefore ?? 0) - now();
    if (holdMs > 0) await waitFor(call, sleep(holdMs, call.signal), policy);
    if (options.region === "auto" && call.url.startsWith(baseUrl)) {
      // One lookup, shared by the calls that wait for it; a failed one is not kept, so the next call asks again.
      const pending = (region ??= lookupRegion(baseUrl, origin, headers, policy).then(
        (url) => (regionUrl = url),
        (error: unknown) => {
          region = undefined;
          throw error;
        },
      ));
      if (regionUrl === undefined) await waitFor(call, pending, policy);
      call.url = (await pending) + call.url.slice(baseUrl.length);
    }
    return execute(call, policy);
  };

  return {
    dispatch: (call, key) => (key === undefined ? send(call) : queue.run(key, () => send(call), call.signal)),
    policy,
    headers,
    baseUrl,
    currentBaseUrl: () => regionUrl ?? baseUrl,
  };
}

/** The transport's settings from the options, each checked (a ValidationError names the bad one). */
function transportPolicy(
  options: CustomersClientOptions,
  { choose, nextHop }: ClientBuild,
  now: () => number,
  credentials: readonly string[],
): TransportPolicy {
  const exposeIdentifiers = options.exposeIdentifiers === true;
  return {
    sender: choose(options.fetch === undefined ? undefined : option("options.fetch", options.fetch, options.fetch)),
    timeoutMs: positive("options.timeoutMs", options.timeoutMs, 10_000),
    deadlineMs: positive("options.deadlineMs", options.deadlineMs, 60_000),
    maxRedirects: count("options.maxRedirects", options.maxRedirects, 5),
    nextHop,
    retry: retryPolicy(options.retry),
    now,
    credentials,
    summarize: (method, url) => ({ method, url: describeUrl(url, exposeIdentifiers) }),
  };
}

/**
 * Waits for `ready` (the clock reaching a stamp's hold-back, or the region lookup, which several calls may share),
 * or for the call's own signal, which ends the call with an AbortError.
 */
async function waitFor(call: Outgoing, ready: Promise<unknown>, policy: TransportPolicy): Promise<void> {
  await settledOrAborted(ready, call.signal);
  if (call.signal?.aborted) {
    throw new AbortError(
      policy.summarize(call.method, call.url),
      redactCause(call.signal.reason, secretsOf(call.url, call.body, policy.credentials)),
    );
  }
}

/**
 * `region: "auto"`: asks the API which data center the workspace is in; resolves with the accepted base URL of its
 * host. None of Customer.io's SDKs finds the data center: they all send to the US host and rely on its redirect to
 * the EU host, which fetch follows without the `Authorization` header. The client asks once
 * (`GET /api/v1/accounts/region`), keeps the answer and sends straight to the host it names from then on.
 */
async function lookupRegion(
  baseUrl: string,
  origin: string | undefined,
  headers: Readonly<Record<string, string>>,
  policy: TransportPolicy,
): Promise<string> {
  const delivery = await execute(
    { method: "GET", url: `${baseUrl}${REGION_PATH}`, headers, body: null, signal: undefined },
    policy,
  );
  const summary = policy.summarize("GET", delivery.url);
  if (delivery.status < 200 || delivery.status > 299) throw httpErrorOf(delivery, summary);
  let found: unknown;
  try {
    found = (JSON.parse(delivery.text) as { url?: unknown } | null)?.url;
  } catch {
    throw new RegionError(summary, "the answer is not JSON", delivery.attempts);
  }
  const accepted = acceptRegionUrl(found, origin);
  if ("refused" in accepted) throw new RegionError(summary, accepted.refused, delivery.attempts);
  return accepted.url;
}

/** The client as one build of it sends (see builds.ts). */
export function createCustomersClientWith(options: CustomersClientOptions, build: ClientBuild): CustomersClient {
  const core = createCore(options, build);
  const stampTimestamps = options.stampTimestamps ?? true;
  if (typeof stampTimestamps !== "boolean")
    throw new ValidationError("options.stampTimestamps", "must be true or false");
  const stamps = new PersonStamps();
  const headers = Object.freeze({ ...core.headers, "Content-Type": "application/json" });
  const prefix = `${core.baseUrl}/api/v1/customers/`;

  async function put(
    person: Person,
    attributes: Attributes | undefined,
    update: boolean,
    call?: CallOptions,
  ): Promise<IdentifyResult> {
    const { identifier, body, size } = toWireCall(person, attributes, update);
    const key = identifierKey(identifier);
    let notBefore: number | undefined;
    // Stamped when the call is made, not when it is sent: the time the caller made the change. Each later call for
    // the same person gets a larger stamp, so a late attempt of an earlier call cannot overwrite it. A body
    // already at the spec's 300 properties has no room for one more: it is sent as written.
    if (stampTimestamps && body._timestamp === undefined && size < MAX_ATTRIBUTES) {
      body._timestamp = stamps.next(key, unixSeconds(core.policy.now()));
      notBefore = sendableAt(body._timestamp);
    }
    const url = prefix + encodeURIComponent(identifier);
    const delivery = await core.dispatch(
      { method: "PUT", url, headers, body: JSON.stringify(body), signal: call?.signal, notBefore },
      key,
    );
    if (delivery.status < 200 || delivery.status > 299) throw httpErrorOf(delivery, core.policy.summarize("PUT", url));
    return { status: delivery.status, identifier, attempts: delivery.attempts };
  }

  return {
    identify: (person, attributes, call) => put(person, attributes, false, call),
    update: (person, attributes, call) => put(person, attributes, true, call),
    get baseUrl() {
      return core.currentBaseUrl();
    },
  };
}

/**
 * The queue key of a request about one person, from its URL: the path identifier as sent. Email addresses are
 * compared in lower case, as Customer.io compares them (rule C9), so `Ada@x.com` and `ada@x.com` wait for each other.
 */
export function personKey(url: string): string | undefined {
  const path = url.replace(/[?#].*$/, "");
  const segment = PERSON_PATH.exec(path)?.[1];
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
  return identifier.includes("@") && isEmailAddress(identifier) ? identifier.toLowerCase() : identifier;
}

/** The URL of a request as errors show it: no query, the identifier segment redacted unless the caller opted in. */
function describeUrl(href: string, exposeIdentifiers: boolean): string {
  const url = href.replace(/[?#].*$/s, "");
  return exposeIdentifiers ? url : url.replace(/\/customers\/[^/]+/, "/customers/[identifier]");
}

/** Base64 of a string's UTF-8 bytes; `btoa` alone refuses characters outside Latin-1. */
function base64(text: string): string {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}
