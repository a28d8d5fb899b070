/**
 * How target checks talk to a server: raw HTTP, built by hand rather than through the client, so that the server
 * is judged on its own and broken requests (bad JSON, wrong content type, no credentials) can be sent at all.
 * Every exchange is recorded, with credentials redacted, for the report and for the run-wide wire checks.
 */
import { FailedStep } from "./failure.js";
import type { Exchange, Target } from "./types.js";

const MAX_BODY_IN_REPORT = 2048;

export interface PutOptions {
  /** `null` sends no Content-Type header. Default `application/json`. */
  contentType?: string | null;
  /** Which credentials to send. Default the target's. */
  auth?: "valid" | "missing" | "wrong" | "malformed";
  /** Send this text as the body instead of JSON of `body`. */
  rawBody?: string;
}

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
  /** The body parsed as JSON, when it is JSON. */
  json: unknown;
}

/** An exchange and the check it was made for, kept for the run-wide wire checks. */
export interface RecordedExchange {
  check: string;
  /** As reports show it: bodies cut at 2 KiB. */
  exchange: Exchange;
  /** The whole response body, which the run-wide checks judge (a cut one would not parse). */
  responseBody?: string;
}

export class Session {
  /** Exchanges of this check, in order. */
  readonly exchanges: Exchange[] = [];

  constructor(
    private readonly target: Target,
    private readonly check: string,
    private readonly log: RecordedExchange[],
  ) {}

  /** `PUT /api/v1/customers/{identifier}`, the identifier URL-encoded once. */
  put(identifier: string, body: unknown, options: PutOptions = {}): Promise<Answer> {
    const path = `/api/v1/customers/${encodeURIComponent(identifier)}`;
    return this.send("PUT", path, options.rawBody ?? JSON.stringify(body), options);
  }

  /** A request with a path already encoded by the caller. */
  async send(method: string, path: string, body: string | undefined, options: PutOptions = {}): Promise<Answer> {
    const headers = new Headers();
    const contentType = options.contentType === undefined ? "application/json" : options.contentType;
    if (contentType !== null && body !== undefined) headers.set("Content-Type", contentType);
    const auth = options.auth ?? "valid";
    if (auth === "valid") headers.set("Authorization", basic(this.target.siteId, this.target.apiKey));
    if (auth === "wrong") headers.set("Authorization", basic(this.target.siteId, `${this.target.apiKey}-wrong`));
    if (auth === "malformed") headers.set("Authorization", "Basic !!not-base64!!");
    const url = `${this.target.baseUrl}${path}`;
    const request = new Request(url, { method, headers, ...(body === undefined ? {} : { body }) });
    const exchange: Exchange = {
      request: { method, url, headers: redactHeaders(headers), body: cut(body ?? "") },
    };
    this.exchanges.push(exchange);
    const recorded: RecordedExchange = { check: this.check, exchange };
    this.log.push(recorded);
    let response: Response;
    try {
      response = await this.target.fetch(request);
    } catch (error) {
      exchange.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new TargetUnreachable(url, exchange.error);
    }
    const text = await response.text();
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      answerHeaders[key] = value;
    });
    exchange.response = { status: response.status, headers: answerHeaders, body: cut(text) };
    recorded.responseBody = text;
    let json: unknown;
    try {
      json = text === "" ? undefined : (JSON.parse(text) as unknown);
    } catch {
      json = undefined;
    }
    return { status: response.status, contentType: response.headers.get("content-type"), text, json };
  }
}

/** The target could not be reached at all: the run stops with exit code 2. */
export class TargetUnreachable extends FailedStep {
  override readonly name = "TargetUnreachable";
  readonly code = "target_unreachable";
  constructor(url: string, reason: string) {
    super(`cannot reach ${new URL(url).origin}`, reason);
  }
}

export function basic(user: string, password: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key] = key.toLowerCase() === "authorization" ? `${value.split(" ")[0] ?? ""} [redacted]` : value;
  });
  return out;
}

function cut(text: string): string {
  return text.length > MAX_BODY_IN_REPORT ? `${text.slice(0, MAX_BODY_IN_REPORT)}… (${text.length} characters)` : text;
}
