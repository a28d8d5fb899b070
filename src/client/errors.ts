/**
 * Every failure of the client is one of these classes, all under {@link CustomersError}.
 *
 * What an error may carry: the method, the host, the path with the identifier redacted (unless the caller opted
 * in), the status and Customer.io's own messages. What it never carries: the API key, the Basic credential and
 * attribute values, which are personal data. Anything that could hold them (the raw response body, the original
 * cause) is kept in non-enumerable properties, so `JSON.stringify(error)` and loggers that walk enumerable
 * fields do not print them.
 */

/** The request an error is about, with the identifier already redacted where required. */
export interface RequestSummary {
  method: string;
  /** Scheme, host and path. The identifier segment reads `[identifier]` unless identifiers are exposed. */
  url: string;
}

/** Base class of every error the client throws. */
export class CustomersError extends Error {
  override name = "CustomersError";
  /** The request it concerns, when one was being made. */
  readonly request: RequestSummary | undefined;

  constructor(message: string, request?: RequestSummary, options?: { cause?: unknown }) {
    super(message);
    this.request = request;
    if (options && "cause" in options) hide(this, "cause", options.cause);
  }
}

/** The input was refused before anything was sent. `field` names the offending field. */
export class ValidationError extends CustomersError {
  override name = "ValidationError";
  /** Dotted path of the field at fault: `person.email`, `attributes.created_at`, `attributes.tags[2]`. */
  readonly field: string;
  /** What is wrong, without the value. */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`Invalid ${field}: ${reason}. Nothing was sent.`);
    this.field = field;
    this.reason = reason;
  }
}

/** The server answered with a status outside 2xx. */
export class HttpError extends CustomersError {
  override name = "HttpError";
  readonly status: number;
  /** Customer.io's messages, parsed from whichever envelope the body used; empty when it had none. */
  readonly messages: readonly string[];
  /** Value of `Retry-After` when the server sent one. */
  readonly retryAfter: string | undefined;
  /** The raw response body (at most 4 KiB). Not enumerable: a body may echo personal data. */
  declare readonly body: string;

  constructor(request: RequestSummary, status: number, messages: readonly string[], body: string, retryAfter?: string) {
    const detail = messages.length > 0 ? `: ${messages.join("; ")}` : "";
    super(`${request.method} ${request.url} answered ${status}${detail}`, request);
    this.status = status;
    this.messages = messages;
    this.retryAfter = retryAfter;
    hide(this, "body", body.slice(0, 4096));
  }
}

/** The request could not be completed: DNS, refused or reset connection, TLS, a broken body. */
export class NetworkError extends CustomersError {
  override name = "NetworkError";

  constructor(request: RequestSummary, cause: unknown) {
    super(`${request.method} ${request.url} failed before a response arrived${describeCause(cause)}`, request, { cause });
  }
}

/** An attempt took longer than the timeout, or the overall deadline passed. */
export class TimeoutError extends CustomersError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(request: RequestSummary, timeoutMs: number) {
    super(`${request.method} ${request.url} timed out after ${timeoutMs} ms`, request);
    this.timeoutMs = timeoutMs;
  }
}

/** The caller's AbortSignal fired. Nothing is retried after an abort. */
export class AbortError extends CustomersError {
  override name = "AbortError";

  constructor(request: RequestSummary, cause: unknown) {
    super(`${request.method} ${request.url} was aborted by the caller`, request, { cause });
  }
}

function hide(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: false, configurable: true });
}

/** A short reason from a low-level error, such as `ECONNRESET`. Only codes and class names: no free text. */
function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return "";
  const nested = (cause as { cause?: unknown }).cause;
  const code = (nested as { code?: unknown } | undefined)?.code ?? (cause as { code?: unknown }).code;
  return typeof code === "string" && /^[A-Z_]+$/.test(code) ? ` (${code})` : ` (${cause.name})`;
}
