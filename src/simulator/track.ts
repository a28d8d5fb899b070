/**
 * The Track API, transport-neutral: plain inputs (method, path, two headers, body bytes) in, a plain
 * {@link Answer} out. handler.ts wraps it for WHATWG fetch (sim.fetch, in-process); server.ts calls it straight
 * from node:http, because building a Request, its Headers and a Response for every call cost the served
 * simulator more than the rules and the validation together.
 *
 * Routes: `PUT /api/v1/customers/{identifier}`, and `GET /api/v1/accounts/region`, which clients in
 * `region: "auto"` ask first. Any other path is 404, and a Track path with another method is 405. Both take
 * HTTP Basic credentials (401 with the JSON envelope otherwise).
 *
 * Faults (faults.ts) run first, before any check: they stand for the network and the proxies in front of the
 * API. A faulted request never reaches the rules, and its body is never read.
 *
 * An identify call is then checked in this order before any rule runs: C12 content type, the 1 MiB body cap
 * (413), JSON (400), then the identifier and body against the spec and the byte limits (400, naming every
 * problem). What passes is answered `200 {}` whatever the rules then decide, as Customer.io does; the activity
 * log records what was and was not applied.
 *
 * Bad input never reaches the catch-all: an unexpected exception is a simulator bug, answered 500 with the
 * envelope and reported to `onError`. A `reset` fault is no bug: it rejects, and the transport breaks the
 * connection.
 */
import { applyIdentify } from "./apply.js";
import { MAX_BODY_BYTES, parseJsonObject } from "./body.js";
import type { RuleContext } from "./context.js";
import { faultAnswer, isConnectionReset, type AnsweringFault, type FaultInjector } from "./faults.js";
import {
  authorizer,
  envelopeAnswer,
  jsonAnswer,
  methodNotAllowedAnswer,
  notFoundAnswer,
  problemsAnswer,
  tooLargeAnswer,
  unauthorizedAnswer,
  type Answer,
} from "./http.js";
import { bodyProblems, contentTypeProblem, identifierProblems } from "./validation.js";

export const CUSTOMERS_PREFIX = "/api/v1/customers/";
export const REGION_PATH = "/api/v1/accounts/region";

/** One Track API request, as plain values. */
export interface TrackRequest {
  method: string;
  /** The path as a WHATWG URL's `pathname` gives it: dot segments resolved, percent-escapes kept. */
  path: string;
  /** The query with its `?`, or "" (as URL's `search`); only the redirect fault repeats it. */
  search: string;
  /** The Authorization header, or null; repeated fields joined with ", " (as WHATWG Headers does). */
  authorization: string | null;
  /** The Content-Type header, or null; repeated fields joined like Authorization. */
  contentType: string | null;
  /** The origin the client used; asked for only by the region lookup, so a transport may work it out lazily. */
  origin(): string;
  /** The seq the request log gave this request (requests.ts); its activity entries carry it. */
  seq?: number | undefined;
}

export type BodyRead = Uint8Array | "too large" | "unreadable";

/**
 * A body read only once the checks before it pass, and never when a fault answers (a fetch Request's stream).
 * The Node server passes the bytes instead: it reads every body up front, with the cap, as it always has.
 */
export interface DeferredBody {
  read(): Promise<BodyRead>;
  discard(): Promise<void>;
}

export interface TrackApi {
  /**
   * Answers one request. The answer comes at once when nothing has to be waited for (no fault in force, body
   * bytes given): a promise and its microtask per call are measurable under load. A promise rejects only with a
   * SimulatedConnectionReset (the `reset` fault); nothing else throws.
   */
  handle(request: TrackRequest, body: Uint8Array | DeferredBody): Answer | Promise<Answer>;
  /** Whether an Authorization header carries the simulator's credentials (the inspection API asks too). */
  isAuthorized(header: string | null): boolean;
}

export interface TrackOptions {
  ctx: RuleContext;
  siteId: string;
  apiKey: string;
  faults: FaultInjector;
  onError?: (error: unknown) => void;
}

/**
 * Answers that never change are built once, not on every request, and shared by every request that gets them:
 * frozen, with their headers, so that no caller can change another request's answer.
 */
function shared(answer: Answer): Answer {
  Object.freeze(answer.headers);
  return Object.freeze(answer);
}

/** The answer to every accepted identify call. server.ts knows it, to send it with headers made once. */
export const OK_ANSWER = shared(jsonAnswer(200, {}));
const NOT_FOUND = shared(notFoundAnswer());
const PUT_ONLY = shared(methodNotAllowedAnswer(["PUT"]));
const GET_ONLY = shared(methodNotAllowedAnswer(["GET"]));
const UNAUTHORIZED = shared(unauthorizedAnswer());
const TOO_LARGE = shared(tooLargeAnswer(MAX_BODY_BYTES));
const UNREADABLE = shared(problemsAnswer(400, [{ code: "unreadable_body", path: ["body"], message: "request body could not be read" }], "error"));
const BAD_IDENTIFIER = shared(
  problemsAnswer(400, [{ code: "invalid_percent_encoding", path: ["identifier"], message: "identifier in the path is not valid percent-encoded UTF-8" }], "error"),
);
const INTERNAL_ERROR = shared(envelopeAnswer(500, "The simulator failed unexpectedly; this is a bug in the simulator, not in the request"));

