/**
 * Every failure of the client is one of these classes, all under {@link CustomersError}.
 *
 * What an error may carry: the method, the host, the path with the identifier redacted (unless the caller opted
 * in), the status and Customer.io's own messages. What it never carries: the API key, the Basic credential and
 * attribute values, which are personal data. Anything that could hold them (the raw response body, the original
 * cause) is kept in non-enumerable properties, so `JSON.stringify(error)` and loggers that walk enumerable
 * fields do not print them.
 *
 * Every class has a stable `code` (`CIO_ERR_*`, never changed once published) and a guard (`isHttpError` and so
 * on) that matches by class or, across two copies of this package, by name and code.
 */
import { formatPath, type Problem } from "../problem.js";

/** The request an error is about, with the identifier already redacted where required. */
export interface RequestSummary {
  method: string;
  /** Scheme, host and path. The identifier segment reads `[identifier]` unless identifiers are exposed. */
  url: string;
}

/** Base class of every error the client throws. */
export class CustomersError extends Error {
  /** Stable and machine-readable: `CIO_ERR_VALIDATION`, `CIO_ERR_HTTP`, … (see each class). */
  declare readonly code: string;
  /** The request it concerns, when one was being made. */
  declare readonly request: RequestSummary | undefined;
  /**
   * How many attempts were sent before the call ended with this error: 0 when nothing was sent (a
   * ValidationError, an abort while waiting), more than 1 when the call was retried.
   */
  declare readonly attempts: number;

  constructor(message: string, request?: RequestSummary, options?: { cause?: unknown; attempts?: number }) {
    const attempts = options?.attempts ?? 0;
    // A message about a request starts with its method and (redacted) URL.
    const text = request === undefined ? message : `${request.method} ${request.url} ${message}`;
    super(attempts > 1 ? `${text} (after ${attempts} attempts)` : text);
    // Name and code live on each class's prototype; own copies keep them among the fields loggers print.
    Object.assign(this, { name: this.name, code: this.code, request, attempts });
    if (options && "cause" in options) hide(this, "cause", options.cause);
  }
}

/**
 * The input was refused before anything was sent. `problems` lists every problem found, in the shape used
 * everywhere ({@link Problem}); `field` and `reason` describe the first, which the message names.
 */
export class ValidationError extends CustomersError {
  declare readonly code: "CIO_ERR_VALIDATION";
  /** Every problem of the input, in the order found. Messages name the field, never its value. */
  declare readonly problems: readonly Problem[];
  /** Dotted path of the first field at fault: `person.email`, `attributes.created_at`, `attributes.tags[2]`. */
  declare readonly field: string;
  /** What is wrong with the first field, without the value. */
  declare readonly reason: string;

  /** From a list of problems, or from one field (a dotted path) and its reason. */
  constructor(problems: readonly Problem[] | string, reason = "is invalid") {
    const list: readonly Problem[] =
      typeof problems === "string" ? [{ code: "invalid", path: problems.split("."), message: reason }] : problems;
    const first = list[0] ?? { path: [], message: reason };
    const field = formatPath(first.path);
    const more = list.length - 1;
    super(`Invalid ${field}: ${first.message}${more > 0 ? ` (+${more} more)` : ""}. Nothing was sent.`);
    this.problems = list;
    this.field = field;
    this.reason = first.message;
  }
}

/** The server answered with a status outside 2xx. */
export class HttpError extends CustomersError {
  declare readonly code: "CIO_ERR_HTTP";
  declare readonly status: number;
  /** Customer.io's messages, parsed from whichever envelope the body used; empty when it had none. */
  declare readonly messages: readonly string[];
  /** Value of `Retry-After` when the server sent one. */
  declare readonly retryAfter: string | undefined;
  /** The raw response body (at most 4 KiB). Not enumerable: a body may echo personal data. */
  declare readonly body: string;

  constructor(
    request: RequestSummary,
    status: number,
    messages: readonly string[],
    body: string,
    retryAfter?: string,
    attempts = 1,
  ) {
    const detail = messages.length > 0 ? `: ${messages.join("; ")}` : "";
    super(`answered ${status}${detail}`, request, { attempts });
    this.status = status;
    this.messages = messages;
    this.retryAfter = retryAfter;
    hide(this, "body", body.slice(0, 4096));
  }
}

/** The request could not be completed: DNS, refused or reset connection, TLS, a broken body. */
export class NetworkError extends CustomersError {
  declare readonly code: "CIO_ERR_NETWORK";

  /** `cause` should already be redacted (see redact.ts): it is printed by `util.inspect`, enumerable or not. */
  constructor(request: RequestSummary, cause: unknown, attempts = 1) {
    super(`got no response${describeCause(cause)}`, request, {
      cause,
      attempts,
    });
  }
}

/**
 * An attempt took longer than `timeoutMs` (`limit: "attempt"`), or the call as a whole ran past `deadlineMs`
 * (`limit: "deadline"`). Only the first kind is retried.
 */
export class TimeoutError extends CustomersError {
  declare readonly code: "CIO_ERR_TIMEOUT";
  /** The limit that ran out, in milliseconds. */
  declare readonly timeoutMs: number;
  /** Which limit ran out. */
  declare readonly limit: "attempt" | "deadline";

