/**
 * `runConformance()`: runs the client checks and the target checks and returns a report. The default target is the
 * embedded simulator, in-process; a URL points the suite at any other server.
 */
import { createCustomersClient } from "../src/index.js";
import { createSimulator, type SimulatorOptions } from "../src/simulator/index.js";
import { finding, type CheckContext, type CheckDefinition } from "./check.js";
import { behaviourChecks } from "./checks/behaviour.js";
import { clientChecks, type ClientFactory } from "./checks/client.js";
import { judgeTraffic, readRequest, trafficChecks, type TrafficRequest } from "./checks/traffic.js";
import { wireChecks } from "./checks/wire.js";
import { loadTraffic, TrafficSourceError } from "./traffic-source.js";
import { Session, TargetUnreachable, type RecordedExchange } from "./http.js";
import { httpObserver, probeInspection, simulatorObserver } from "./observers.js";
import type { CheckResult, ConformanceReport, Observer, SkipGroup, Target } from "./types.js";

export interface ConformanceOptions {
  /**
   * What to check: a Target, a base URL (with `siteId` and `apiKey`), or nothing for the embedded simulator.
   * `false` runs the client checks alone.
   */
  target?: Target | string | false;
  /** Credentials for a URL target. */
  siteId?: string;
  apiKey?: string;
  /** For a URL target: the observer to use. Default: the `/__simulator/` routes when the server offers them. */
  observer?: Observer;
  /** The client to check. Default: this package's client. `false` skips the client checks. */
  client?: ClientFactory | false;
  /** Options of the embedded simulator. */
  simulator?: SimulatorOptions;
  /** Seed of the property-based checks; the same seed repeats the same inputs. Default: random. */
  seed?: number;
  /** Inputs per property-based check. Default 25. */
  runs?: number;
  /** Run only these checks: ids, id prefixes (`wire.`, `behaviour.C3`) or clause ids (`C3`). */
  only?: readonly string[];
  /**
   * Behaviour checks skipped (no observer, no settings) make the run fail: `report.unmetRequirement` says why
   * in one line. Default false: they are reported as skipped, never as passed.
   */
  requireBehaviour?: boolean;
  /**
   * A URL target outside loopback (127.0.0.0/8, ::1, localhost) is refused unless this is true: the suite
   * creates people (about a hundred a run). Every identifier it creates starts with `report.runPrefix`.
   */
  allowWrites?: boolean;
  /**
   * Recorded traffic to judge instead of a client and a target: an NDJSON file (`simulate --record`), a
   * simulator's base URL (its `GET /__simulator/requests`, with `siteId` and `apiKey`) or the requests themselves.
   */
  traffic?: string | readonly TrafficRequest[];
  /**
   * Also demand what only this project's lint supports: that a server refuse bodies the spec's declarations
   * refuse (types, formats, enums, patterns), which Customer.io does not document as refused. Checks whose
   * `source` is `lint` are skipped without it; the embedded simulator runs with its own `strict` to match.
   */
  strict?: boolean;
  /** Called after each check, for progress output. */
  onResult?: (result: CheckResult) => void;
}

/** Refused credentials or an unreachable target: nothing can be judged (the command exits 2). */
export class ConformanceSetupError extends Error {
  override name = "ConformanceSetupError";
  readonly code = "setup_failed";
}

export const defaultClient: ClientFactory = (options) =>
  createCustomersClient({
    siteId: options.siteId,
    apiKey: options.apiKey,
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    ...AS_WRITTEN,
  });

/**
 * The client checks judge one exchange per call, with the body exactly as written: retries would only repeat
 * the exchange, and the `_timestamp` the client adds by default would differ from the expected body.
 */
