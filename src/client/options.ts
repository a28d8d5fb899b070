/**
 * Checks the options of createCustomersClient and fills in defaults. Every check throws a ValidationError naming
 * the option (`options.retry.retries`), before anything is sent; text options take the shared identifier rule.
 */
import { identifierProblems } from "../rules/index.js";
import { ValidationError } from "./errors.js";
import { DEFAULT_RETRY_STATUSES, RETRY_DEFAULTS, type RetryOptions, type RetryPolicy } from "./retry.js";

/** The hosts of Customer.io's Track API, as the spec's `servers` list them. */
export const REGION_URLS = {
  us: "https://track.customer.io",
  eu: "https://track-eu.customer.io",
} as const;

export type Region = keyof typeof REGION_URLS;

/** Refuses the option `field` (a dotted path from `options`) with code `invalid_option`. */
function refuse(field: string, text: string): never {
  throw new ValidationError(field, text);
}

export function retryPolicy(retry: RetryOptions | undefined): RetryPolicy {
  const statuses = retry?.statuses ?? DEFAULT_RETRY_STATUSES;
  if (!Array.isArray(statuses) || statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) {
    refuse("options.retry.statuses", "must list HTTP statuses (100–599)");
  }
  const ms = (key: "baseDelayMs" | "maxDelayMs" | "maxRetryAfterMs") =>
    nonNegative(`options.retry.${key}`, retry?.[key], RETRY_DEFAULTS[key]);
  return {
    retries: count("options.retry.retries", retry?.retries, RETRY_DEFAULTS.retries),
    baseDelayMs: ms("baseDelayMs"),
    maxDelayMs: ms("maxDelayMs"),
    maxRetryAfterMs: ms("maxRetryAfterMs"),
    statuses: new Set(statuses),
    random: option("options.retry.random", retry?.random, Math.random),
  };
}

/** A text option: a string, not blank (the rule identifiers take). */
export function requireText(field: string, value: unknown): string {
  const found = identifierProblems(value, field.split("."));
  if (found.length > 0) throw new ValidationError(found);
  return value as string;
}

/** A number option, or its default, for which `ok` holds; `text` says what it must be. */
function numberOption(field: string, n: unknown, ok: (n: number) => boolean, text: string): number {
  if (typeof n !== "number" || !ok(n)) refuse(field, `must be ${text}`);
  return n;
}

const finite = Number.isFinite;

export const positive = (field: string, value: number | undefined, fallback: number): number =>
  numberOption(field, value ?? fallback, (n) => finite(n) && n > 0, "over 0 ms");

export const nonNegative = (field: string, value: number | undefined, fallback: number): number =>
  numberOption(field, value ?? fallback, (n) => finite(n) && n >= 0, "0 ms or more");

export const count = (field: string, value: number | undefined, fallback: number): number =>
  numberOption(field, value ?? fallback, (n) => Number.isSafeInteger(n) && n >= 0, "a whole number, 0 or more");

export function option<F extends (...args: never[]) => unknown>(field: string, value: F | undefined, fallback: F): F {
  if (value === undefined) return fallback;
  if (typeof value !== "function") refuse(field, "must be a function");
  return value;
}

/** The base URL from `baseUrl` or `region` (`"auto"` starts on the US host). */
export function resolveBaseUrl(options: { region?: Region | "auto"; baseUrl?: string }): string {
  const region = options.region ?? "us";
  if (region !== "auto" && !Object.hasOwn(REGION_URLS, region))
    refuse("options.region", 'must be "us", "eu" or "auto"');
  if (options.baseUrl === undefined) return region === "auto" ? REGION_URLS.us : REGION_URLS[region];
  let url: URL | undefined;
  try {
    url = new URL(options.baseUrl);
  } catch {
    // Refused below, with the other ways a base URL can be unusable.
  }
  if (!/^https?:$/.test(url?.protocol ?? "") || url?.username || url?.password) {
    refuse("options.baseUrl", "must be an http(s) URL without credentials");
  }
  return (url as URL).href.replace(/\/+$/, "");
}