  constructor(request: RequestSummary, timeoutMs: number, attempts = 1, limit: "attempt" | "deadline" = "attempt") {
    super(`ran past its ${timeoutMs} ms ${limit === "deadline" ? limit : "timeout"}`, request, {
      attempts,
    });
    this.timeoutMs = timeoutMs;
    this.limit = limit;
  }
}

/** The caller's AbortSignal fired. Nothing is retried after an abort. */
export class AbortError extends CustomersError {
  declare readonly code: "CIO_ERR_ABORTED";

  constructor(request: RequestSummary, cause: unknown, attempts = 0) {
    super(`was aborted`, request, { cause, attempts });
  }
}

/**
 * A redirect the client will not follow. Customer.io's hosts redirect (US to EU, for example); the client follows
 * 301, 302, 307 and 308 itself, keeping the method, body and credentials, but only towards `https` hosts under
 * `customer.io` or the request's own origin. Anything else ends the call here, before the credentials travel. A
 * browser hides redirects from the client (status 0), and the browser build follows none.
 */
export class RedirectError extends CustomersError {
  declare readonly code: "CIO_ERR_REDIRECT";
  /** The redirect status, or 0 for a browser's opaque redirect. */
  declare readonly status: number;
  /** Origin (scheme, host, port) of the refused target, when the redirect named one. Never its path. */
  declare readonly location: string | undefined;
  /** Why the redirect was not followed, in words. */
  declare readonly reason: string;

  constructor(request: RequestSummary, status: number, reason: string, location?: string, attempts = 1) {
    const to = location === undefined ? "" : ` to ${location}`;
    super(`was redirected (${status})${to}, not followed: ${reason}`, request, {
      attempts,
    });
    this.status = status;
    this.location = location;
    this.reason = reason;
  }
}

/**
 * With `region: "auto"`, the region lookup (`GET /api/v1/accounts/region`) answered something the client cannot
 * use: not JSON, no `url`, or a host outside `customer.io` that must not receive the credentials. Failures of the
 * lookup request itself arrive as HttpError, NetworkError or TimeoutError.
 */
export class RegionError extends CustomersError {
  declare readonly code: "CIO_ERR_REGION";
  /** What is wrong with the answer, in words. */
  declare readonly reason: string;

  constructor(request: RequestSummary, reason: string, attempts = 1) {
    super(`gave no usable region: ${reason}`, request, { attempts });
    this.reason = reason;
  }
}

/** A read-only, non-enumerable property (what defineProperty makes unless told otherwise). */
function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, configurable: true });
}

/** A short reason from a low-level error, such as `ECONNRESET`. Only codes and class names: no free text. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const nested = (cause as { cause?: unknown }).cause;
  const code = (nested as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? ` (${code})` : ` (${cause.name})`;
}

// Each class's name and code, on its prototype: the constructor copies them onto each error, the guards read them.
for (const [type, name, code] of [
  [CustomersError, "CustomersError", "CIO_ERR"],
  [ValidationError, "ValidationError", "CIO_ERR_VALIDATION"],
  [HttpError, "HttpError", "CIO_ERR_HTTP"],
  [NetworkError, "NetworkError", "CIO_ERR_NETWORK"],
  [TimeoutError, "TimeoutError", "CIO_ERR_TIMEOUT"],
  [AbortError, "AbortError", "CIO_ERR_ABORTED"],
  [RedirectError, "RedirectError", "CIO_ERR_REDIRECT"],
  [RegionError, "RegionError", "CIO_ERR_REGION"],
] as const) {
  Object.assign(type.prototype, { name, code });
}

/** The guard of one class: by class, or by the name and code the class was given. */
const guard =
  <E extends CustomersError>(type: abstract new (...args: never[]) => E) =>
  (error: unknown): error is E =>
    error instanceof type ||
    (error instanceof Error && error.name === type.prototype.name && (error as E).code === type.prototype.code);

// Each guard's type is written out, so the public API names the error it narrows to (typedoc documents no alias).
// The calls are marked pure, so a bundle that uses no guard leaves them out.
export const isValidationError: (error: unknown) => error is ValidationError = /* @__PURE__ */ guard(ValidationError);
export const isHttpError: (error: unknown) => error is HttpError = /* @__PURE__ */ guard(HttpError);
export const isNetworkError: (error: unknown) => error is NetworkError = /* @__PURE__ */ guard(NetworkError);
export const isTimeoutError: (error: unknown) => error is TimeoutError = /* @__PURE__ */ guard(TimeoutError);
export const isAbortError: (error: unknown) => error is AbortError = /* @__PURE__ */ guard(AbortError);
export const isRedirectError: (error: unknown) => error is RedirectError = /* @__PURE__ */ guard(RedirectError);
export const isRegionError: (error: unknown) => error is RegionError = /* @__PURE__ */ guard(RegionError);
/**
 * Any error of this client: an instance of any class above, or an Error from another copy of the package (another
 * version included) whose code is one of the `CIO_ERR` codes.
 */
export const isCustomersError = (error: unknown): error is CustomersError =>
  error instanceof CustomersError ||
  (error instanceof Error && /^CIO_ERR(_[A-Z]+)*$/.test(String((error as { code?: unknown }).code)));