export function createTrackApi(options: TrackOptions): TrackApi {
  const { ctx, faults, onError } = options;
  const isAuthorized = authorizer(options.siteId, options.apiKey);

  function route(request: TrackRequest, body: Uint8Array | DeferredBody): Answer | Promise<Answer> {
    const { path } = request;
    const kind = path === REGION_PATH ? "region" : path.startsWith(CUSTOMERS_PREFIX) ? "identify" : undefined;
    if (kind === undefined) return NOT_FOUND;
    // No promise at all unless a fault is in force (see FaultInjector.intercept).
    const pending = faults.intercept(kind);
    if (pending !== undefined) return faulted(pending, request, body);
    return checked(request, body);
  }

  async function faulted(pending: Promise<AnsweringFault | undefined>, request: TrackRequest, body: Uint8Array | DeferredBody): Promise<Answer> {
    const fault = await pending;
    if (fault === undefined) return checked(request, body);
    // The body is not read: a faulted request is dropped before the Track API sees it.
    if (!(body instanceof Uint8Array)) await body.discard();
    return faultAnswer(fault, request.path, request.search);
  }

  /** After the faults: route, method and credentials, then the identify call's own checks. */
  function checked(request: TrackRequest, body: Uint8Array | DeferredBody): Answer | Promise<Answer> {
    const { path } = request;
    if (path === REGION_PATH) return region(request);
    const segment = path.slice(CUSTOMERS_PREFIX.length);
    // One segment only: `/customers/a/b` is no identifier (an encoded slash, %2F, is part of one).
    if (segment.includes("/")) return NOT_FOUND;
    if (request.method !== "PUT") return PUT_ONLY;
    if (!isAuthorized(request.authorization)) return UNAUTHORIZED;
    const typeProblem = contentTypeProblem(request.contentType);
    if (typeProblem !== undefined) return problemsAnswer(400, [typeProblem], "error");
    if (body instanceof Uint8Array) return identify(segment, body, request.seq);
    return body.read().then((bytes) => identify(segment, bytes, request.seq));
  }

  function identify(segment: string, bytes: BodyRead, seq: number | undefined): Answer {
    if (bytes === "too large") return TOO_LARGE;
    if (bytes === "unreadable") return UNREADABLE;
    let identifier = segment;
    // Most identifiers carry no escape at all; decoding them would only copy them.
    if (segment.includes("%")) {
      try {
        identifier = decodeURIComponent(segment);
      } catch {
        return BAD_IDENTIFIER;
      }
    }
    const parsed = parseJsonObject(bytes);
    if ("problem" in parsed) return problemsAnswer(400, [parsed.problem], "error");
    const problems = identifierProblems(identifier);
    const found = bodyProblems(parsed.value);
    if (problems.length + found.length > 0) return problemsAnswer(400, [...problems, ...found]);

    applyIdentify(ctx, identifier, parsed.value, seq);
    faults.noteApplied();
    return OK_ANSWER;
  }

  /**
   * `GET /api/v1/accounts/region`, which clients with `region: "auto"` ask first: the simulator is its own
   * data center, so the answer names the origin the request came to.
   */
  function region(request: TrackRequest): Answer {
    if (request.method !== "GET") return GET_ONLY;
    if (!isAuthorized(request.authorization)) return UNAUTHORIZED;
    return jsonAnswer(200, { url: request.origin(), region: "us", environment_id: 1 });
  }

  /** The catch-all: made once, as it handles the rejections of every asynchronous answer. */
  function failed(error: unknown): Answer {
    // A reset "connection" is the fault asked for, not a simulator bug: it rejects, as fetch does.
    if (isConnectionReset(error)) throw error;
    onError?.(error);
    return INTERNAL_ERROR;
  }

  return {
    isAuthorized,
    handle(request, body) {
      try {
        const answer = route(request, body);
        return answer instanceof Promise ? answer.catch(failed) : answer;
      } catch (error) {
        return failed(error);
      }
    },
  };
}

const apis = new WeakMap<object, TrackApi>();

/** Lets server.ts find the Track API behind a simulator made by createSimulator(), without widening its type. */
export function registerTrackApi(simulator: object, api: TrackApi): void {
  apis.set(simulator, api);
}

export function trackApiOf(simulator: object): TrackApi | undefined {
  return apis.get(simulator);
}
