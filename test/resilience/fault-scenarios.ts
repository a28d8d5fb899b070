/**
 * Each fault of the simulator (src/simulator/faults.ts), injected into a simulator served on loopback and met by
 * the real client over a real socket. A scenario says what the client should report (success, or which error,
 * after how many attempts) and the runner checks that, plus the workspace: every call reported successful is
 * applied (none lost), nothing is applied twice (none duplicated), and a request answered by a fault is never
 * applied.
 *
 * How "lost" and "duplicated" are counted: call n writes a marker attribute `mark_<n>`. A call reported
 * successful whose marker is missing from the person is lost. The simulator writes one summary entry
 * (`person_created` or `attributes_updated`) per applied request, so per person, summary entries beyond the
 * number of markers present are duplicates.
 *
 * No vitest here: scripts/resilience.ts runs the same scenarios.
 */
import {
  createCustomersClient,
  CustomersError,
  HttpError,
  type CustomersClientOptions,
  type IdentifyResult,
} from "../../src/index.js";
import type { FaultSpec, Simulator } from "../../src/simulator/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { basicHeader, routingFetch, type Routed } from "./loopback.js";

export const SITE_ID = "resilience-site";
export const API_KEY = "resilience-key-4f7a21";

/** Retries that wait (almost) nothing, so that a scenario takes milliseconds, not seconds. */
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 5 } as const;

export type Outcome = "ok" | "HttpError" | "NetworkError" | "RedirectError" | "TimeoutError";

export interface FaultScenario {
  name: string;
  /** The fault kind(s) this scenario shows, for the table. */
  kinds: string[];
  faults: FaultSpec[];
  /** Calls made one after the other; call n is about person `n % people`. Default 1 call, 1 person. */
  calls?: number;
  people?: number;
  client?: Partial<Pick<CustomersClientOptions, "retry" | "timeoutMs" | "deadlineMs" | "region" | "maxRedirects">>;
  /** Where the client sends: straight to the simulator (default), or to Customer.io's hosts through a routing fetch. */
  via?: "direct" | "us-host";
  /** With `via: "us-host"`: the EU host's simulator receives what the US one redirects. */
  euSimulator?: boolean;
  expect: {
    outcome: Outcome;
    /** Attempts of every call (when each call should take the same number). */
    attempts?: number;
    /** Total attempts over all calls (for seeded faults, where which call meets a fault is set by the seed). */
    totalAttempts?: number;
    status?: number;
    /** Substring of the error's first message (HttpError) or its message. */
    message?: string;
    retryAfter?: string;
  };
}

export interface ScenarioResult {
  name: string;
  kinds: string[];
  survived: boolean;
  problems: string[];
  calls: number;
  succeeded: number;
  attempts: number[];
  /** Requests the simulator received, answered with a fault, and applied (the simulator that applies). */
  received: number;
  faulted: number;
  applied: number;
  lost: number;
  duplicated: number;
}

