/**
 * Faults on demand: the failures a client meets on the way to Customer.io, injected into Track API routes so
 * that retries, timeouts, error parsing and redirects can be tested against a real workspace.
 *
 * What can be injected (a {@link FaultSpec}, by `kind`):
 * - `latency`: waits `ms` before the request is handled; the request then proceeds and is applied normally.
 * - `status`: answers 429 (with `Retry-After`), 500, 502, 503 or 504 with the JSON error envelope.
 * - `reset`: the connection breaks before any answer. In-process the fetch rejects with a TypeError, as fetch
 *   does on a reset; behind serveSimulator() the socket is destroyed with a TCP reset.
 * - `truncate`: the headers promise a JSON body of N bytes and only half of it arrives. In-process, reading the
 *   body fails with a TypeError; over a socket, Content-Length is N, fewer bytes are sent, the socket is closed.
 * - `html`: a proxy's HTML error page (502 by default, `text/html`), which a JSON-only client cannot parse.
 * - `redirect`: the US→EU redirect an EU workspace gets on the US host: 301 (or 302, 307, 308) with `Location`
 *   set to `to` followed by the request's own path and query.
 *
 * When a fault fires: on the next `times` matching requests; or on each matching request with `probability`,
 * drawn from a PRNG seeded with `seed` (default 1), so a run is the same every time; or both (at most `times`
 * firings); or, with neither, on every matching request until the faults are cleared. `route` limits a fault
 * to `identify` (PUT /api/v1/customers/…) or `region` (GET /api/v1/accounts/region); by default every Track API
 * route is eligible, except for `redirect`, which defaults to `identify` (every host answers the region lookup).
 *
 * Faults are tried in the order they were injected. Every latency fault that fires adds its wait; the first
 * other fault that fires answers the request, and later ones are not consulted (nor do they use up a firing
 * or a random draw). A request answered by a fault is never applied: the workspace and the activity log do not
 * change. The inspection API (`/__simulator/…`) never sees a fault.
 *
 * The counters (`stats()`) let tests check that nothing was applied twice: Track API requests received, faults
 * that answered, and identify calls applied to the workspace.
 *
 * Web-standard APIs only (setTimeout, Response, ReadableStream), like the rest of the handler; the socket-level
 * halves of `reset` and `truncate` live in server.ts, which asks {@link isConnectionReset} and
 * {@link truncationOf} what to do.
 */
import { JSON_CONTENT_TYPE } from "./http.js";

export type FaultRoute = "identify" | "region" | "any";
export type FaultKind = "latency" | "status" | "reset" | "truncate" | "html" | "redirect";

/** When a fault fires; see the file's description. */
export interface FaultTiming {
  /** Fire on the next this many matching requests, then remove the fault. */
  times?: number;
  /** Fire on each matching request with this chance (0 < p ≤ 1), drawn from a PRNG seeded with `seed`. */
  probability?: number;
  /** Seed of the PRNG behind `probability`. Default 1. */
  seed?: number;
  /** Which Track API route the fault applies to. Default `any` (`identify` for `redirect`). */
  route?: FaultRoute;
}

export interface LatencyFault extends FaultTiming {
  kind: "latency";
  /** Milliseconds to wait before handling the request (at most 60 000). */
  ms: number;
}

export interface StatusFault extends FaultTiming {
  kind: "status";
  status: 429 | 500 | 502 | 503 | 504;
  /** `Retry-After` in whole seconds. Default 1 for 429, none for the others. */
  retryAfter?: number;
}

export interface ResetFault extends FaultTiming {
  kind: "reset";
}

export interface TruncateFault extends FaultTiming {
  kind: "truncate";
  /** The status whose JSON body is cut off. Default 200 (a body of `{}`: the nastiest case for a client). */
  status?: 200 | 500 | 502 | 503;
}

export interface HtmlFault extends FaultTiming {
  kind: "html";
  /** Default 502. */
  status?: 502 | 503 | 504;
}

export interface RedirectFault extends FaultTiming {
  kind: "redirect";
  /** Origin (with an optional path prefix) to send the client to, e.g. `https://track-eu.customer.io`. */
  to: string;
  /** Default 301. */
  status?: 301 | 302 | 307 | 308;
}

export type FaultSpec = LatencyFault | StatusFault | ResetFault | TruncateFault | HtmlFault | RedirectFault;

/** A fault in force, as listed by `faults()` and `GET /__simulator/faults`. */
export interface ActiveFault {
  /** Unique within the simulator's life (not reused after clearFaults() or reset()). */
  id: number;
  spec: FaultSpec;
  /** How many requests it has answered (or delayed) so far. */
  fired: number;
  /** Firings left, for a fault given `times`. */
  remaining?: number;
}

