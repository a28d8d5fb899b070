/**
 * What a fault is: the specs callers give (in code or over `POST /__simulator/faults`), the views and counters
 * they read back, and the checks a spec must pass. faults.ts describes what each kind does and when it fires;
 * this file only defines and checks the shapes.
 */
import { problem, type Problem } from "../problem.js";
import { messagesOf, SimulatorOptionError } from "./errors.js";

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
export class FaultSpecError extends SimulatorOptionError {
  override name = "FaultSpecError";

  constructor(problems: readonly Problem[]) {
    super("invalid_fault", problems, `Invalid fault: ${messagesOf(problems)}`);
  }
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
const invalid = (field: string, message: string): Problem => problem("invalid_value", [field], message);
const TIMING_FIELDS = ["kind", "times", "probability", "seed", "route"];
const MAX_LATENCY_MS = 60_000;

/**
 * Checks a fault spec (from code or from the HTTP route) and returns a clean copy; throws a FaultSpecError
 * naming every problem. The HTTP route checks the shape against openapi/simulator.yaml first; this adds the
 * rules a schema states less clearly (which fields go with which kind, a usable redirect target).
 */
export function checkFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new FaultSpecError([problem("not_an_object", [], "a fault must be an object")]);
  const input = value as Record<string, unknown>;
  const kind = input["kind"];
  if (typeof kind !== "string" || !KINDS.includes(kind as FaultKind)) {
    throw new FaultSpecError([problem("invalid_value", ["kind"], `kind must be one of ${KINDS.join(", ")}`)]);
  }
  const problems = [...fieldProblems(input, kind as FaultKind), ...statusProblems(input, kind as FaultKind)];
  const timing = timingOf(input, problems);
  const spec = SPEC_OF[kind as FaultKind](input, timing, problems);
  if (problems.length > 0 || spec === undefined) throw new FaultSpecError(problems);
  return spec;
}

/** Fields that belong to neither the timing nor this kind. */
function fieldProblems(input: Record<string, unknown>, kind: FaultKind): Problem[] {
  const { fields } = ALLOWED[kind];
  return Object.keys(input)
    .filter((key) => !TIMING_FIELDS.includes(key) && !fields.includes(key))
    .map((key) => problem("unknown_field", [key], `${key} does not apply to a ${kind} fault`));
}

/** A status this kind of fault cannot answer with. */
function statusProblems(input: Record<string, unknown>, kind: FaultKind): Problem[] {
  const status = input["status"];
  const statuses = ALLOWED[kind].statuses ?? [];
  if (status === undefined || statuses.includes(status as number)) return [];
  return [problem("invalid_value", ["status"], `status of a ${kind} fault must be one of ${statuses.join(", ")}`)];
}

/** The timing fields every kind takes, each checked; a problem goes to `problems` and leaves the field out. */
function timingOf(input: Record<string, unknown>, problems: Problem[]): FaultTiming {
  const timing: FaultTiming = {};
  const { times, probability, seed, route } = input;
  if (times !== undefined) {
    if (!Number.isSafeInteger(times) || (times as number) < 1)
      problems.push(invalid("times", "times must be a whole number from 1"));
    else timing.times = times as number;
  }
  if (probability !== undefined) {
    if (typeof probability !== "number" || !(probability > 0 && probability <= 1))
      problems.push(invalid("probability", "probability must be a number above 0 and at most 1"));
    else timing.probability = probability;
  }
  if (seed !== undefined) {
    if (!Number.isSafeInteger(seed)) problems.push(invalid("seed", "seed must be a whole number"));
    else timing.seed = seed as number;
  }
  if (route !== undefined) {
    if (typeof route !== "string" || !ROUTES.includes(route as FaultRoute))
      problems.push(invalid("route", `route must be one of ${ROUTES.join(", ")}`));
    else timing.route = route as FaultRoute;
  }
  return timing;
}

type SpecBuilder = (input: Record<string, unknown>, timing: FaultTiming, problems: Problem[]) => FaultSpec | undefined;

/** The clean spec of each kind, from its own fields (the status already checked against the kind). */
const SPEC_OF: Record<FaultKind, SpecBuilder> = {
  latency(input, timing, problems) {
    const ms = input["ms"];
    if (typeof ms === "number" && Number.isFinite(ms) && ms >= 0 && ms <= MAX_LATENCY_MS)
      return { kind: "latency", ms, ...timing };
    problems.push(invalid("ms", `ms must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`));
    return undefined;
  },
  status(input, timing, problems) {
    const { status, retryAfter } = input;
    if (status === undefined) problems.push(problem("missing_field", ["status"], "a status fault needs a status"));
    if (retryAfter !== undefined && (!Number.isSafeInteger(retryAfter) || (retryAfter as number) < 0)) {
      problems.push(invalid("retryAfter", "retryAfter must be a whole number of seconds, 0 or more"));
    }
    return {
      kind: "status",
      status: status as StatusFault["status"],
      ...(retryAfter !== undefined && { retryAfter: retryAfter as number }),
      ...timing,
    };
  },
  reset: (_input, timing) => ({ kind: "reset", ...timing }),
  truncate: (input, timing) => ({ kind: "truncate", ...optionalStatus<TruncateFault>(input), ...timing }),
  html: (input, timing) => ({ kind: "html", ...optionalStatus<HtmlFault>(input), ...timing }),
  redirect(input, timing, problems) {
    const to = input["to"];
    const target = redirectTargetProblem(to);
    if (target !== undefined) problems.push(invalid("to", target));
    return {
      kind: "redirect",
      to: String(to).replace(/\/+$/, ""),
      ...optionalStatus<RedirectFault>(input),
      ...timing,
    };
  },
};

function optionalStatus<F extends { status?: number }>(input: Record<string, unknown>): Pick<F, "status"> {
  const status = input["status"];
  return (status === undefined ? {} : { status }) as Pick<F, "status">;
}

function redirectTargetProblem(to: unknown): string | undefined {
  if (typeof to !== "string" || to === "")
    return "to must be an absolute http(s) URL, e.g. https://track-eu.customer.io";
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