/** The scenarios: one or more per kind of fault, with the outcome the client must reach. */
export function faultScenarios(): FaultScenario[] {
  return [
    {
      name: "latency below the attempt timeout",
      kinds: ["latency"],
      faults: [{ kind: "latency", ms: 40, times: 2 }],
      calls: 2,
      expect: { outcome: "ok", attempts: 1 },
    },
    {
      name: "503 twice, then success",
      kinds: ["status"],
      faults: [{ kind: "status", status: 503, times: 2 }],
      expect: { outcome: "ok", attempts: 3 },
    },
    {
      name: "500 then 502 then success",
      kinds: ["status"],
      faults: [
        { kind: "status", status: 500, times: 1 },
        { kind: "status", status: 502, times: 1 },
      ],
      expect: { outcome: "ok", attempts: 3 },
    },
    {
      name: "504 once",
      kinds: ["status"],
      faults: [{ kind: "status", status: 504, times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "429 with Retry-After: 0",
      kinds: ["status"],
      faults: [{ kind: "status", status: 429, retryAfter: 0, times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "429 with Retry-After: 1 (waited)",
      kinds: ["status"],
      faults: [{ kind: "status", status: 429, retryAfter: 1, times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "429 with Retry-After: 1 and 800 ms of deadline: not retried",
      kinds: ["status"],
      faults: [{ kind: "status", status: 429, retryAfter: 1, times: 1 }],
      client: { deadlineMs: 800 },
      expect: { outcome: "HttpError", status: 429, attempts: 1, retryAfter: "1" },
    },
    {
      name: "429 with Retry-After beyond maxRetryAfterMs: not retried",
      kinds: ["status"],
      faults: [{ kind: "status", status: 429, retryAfter: 120 }],
      client: { retry: { ...FAST_RETRY, maxRetryAfterMs: 60_000 } },
      expect: { outcome: "HttpError", status: 429, attempts: 1, retryAfter: "120" },
    },
    {
      name: "503 on every attempt: retries exhausted",
      kinds: ["status"],
      faults: [{ kind: "status", status: 503 }],
      client: { retry: { ...FAST_RETRY, retries: 2 } },
      expect: { outcome: "HttpError", status: 503, attempts: 3, message: "Service Unavailable" },
    },
    {
      name: "connection reset once",
      kinds: ["reset"],
      faults: [{ kind: "reset", times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "connection reset on every attempt",
      kinds: ["reset"],
      faults: [{ kind: "reset" }],
      client: { retry: { ...FAST_RETRY, retries: 1 } },
      expect: { outcome: "NetworkError", attempts: 2 },
    },
    {
      name: "200 with a truncated body",
      kinds: ["truncate"],
      faults: [{ kind: "truncate", times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "503 with a truncated body",
      kinds: ["truncate"],
      faults: [{ kind: "truncate", status: 503, times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "HTML 502 page once",
      kinds: ["html"],
      faults: [{ kind: "html", times: 1 }],
      expect: { outcome: "ok", attempts: 2 },
    },
    {
      name: "HTML 502 page on every attempt",
      kinds: ["html"],
      faults: [{ kind: "html" }],
      client: { retry: { ...FAST_RETRY, retries: 1 } },
      expect: { outcome: "HttpError", status: 502, attempts: 2, message: "502 Bad Gateway" },
    },
    {
      name: "seeded 503s (p = 0.5, seed 7) over 20 calls for 5 people",
      kinds: ["status"],
      faults: [{ kind: "status", status: 503, probability: 0.5, seed: 7 }],
      calls: 20,
      people: 5,
      client: { retry: { ...FAST_RETRY, retries: 12 } },
      expect: { outcome: "ok" },
    },
    {
      name: "seeded mix (latency, reset, 502 HTML, truncation, 429) over 20 calls",
      kinds: ["latency", "reset", "html", "truncate", "status"],
      faults: [
        { kind: "latency", ms: 5, probability: 0.3, seed: 11 },
        { kind: "reset", probability: 0.15, seed: 12 },
        { kind: "html", probability: 0.15, seed: 13 },
        { kind: "truncate", probability: 0.15, seed: 14 },
        { kind: "status", status: 429, retryAfter: 0, probability: 0.15, seed: 15 },
      ],
      calls: 20,
      people: 4,
      client: { retry: { ...FAST_RETRY, retries: 12 } },
      expect: { outcome: "ok" },
    },
    {
      name: "region lookup answered 503 once (region: auto)",
      kinds: ["status"],
      faults: [{ kind: "status", status: 503, times: 1, route: "region" }],
      client: { region: "auto" },
      expect: { outcome: "ok", attempts: 1 },
    },
    ...([301, 302, 307, 308] as const).map((status): FaultScenario => ({
      name: `US host redirects to the EU host (${status})`,
      kinds: ["redirect"],
      faults: [{ kind: "redirect", to: "https://track-eu.customer.io", status }],
      via: "us-host",
      euSimulator: true,
      calls: 2,
      expect: { outcome: "ok", attempts: 1 },
    })),
    {
      name: "redirect to a host outside customer.io: refused, credentials kept",
      kinds: ["redirect"],
      faults: [{ kind: "redirect", to: "https://track.customer.io.attacker.example" }],
      via: "us-host",
      expect: { outcome: "RedirectError", attempts: 1 },
    },
  ];
}

/** The simulators a run needs, served on loopback; close() when done. */
export interface Loopback {
  us: ServedSimulator;
  eu: ServedSimulator;
  close(): Promise<void>;
}

export async function startLoopback(): Promise<Loopback> {
  const us = await serveSimulator({ port: 0, siteId: SITE_ID, apiKey: API_KEY });
  const eu = await serveSimulator({ port: 0, siteId: SITE_ID, apiKey: API_KEY });
  return { us, eu, close: async () => void (await Promise.all([us.close(), eu.close()])) };
}

/** Runs one scenario on fresh workspaces and checks the client's outcome and the workspace. */
export async function runFaultScenario(loop: Loopback, scenario: FaultScenario): Promise<ScenarioResult> {
  const entry = loop.us.simulator;
  const target = scenario.euSimulator === true ? loop.eu.simulator : entry;
  entry.reset();
  loop.eu.simulator.reset();
  for (const fault of scenario.faults) entry.injectFault(fault);

  const seen: Routed[] = [];
  const routed = routingFetch({ "track.customer.io": loop.us.url, "track-eu.customer.io": loop.eu.url }, seen);
  const options: CustomersClientOptions = {
    siteId: SITE_ID,
    apiKey: API_KEY,
    retry: FAST_RETRY,
    ...scenario.client,
    ...(scenario.via === "us-host" ? { fetch: routed.fetch } : { baseUrl: loop.us.url }),
  };
  const client = createCustomersClient(options);

  const calls = scenario.calls ?? 1;
  const people = scenario.people ?? 1;
  const personOf = (n: number) => `${slug(scenario.name)}-p${n % people}`;
  const problems: string[] = [];
  const made: MadeCall[] = [];
  for (let n = 0; n < calls; n++) {
    const attributes = { [`mark_${n}`]: n, plan: `call-${n}` };
    try {
      made.push({ person: personOf(n), attributes, outcome: await client.identify({ id: personOf(n) }, attributes) });
    } catch (error) {
      if (!(error instanceof CustomersError)) throw error;
      made.push({ person: personOf(n), attributes, outcome: error });
    }
  }
  const outcomes = made.map((call) => call.outcome);
  const attempts = outcomes.map((outcome) => outcome.attempts);
  const { expect } = scenario;
  outcomes.forEach((outcome, n) => {
    const got: Outcome = outcome instanceof CustomersError ? (outcome.name as Outcome) : "ok";
    if (got !== expect.outcome)
      problems.push(
        `call ${n}: expected ${expect.outcome}, got ${got}${outcome instanceof Error ? ` (${outcome.message})` : ""}`,
      );
    if (expect.attempts !== undefined && outcome.attempts !== expect.attempts) {
      problems.push(`call ${n}: expected ${expect.attempts} attempts, got ${outcome.attempts}`);
    }
    if (outcome instanceof HttpError) {
      if (expect.status !== undefined && outcome.status !== expect.status)
        problems.push(`call ${n}: expected status ${expect.status}, got ${outcome.status}`);
      if (expect.message !== undefined && !(outcome.messages[0] ?? "").includes(expect.message)) {
        problems.push(
          `call ${n}: expected a message with "${expect.message}", got ${JSON.stringify(outcome.messages)}`,
        );
      }
      if (expect.retryAfter !== undefined && outcome.retryAfter !== expect.retryAfter) {
        problems.push(`call ${n}: expected retryAfter ${expect.retryAfter}, got ${String(outcome.retryAfter)}`);
      }
    }
  });
  const totalAttempts = attempts.reduce((a, b) => a + b, 0);
  if (expect.totalAttempts !== undefined && totalAttempts !== expect.totalAttempts) {
    problems.push(`expected ${expect.totalAttempts} attempts in all, got ${totalAttempts}`);
  }

  const succeeded = outcomes.filter((outcome) => !(outcome instanceof CustomersError)).length;
  const { lost, duplicated, appliedThoughFailed } = countLostAndDuplicated(target, made);
  if (appliedThoughFailed > 0) problems.push(`${appliedThoughFailed} call(s) reported failed were applied`);

  const entryStats = entry.stats();
  const targetStats = target.stats();
  // Every attempt the client made reached the first simulator exactly once (no hidden retries below the client)…
  const regionLookups = scenario.client?.region === "auto" ? 1 + entryStats.byKind.status : 0;
  if (entryStats.received !== totalAttempts + regionLookups) {
    problems.push(`the simulator received ${entryStats.received} requests for ${totalAttempts} attempts`);
  }
  // …and was applied once per successful call, never on a faulted attempt.
  if (targetStats.applied !== succeeded)
    problems.push(`${targetStats.applied} requests applied for ${succeeded} successful calls`);
  if (target !== entry && entryStats.applied !== 0)
    problems.push(`the US host applied ${entryStats.applied} requests it redirected`);

  if (scenario.via === "us-host") problems.push(...checkRouting(scenario, seen, totalAttempts));
  if (lost > 0) problems.push(`${lost} update(s) lost`);
  if (duplicated > 0) problems.push(`${duplicated} update(s) duplicated`);

  return {
    name: scenario.name,
    kinds: scenario.kinds,
    survived: problems.length === 0,
    problems,
    calls,
    succeeded,
    attempts,
    received: entryStats.received,
    faulted: entryStats.faulted,
    applied: targetStats.applied,
    lost,
    duplicated,
  };
}

/** Credentials went only where they may: the US host, the EU host; never anywhere else. */
function checkRouting(scenario: FaultScenario, seen: readonly Routed[], totalAttempts: number): string[] {
  const problems: string[] = [];
  const credential = basicHeader(SITE_ID, API_KEY);
  for (const request of seen) {
    if (request.host !== "track.customer.io" && request.host !== "track-eu.customer.io") {
      problems.push(
        `a request went to ${request.host}${request.authorization === null ? "" : " WITH the credentials"}`,
      );
    }
    if (request.authorization !== credential)
      problems.push(`a request to ${request.host} lacked the right credentials`);
  }
  const toEu = seen.filter((request) => request.host === "track-eu.customer.io");
  if (scenario.euSimulator === true && toEu.length !== totalAttempts)
    problems.push(`${toEu.length} requests reached the EU host for ${totalAttempts} attempts`);
  if (
    scenario.euSimulator === true &&
    !toEu.every(
      (request) => request.method === "PUT" && request.url.startsWith("https://track-eu.customer.io/api/v1/customers/"),
    )
  ) {
    problems.push("the redirected request lost its method or path");
  }
  return problems;
}

/** One call as made: who it was about, what it sent, and what the client reported. */
export interface MadeCall {
  person: string;
  attributes: Record<string, string | number>;
  outcome: IdentifyResult | CustomersError;
}

/**
 * Lost and duplicated updates. A successful call is lost when one of its attributes does not hold the value it
 * sent, although no later successful call for the same person set that attribute (its marker is gone, or an
 * older call overwrote it). Duplicates: per person, summary entries (one per applied request) beyond the number
 * of markers present.
 */
export function countLostAndDuplicated(
  sim: Simulator,
  calls: readonly MadeCall[],
): { lost: number; duplicated: number; appliedThoughFailed: number } {
  let lost = 0;
  let appliedThoughFailed = 0;
  const markersPresent = new Map<string, number>();
  calls.forEach((call, n) => {
    const person = sim.person({ id: call.person });
    const attributes = person?.attributes ?? {};
    const present = attributes[`mark_${n}`] === n;
    if (present) markersPresent.set(call.person, (markersPresent.get(call.person) ?? 0) + 1);
    if (call.outcome instanceof CustomersError) {
      if (present) appliedThoughFailed += 1;
      return;
    }
    const laterSets = (name: string) =>
      calls.some(
        (later, m) =>
          m > n &&
          later.person === call.person &&
          !(later.outcome instanceof CustomersError) &&
          name in later.attributes,
      );
    const intact = Object.entries(call.attributes).every(
      ([name, value]) => laterSets(name) || attributes[name] === value,
    );
    if (!intact) lost += 1;
  });
  let duplicated = 0;
  for (const [id, markers] of markersPresent) {
    const cioId = sim.person({ id })?.cio_id;
    const summaries = sim
      .activity()
      // An entry that changed nothing (the same request delivered twice) is not a duplicated update.
      .filter(
        (entry) =>
          entry.cio_id === cioId &&
          (entry.type === "person_created" || entry.type === "attributes_updated") &&
          entry.changed?.length !== 0,
      ).length;
    duplicated += Math.max(0, summaries - markers);
  }
  return { lost, duplicated, appliedThoughFailed };
}

/** Waits (polling, bounded) until the simulator has applied `count` requests; false if it never did. */
export async function appliedCount(sim: Simulator, count: number, limitMs = 5_000): Promise<boolean> {
  for (let waited = 0; waited <= limitMs; waited += 10) {
    if (sim.stats().applied >= count) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

/**
 * An attempt that times out client-side can still reach the server, late. Call A meets 1,500 ms of latency with
 * `timeoutMs: 150`: the client gives up, retries, and A's retry succeeds; call B (same person, later) succeeds;
 * then the abandoned first attempt of A arrives, after B. With default options the client stamps `_timestamp`
 * and gives B a larger stamp than A (stamps for one person strictly increase), so the server keeps B's values
 * and the late attempt changes nothing. With `stampTimestamps: false` the server applies it and B's value is
 * overwritten (lost), and A's change is applied a second time.
 */
export async function runLateAttempt(
  loop: Loopback,
  options: { stampTimestamps?: boolean } = {},
): Promise<{ lost: number; duplicated: number; plan: unknown; attempts: number[]; settled: boolean }> {
  const sim = loop.us.simulator;
  sim.reset();
  // Long enough that A's retry and all of B are done first even on a loaded machine (they take a few ms when idle;
  // at 600 ms a run under a load average of 12 saw the late attempt land before B).
  sim.injectFault({ kind: "latency", ms: 1_500, times: 1, route: "identify" });
  const client = createCustomersClient({
    siteId: SITE_ID,
    apiKey: API_KEY,
    baseUrl: loop.us.url,
    timeoutMs: 150,
    retry: FAST_RETRY,
    ...options,
  });
  const calls: MadeCall[] = [];
  for (const [n, plan] of ["A", "B"].entries()) {
    const attributes = { [`mark_${n}`]: n, plan };
    try {
      calls.push({
        person: "late-attempt",
        attributes,
        outcome: await client.identify({ id: "late-attempt" }, attributes),
      });
    } catch (error) {
      if (!(error instanceof CustomersError)) throw error;
      calls.push({ person: "late-attempt", attributes, outcome: error });
    }
  }
  // The abandoned attempt is still sleeping in the simulator: wait until it has been handled.
  const settled = await appliedCount(sim, 3);
  const { lost, duplicated } = countLostAndDuplicated(sim, calls);
  return {
    lost,
    duplicated,
    plan: sim.person({ id: "late-attempt" })?.attributes["plan"],
    attempts: calls.map((c) => c.outcome.attempts),
    settled,
  };
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
