/**
 * The one internal constructor behind createSimulator() and serveSimulator(): the workspace, the activity log,
 * the faults, the processing of accepted calls, the Track API core and the WHATWG handler, made together and
 * returned together, so that the Node server takes the Track API core it needs from here rather than from a
 * side channel. The rule book is a parameter: the conformance suite's own tests pass deliberately wrong ones.
 */
import { ActivityLog } from "./activity.js";
import type { RuleBook } from "./decision.js";
import { problem } from "../problem.js";
import { SimulatorOptionError } from "./errors.js";
import { FaultInjector, type FaultSpec } from "./faults.js";
import { createHandler } from "./handler.js";
import { activityPage, allActivity, allPeople, peoplePage } from "./listing.js";
import type { Answer } from "./http.js";
import { createProcessor, type Processor } from "./processing.js";
import { DEFAULT_REQUEST_LOG_SIZE, listRequests, requestPage, RequestLog } from "./requests.js";
import { DEFAULT_RULES } from "./rules.js";
import { completeSettings, DEFAULT_SETTINGS, settingsProblem } from "./settings.js";
import { createTrackApi, type TrackApi } from "./track.js";
import type { PersonRef, Simulator, SimulatorOptions, WorkspaceSettings } from "./types.js";
import { Workspace } from "./workspace.js";

export const DEFAULT_SITE_ID = "sim-site";
export const DEFAULT_API_KEY = "sim-key";

/** What the state file (state.ts) restores and saves: the workspace, the activity log and the calls waiting. */
export interface SimulatorInternals {
  workspace: Workspace;
  log: ActivityLog;
  /** The calls waiting to be applied (eventual processing); without it, none are saved or restored. */
  processor?: Pick<Processor, "waiting" | "restore" | "onChange">;
}

export interface SimulatorCore extends SimulatorInternals {
  simulator: Simulator;
  /** The transport-neutral Track API, for servers that do not go through WHATWG Request and Response. */
  track: TrackApi;
  /** The log of Track API requests, which a server records what it answers itself in. */
  requests: RequestLog;
  processor: Processor;
  /** A WHATWG request's answer: a plain Answer for Track API routes (a transport writes truncated ones itself), a Response otherwise. */
  answer(request: Request): Promise<Answer | Response>;
}

interface Parts {
  workspace: Workspace;
  log: ActivityLog;
  faults: FaultInjector;
  processor: Processor;
  requests: RequestLog;
  initialSettings: WorkspaceSettings;
}

export function buildSimulator(options: SimulatorOptions = {}, rules: RuleBook = DEFAULT_RULES): SimulatorCore {
  const { siteId, apiKey } = credentials(options);
  const initialSettings = checkedSettings({ ...DEFAULT_SETTINGS, ...options.workspace });
  const now = options.now ?? Date.now;
  const activityLimit = options.activityLimit ?? 10_000;
  if (!Number.isInteger(activityLimit) || activityLimit < 1)
    throw optionError("activityLimit must be a positive integer");
  const processing = options.processing ?? "immediate";
  if (processing !== "immediate" && processing !== "eventual")
    throw optionError('processing must be "immediate" or "eventual"');
  checkEventual(options);
  if (options.strict !== undefined && typeof options.strict !== "boolean")
    throw optionError("strict must be a boolean");

  const faults = new FaultInjector(initialFaultSpecs(options));
  const workspace = new Workspace(initialSettings, rules.emailIgnoresCase);
  const log = new ActivityLog(now, activityLimit);
  const requests = new RequestLog(now, options.requestLogSize ?? DEFAULT_REQUEST_LOG_SIZE);
  if (options.onRequest) requests.subscribe(options.onRequest);
  const processor = createProcessor(
    processing,
    { workspace, log, rules, now, onApplied: () => faults.noteApplied() },
    options.eventual,
  );
  if (options.people !== undefined) workspace.seed(options.people);

  const simulator = simulatorApi(
    { workspace, log, faults, processor, requests, initialSettings },
    siteId,
    apiKey,
    (request) => handler.fetch(request),
  );
  const onError = options.onError ? { onError: options.onError } : {};
  const track = createTrackApi({
    processor,
    siteId,
    apiKey,
    faults,
    strict: options.strict === true,
    writing: () => workspace.writing,
    ...onError,
  });
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
      seedInSlices: (people) => workspace.seedInSlices(people, nextTurn),
      writing: () => workspace.writing,
    },
    ...onError,
  });
  return { simulator, track, requests, workspace, log, processor, answer: (request) => handler.answer(request) };
}

/** One turn of the event loop: setImmediate where the runtime has it, a zero timeout elsewhere. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** The public face of the simulator over its parts. */
function simulatorApi(parts: Parts, siteId: string, apiKey: string, fetch: Simulator["fetch"]): Simulator {
  const { workspace, log, faults, processor, requests, initialSettings } = parts;
  return {
    fetch,
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
        reason:
          "Deleted through the simulator: the person's identifiers are free, and cio_ references to them are dropped (C8).",
      });
      return true;
    },
    reset() {
      processor.reset();
      workspace.reset(initialSettings);
      log.clear();
      requests.clear();
      faults.reset();
    },
    settle: () => processor.settle(),
    pending: () => processor.pending(),
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
}

function credentials(options: SimulatorOptions): { siteId: string; apiKey: string } {
  const siteId = options.siteId ?? DEFAULT_SITE_ID;
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (siteId === "" || apiKey === "") throw optionError("siteId and apiKey must not be empty");
  if (siteId.includes(":")) throw optionError("siteId cannot contain ':' (HTTP Basic splits on it)");
  return { siteId, apiKey };
}

function checkEventual(options: SimulatorOptions): void {
  const { delayMs, workers, seed } = options.eventual ?? {};
  if (delayMs !== undefined && !(delayMs >= 0))
    throw optionError("eventual.delayMs must be a number of milliseconds from 0, or Infinity");
  if (workers !== undefined && !(Number.isSafeInteger(workers) && workers >= 1))
    throw optionError("eventual.workers must be a whole number from 1");
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw optionError("eventual.seed must be a whole number");
}

/** `redirectTo` is shorthand for a redirect fault put before `faults`. */
function initialFaultSpecs(options: SimulatorOptions): FaultSpec[] {
  if (options.redirectTo === undefined) return [...(options.faults ?? [])];
  const status = options.redirectStatus ? { status: options.redirectStatus } : {};
  return [{ kind: "redirect", to: options.redirectTo, ...status }, ...(options.faults ?? [])];
}

function checkedSettings(settings: WorkspaceSettings): WorkspaceSettings {
  const problem = settingsProblem(settings as unknown as Record<string, unknown>);
  if (problem !== undefined) throw optionError(`workspace.${problem}`);
  return completeSettings(settings);
}

/** Each message names the option first (`eventual.workers …`), which is the problem's path. */
function optionError(message: string): SimulatorOptionError {
  const path = (/^[\w.]+/.exec(message)?.[0] ?? "").split(".").filter((key) => key !== "");
  return new SimulatorOptionError(
    "invalid_option",
    [problem("invalid_option", path, message)],
    `createSimulator: ${message}`,
  );
}
