/**
 * The inspection API under `/__simulator/`, described by openapi/simulator.yaml: read the people and the
 * activity log (which is where C4, C5, C8, C16 and C24 become visible), delete a person (to exercise C8),
 * seed people, reset, read or change the settings behind C6, C9 and C10, inject or clear faults (faults.ts) and
 * read the request counters; and serve the inspector page, which shows all of this in a browser.
 *
 * Bodies are checked against the schemas of openapi/simulator.yaml (compiled once from generated/), and parsed
 * like Track API bodies: capped, and into null-prototype objects.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import document from "../../generated/simulator.document.js";
import { isEmailAddress } from "../spec/limits.js";
import { MAX_BODY_BYTES, parseJsonObject, readCapped } from "./body.js";
import { FaultSpecError, type ActiveFault } from "./faults.js";
import { inspectorResponse, INSPECTOR_PAGE } from "./inspector/serve.js";
import { json, methodNotAllowed, notFound, problemsResponse, tooLarge, unauthorized } from "./http.js";
import {
  ACTIVITY_TYPES,
  invalidParameter,
  ListingQueryError,
  MAX_PAGE_LIMIT,
  type ActivityPage,
  type ActivityPageQuery,
  type PeoplePage,
  type PeoplePageQuery,
} from "./listing.js";
import type { ActivityType, ClauseId, PersonRecord, SeedPerson, Simulator, WorkspaceSettings } from "./types.js";
import type { RequestPage, RequestPageQuery } from "./requests.js";
import { contentTypeProblem } from "./validation.js";
import { problem, type Problem } from "../problem.js";
import { SeedConflictError } from "./workspace.js";

export const INSPECTION_PREFIX = "/__simulator/";

/** What the routes need from the simulator. */
export type InspectionTarget = Pick<
  Simulator,
  | "peoplePage"
  | "person"
  | "activityPage"
  | "requestsPage"
  | "deletePerson"
  | "reset"
  | "settle"
  | "pending"
  | "settings"
  | "updateSettings"
  | "seed"
  | "faults"
  | "clearFaults"
  | "stats"
> & {
  /** Adds faults, all or none; throws a FaultSpecError naming each problem. */
  injectFaults(specs: readonly unknown[]): ActiveFault[];
  /** The newest deleted person who held this id or email, for lookups with include_deleted=true. */
  deletedPerson(ref: { id: string } | { email: string }): PersonRecord | undefined;
  /** seed(), applied in slices so that other requests are answered meanwhile (Workspace.seedInSlices). */
  seedInSlices(people: readonly SeedPerson[]): Promise<PersonRecord[]>;
  /** The write in progress (a seed in slices), which routes that read or change people wait for. */
  writing(): Promise<void> | undefined;
};

/** Routes that read or change people or what follows from them: they wait for a seed being applied. */
const WAITS_FOR_WRITES: ReadonlySet<string> = new Set([
  "GET people",
  "POST people",
  "GET lookup",
  "DELETE person",
  "GET activity",
  "POST settle",
  "POST reset",
  "PATCH settings",
]);

type Json = Record<string, unknown>;
let validators: { seed: ValidateFunction; settings: ValidateFunction; faults: ValidateFunction } | undefined;

/**
 * Compiles the body validators now rather than on the first request that needs them: compiling takes long
 * enough (hundreds of milliseconds on a busy machine) that a server calls this before it listens, so that no
 * request waits for it.
 */
export function prepareInspection(): void {
  bodyValidators();
}

function bodyValidators() {
  if (validators) return validators;
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat("email", { type: "string", validate: isEmailAddress });
  const schemaOf = (path: string, method: string) =>
    dig(document, ["paths", path, method, "requestBody", "content", "application/json", "schema"]);
  validators = {
    seed: ajv.compile(schemaOf("/__simulator/people", "post")),
    settings: ajv.compile(schemaOf("/__simulator/settings", "patch")),
    faults: ajv.compile(schemaOf("/__simulator/faults", "post")),
  };
  return validators;
}

