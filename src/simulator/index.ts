/**
 * cio-customers/simulator: a stateful reference implementation of Customer.io's
 * `PUT /api/v1/customers/{identifier}`, implementing rules C1–C24 of the spec, with its state and activity log
 * open to inspection (in code, and over HTTP under `/__simulator/`).
 *
 * `createSimulator()` gives a WHATWG `fetch` handler that needs no socket:
 *
 *     const sim = createSimulator();
 *     const client = createCustomersClient({ siteId: sim.siteId, apiKey: sim.apiKey, baseUrl: "http://simulator.local", fetch: sim.fetch });
 *
 * `serveSimulator()` (./server.js, Node only) puts the same simulator behind node:http; for the Track API it
 * skips the WHATWG conversions and calls the transport-neutral core (track.ts) that sim.fetch wraps.
 *
 * Where each rule lives: identity.ts (C1–C11, C23, C24), attributes.ts (C13, C16, C17, C22, custom attributes,
 * `_timestamp`), subscriptions.ts (C14, C15), relationships.ts (C18–C21), validation.ts (C12, limits), body.ts
 * (the body cap, JSON parsing). The rules decide (decide.ts) and commit.ts applies what they decided, at once or
 * later (processing.ts: immediate or eventual processing); core.ts puts the parts together.
 * Faults on demand (latency, error statuses, resets, truncated bodies, HTML pages, the US→EU redirect) live in
 * faults.ts.
 */
import { buildSimulator } from "./core.js";
import type { Simulator, SimulatorOptions } from "./types.js";

export type {
  ActivityEntry,
  ActivityType,
  ClauseId,
  PersonRecord,
  PersonRef,
  PersonRelationship,
  RelatedObjectRecord,
  SeedPerson,
  Simulator,
  SimulatorOptions,
  WorkspaceSettings,
} from "./types.js";
export { SeedConflictError } from "./workspace.js";
export { DEFAULT_PAGE_LIMIT, ListingQueryError, MAX_PAGE_LIMIT } from "./listing.js";
export type {
  ActivityPage,
  ActivityPageQuery,
  ActivityQuery,
  PeoplePage,
  PeoplePageQuery,
  PeopleQuery,
} from "./listing.js";
export { FaultSpecError } from "./faults.js";
export { isSimulatorOptionError, SimulatorOptionError, type SimulatorOptionErrorCode } from "./errors.js";
export type { EventualOptions, ProcessingMode } from "./processing.js";
export { DEFAULT_API_KEY, DEFAULT_SITE_ID } from "./core.js";
export { DEFAULT_SETTINGS } from "./settings.js";
export type {
  ActiveFault,
  FaultKind,
  FaultRoute,
  FaultSpec,
  FaultTiming,
  HtmlFault,
  LatencyFault,
  RedirectFault,
  ResetFault,
  SimulatorStats,
  StatusFault,
  TruncateFault,
} from "./faults.js";
export { MAX_BODY_BYTES } from "./body.js";
export { MAX_RECORDED_BODY_BYTES, DEFAULT_REQUEST_LOG_SIZE, RequestQueryError } from "./requests.js";
export type { RecordedRequest, RequestPage, RequestPageQuery, RequestQuery } from "./requests.js";
/** The shapes of the simulator's own HTTP API (openapi/simulator.yaml), for clients of it written in TypeScript. */
export type { paths, components } from "../../generated/simulator.js";

/** A simulator in this process: `sim.fetch` is its WHATWG fetch handler, for a client's `fetch` option. */
export function createSimulator(options: SimulatorOptions = {}): Simulator {
  return buildSimulator(options).simulator;
}
