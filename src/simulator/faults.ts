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
 * * The counters (`stats()`) let tests check that nothing was applied twice: Track API requests received, faults
 * that answered, and identify calls applied to the workspace.
 *
 * Web-standard APIs only (setTimeout), like the rest of the simulator's core. A fault's answer is a plain
 * {@link Answer}; turning it into a WHATWG Response (a body stream that fails, for `truncate`) is handler.ts's
 * job, and the socket-level halves of `reset` and `truncate` are server.ts's, which asks
 * {@link isConnectionReset} and reads {@link Answer.truncation}.
 *
 * The shapes of a fault and their checks are in fault-spec.ts.
 */
import {
  checkFaultSpec,
  FaultSpecError,
  type ActiveFault,
  type FaultRoute,
  type FaultSpec,
  type LatencyFault,
  type SimulatorStats,
} from "./fault-spec.js";
import { JSON_CONTENT_TYPE, type Answer } from "./http.js";
import { problem, type Problem } from "../problem.js";

export * from "./fault-spec.js";

/** A fault that answers a request in the handler's place: every kind but latency. */
export type AnsweringFault = Exclude<FaultSpec, LatencyFault>;

/**
 * The rejection of an in-process fetch whose connection was "reset": a TypeError, as WHATWG fetch rejects on
 * any network failure, with a cause carrying the `ECONNRESET` code Node would report. server.ts turns it into
 * a real reset of the socket.
 */
export class SimulatedConnectionReset extends TypeError {
  constructor() {
    super("fetch failed", {
      cause: Object.assign(new Error("the simulator reset the connection (fault injected)"), { code: "ECONNRESET" }),
    });
  }
}

export function isConnectionReset(error: unknown): error is SimulatedConnectionReset {
  return error instanceof SimulatedConnectionReset;
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
    const problems: Problem[] = [];
    specs.forEach((spec, index) => {
      try {
        checked.push(checkFaultSpec(spec));
      } catch (error) {
        if (!(error instanceof FaultSpecError)) throw error;
        problems.push(
          ...error.problems.map(({ code, path, message }) =>
            problem(code, ["faults", index, ...path], `faults[${index}]: ${message}`),
          ),
        );
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
   * Runs the faults for one Track API request: counts it, waits for the latency faults that fire, then gives
   * the first other fault that fires (answer it with {@link faultAnswer}), or undefined to let the request be
   * handled. With no fault in force it returns undefined at once, without a promise: that is every request of
   * a load test, so it should cost nothing.
   */
  intercept(route: Exclude<FaultRoute, "any">): Promise<AnsweringFault | undefined> | undefined {
    this.#stats.received += 1;
    return this.#slots.length === 0 ? undefined : this.#run(route);
  }

  async #run(route: Exclude<FaultRoute, "any">): Promise<AnsweringFault | undefined> {
    let delay = 0;
    let answer: AnsweringFault | undefined;
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
    if (answer !== undefined) this.#stats.faulted += 1;
    return answer;
  }

  #add(spec: FaultSpec): Slot {
    const slot: Slot = {
      id: this.#nextId++,
      spec,
      fired: 0,
      remaining: spec.times,
      random: mulberry32(spec.seed ?? 1),
    };
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
  return {
    id: slot.id,
    spec: { ...slot.spec },
    fired: slot.fired,
    ...(slot.remaining !== undefined && { remaining: slot.remaining }),
  };
}

function emptyStats(): SimulatorStats {
  return {
    received: 0,
    applied: 0,
    faulted: 0,
    delayed: 0,
    byKind: { latency: 0, status: 0, reset: 0, truncate: 0, html: 0, redirect: 0 },
  };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small, fast PRNG with a 32-bit state: the same seed gives the same draws on every runtime. */
export function mulberry32(seed: number): () => number {
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

/**
 * The answer of a fault that fired, for a request to `path` with the query `search` (which a redirect repeats).
 * Throws a {@link SimulatedConnectionReset} for `reset`.
 */
export function faultAnswer(spec: AnsweringFault, path: string, search: string): Answer {
  switch (spec.kind) {
    case "status": {
      const retryAfter = spec.retryAfter ?? (spec.status === 429 ? 1 : undefined);
      const headers: Record<string, string> = { "content-type": JSON_CONTENT_TYPE };
      if (retryAfter !== undefined) headers["retry-after"] = String(retryAfter);
      return { status: spec.status, headers, body: faultEnvelope(spec.status) };
    }
    case "reset":
      throw new SimulatedConnectionReset();
    case "truncate":
      return truncated(spec.status ?? 200);
    case "html": {
      const status = spec.status ?? 502;
      const title = `${status} ${REASONS[status] ?? "Error"}`;
      const page = `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><h1>${title}</h1><p>The proxy in front of the API could not get an answer (a fault injected by the simulator).</p></body></html>\n`;
      return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: page };
    }
    case "redirect": {
      const location = `${spec.to}${path}${search}`;
      const status = spec.status ?? 301;
      const body = JSON.stringify({
        errors: [{ status: String(status), detail: `This workspace is served by ${new URL(spec.to).host}` }],
      });
      return { status, headers: { location, "content-type": JSON_CONTENT_TYPE }, body };
    }
  }
}

/** A JSON answer whose headers promise the whole body and whose `truncation` says only its first half is sent. */
function truncated(status: number): Answer {
  const body = status === 200 ? "{}" : faultEnvelope(status);
  const full = new TextEncoder().encode(body);
  return {
    status,
    headers: { "content-type": JSON_CONTENT_TYPE, "content-length": String(full.byteLength) },
    body,
    truncation: { promisedLength: full.byteLength, head: full.slice(0, Math.floor(full.byteLength / 2)) },
  };
}
