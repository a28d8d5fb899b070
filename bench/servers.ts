/**
 * Server throughput: the same identify load against (a) the simulator served over HTTP, (b) the bare node:http
 * floor answering `{}`, and (c) Prism mocking openapi/customers.yaml, each in its own child process. Each target
 * gets a short warm-up, then rounds interleave the targets (a different one first each round); the report takes
 * the median over rounds of req/s and of p50 and p99 latency.
 */
import { DEFAULT_API_KEY, DEFAULT_SITE_ID } from "../src/simulator/index.js";
import { autocannonLoad, builtinLoad, type Generator, type LoadStats, type LoadTarget } from "./load.js";
import type { Autocannon } from "./peers.js";
import { overRounds, ratio, rotate, round } from "./stats.js";

export type ServerName = "simulator" | "bare" | "prism";

export interface ServerThroughputOptions {
  targets: { name: ServerName; url: string }[];
  /** Why a target is missing (e.g. Prism without the peers), for the report. */
  skipped?: string[];
  connections: number;
  rounds: number;
  /** autocannon: seconds per run and per warm-up; builtin: requests per run and per warm-up. */
  generator:
    | { kind: "autocannon"; autocannon: Autocannon; durationSec: number; warmupSec: number }
    | { kind: "builtin"; requests: number; warmupRequests: number };
}

export interface ServerResult {
  name: ServerName;
  /** Medians over rounds. */
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Totals over rounds (warm-up excluded). */
  requests: number;
  non2xx: number;
  errors: number;
  rounds: LoadStats[];
}

export interface ServerThroughputResult {
  generator: Generator;
  connections: number;
  rounds: number;
  /** Seconds per run (autocannon) or requests per run (builtin). */
  perRun: { durationSec: number } | { requests: number };
  servers: ServerResult[];
  ratios: {
    /** simulator req/s ÷ bare req/s (goal ≥ 0.5). */
    simulatorVsBare: number;
    /** simulator req/s ÷ Prism req/s (goal ≥ 10). */
    simulatorVsPrism?: number;
  };
  skipped: string[];
}

export const SIMULATOR_AUTHORIZATION = `Basic ${Buffer.from(`${DEFAULT_SITE_ID}:${DEFAULT_API_KEY}`).toString("base64")}`;

export async function measureServers(
  options: ServerThroughputOptions,
  log: (line: string) => void = () => undefined,
): Promise<ServerThroughputResult> {
  const g = options.generator;
  let runs = 0;
  const load = async (url: string, warm: boolean): Promise<LoadStats> => {
    const target: LoadTarget = {
      url,
      idPrefix: `${g.kind}-${runs++}`,
      authorization: SIMULATOR_AUTHORIZATION,
      connections: options.connections,
    };
    if (g.kind === "autocannon") return autocannonLoad(g.autocannon, target, warm ? g.warmupSec : g.durationSec);
    return builtinLoad(target, warm ? g.warmupRequests : g.requests);
  };
  for (const target of options.targets) await load(target.url, true);
  const samples = new Map<ServerName, LoadStats[]>(options.targets.map((t) => [t.name, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (const target of rotate(options.targets, r)) {
      const stats = await load(target.url, false);
      samples.get(target.name)?.push(stats);
      log(
        `  ${g.kind} round ${r + 1}/${options.rounds} ${target.name}: ${Math.round(stats.reqPerSec)} req/s, p50 ${stats.p50Ms.toFixed(2)} ms, p99 ${stats.p99Ms.toFixed(2)} ms${stats.non2xx || stats.errors ? `, ${stats.non2xx} non-2xx, ${stats.errors} errors` : ""}`,
      );
    }
  }
  const servers: ServerResult[] = options.targets.map(({ name }) => {
    const list = samples.get(name) ?? [];
    const summary = overRounds(list, { reqPerSec: 1, p50Ms: 3, p99Ms: 3, durationSec: 3 });
    const { reqPerSec, p50Ms, p99Ms } = summary.medians;
    const total = (field: "requests" | "non2xx" | "errors") => list.reduce((sum, s) => sum + s[field], 0);
    return {
      name,
      reqPerSec,
      p50Ms,
      p99Ms,
      requests: total("requests"),
      non2xx: total("non2xx"),
      errors: total("errors"),
      rounds: summary.rounds,
    };
  });
  const find = (name: ServerName) => servers.find((s) => s.name === name);
  const simulator = find("simulator");
  const bare = find("bare");
  const prism = find("prism");
  if (!simulator || !bare) throw new Error("server throughput: the simulator and the bare server are both required");
  return {
    generator: g.kind,
    connections: options.connections,
    rounds: options.rounds,
    perRun: g.kind === "autocannon" ? { durationSec: g.durationSec } : { requests: g.requests },
    servers,
    ratios: {
      simulatorVsBare: round(ratio(simulator.reqPerSec, bare.reqPerSec), 3),
      ...(prism ? { simulatorVsPrism: round(ratio(simulator.reqPerSec, prism.reqPerSec), 2) } : {}),
    },
    skipped: options.skipped ?? [],
  };
}
