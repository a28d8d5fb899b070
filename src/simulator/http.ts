/**
 * Small helpers for the simulator's answers. Every answer is JSON in Customer.io's envelope, with the content
 * type a live `200` carries (`application/json; charset=utf-8`), so that clients parse simulator errors exactly
 * as they would parse the real ones.
 *
 * Answers are plain {@link Answer} objects first, so that the Node server can write them to its socket without
 * building a WHATWG Response; {@link toResponse} makes the Response for fetch callers (the inspection API, and
 * sim.fetch through handler.ts).
 */
import type { Problem } from "../problem.js";
import { MAX_BODY_BYTES } from "./body.js";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** What the server must send for a truncated answer: the length the headers promise, and the bytes to send. */
export interface Truncation {
  promisedLength: number;
  head: Uint8Array;
}

/** One answer, transport-neutral. Shared constants are frozen, so nobody can change another request's answer. */
export interface Answer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
  /** Set by the `truncate` fault only: the body is cut off after `head` (see faults.ts). */
  truncation?: Truncation;
}

const JSON_HEADERS: Readonly<Record<string, string>> = Object.freeze({ "content-type": JSON_CONTENT_TYPE });

export function jsonAnswer(status: number, body: unknown, headers?: Record<string, string>): Answer {
  // The common case (no extra headers) shares one frozen header object instead of a copy per answer.
  return {
    status,
    headers: headers === undefined ? JSON_HEADERS : { ...headers, "content-type": JSON_CONTENT_TYPE },
    body: JSON.stringify(body),
  };
}

/** `{"meta":{"error":"…"}}` for one message, `{"meta":{"errors":[…]}}` for a list (one per problem). */
export function envelopeAnswer(
  status: number,
  message: string | readonly string[],
  headers?: Record<string, string>,
): Answer {
  const meta = typeof message === "string" ? { error: message } : { errors: [...message] };
  return jsonAnswer(status, { meta }, headers);
}

/**
 * A refusal naming its problems: Customer.io's envelope carries their messages (`meta.error` when the request
 * fails as a whole, `meta.errors` for a list of problems), and `problems` beside it carries them whole, in the
 * shape of src/problem.ts. Clients that read only the envelope see what Customer.io would send.
 */
export function problemsAnswer(
  status: number,
  problems: readonly Problem[],
  form: "error" | "errors" = "errors",
): Answer {
  const messages = problems.map((problem) => problem.message);
  const meta = form === "error" ? { error: messages.join("; ") } : { errors: messages };
  return jsonAnswer(status, { meta, problems });
}

export const unauthorizedAnswer = (): Answer =>
  envelopeAnswer(401, "Unauthorized request", {
    "www-authenticate": 'Basic realm="cio-customers simulator", charset="UTF-8"',
  });

export const notFoundAnswer = (message = "No route matches this path"): Answer => envelopeAnswer(404, message);

export const methodNotAllowedAnswer = (allow: readonly string[]): Answer =>
  envelopeAnswer(405, `This route accepts ${allow.join(", ")} only`, { allow: allow.join(", ") });

export const tooLargeAnswer = (limit: number): Answer =>
  envelopeAnswer(413, `request body is larger than ${limit} bytes`);

/**
 * Answers that never change are built once, not on every request, and shared by every request that gets them:
 * frozen, with their headers, so that no caller can change another request's answer.
 */
function shared(answer: Answer): Answer {
  Object.freeze(answer.headers);
  return Object.freeze(answer);
}

/** A problem of a fixed answer; both such refusals rest on the endpoint's description (refusals.ts). */
const problem = (code: string, path: readonly (string | number)[], message: string): Problem & { source: "seed" } => ({
  code,
  path,
  message,
  source: "seed",
});

/** Every fixed answer of the simulator, written once; track.ts, handler.ts and server.ts send these. */
export const ANSWERS = {
  /** The answer to every accepted identify call. */
  ok: shared(jsonAnswer(200, {})),
  notFound: shared(notFoundAnswer()),
  putOnly: shared(methodNotAllowedAnswer(["PUT"])),
  getOnly: shared(methodNotAllowedAnswer(["GET"])),
  unauthorized: shared(unauthorizedAnswer()),
  tooLarge: shared(tooLargeAnswer(MAX_BODY_BYTES)),
  unreadableBody: shared(
    problemsAnswer(400, [problem("unreadable_body", ["body"], "request body could not be read")], "error"),
  ),
  badIdentifier: shared(
    problemsAnswer(
      400,
      [
        problem(
          "invalid_percent_encoding",
          ["identifier"],
          "identifier in the path is not valid percent-encoded UTF-8",
        ),
      ],
      "error",
    ),
  ),
  /** A request node:http parsed but that is not a request to any route: the target is not a path. */
  targetNotPath: shared(envelopeAnswer(400, "the request target must be a path")),
  methodNotSupported: shared(envelopeAnswer(405, "This method is not supported")),
  /** A client that went away mid-body, or a header WHATWG Headers refuses. */
  unreadableRequest: shared(envelopeAnswer(400, "the request could not be read")),
  internalError: shared(
    envelopeAnswer(500, "The simulator failed unexpectedly; this is a bug in the simulator, not in the request"),
  ),
} as const;

/** The 500 answer to an exception the simulator did not expect. */
export const INTERNAL_ERROR = ANSWERS.internalError;

/** The WHATWG Response of an answer that is not truncated (handler.ts deals with truncated ones). */
export function toResponse(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Response =>
  toResponse(jsonAnswer(status, body, headers));

export const envelope = (
  status: number,
  message: string | readonly string[],
  headers?: Record<string, string>,
): Response => toResponse(envelopeAnswer(status, message, headers));

/** A refusal naming its problems ({@link problemsAnswer}), as a Response. */
export const problemsResponse = (status: number, problems: readonly Problem[], form: "error" | "errors" = "errors") =>
  toResponse(problemsAnswer(status, problems, form));

export const unauthorized = (): Response => toResponse(unauthorizedAnswer());

export const notFound = (message?: string): Response => toResponse(notFoundAnswer(message));

export const methodNotAllowed = (allow: readonly string[]): Response => toResponse(methodNotAllowedAnswer(allow));

export const tooLarge = (limit: number): Response => toResponse(tooLargeAnswer(limit));

/** Whether an Authorization header carries exactly this site ID and API key as HTTP Basic credentials. */
export function authorized(header: string | null, siteId: string, apiKey: string): boolean {
  if (header === null) return false;
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return false;
  let binary: string;
  try {
    binary = atob(match[1]);
  } catch {
    return false;
  }
  // The client encodes UTF-8 before base64, so decode the bytes the same way.
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const decoded = new TextDecoder().decode(bytes);
  return constantTimeEqual(decoded, `${siteId}:${apiKey}`);
}

/**
 * authorized() for one pair of credentials, remembering the last header that passed: a client sends the same
 * header on every call, and decoding it each time (regex, base64, UTF-8) is the dearest part of the check. The
 * remembered header is compared in constant time too, and only a header that passed the full check is kept.
 */
export function authorizer(siteId: string, apiKey: string): (header: string | null) => boolean {
  let lastGood: string | undefined;
  return (header) => {
    if (header === null) return false;
    if (lastGood !== undefined && constantTimeEqual(header, lastGood)) return true;
    if (!authorized(header, siteId, apiKey)) return false;
    lastGood = header;
    return true;
  };
}

/** Compares without stopping at the first difference, so timing says little about how much of a key was right. */
function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
}
