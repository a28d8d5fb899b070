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
import { parseJsonObject } from "./body.js";
import { faultAnswer, isConnectionReset, type AnsweringFault, type FaultInjector } from "./faults.js";
import { ANSWERS, authorizer, jsonAnswer, problemsAnswer, type Answer } from "./http.js";
import type { Problem } from "../problem.js";
import type { Processor } from "./processing.js";
import { refusalOf } from "./refusals.js";
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
  /** Applies accepted identify calls, at once or later. */
  processor: Processor;
  /** Adds the project's own lint to the refusals (refusals.ts). */
  strict?: boolean;
  siteId: string;
  apiKey: string;
  faults: FaultInjector;
  /** The workspace's write in progress (a seed applied in slices), which an accepted call waits for. */
  writing?: () => Promise<void> | undefined;
  onError?: (error: unknown) => void;
}

/** The answer to every accepted identify call. server.ts knows it, to send it with headers made once. */
export const OK_ANSWER = ANSWERS.ok;

export function createTrackApi(options: TrackOptions): TrackApi {
  const { onError } = options;
  const isAuthorized = authorizer(options.siteId, options.apiKey);
  const context: TrackContext = {
    faults: options.faults,
    isAuthorized,
    accepted: {
      processor: options.processor,
      strict: options.strict === true,
      writing: options.writing ?? (() => undefined),
    },
  };

  /** The catch-all: made once, as it handles the rejections of every asynchronous answer. */
  function failed(error: unknown): Answer {
    // A reset "connection" is the fault asked for, not a simulator bug: it rejects, as fetch does.
    if (isConnectionReset(error)) throw error;
    onError?.(error);
    return ANSWERS.internalError;
  }

  return {
    isAuthorized,
    handle(request, body) {
      try {
        const answer = route(context, request, body);
        return answer instanceof Promise ? answer.catch(failed) : answer;
      } catch (error) {
        return failed(error);
      }
    },
  };
}

/** What answering a request needs, fixed when the API is made. */
interface TrackContext {
  faults: FaultInjector;
  isAuthorized: (header: string | null) => boolean;
  accepted: Acceptance;
}

function route(
  context: TrackContext,
  request: TrackRequest,
  body: Uint8Array | DeferredBody,
): Answer | Promise<Answer> {
  const { path } = request;
  const kind = path === REGION_PATH ? "region" : path.startsWith(CUSTOMERS_PREFIX) ? "identify" : undefined;
  if (kind === undefined) return ANSWERS.notFound;
  // No promise at all unless a fault is in force (see FaultInjector.intercept).
  const pending = context.faults.intercept(kind);
  if (pending !== undefined) return faulted(context, pending, request, body);
  return checked(context, request, body);
}

async function faulted(
  context: TrackContext,
  pending: Promise<AnsweringFault | undefined>,
  request: TrackRequest,
  body: Uint8Array | DeferredBody,
): Promise<Answer> {
  const fault = await pending;
  if (fault === undefined) return checked(context, request, body);
  // The body is not read: a faulted request is dropped before the Track API sees it.
  if (!(body instanceof Uint8Array)) await body.discard();
  return faultAnswer(fault, request.path, request.search);
}

/** After the faults: route, method and credentials, then the identify call's own checks. */
function checked(
  { isAuthorized, accepted }: TrackContext,
  request: TrackRequest,
  body: Uint8Array | DeferredBody,
): Answer | Promise<Answer> {
  const { path } = request;
  if (path === REGION_PATH) return region(request, isAuthorized);
  const segment = path.slice(CUSTOMERS_PREFIX.length);
  // One segment only: `/customers/a/b` is no identifier (an encoded slash, %2F, is part of one).
  if (segment.includes("/")) return ANSWERS.notFound;
  if (request.method !== "PUT") return ANSWERS.putOnly;
  if (!isAuthorized(request.authorization)) return ANSWERS.unauthorized;
  const typeProblem = contentTypeProblem(request.contentType);
  if (typeProblem !== undefined) return refusal([typeProblem], "error");
  if (body instanceof Uint8Array) return identify(accepted, segment, body, request.seq);
  return body.read().then((bytes) => identify(accepted, segment, bytes, request.seq));
}

interface Acceptance {
  processor: Processor;
  strict: boolean;
  writing: () => Promise<void> | undefined;
}

/**
 * An identify call's own checks, in order; what passes goes to the processor and is answered `200 {}`. While a
 * seed is being applied in slices, the call is handed over once it has ended, so that it sees all of it or none.
 */
function identify(
  acceptance: Acceptance,
  segment: string,
  bytes: BodyRead,
  seq: number | undefined,
): Answer | Promise<Answer> {
  const { processor, strict, writing } = acceptance;
  if (bytes === "too large") return ANSWERS.tooLarge;
  if (bytes === "unreadable") return ANSWERS.unreadableBody;
  let identifier = segment;
  // Most identifiers carry no escape at all; decoding them would only copy them.
  if (segment.includes("%")) {
    try {
      identifier = decodeURIComponent(segment);
    } catch {
      return ANSWERS.badIdentifier;
    }
  }
  const parsed = parseJsonObject(bytes, strict);
  if ("problem" in parsed) return refusal([parsed.problem], "error");
  const problems = [...identifierProblems(identifier, strict), ...bodyProblems(parsed.value, strict)];
  if (problems.length > 0) return refusal(problems, "errors");
  if (writing() !== undefined) return acceptAfterWrites(acceptance, identifier, parsed.value, seq);
  processor.accept(identifier, parsed.value, seq);
  return OK_ANSWER;
}

async function acceptAfterWrites(
  { processor, writing }: Acceptance,
  identifier: string,
  body: Readonly<Record<string, unknown>>,
  seq: number | undefined,
): Promise<Answer> {
  for (let pending = writing(); pending !== undefined; pending = writing()) await pending;
  processor.accept(identifier, body, seq);
  return OK_ANSWER;
}

/** A 400 naming its problems, each with the source that supports refusing it (refusals.ts). */
function refusal(problems: readonly Problem[], form: "error" | "errors"): Answer {
  return problemsAnswer(
    400,
    problems.map((problem) => ({ ...problem, source: refusalOf(problem.code)?.source ?? "lint" })),
    form,
  );
}

/**
 * `GET /api/v1/accounts/region`, which clients with `region: "auto"` ask first: the simulator is its own
 * data center, so the answer names the origin the request came to.
 */
function region(request: TrackRequest, isAuthorized: (header: string | null) => boolean): Answer {
  if (request.method !== "GET") return ANSWERS.getOnly;
  if (!isAuthorized(request.authorization)) return ANSWERS.unauthorized;
  return jsonAnswer(200, { url: request.origin(), region: "us", environment_id: 1 });
}
