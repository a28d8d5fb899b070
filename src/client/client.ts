import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/customers.js";
import { VERSION } from "../version.js";
import type { Attributes } from "./attributes.js";
import { parseErrorMessages } from "./error-body.js";
import { HttpError, ValidationError, type RequestSummary } from "./errors.js";
import { toIdentifier, type Person } from "./person.js";
import { send, type FetchLike } from "./transport.js";
import { toWireBody } from "./validate.js";

/** The hosts of Customer.io's Track API, as the spec's `servers` list them. */
export const REGION_URLS = {
  us: "https://track.customer.io",
  eu: "https://track-eu.customer.io",
} as const;

export type Region = keyof typeof REGION_URLS;

export interface CustomersClientOptions {
  /** The workspace's site ID (the Basic auth user). */
  siteId: string;
  /** The workspace's Track API key (the Basic auth password). Never printed, logged or put in an error. */
  apiKey: string;
  /** The data center of the workspace. Default `"us"`. */
  region?: Region;
  /** Sends requests here instead of the region's host: a simulator, a proxy, a test server. */
  baseUrl?: string;
  /** The fetch to use. Default: `globalThis.fetch`, looked up on each call (so interceptors installed later apply). */
  fetch?: FetchLike;
  /** Timeout of one attempt, in milliseconds, covering the response body too. Default 10 000. */
  timeoutMs?: number;
  /** The `User-Agent` header. Default `cio-customers/<version>`. Browsers ignore it. */
  userAgent?: string;
  /**
   * Show identifiers (often email addresses) in error messages. Default `false`: errors name the request as
   * `PUT https://track.customer.io/api/v1/customers/[identifier]`.
   */
  exposeIdentifiers?: boolean;
}

export interface CallOptions {
  /** Cancels the call. An aborted call is never retried. */
  signal?: AbortSignal;
}

/** What a successful call returns. The API answers `{}` whether or not every change applied (see rules C4, C8, C24). */
export interface IdentifyResult {
  /** The 2xx status the server answered. */
  status: number;
  /** The path identifier that was sent, before URL encoding. */
  identifier: string;
}

export interface CustomersClient {
  /**
   * Adds the person or updates them (rules C1–C11). Resolves on any 2xx; throws a {@link ValidationError} before
   * sending anything when the input breaks the spec or a known limit, and an `HttpError`, `NetworkError`,
   * `TimeoutError` or `AbortError` otherwise.
   */
  identify(person: Person, attributes?: Attributes, options?: CallOptions): Promise<IdentifyResult>;
  /**
   * Updates the person and never creates one: sends `_update: true` (rules C23, C24). A person who does not
   * exist is not an error on the wire; the workspace logs a "Failed Attribute Change".
   */
  update(person: Person, attributes?: Attributes, options?: CallOptions): Promise<IdentifyResult>;
  /** The typed openapi-fetch client, with authentication, user agent and timeout already applied. */
  readonly raw: Client<paths>;
  /** Where requests go. */
  readonly baseUrl: string;
}

/** Creates a client for `PUT /api/v1/customers/{identifier}`. Throws a ValidationError for bad options. */
export function createCustomersClient(options: CustomersClientOptions): CustomersClient {
  const siteId = requireText("options.siteId", options.siteId);
  const apiKey = requireText("options.apiKey", options.apiKey);
  const baseUrl = resolveBaseUrl(options);
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ValidationError("options.timeoutMs", "must be a positive number of milliseconds");
  }
  const authorization = `Basic ${base64(`${siteId}:${apiKey}`)}`;
  const userAgent = options.userAgent ?? `cio-customers/${VERSION}`;
  const fetchImpl: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const summarize = (request: Request): RequestSummary => ({
    method: request.method,
    url: describeUrl(request.url, options.exposeIdentifiers === true),
  });

  const raw = createClient<paths>({
    baseUrl,
    fetch: (request: Request) => send(request, { fetch: fetchImpl, timeoutMs, summarize }, request.signal),
  });
  raw.use({
    onRequest({ request }) {
      request.headers.set("Authorization", authorization);
      request.headers.set("User-Agent", userAgent);
      return request;
    },
  });

  async function put(person: Person, attributes: Attributes | undefined, update: boolean, call?: CallOptions) {
    const identifier = toIdentifier(person);
    const body = toWireBody(attributes, update);
    const { response, error } = await raw.PUT("/api/v1/customers/{identifier}", {
      params: { path: { identifier } },
      body,
      parseAs: "text",
      ...(call?.signal ? { signal: call.signal } : {}),
    });
    if (!response.ok) {
      const text = typeof error === "string" ? error : error === undefined ? "" : JSON.stringify(error);
      const contentType = response.headers.get("content-type");
      const url = `${baseUrl}/api/v1/customers/${encodeURIComponent(identifier)}`;
      throw new HttpError(
        { method: "PUT", url: describeUrl(url, options.exposeIdentifiers === true) },
        response.status,
        parseErrorMessages(text, contentType),
        text,
        response.headers.get("retry-after") ?? undefined,
      );
    }
    return { status: response.status, identifier };
  }

  return {
    identify: (person, attributes, call) => put(person, attributes, false, call),
    update: (person, attributes, call) => put(person, attributes, true, call),
    raw,
    baseUrl,
  };
}

function requireText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new ValidationError(field, "is required");
  return value;
}

function resolveBaseUrl(options: CustomersClientOptions): string {
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new ValidationError("options.baseUrl", "is not an absolute URL");
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      throw new ValidationError("options.baseUrl", "must use http or https");
    }
    if (url.username !== "" || url.password !== "") {
      throw new ValidationError("options.baseUrl", "must not carry credentials; pass siteId and apiKey");
    }
    return url.href.replace(/\/+$/, "");
  }
  const region = options.region ?? "us";
  if (!Object.hasOwn(REGION_URLS, region)) throw new ValidationError("options.region", 'must be "us" or "eu"');
  return REGION_URLS[region];
}

/** The URL of a request as errors show it: the identifier segment redacted unless the caller opted in. */
function describeUrl(url: string, exposeIdentifiers: boolean): string {
  const parsed = new URL(url);
  const path = exposeIdentifiers ? parsed.pathname : parsed.pathname.replace(/\/customers\/[^/]+/, "/customers/[identifier]");
  return `${parsed.origin}${path}`;
}

/** Base64 of a string's UTF-8 bytes; `btoa` alone refuses characters outside Latin-1. */
function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