const AS_WRITTEN = { retry: { retries: 0 }, stampTimestamps: false } as const;

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceReport> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const runs = options.runs ?? 25;
  const runPrefix = `cioconf-${seed.toString(36)}${started.toString(36)}-`;
  if (options.traffic !== undefined) return runTraffic(options, { seed, runPrefix, started });
  const target = options.target === false ? undefined : await resolveTarget(options, runPrefix);

  const checks: CheckDefinition[] = [
    ...(options.client === false ? [] : clientChecks(options.client ?? defaultClient)),
    ...(target ? [...wireChecks, ...behaviourChecks] : []),
  ].filter((check) => selected(check, options.only));

  const log: RecordedExchange[] = [];
  const results: CheckResult[] = [];
  let counter = 0;
  const ordered = [...checks.filter((c) => !c.runWide), ...checks.filter((c) => c.runWide)];
  for (const check of ordered) {
    const checkStarted = Date.now();
    const placeholder: Target = target ?? {
      name: "client",
      baseUrl: "http://client-check.invalid",
      siteId: "-",
      apiKey: "-",
      fetch: () => Promise.reject(new Error("no target")),
    };
    const session = new Session(placeholder, check.id, check.kind === "client" ? [] : log);
    const context: CheckContext = {
      target: placeholder,
      session,
      observer: target?.observer,
      unique: (label) => `${runPrefix}${label}-${(counter++).toString(36)}`,
      runPrefix,
      seed,
      runs,
      log,
    };
    const result = await runCheck(check, context, target, checkStarted, options.strict === true);
    results.push(result);
    options.onResult?.(result);
  }

  return summarise(
    results,
    { target: target?.name ?? "client only", seed, runPrefix, started },
    options.requireBehaviour === true,
  );
}

/** One check run to its end, or skipped: a check that throws ends in a finding, never in the run's failure. */
async function runCheck(
  check: CheckDefinition,
  context: CheckContext,
  target: Target | undefined,
  started: number,
  strict: boolean,
): Promise<CheckResult> {
  const skip = skipReason(check, target, strict);
  if (skip) return { ...describe(check), status: "skipped", reason: skip, findings: [], exchanges: [], durationMs: 0 };
  let findings;
  try {
    findings = await check.run(context);
  } catch (error) {
    const actual =
      error instanceof TargetUnreachable
        ? error.message
        : `it threw ${error instanceof Error ? error.message : String(error)}`;
    findings = [finding(check.id, "check_did_not_finish", "(check)", "the scenario runs to its end", actual)];
  }
  return {
    ...describe(check),
    status: findings.length === 0 ? "passed" : "failed",
    findings,
    exchanges: findings.length === 0 ? [] : context.session.exchanges.slice(-5),
    durationMs: Date.now() - started,
  };
}

async function runTraffic(
  options: ConformanceOptions,
  run: { seed: number; runPrefix: string; started: number },
): Promise<ConformanceReport> {
  let loaded;
  try {
    loaded = await loadTraffic(options.traffic ?? [], { siteId: options.siteId, apiKey: options.apiKey });
  } catch (error) {
    if (error instanceof TrafficSourceError) throw new ConformanceSetupError(error.message);
    throw error;
  }
  const requests = loaded.requests.map(readRequest);
  const results: CheckResult[] = [];
  for (const check of trafficChecks.filter((c) => selected(c, options.only))) {
    const checkStarted = Date.now();
    const { findings, exchanges } = judgeTraffic(check, requests);
    const result: CheckResult = {
      ...describe(check),
      status: findings.length === 0 ? "passed" : "failed",
      findings,
      exchanges,
      durationMs: Date.now() - checkStarted,
    };
    results.push(result);
    options.onResult?.(result);
  }
  return summarise(results, { target: `${loaded.name} (${requests.length} requests)`, ...run }, false);
}

/** The report around a list of results: counts, skips grouped by reason, and an unmet requirement. */
export function summarise(
  results: CheckResult[],
  run: { target: string; seed: number; runPrefix: string; started: number },
  requireBehaviour: boolean,
): ConformanceReport {
  const count = (status: CheckResult["status"]) => results.filter((r) => r.status === status).length;
  const skips: SkipGroup[] = [];
  for (const result of results) {
    if (result.status !== "skipped") continue;
    const reason = result.reason ?? "no reason given";
    const group = skips.find((g) => g.reason === reason);
    if (group) group.checks.push(result.id);
    else skips.push({ reason, checks: [result.id] });
  }
  const skippedBehaviour = results.filter((r) => r.kind === "behaviour" && r.status === "skipped");
  const report: ConformanceReport = {
    target: run.target,
    seed: run.seed,
    runPrefix: run.runPrefix,
    skips,
    startedAt: new Date(run.started).toISOString(),
    durationMs: Date.now() - run.started,
    summary: { passed: count("passed"), failed: count("failed"), skipped: count("skipped"), total: results.length },
    results,
  };
  if (requireBehaviour && skippedBehaviour.length > 0) {
    const reasons = [...new Set(skippedBehaviour.map((r) => r.reason ?? "no reason given"))].join("; ");
    report.unmetRequirement = `behaviour was required but ${skippedBehaviour.length} behaviour checks were skipped: ${reasons}`;
  }
  return report;
}

