/**
 * The simulator's WHATWG fetch handler: `Request → Response`, web-standard APIs only, so it runs in-process
 * (as a client's `fetch`), behind node:http (server.ts) or on any other fetch runtime.
 *
 * Routing: `PUT /api/v1/customers/{identifier}` is the Track API (with `GET /api/v1/accounts/region`, which
 * clients in `region: "auto"` ask first); `/__simulator/…` is the inspection API (inspection.ts); anything else is 404, and a known path with another method is 405. Both APIs take the same
 * HTTP Basic credentials (401 with the JSON envelope otherwise).
 *
 * A Track API call is checked in this order before any rule runs: C12 content type, the 1 MiB body cap (413),
 * JSON (400), then the identifier and body against the spec and the byte limits (400, naming every problem).
 * What passes is answered `200 {}` whatever the rules then decide, as Customer.io does; the activity log
 * records what was and was not applied.
 *
 * Bad input never reaches the catch-all below: an unexpected exception is a simulator bug, answered 500 with
 * the envelope and reported to `onError`.
 *
 * Faults (faults.ts) run first on the Track API routes, before any check: they stand for the network and the
 * proxies in front of the API. A faulted request never reaches the rules.
 */
import { applyIdentify } from "./apply.js";
import type { RuleContext } from "./context.js";
import { isConnectionReset, type FaultInjector } from "./faults.js";
import { authorized, envelope, json, methodNotAllowed, notFound, tooLarge, unauthorized } from "./http.js";
import { handleInspection, INSPECTION_PREFIX, type InspectionTarget } from "./inspection.js";
import {
  MAX_BODY_BYTES,
  bodyProblems,
  contentTypeProblem,
  identifierProblems,
  parseJsonObject,
  readCapped,
} from "./validation.js";

const CUSTOMERS_PREFIX = "/api/v1/customers/";
const REGION_PATH = "/api/v1/accounts/region";

export interface HandlerOptions {
  ctx: RuleContext;
  siteId: string;
  apiKey: string;
  inspection: InspectionTarget;
  faults: FaultInjector;
  onError?: (error: unknown) => void;
}

export function createHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const { ctx, siteId, apiKey, inspection, faults, onError } = options;
  const isAuthorized = (request: Request) => authorized(request.headers.get("authorization"), siteId, apiKey);

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path === INSPECTION_PREFIX.slice(0, -1) || path.startsWith(INSPECTION_PREFIX)) {
      return handleInspection(request, url, inspection, isAuthorized);
    }
    const route = path === REGION_PATH ? "region" : path.startsWith(CUSTOMERS_PREFIX) ? "identify" : undefined;
    if (route === undefined) return notFound();
    const faulted = await faults.intercept(request, url, route);
    if (faulted !== undefined) return faulted;
    if (route === "region") return region(request, url);
    const segment = path.slice(CUSTOMERS_PREFIX.length);
    // One segment only: `/customers/a/b` is no identifier (an encoded slash, %2F, is part of one).
    if (segment.includes("/")) return notFound();
    if (request.method !== "PUT") return methodNotAllowed(["PUT"]);
    if (!isAuthorized(request)) return unauthorized();
    return identify(request, segment);
  }

  async function identify(request: Request, segment: string): Promise<Response> {
    const typeProblem = contentTypeProblem(request.headers.get("content-type"));
    if (typeProblem !== undefined) return envelope(400, typeProblem);
    const bytes = await readCapped(request, MAX_BODY_BYTES);
    if (bytes === "too large") return tooLarge(MAX_BODY_BYTES);
    if (bytes === "unreadable") return envelope(400, "request body could not be read");

    let identifier: string;
    try {
      identifier = decodeURIComponent(segment);
    } catch {
      return envelope(400, "identifier in the path is not valid percent-encoded UTF-8");
    }
    const parsed = parseJsonObject(bytes);
    if ("error" in parsed) return envelope(400, parsed.error);
    const problems = [...identifierProblems(identifier), ...bodyProblems(parsed.value)];
    if (problems.length > 0) return envelope(400, problems);

    applyIdentify(ctx, identifier, parsed.value);
    faults.noteApplied();
    return json(200, {});
  }

  /**
   * `GET /api/v1/accounts/region`, which clients with `region: "auto"` ask first: the simulator is its own
   * data center, so the answer names the origin the request came to.
   */
  function region(request: Request, url: URL): Response {
    if (request.method !== "GET") return methodNotAllowed(["GET"]);
    if (!isAuthorized(request)) return unauthorized();
    return json(200, { url: url.origin, region: "us", environment_id: 1 });
  }

  return async function fetch(request: Request): Promise<Response> {
    try {
      return await route(request);
    } catch (error) {
      // A reset "connection" is the fault asked for, not a simulator bug: it rejects, as fetch does.
      if (isConnectionReset(error)) throw error;
      onError?.(error);
      return envelope(500, "The simulator failed unexpectedly; this is a bug in the simulator, not in the request");
    }
  };
}
