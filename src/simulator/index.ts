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
 * (the body cap, JSON parsing).
 * Faults on demand (latency, error statuses, resets, truncated bodies, HTML pages, the US→EU redirect) live in
 * faults.ts.
 */
import { ActivityLog } from "./activity.js";
import { disabledRuleSet, type RuleContext } from "./context.js";
import { FaultInjector, type FaultSpec } from "./faults.js";
import { activityPage, allActivity, allPeople, peoplePage } from "./listing.js";
import { createHandler } from "./handler.js";
import { DEFAULT_REQUEST_LOG_SIZE, listRequests, registerRequestLog, requestPage, RequestLog } from "./requests.js";
import { registerInternals } from "./internals.js";
import { createTrackApi, registerTrackApi } from "./track.js";
import type { PersonRef, Simulator, SimulatorOptions, WorkspaceSettings } from "./types.js";
import { Workspace } from "./workspace.js";

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
export { SUPPORTED_DISABLED_RULES } from "./types.js";
export { SeedConflictError } from "./workspace.js";
export { DEFAULT_PAGE_LIMIT, ListingQueryError, MAX_PAGE_LIMIT } from "./listing.js";
export type { ActivityPage, ActivityPageQuery, ActivityQuery, PeoplePage, PeoplePageQuery, PeopleQuery } from "./listing.js";
export { FaultSpecError } from "./faults.js";
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

export const DEFAULT_SITE_ID = "sim-site";
export const DEFAULT_API_KEY = "sim-key";

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const siteId = options.siteId ?? DEFAULT_SITE_ID;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (siteId === "" || apiKey === "") throw new Error("createSimulator: siteId and apiKey must not be empty");
  if (siteId.includes(":")) throw new Error("createSimulator: siteId cannot contain ':' (HTTP Basic splits on it)");
  const disabled = disabledRuleSet(options.disabledRules);
  const initialSettings = checkedSettings({ identifiedBy: "email_or_id", allowEmailUpdatesById: false, ...options.workspace });
  const now = options.now ?? Date.now;
  const activityLimit = options.activityLimit ?? 10_000;
  if (!Number.isInteger(activityLimit) || activityLimit < 1) throw new Error("createSimulator: activityLimit must be a positive integer");

  const initialFaults: FaultSpec[] = [
    ...(options.redirectTo === undefined ? [] : [{ kind: "redirect" as const, to: options.redirectTo, ...(options.redirectStatus && { status: options.redirectStatus }) }]),
    ...(options.faults ?? []),
  ];
  const faults = new FaultInjector(initialFaults);

  const workspace = new Workspace(initialSettings, !disabled.has("C9"));
  const log = new ActivityLog(now, activityLimit);
  const requests = new RequestLog(now, options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  if (options.onRequest) requests.subscribe(options.onRequest);
  const ctx: RuleContext = { workspace, log, on: (clause) => !disabled.has(clause) };
  if (options.people !== undefined) workspace.seed(options.people);

  const simulator: Simulator = {
    fetch: (request) => handler(request),
    siteId,
    apiKey,
    people: (query) => allPeople(workspace, query),
    peoplePage: (query) => peoplePage(workspace, query),
    person(ref: PersonRef) {
      const person = workspace.find(ref);
      return person === undefined ? undefined : workspace.snapshot(person);
    },
    activity: (query) => allActivity(log.kept, query),
    activityPage: (query) => activityPage(log.kept, log.lastSeq, workspace.epoch, query),
    deletePerson(ref: PersonRef) {
      const person = workspace.find(ref);
      if (person === undefined || person.deleted) return false;
      workspace.delete(person);
      log.write({
        type: "person_deleted",
        cio_id: person.cio_id,
        reason: "Deleted through the simulator: the person's identifiers are free, and cio_ references to them are dropped (C8).",
      });
      return true;
    },
    reset() {
      workspace.reset(initialSettings);
      log.clear();
      requests.clear();
      faults.reset();
    },
    settings: () => workspace.settings,
    updateSettings: (patch) => workspace.updateSettings(checkedSettings({ ...workspace.settings, ...patch })),
    seed: (people) => workspace.seed(people).map((person) => workspace.snapshot(person)),
    objects: () => workspace.objects(),
    injectFault: (spec) => faults.inject(spec),
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    stats: () => faults.stats(),
    requests: (query) => listRequests(requests, query),
    requestsPage: (query) => requestPage(requests, query),
  };

  const track = createTrackApi({ ctx, siteId, apiKey, faults, ...(options.onError ? { onError: options.onError } : {}) });
  registerTrackApi(simulator, track);
  registerInternals(simulator, { workspace, log });
  registerRequestLog(simulator, requests);
  const handler = createHandler({
    track,
    requests,
    inspection: {
      ...simulator,
      injectFaults: (specs) => faults.injectAll(specs),
      deletedPerson(ref) {
        const person = workspace.findDeleted(ref);
        return person === undefined ? undefined : workspace.snapshot(person);
      },
    },
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return simulator;
}

function checkedSettings(settings: WorkspaceSettings): WorkspaceSettings {
  if (settings.identifiedBy !== "email_or_id" && settings.identifiedBy !== "id") {
    throw new Error('workspace.identifiedBy must be "email_or_id" or "id"');
  }
  if (typeof settings.allowEmailUpdatesById !== "boolean") throw new Error("workspace.allowEmailUpdatesById must be a boolean");
  return { identifiedBy: settings.identifiedBy, allowEmailUpdatesById: settings.allowEmailUpdatesById };
}