export async function handleInspection(
  request: Request,
  url: URL,
  sim: InspectionTarget,
  isAuthorized: (request: Request) => boolean,
): Promise<Response> {
  const rest = url.pathname.slice(INSPECTION_PREFIX.length);
  const match = matchRoute(rest === "" ? [] : rest.split("/"));
  if (match === undefined) return notFound();
  if (!match.allow.includes(request.method)) return methodNotAllowed(match.allow);
  if (!isAuthorized(request)) return unauthorized();
  const key = `${request.method} ${match.route}`;
  const handler = HANDLERS[key];
  if (handler === undefined) return notFound();
  const writing = WAITS_FOR_WRITES.has(key) ? sim.writing() : undefined;
  if (writing !== undefined) await writing.then(() => idle(sim));
  return handler({ request, query: url.searchParams, sim, match });
}

async function idle(sim: InspectionTarget): Promise<void> {
  for (let writing = sim.writing(); writing !== undefined; writing = sim.writing()) await writing;
}

/** What a route's handler is given: the request, its query, the simulator and the route matched. */
interface RouteCall {
  request: Request;
  query: URLSearchParams;
  sim: InspectionTarget;
  match: RouteMatch;
}

/** Each method and route the inspection API answers; matchRoute has let through only the methods listed there. */
const HANDLERS: Partial<Record<string, (call: RouteCall) => Response | Promise<Response>>> = {
  "GET people": ({ sim, query }) => listing(() => sim.peoplePage(peopleQuery(query))),
  "POST people": seedPeople,
  "GET lookup": ({ sim, query }) => lookup(sim, query),
  "DELETE person": deletePerson,
  "GET activity": ({ sim, query }) => listing(() => sim.activityPage(activityQuery(query))),
  "GET requests": ({ sim, query }) => listing(() => sim.requestsPage(requestQuery(query))),
  "POST settle": ({ sim }) => json(200, { applied: sim.settle(), pending: sim.pending() }),
  "POST reset": ({ sim }) => {
    sim.reset();
    return json(200, {});
  },
  "GET settings": ({ sim }) => json(200, sim.settings()),
  "PATCH settings": updateSettings,
  "GET faults": ({ sim }) => json(200, { faults: sim.faults() }),
  "POST faults": injectFaults,
  "DELETE faults": ({ sim }) => {
    sim.clearFaults();
    return json(200, { faults: [] });
  },
  "GET stats": ({ sim }) => json(200, sim.stats()),
  "GET inspector": ({ match, request }) => inspectorResponse(match.file ?? "", request) ?? notFound(),
};

async function seedPeople({ request, sim }: RouteCall): Promise<Response> {
  const body = await readJson(request, bodyValidators().seed);
  if (body instanceof Response) return body;
  try {
    return json(201, { people: await sim.seedInSlices(body["people"] as SeedPerson[]) });
  } catch (error) {
    if (error instanceof SeedConflictError) return problemsResponse(409, inBody(error.problems));
    throw error;
  }
}

function deletePerson({ sim, match }: RouteCall): Response {
  const cioId = decodeSegment(match.cioId ?? "");
  const person = cioId === undefined ? undefined : sim.person({ cioId });
  if (person === undefined || person.deleted || !sim.deletePerson({ cioId: person.cio_id })) {
    return notFound("No live person has this cio_id");
  }
  return json(200, sim.person({ cioId: person.cio_id }));
}

async function updateSettings({ request, sim }: RouteCall): Promise<Response> {
  const body = await readJson(request, bodyValidators().settings);
  if (body instanceof Response) return body;
  return json(200, sim.updateSettings(body as Partial<WorkspaceSettings>));
}

async function injectFaults({ request, sim }: RouteCall): Promise<Response> {
  const body = await readJson(request, bodyValidators().faults);
  if (body instanceof Response) return body;
  try {
    sim.injectFaults(body["faults"] as unknown[]);
  } catch (error) {
    if (error instanceof FaultSpecError) return problemsResponse(400, inBody(error.problems));
    throw error;
  }
  return json(201, { faults: sim.faults() });
}

type Route =
  | "people"
  | "lookup"
  | "person"
  | "activity"
  | "requests"
  | "reset"
  | "settle"
  | "settings"
  | "faults"
  | "stats"
  | "inspector";

/** The route of a path under the prefix and the methods it accepts, or undefined when there is none. */
interface RouteMatch {
  route: Route;
  allow: string[];
  cioId?: string;
  file?: string;
}