/** Counters since the simulator started or was last reset. */
export interface SimulatorStats {
  /** Track API requests received (identify and region lookup), faulted or not. */
  received: number;
  /** Identify requests applied to the workspace (one `request` number each in the activity log). */
  applied: number;
  /** Requests answered by a fault (latency not included: a delayed request is still handled). */
  faulted: number;
  /** Requests delayed by a latency fault. */
  delayed: number;
  /** Firings per kind of fault. */
  byKind: Record<FaultKind, number>;
}

/** A fault spec that cannot be used; `problems` names each reason. */
export class FaultSpecError extends Error {
  override name = "FaultSpecError";
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid fault: ${problems.join("; ")}`);
    this.problems = problems;
  }
}

/**
 * The rejection of an in-process fetch whose connection was "reset": a TypeError, as WHATWG fetch rejects on
 * any network failure, with a cause carrying the `ECONNRESET` code Node would report. server.ts turns it into
 * a real reset of the socket.
 */
export class SimulatedConnectionReset extends TypeError {
  constructor() {
    super("fetch failed", { cause: Object.assign(new Error("the simulator reset the connection (fault injected)"), { code: "ECONNRESET" }) });
  }
}

export function isConnectionReset(error: unknown): error is SimulatedConnectionReset {
  return error instanceof SimulatedConnectionReset;
}

/** What server.ts must send for a truncated response: the length the headers promise, and the bytes to send. */
export interface Truncation {
  promisedLength: number;
  head: Uint8Array;
}

const truncations = new WeakMap<Response, Truncation>();

/** The truncation behind a response answered by a `truncate` fault, if it is one. */
export function truncationOf(response: Response): Truncation | undefined {
  return truncations.get(response);
}

const KINDS: readonly FaultKind[] = ["latency", "status", "reset", "truncate", "html", "redirect"];
const ROUTES: readonly FaultRoute[] = ["identify", "region", "any"];
const ALLOWED: Record<FaultKind, { statuses?: readonly number[]; fields: readonly string[] }> = {
  latency: { fields: ["ms"] },
  status: { statuses: [429, 500, 502, 503, 504], fields: ["status", "retryAfter"] },
  reset: { fields: [] },
  truncate: { statuses: [200, 500, 502, 503], fields: ["status"] },
  html: { statuses: [502, 503, 504], fields: ["status"] },
  redirect: { statuses: [301, 302, 307, 308], fields: ["to", "status"] },
};
const TIMING_FIELDS = ["kind", "times", "probability", "seed", "route"];
const MAX_LATENCY_MS = 60_000;

/**
 * Checks a fault spec (from code or from the HTTP route) and returns a clean copy; throws a FaultSpecError
 * naming every problem. The HTTP route checks the shape against openapi/simulator.yaml first; this adds the
 * rules a schema states less clearly (which fields go with which kind, a usable redirect target).
 */
export function checkFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new FaultSpecError(["a fault must be an object"]);
  const input = value as Record<string, unknown>;
  const kind = input["kind"];
  if (typeof kind !== "string" || !KINDS.includes(kind as FaultKind)) {
    throw new FaultSpecError([`kind must be one of ${KINDS.join(", ")}`]);
  }
  const rule = ALLOWED[kind as FaultKind];
  const problems: string[] = [];
  for (const key of Object.keys(input)) {
    if (!TIMING_FIELDS.includes(key) && !rule.fields.includes(key)) problems.push(`${key} does not apply to a ${kind} fault`);
  }
  const timing: FaultTiming = {};
  const times = input["times"];
  if (times !== undefined) {
    if (!Number.isSafeInteger(times) || (times as number) < 1) problems.push("times must be a whole number from 1");
    else timing.times = times as number;
  }
  const probability = input["probability"];
  if (probability !== undefined) {
    if (typeof probability !== "number" || !(probability > 0 && probability <= 1)) problems.push("probability must be a number above 0 and at most 1");
    else timing.probability = probability;
  }
  const seed = input["seed"];
  if (seed !== undefined) {
    if (!Number.isSafeInteger(seed)) problems.push("seed must be a whole number");
    else timing.seed = seed as number;
  }
  const route = input["route"];
  if (route !== undefined) {
    if (typeof route !== "string" || !ROUTES.includes(route as FaultRoute)) problems.push(`route must be one of ${ROUTES.join(", ")}`);
    else timing.route = route as FaultRoute;
  }
  const status = input["status"];
  if (status !== undefined && !(rule.statuses ?? []).includes(status as number)) {
    problems.push(`status of a ${kind} fault must be one of ${(rule.statuses ?? []).join(", ")}`);
  }

  let spec: FaultSpec | undefined;
  switch (kind as FaultKind) {
    case "latency": {
      const ms = input["ms"];
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0 || ms > MAX_LATENCY_MS) {
        problems.push(`ms must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`);
      } else spec = { kind: "latency", ms, ...timing };
      break;
    }
    case "status": {
      const retryAfter = input["retryAfter"];
      if (status === undefined) problems.push("a status fault needs a status");
      if (retryAfter !== undefined && (!Number.isSafeInteger(retryAfter) || (retryAfter as number) < 0)) {
        problems.push("retryAfter must be a whole number of seconds, 0 or more");
      }
      spec = { kind: "status", status: status as StatusFault["status"], ...(retryAfter !== undefined && { retryAfter: retryAfter as number }), ...timing };
      break;
    }
    case "reset":
      spec = { kind: "reset", ...timing };
      break;
    case "truncate":
      spec = { kind: "truncate", ...(status !== undefined && { status: status as NonNullable<TruncateFault["status"]> }), ...timing };
      break;
    case "html":
      spec = { kind: "html", ...(status !== undefined && { status: status as NonNullable<HtmlFault["status"]> }), ...timing };
      break;
    case "redirect": {
      const to = input["to"];
      const problem = redirectTargetProblem(to);
      if (problem !== undefined) problems.push(problem);
      spec = { kind: "redirect", to: String(to).replace(/\/+$/, ""), ...(status !== undefined && { status: status as NonNullable<RedirectFault["status"]> }), ...timing };
      break;
    }
  }
  if (problems.length > 0 || spec === undefined) throw new FaultSpecError(problems);
  return spec;
}

function redirectTargetProblem(to: unknown): string | undefined {
  if (typeof to !== "string" || to === "") return "to must be an absolute http(s) URL, e.g. https://track-eu.customer.io";
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    return "to must be an absolute http(s) URL, e.g. https://track-eu.customer.io";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "to must use http or https";
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    return "to must be an origin (with an optional path prefix): no query, fragment or credentials";
  }
  return undefined;
}

interface Slot {
  id: number;
  spec: FaultSpec;
  fired: number;
  remaining: number | undefined;
  random: () => number;
}

/** The fault list and the request counters of one simulator. */
export class FaultInjector {
  readonly #initial: readonly FaultSpec[];
  #slots: Slot[] = [];
  #nextId = 1;
  #stats = emptyStats();
  readonly #sleep: (ms: number) => Promise<void>;

  /** `initial` are checked here (throwing a FaultSpecError) and come back on every reset(). */
  constructor(initial: readonly FaultSpec[] = [], sleep: (ms: number) => Promise<void> = defaultSleep) {
    this.#initial = initial.map((spec) => checkFaultSpec(spec));
    this.#sleep = sleep;
    this.reset();
  }

  /** Adds a fault after those already in force. */
  inject(spec: FaultSpec): ActiveFault {
    return view(this.#add(checkFaultSpec(spec)));
  }

  /** Adds several faults, all or none: every spec is checked before any is added. */
  injectAll(specs: readonly unknown[]): ActiveFault[] {
    const checked: FaultSpec[] = [];
    const problems: string[] = [];
    specs.forEach((spec, index) => {
      try {
        checked.push(checkFaultSpec(spec));
      } catch (error) {
        if (!(error instanceof FaultSpecError)) throw error;
        problems.push(...error.problems.map((problem) => `faults[${index}]: ${problem}`));
      }
    });
    if (problems.length > 0) throw new FaultSpecError(problems);
    return checked.map((spec) => view(this.#add(spec)));
  }

  list(): ActiveFault[] {
    return this.#slots.map(view);
  }

  clear(): void {
    this.#slots = [];
  }

  /** Back to the faults given at creation, with fresh PRNGs, and counters at zero. */
  reset(): void {
    this.#slots = [];
    for (const spec of this.#initial) this.#add(spec);
    this.#stats = emptyStats();
  }

  stats(): SimulatorStats {
    return { ...this.#stats, byKind: { ...this.#stats.byKind } };
  }

  /** Counts an identify request applied to the workspace. */
  noteApplied(): void {
    this.#stats.applied += 1;
  }

  /**
   * Runs the faults for one Track API request: waits for latency faults that fire, then returns the answer of
   * the first other fault that fires, or undefined to let the request be handled. Rejects with a
   * {@link SimulatedConnectionReset} for a `reset`.
   */
  async intercept(request: Request, url: URL, route: Exclude<FaultRoute, "any">): Promise<Response | undefined> {
    this.#stats.received += 1;
    let delay = 0;
    let answer: Exclude<FaultSpec, LatencyFault> | undefined;
    for (const slot of [...this.#slots]) {
      const { spec } = slot;
      if (!appliesTo(spec, route) || !this.#fires(slot)) continue;
      this.#stats.byKind[spec.kind] += 1;
      if (spec.kind === "latency") {
        delay += spec.ms;
        continue;
      }
      answer = spec;
      break;
    }
    if (delay > 0) {
      this.#stats.delayed += 1;
      await this.#sleep(delay);
    }
    if (answer === undefined) return undefined;
    this.#stats.faulted += 1;
    // The body is not read: a faulted request is dropped before the Track API sees it.
    await request.body?.cancel().catch(() => undefined);
    return respond(answer, url);
  }

  #add(spec: FaultSpec): Slot {
    const slot: Slot = { id: this.#nextId++, spec, fired: 0, remaining: spec.times, random: mulberry32(spec.seed ?? 1) };
    this.#slots.push(slot);
    return slot;
  }

  /** Whether a fault fires on this request; uses up one firing (and one random draw, with `probability`). */
  #fires(slot: Slot): boolean {
    if (slot.spec.probability !== undefined && slot.random() >= slot.spec.probability) return false;
    slot.fired += 1;
    if (slot.remaining !== undefined) {
      slot.remaining -= 1;
      if (slot.remaining <= 0) this.#slots = this.#slots.filter((other) => other !== slot);
    }
    return true;
  }
}

function appliesTo(spec: FaultSpec, route: Exclude<FaultRoute, "any">): boolean {
  const wanted = spec.route ?? (spec.kind === "redirect" ? "identify" : "any");
  return wanted === "any" || wanted === route;
}

function view(slot: Slot): ActiveFault {
  return { id: slot.id, spec: { ...slot.spec }, fired: slot.fired, ...(slot.remaining !== undefined && { remaining: slot.remaining }) };
}

function emptyStats(): SimulatorStats {
  return { received: 0, applied: 0, faulted: 0, delayed: 0, byKind: { latency: 0, status: 0, reset: 0, truncate: 0, html: 0, redirect: 0 } };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small, fast PRNG with a 32-bit state: the same seed gives the same draws on every runtime. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REASONS: Record<number, string> = {
  200: "OK",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function faultEnvelope(status: number): string {
  return JSON.stringify({ meta: { error: `${REASONS[status] ?? "Error"} (a fault injected by the simulator)` } });
}

/** The answer of a fault that fired (latency never gets here). */
function respond(spec: Exclude<FaultSpec, LatencyFault>, url: URL): Response {
  switch (spec.kind) {
    case "status": {
      const retryAfter = spec.retryAfter ?? (spec.status === 429 ? 1 : undefined);
      const headers: Record<string, string> = { "content-type": JSON_CONTENT_TYPE };
      if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
      return new Response(faultEnvelope(spec.status), { status: spec.status, headers });
    }
    case "reset":
      throw new SimulatedConnectionReset();
    case "truncate":
      return truncated(spec.status ?? 200);
    case "html": {
      const status = spec.status ?? 502;
      const title = `${status} ${REASONS[status] ?? "Error"}`;
      const page = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The proxy in front of the API could not get an answer (a fault injected by the simulator).</p></body></html>\n`;
      return new Response(page, { status, headers: { "content-type": "text/html; charset=utf-8" } });
    }
    case "redirect": {
      const location = `${spec.to}${url.pathname}${url.search}`;
      const status = spec.status ?? 301;
      const body = JSON.stringify({ errors: [{ status: String(status), detail: `This workspace is served by ${new URL(spec.to).host}` }] });
      return new Response(body, { status, headers: { location, "content-type": JSON_CONTENT_TYPE } });
    }
  }
}

/** A JSON answer whose body stops halfway: the stream fails as fetch's does when the connection drops. */
function truncated(status: number): Response {
  const full = new TextEncoder().encode(status === 200 ? "{}" : faultEnvelope(status));
  const head = full.slice(0, Math.floor(full.byteLength / 2));
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head.slice());
    },
    pull(controller) {
      controller.error(new TypeError("terminated", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }));
    },
  });
  const response = new Response(body, {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, "content-length": String(full.byteLength) },
  });
  truncations.set(response, { promisedLength: full.byteLength, head });
  return response;
}
