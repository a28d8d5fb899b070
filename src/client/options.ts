/**
 * Checks the options of createCustomersClient and fills in defaults. Every check throws a ValidationError naming
 * the option, before anything is sent.
 */
import { ValidationError } from "./errors.js";
import { DEFAULT_RETRY_STATUSES, RETRY_DEFAULTS, type RetryOptions, type RetryPolicy } from "./retry.js";

/** The hosts of Customer.io's Track API, as the spec's `servers` list them. */
export const REGION_URLS = {
  us: "https://track.customer.io",
  eu: "https://track-eu.customer.io",
} as const;

export type Region = keyof typeof REGION_URLS;

export function retryPolicy(retry: RetryOptions | undefined): RetryPolicy {
  const statuses = retry?.statuses ?? DEFAULT_RETRY_STATUSES;
  if (!Array.isArray(statuses) || statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) {
    throw new ValidationError("options.retry.statuses", "must be a list of HTTP statuses (100–599)");
  }
  return {
    retries: count("options.retry.retries", retry?.retries, RETRY_DEFAULTS.retries),
    baseDelayMs: nonNegative("options.retry.baseDelayMs", retry?.baseDelayMs, RETRY_DEFAULTS.baseDelayMs),
    maxDelayMs: nonNegative("options.retry.maxDelayMs", retry?.maxDelayMs, RETRY_DEFAULTS.maxDelayMs),
    maxRetryAfterMs: nonNegative(
      "options.retry.maxRetryAfterMs",
      retry?.maxRetryAfterMs,
      RETRY_DEFAULTS.maxRetryAfterMs,
    ),
    statuses: new Set(statuses),
    random: option("options.retry.random", retry?.random, Math.random),
  };
}

export function requireText(field: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new ValidationError(field, "is required");
  return value;
}

export function positive(field: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (typeof n !== "number" || !Number.isFinite(n) || n <= 0)
    throw new ValidationError(field, "must be a positive number of milliseconds");
  return n;
}

export function nonNegative(field: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0)
    throw new ValidationError(field, "must be a number of milliseconds, 0 or more");
  return n;
}

export function count(field: string, value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError(field, "must be a whole number, 0 or more");
  return n;
}

export function option<F extends (...args: never[]) => unknown>(field: string, value: F | undefined, fallback: F): F {
  if (value === undefined) return fallback;
  if (typeof value !== "function") throw new ValidationError(field, "must be a function");
  return value;
}

/** The base URL from `baseUrl` or `region` (`"auto"` starts on the US host). */
export function resolveBaseUrl(options: { region?: Region | "auto"; baseUrl?: string }): string {
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
    if (options.region !== undefined && options.region !== "auto" && !Object.hasOwn(REGION_URLS, options.region)) {
      throw new ValidationError("options.region", 'must be "us", "eu" or "auto"');
    }
    return url.href.replace(/\/+$/, "");
  }
  const region = options.region ?? "us";
  if (region === "auto") return REGION_URLS.us;
  if (!Object.hasOwn(REGION_URLS, region)) throw new ValidationError("options.region", 'must be "us", "eu" or "auto"');
  return REGION_URLS[region];
}
