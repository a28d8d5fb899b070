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

function goal(
  id: string,
  description: string,
  target: string,
  value: number | undefined,
  ok: (v: number) => boolean,
  show: (v: number) => string = (v) => times(v),
): Goal {
  const measured = value !== undefined && Number.isFinite(value);
  return { id, description, target, actual: measured ? show(value) : "not measured", met: measured ? ok(value) : null };
}

export function evaluateGoals(r: {
  clientOverhead: ClientOverheadResult;
  servers: ServerThroughputResult[];
  import: ImportResult;
  size: SizeResult;
  scale?: ScaleResult;
}): Goal[] {
  const primary = r.servers.find((s) => s.generator === "autocannon") ?? r.servers[0];
  const goals: Goal[] = [
    goal(
      "node-vs-fetch",
      `Node transport (${r.clientOverhead.nodeTransport}) calls/s ÷ raw fetch`,
      "≥ 1.50×",
      r.clientOverhead.ratios.nodeVsRawFetch,
      (v) => v >= 1.5,
    ),
    goal(
      "node-vs-customerio-node",
      "Node transport calls/s ÷ customerio-node",
      "≥ 1.50×",
      r.clientOverhead.ratios.nodeVsCustomerioNode,
      (v) => v >= 1.5,
    ),
    goal(
      "node-cpu-vs-customerio-node",
      "Node transport CPU per call ÷ customerio-node's",
      "≤ 0.60×",
      r.clientOverhead.ratios.nodeCpuVsCustomerioNode,
      (v) => v <= 0.6,
    ),
    goal(
      "fetch-vs-fetch-timeout",
      `fetch path calls/s ÷ fetch with an AbortSignal timeout (÷ raw fetch: ${times(r.clientOverhead.ratios.fetchVsRawFetch)})`,
      "≥ 0.95×",
      r.clientOverhead.ratios.fetchVsFetchTimeout,
      (v) => v >= 0.95,
    ),
    goal(
      "simulator-vs-bare",
      `simulator req/s ÷ bare node:http (${primary?.generator ?? "—"})`,
      "≥ 0.50×",
      primary?.ratios.simulatorVsBare,
      (v) => v >= 0.5,
    ),
    goal("simulator-vs-prism", "simulator req/s ÷ Prism", "≥ 10×", primary?.ratios.simulatorVsPrism, (v) => v >= 10),
  ];
  for (const run of r.import.runs) {
    goals.push(
      goal(
        `import-${run.rows}-throughput`,
        `import ${run.rows} rows: rows/s ÷ the same simulator's req/s`,
        "≥ 0.40×",
        run.vsSimulator,
        (v) => v >= 0.4,
      ),
    );
    goals.push(
      goal(
        `import-${run.rows}-rss`,
        `import ${run.rows} rows: peak RSS`,
        "< 200 MB",
        run.maxRssMb,
        (v) => v < 200,
        (v) => `${v.toFixed(1)} MB`,
      ),
    );
  }
  const first = r.import.runs[0];
  const last = r.import.runs.at(-1);
  if (first && last && first !== last) {
    goals.push(
      goal(
        "import-rss-flat",
        `import peak RSS ${last.rows} ÷ ${first.rows} rows`,
        `≤ ${FLAT_RSS_GROWTH.toFixed(2)}×`,
        r.import.rssGrowth,
        (v) => v <= FLAT_RSS_GROWTH,
      ),
    );
  }
  goals.push(
    goal(
      `import-rate-${r.import.rate.limit}`,
      `import --rate ${r.import.rate.limit}: achieved rate off the limit`,
      "within 2%",
      r.import.rate.deviationPct,
      (v) => v <= 2,
      (v) => `${r.import.rate.achievedPerSec} rows/s (${v.toFixed(2)}%)`,
    ),
  );
  goals.push(
    goal(
      "size-client",
      "main entry for the browser, minified + gzipped",
      "≤ 8 KB (8192 B)",
      r.size.client.gzipBytes,
      (v) => v <= CLIENT_GZIP_BUDGET,
      (v) => `${v} B`,
    ),
  );
  if (r.scale !== undefined) {
    const people = r.scale.people.toLocaleString("en-US");
    goals.push(
      goal(
        "scale-rss",
        `simulator memory per stored person at ${people} people (RSS)`,
        `≤ ${SCALE_BYTES_PER_PERSON} B`,
        r.scale.rssPerPersonBytes,
        (v) => v <= SCALE_BYTES_PER_PERSON,
        (v) => `${v} B`,
      ),
    );
    goals.push(
      goal(
        "scale-blocking",
        `longest wait of another request while seeding, listing, searching, resetting at ${people} people`,
        `≤ ${SCALE_MAX_BLOCK_MS} ms`,
        r.scale.worstProbeMs,
        (v) => v <= SCALE_MAX_BLOCK_MS,
        (v) => `${v} ms`,
      ),
    );
  }
  return goals;
}
