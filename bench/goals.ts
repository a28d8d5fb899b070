/** The benchmark's goals, checked against one run's results. A goal whose peer was not measured is `met: null`. */
import type { ClientOverheadResult } from "./client-overhead.js";
import type { ImportResult } from "./import.js";
import type { ServerThroughputResult } from "./servers.js";
import type { ScaleResult } from "./scale.js";
import type { SizeResult } from "./size.js";

export interface Goal {
  id: string;
  description: string;
  target: string;
  actual: string;
  /** null: not measured in this run (a peer was missing). */
  met: boolean | null;
}

/** Peak RSS of the largest import at most this many times that of the smallest counts as flat. */
export const FLAT_RSS_GROWTH = 1.2;
/** The simulator at scale: memory per stored person (1 KB) and the longest any request may wait for another. */
export const SCALE_BYTES_PER_PERSON = 1024;
export const SCALE_MAX_BLOCK_MS = 50;
/** The client's gzipped bundle budget: 8 KB = 8 × 1024 bytes. */
export const CLIENT_GZIP_BUDGET = 8 * 1024;

const times = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? "—" : `${x.toFixed(2)}×`);
const bytes = (v: number) => `${v} B`;
const ms = (v: number) => `${v} ms`;
/** A ratio as a goal states it: "10×", "1.50×". */
const factor = (x: number) => (Number.isInteger(x) ? `${x}×` : times(x));

/** What a goal asks of its figure: the words of the target and the test, stated together so they cannot drift. */
interface Bound {
  target: string;
  ok: (v: number) => boolean;
}
const atLeast = (min: number, target = `≥ ${factor(min)}`): Bound => ({ target, ok: (v) => v >= min });
const atMost = (max: number, target = `≤ ${factor(max)}`): Bound => ({ target, ok: (v) => v <= max });
const below = (max: number, target: string): Bound => ({ target, ok: (v) => v < max });

function goal(
  id: string,
  description: string,
  bound: Bound,
  value: number | undefined,
  show: (v: number) => string = times,
): Goal {
  const measured = value !== undefined && Number.isFinite(value);
  return {
    id,
    description,
    target: bound.target,
    actual: measured ? show(value) : "not measured",
    met: measured ? bound.ok(value) : null,
  };
}

export function evaluateGoals(r: {
  clientOverhead: ClientOverheadResult;
  servers: ServerThroughputResult[];
  import: ImportResult;
  size: SizeResult;
  scale?: ScaleResult;
}): Goal[] {
  const primary = r.servers.find((s) => s.generator === "autocannon") ?? r.servers[0];
  const client = r.clientOverhead.ratios;
  const ratioGoals: [id: string, description: string, bound: Bound, value: number | undefined][] = [
    [
      "node-vs-fetch",
      `Node transport (${r.clientOverhead.nodeTransport}) calls/s ÷ raw fetch`,
      atLeast(1.5),
      client.nodeVsRawFetch,
    ],
    ["node-vs-customerio-node", "Node transport calls/s ÷ customerio-node", atLeast(1.5), client.nodeVsCustomerioNode],
    [
      "node-cpu-vs-customerio-node",
      "Node transport CPU per call ÷ customerio-node's",
      atMost(0.6),
      client.nodeCpuVsCustomerioNode,
    ],
    [
      "fetch-vs-fetch-timeout",
      `fetch path calls/s ÷ fetch with an AbortSignal timeout (÷ raw fetch: ${times(client.fetchVsRawFetch)})`,
      atLeast(0.95),
      client.fetchVsFetchTimeout,
    ],
    [
      "simulator-vs-bare",
      `simulator req/s ÷ bare node:http (${primary?.generator ?? "—"})`,
      atLeast(0.5),
      primary?.ratios.simulatorVsBare,
    ],
    ["simulator-vs-prism", "simulator req/s ÷ Prism", atLeast(10), primary?.ratios.simulatorVsPrism],
  ];
  const goals = ratioGoals.map(([id, description, bound, value]) => goal(id, description, bound, value));
  const mb = (v: number) => `${v.toFixed(1)} MB`;
  for (const run of r.import.runs) {
    const [id, rows] = [`import-${run.rows}`, `import ${run.rows} rows`];
    goals.push(goal(`${id}-throughput`, `${rows}: rows/s ÷ the same simulator's req/s`, atLeast(0.4), run.vsSimulator));
    goals.push(goal(`${id}-rss`, `${rows}: peak RSS`, below(200, "< 200 MB"), run.maxRssMb, mb));
  }
  const first = r.import.runs[0];
  const last = r.import.runs.at(-1);
  if (first && last && first !== last) {
    const growth = `import peak RSS ${last.rows} ÷ ${first.rows} rows`;
    goals.push(goal("import-rss-flat", growth, atMost(FLAT_RSS_GROWTH), r.import.rssGrowth));
  }
  const rate = r.import.rate;
  const achieved = (v: number) => `${rate.achievedPerSec} rows/s (${v.toFixed(2)}%)`;
  const offLimit = `import --rate ${rate.limit}: achieved rate off the limit`;
  goals.push(goal(`import-rate-${rate.limit}`, offLimit, atMost(2, "within 2%"), rate.deviationPct, achieved));
  const bundle = "main entry for the browser, minified + gzipped";
  const budget = atMost(CLIENT_GZIP_BUDGET, `≤ ${CLIENT_GZIP_BUDGET / 1024} KB (${bytes(CLIENT_GZIP_BUDGET)})`);
  goals.push(goal("size-client", bundle, budget, r.size.client.gzipBytes, bytes));
  if (r.scale !== undefined) {
    const people = r.scale.people.toLocaleString("en-US");
    const memory = `simulator memory per stored person at ${people} people (RSS)`;
    const perPerson = atMost(SCALE_BYTES_PER_PERSON, `≤ ${bytes(SCALE_BYTES_PER_PERSON)}`);
    goals.push(goal("scale-rss", memory, perPerson, r.scale.rssPerPersonBytes, bytes));
    const wait = `longest wait of another request while seeding, listing, searching, resetting at ${people} people`;
    const blocking = atMost(SCALE_MAX_BLOCK_MS, `≤ ${ms(SCALE_MAX_BLOCK_MS)}`);
    goals.push(goal("scale-blocking", wait, blocking, r.scale.worstProbeMs, ms));
  }
  return goals;
}