function matchRoute(segments: readonly string[]): RouteMatch | undefined {
  const [first, second, ...more] = segments;
  if (more.length > 0) return undefined;
  // The inspector page (inspector/serve.ts): the prefix itself, and its files under inspector/.
  if (first === undefined) return { route: "inspector", allow: ["GET"], file: INSPECTOR_PAGE };
  if (first === "inspector")
    return second === undefined ? undefined : { route: "inspector", allow: ["GET"], file: second };
  if (first === "people") {
    if (second === undefined) return { route: "people", allow: ["GET", "POST"] };
    if (second === "lookup") return { route: "lookup", allow: ["GET"] };
    return second === "" ? undefined : { route: "person", allow: ["DELETE"], cioId: second };
  }
  if (second !== undefined) return undefined;
  if (first === "activity") return { route: "activity", allow: ["GET"] };
  if (first === "requests") return { route: "requests", allow: ["GET"] };
  if (first === "reset") return { route: "reset", allow: ["POST"] };
  if (first === "settle") return { route: "settle", allow: ["POST"] };
  if (first === "settings") return { route: "settings", allow: ["GET", "PATCH"] };
  if (first === "faults") return { route: "faults", allow: ["GET", "POST", "DELETE"] };
  if (first === "stats") return { route: "stats", allow: ["GET"] };
  return undefined;
}

/** A page as JSON, or 400 naming each query parameter at fault. */
function listing(page: () => PeoplePage | ActivityPage | RequestPage): Response {
  try {
    return json(200, page());
  } catch (error) {
    if (error instanceof ListingQueryError)
      return problemsResponse(
        400,
        error.problems.map(({ code, path, message }) => problem(code, ["query", ...path], `query ${message}`)),
      );
    throw error;
  }
}

function peopleQuery(query: URLSearchParams): PeoplePageQuery {
  const problems: Problem[] = [];
  const out: PeoplePageQuery = { ...pageParams(query, problems) };
  const includeDeleted = query.get("include_deleted");
  if (includeDeleted !== null && includeDeleted !== "true" && includeDeleted !== "false")
    problems.push(invalidParameter("include_deleted", "include_deleted must be true or false"));
  else if (includeDeleted === "true") out.includeDeleted = true;
  const q = query.get("q");
  if (q === "") problems.push(invalidParameter("q", "q must not be empty"));
  else if (q !== null) out.q = q;
  if (problems.length > 0) throw new ListingQueryError(problems);
  return out;
}

function activityQuery(query: URLSearchParams): ActivityPageQuery {
  const problems: Problem[] = [];
  const out: ActivityPageQuery = { ...pageParams(query, problems), ...sinceAndOrder(query, problems) };
  const type = query.get("type");
  if (type !== null && !ACTIVITY_TYPES.includes(type as ActivityType))
    problems.push(invalidParameter("type", `type must be one of ${ACTIVITY_TYPES.join(", ")}`));
  else if (type !== null) out.type = type as ActivityType;
  const clause = query.get("clause");
  if (clause !== null && !/^C[1-9]\d{0,2}$/.test(clause))
    problems.push(invalidParameter("clause", "clause must be a rule id such as C4"));
  else if (clause !== null) out.clause = clause as ClauseId;
  if (problems.length > 0) throw new ListingQueryError(problems);
  return out;
}

/** The request log's query: `since` and `order`, as the activity log takes them. */
function requestQuery(query: URLSearchParams): RequestPageQuery {
  const problems: Problem[] = [];
  const out: RequestPageQuery = { ...pageParams(query, problems), ...sinceAndOrder(query, problems) };
  if (problems.length > 0) throw new ListingQueryError(problems);
  return out;
}

/** `since` and `order`, taken alike by the activity log and the request log. */
function sinceAndOrder(query: URLSearchParams, problems: Problem[]): { since?: number; order?: "asc" | "desc" } {
  const out: { since?: number; order?: "asc" | "desc" } = {};
  const since = query.get("since");
  if (since !== null && !/^\d{1,15}$/.test(since))
    problems.push(invalidParameter("since", "since must be a whole number from 0"));
  else if (since !== null) out.since = Number(since);
  const order = query.get("order");
  if (order !== null && order !== "asc" && order !== "desc")
    problems.push(invalidParameter("order", "order must be asc or desc"));
  else if (order !== null) out.order = order;
  return out;
}