function describe(check: CheckDefinition) {
  return {
    id: check.id,
    title: check.title,
    kind: check.kind,
    clauses: check.clauses,
    specElement: check.specElement,
    ...(check.source === undefined ? {} : { source: check.source }),
  };
}

function selected(check: CheckDefinition, only: readonly string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some(
    (token) => check.id === token || check.id.startsWith(token) || (check.clauses as string[]).includes(token),
  );
}

/** Why a lint check is skipped without `strict`. */
export const LINT_SKIP_REASON =
  "it demands a refusal only this project's lint supports, not Customer.io's documentation; --strict (strict: true) runs it, against a server that refuses what the spec declares (simulate --strict)";

function skipReason(check: CheckDefinition, target: Target | undefined, strict: boolean): string | undefined {
  if (check.source === "lint" && !strict) return LINT_SKIP_REASON;
  if (check.needs === undefined) return undefined;
  if (!target?.observer) {
    return "the target offers no observer (no /__simulator/ inspection routes), so the state behind its 200 answers cannot be seen";
  }
  if (check.needs === "settings" && !target.observer.updateSettings)
    return "the target's observer cannot change workspace settings";
  return undefined;
}

async function resolveTarget(options: ConformanceOptions, runPrefix: string): Promise<Target> {
  if (options.target && typeof options.target === "object") return preflight(options.target, runPrefix);
  if (typeof options.target === "string") {
    const baseUrl = options.target.replace(/\/+$/, "");
    let url: URL;
    try {
      url = new URL(baseUrl);
    } catch {
      throw new ConformanceSetupError(`--target must be an absolute URL, got ${JSON.stringify(options.target)}`);
    }
    if (!isLoopback(url.hostname) && options.allowWrites !== true) {
      throw new ConformanceSetupError(
        `refusing to write to ${url.origin}: it is not a loopback address, and a run creates about a hundred people there. Give --allow-writes (allowWrites: true) to run anyway; every identifier created then starts with the run prefix the report lists`,
      );
    }
    const siteId = options.siteId;
    const apiKey = options.apiKey;
    if (!siteId || !apiKey)
      throw new ConformanceSetupError(
        "a target URL needs credentials: --site-id and --api-key, or CIO_SITE_ID and CIO_API_KEY",
      );
    const fetcher = (request: Request) => globalThis.fetch(request);
    const observer =
      options.observer ??
      ((await probeInspection(baseUrl, siteId, apiKey, fetcher))
        ? httpObserver(baseUrl, siteId, apiKey, fetcher)
        : undefined);
    return preflight(
      { name: baseUrl, baseUrl, siteId, apiKey, fetch: fetcher, ...(observer ? { observer } : {}) },
      runPrefix,
    );
  }
  // The lint checks of a strict run hold a server to the spec's declarations, which the simulator's own strict
  // mode enforces; otherwise it refuses only what a source documents, as the other checks demand.
  const simulator = createSimulator({ strict: options.strict === true, ...options.simulator });
  return {
    name: "embedded simulator",
    baseUrl: "http://simulator.local",
    siteId: simulator.siteId,
    apiKey: simulator.apiKey,
    fetch: simulator.fetch,
    observer: simulatorObserver(simulator),
  };
}

/**
 * One harmless request before the checks: `_update: true` for an identifier nobody holds creates nothing (C23).
 * It tells an unreachable target and refused credentials apart from failures of the checks themselves.
 */
async function preflight(target: Target, runPrefix: string): Promise<Target> {
  const session = new Session(target, "preflight", []);
  let status: number;
  try {
    status = (await session.put(`${runPrefix}preflight`, { _update: true })).status;
  } catch (error) {
    throw new ConformanceSetupError(
      error instanceof TargetUnreachable ? `${error.message}. Is the server running?` : String(error),
    );
  }
  if (status === 401 || status === 403) {
    throw new ConformanceSetupError(
      `${new URL(target.baseUrl).origin} refused the credentials (HTTP ${status}); check the site ID and API key`,
    );
  }
  return target;
}

/** Whether a URL host is this machine: `localhost` (and its subdomains), 127.0.0.0/8 (IPv4-mapped too) or ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  // IPv4-mapped 127.0.0.0/8, as written (::ffff:127.0.0.1) and as URL writes it (::ffff:7f00:1).
  if (/^(?:::|(?:0{1,4}:){5})ffff:(?:127\.|7f[0-9a-f]{2}:)/.test(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