/** `limit` and `cursor`, shared by both listings; the range of `limit` is checked by listing.ts. */
function pageParams(query: URLSearchParams, problems: Problem[]): { limit?: number; cursor?: string } {
  const out: { limit?: number; cursor?: string } = {};
  const limit = query.get("limit");
  if (limit !== null && !/^\d{1,4}$/.test(limit))
    problems.push(invalidParameter("limit", `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`));
  else if (limit !== null) out.limit = Number(limit);
  const cursor = query.get("cursor");
  if (cursor === "") problems.push(invalidParameter("cursor", "cursor must not be empty"));
  else if (cursor !== null) out.cursor = cursor;
  return out;
}

function lookup(sim: InspectionTarget, query: URLSearchParams): Response {
  const given = (["id", "email", "cio_id"] as const).filter((key) => query.has(key));
  if (given.length !== 1 || given[0] === undefined)
    return problemsResponse(400, [
      problem("one_lookup_key", ["query"], "give exactly one of the queries id, email or cio_id"),
    ]);
  const key = given[0];
  const value = query.get(key) ?? "";
  if (value === "")
    return problemsResponse(400, [problem("invalid_value", ["query", key], `query ${key} must not be empty`)]);
  const includeDeleted = query.get("include_deleted");
  if (includeDeleted !== null && includeDeleted !== "true" && includeDeleted !== "false") {
    return problemsResponse(400, [
      problem("invalid_value", ["query", "include_deleted"], "query include_deleted must be true or false"),
    ]);
  }
  let person: PersonRecord | undefined;
  if (key === "cio_id") {
    person = sim.person({ cioId: value });
  } else {
    const ref = key === "id" ? { id: value } : { email: value };
    person = sim.person(ref) ?? (includeDeleted === "true" ? sim.deletedPerson(ref) : undefined);
  }
  return person === undefined ? notFound("No person matches") : json(200, person);
}

async function readJson(request: Request, validate: ValidateFunction): Promise<Json | Response> {
  const typeProblem = contentTypeProblem(request.headers.get("content-type"));
  if (typeProblem !== undefined) return problemsResponse(400, [typeProblem], "error");
  const bytes = await readCapped(request, MAX_BODY_BYTES);
  if (bytes === "too large") return tooLarge(MAX_BODY_BYTES);
  if (bytes === "unreadable")
    return problemsResponse(400, [problem("unreadable_body", ["body"], "request body could not be read")], "error");
  const parsed = parseJsonObject(bytes);
  if ("problem" in parsed) return problemsResponse(400, [parsed.problem], "error");
  if (!validate(parsed.value)) {
    const byMessage = new Map<string, Problem>();
    for (const error of validate.errors ?? []) {
      const where = error.instancePath === "" ? "request body" : `request body ${error.instancePath}`;
      const property =
        error.keyword === "additionalProperties" ? ` "${String(error.params["additionalProperty"])}"` : "";
      const message = `${where} ${error.message ?? error.keyword}${property}`;
      if (!byMessage.has(message))
        byMessage.set(
          message,
          problem(
            `schema_${error.keyword.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`,
            pointerPath(error.instancePath),
            message,
          ),
        );
    }
    return problemsResponse(400, [...byMessage.values()]);
  }
  return parsed.value;
}

/** A body problem's path from the root of the request, as the Track API's answers give it. */
const inBody = (problems: readonly Problem[]): Problem[] =>
  problems.map(({ code, path, message }) => problem(code, ["body", ...path], message));

/** `["body", "people", 0, "id"]` from Ajv's JSON pointer `/people/0/id`. */
function pointerPath(pointer: string): (string | number)[] {
  const keys = pointer === "" ? [] : pointer.slice(1).split("/");
  return [
    "body",
    ...keys.map((key) => (/^\d+$/.test(key) ? Number(key) : key.replace(/~1/g, "/").replace(/~0/g, "~"))),
  ];
}

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function dig(value: unknown, keys: readonly string[]): Json {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null || !(key in current)) {
      throw new Error(`generated/simulator.document.ts has no ${keys.join(" → ")}; run npm run generate`);
    }
    current = (current as Json)[key];
  }
  return current as Json;
}
