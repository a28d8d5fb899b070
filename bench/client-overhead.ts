/**
 * Client overhead: the same identify calls, at the same concurrency, through each contender against a sink (a
 * node:http server in a child process answering `200 {}`), so that this process's CPU is the client's own work:
 *
 * - `cio-customers (node)`: this project's client as Node resolves the package (the `node` export condition:
 *   undici), default options (retries on, never fired; `_timestamp` stamped);
 * - `cio-customers (fetch)`: the universal entry, as browsers, Deno, Bun and workers get it, default options;
 * - `raw-fetch`: a hand-built `fetch` PUT with Basic auth and a JSON body, its answer read;
 * - `fetch-timeout`: the same with `signal: AbortSignal.timeout(10_000)`, the floor of any fetch client with a
 *   real timeout;
 * - `customerio-node`: the official SDK's `TrackClient.identify`, pointed at the sink with its `url` option.
 *
 * Each contender sends a new person id on every call, so no contender waits on per-person ordering.
 *
 * Contenders take turns in rounds, a different one first each round. A turn runs without pause for `settleMs`
 * before its measured window of `measureMs` starts: `AbortSignal.timeout` leaves a timer behind every call that
 * fires 10 s later, whether or not the call has ended, and whatever the garbage collector has still to reclaim
 * is reclaimed later too. With short turns that work lands in whichever contender runs next; a settle longer
 * than the 10 s timeout makes every contender's window pay for its own. Calls/s and CPU per call are medians
 * over rounds; every ratio is the median of the ratios within each round ({@link pairedRatio}), which on a
 * shared machine is far steadier than a ratio of two medians taken minutes apart.
 */
import { createCustomersClient as createFetchClient } from "../src/index.js";
import { createCustomersClient as createNodeClient } from "../src/node/index.js";
import { usesUndici } from "../src/node/transport.js";
import type { TrackClientConstructor } from "./peers.js";
import { overRounds, pairedRatio, rotate, round } from "./stats.js";

export type ContenderName =
  "cio-customers (node)" | "cio-customers (fetch)" | "raw-fetch" | "fetch-timeout" | "customerio-node";

export interface ClientOverheadOptions {
  /** The sink's base URL (loopback). */
  url: string;
  /** How long each turn runs before its measured window: longer than the 10 s of `AbortSignal.timeout`. */
  settleMs: number;
  /** The measured window of each turn. */
  measureMs: number;
  concurrency: number;
  rounds: number;
  /** customerio-node's TrackClient, when the peers are installed. */
  trackClient?: TrackClientConstructor;
}

export interface ClientRound {
  /** Calls that ended within the measured window. */
  calls: number;
  callsPerSec: number;
  cpuUsPerCall: number;
  wallMs: number;
}

export interface ContenderResult {
  name: ContenderName;
  /** Median over rounds. */
  callsPerSec: number;
  /** Median over rounds: user + system CPU time of this process per call, in microseconds. */
  cpuUsPerCall: number;
  rounds: ClientRound[];
}

export interface ClientOverheadResult {
  settleMs: number;
  measureMs: number;
  concurrency: number;
  rounds: number;
  contenders: ContenderResult[];
  /** Whether the node contender really sent with undici (globalThis.fetch was Node's own). */
  nodeTransport: "undici" | "fetch";
  ratios: {
    /** Node transport calls/s ÷ raw fetch calls/s (goal ≥ 1.5). */
    nodeVsRawFetch: number;
    /** Node transport CPU per call ÷ raw fetch CPU per call. */
    nodeCpuVsRawFetch: number;
    /** Node transport calls/s ÷ customerio-node calls/s (goal ≥ 1.5). */
    nodeVsCustomerioNode?: number;
    /** Node transport CPU per call ÷ customerio-node's (goal ≤ 0.6). */
    nodeCpuVsCustomerioNode?: number;
    /** Fetch path calls/s ÷ fetch with an AbortSignal timeout (goal ≥ 0.95). */
    fetchVsFetchTimeout: number;
    /** Fetch path calls/s ÷ raw fetch. */
    fetchVsRawFetch: number;
    fetchCpuVsFetchTimeout: number;
  };
  skipped: string[];
}

const SITE_ID = "bench-site";
const API_KEY = "bench-key";

type Call = (i: number) => Promise<void>;

/** What every contender sends for call `i`: the person `user-<i>` and four attributes. */
function attributesOf(i: number) {
  return { email: `user${i}@example.com`, plan: "pro", seats: 3, created_at: 1_700_000_000 + i };
}

function contenders(options: ClientOverheadOptions): { name: ContenderName; call: Call }[] {
  const ours = createNodeClient({ siteId: SITE_ID, apiKey: API_KEY, baseUrl: options.url });
  const universal = createFetchClient({ siteId: SITE_ID, apiKey: API_KEY, baseUrl: options.url });
  const authorization = `Basic ${Buffer.from(`${SITE_ID}:${API_KEY}`).toString("base64")}`;
  const rawFetch = async (i: number, signal?: AbortSignal) => {
    const response = await fetch(`${options.url}/api/v1/customers/${encodeURIComponent(`user-${i}`)}`, {
      method: "PUT",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify(attributesOf(i)),
      ...(signal ? { signal } : {}),
    });
    await response.text();
    if (!response.ok) throw new Error(`raw fetch: HTTP ${response.status}`);
  };
  const list: { name: ContenderName; call: Call }[] = [
    {
      name: "cio-customers (node)",
      call: async (i) => {
        await ours.identify({ id: `user-${i}` }, attributesOf(i));
      },
    },
    {
      name: "cio-customers (fetch)",
      call: async (i) => {
        await universal.identify({ id: `user-${i}` }, attributesOf(i));
      },
    },
    { name: "raw-fetch", call: (i) => rawFetch(i) },
    { name: "fetch-timeout", call: (i) => rawFetch(i, AbortSignal.timeout(10_000)) },
  ];
  if (options.trackClient) {
    const official = new options.trackClient(SITE_ID, API_KEY, { url: `${options.url}/api/v1` });
    list.push({
      name: "customerio-node",
      call: async (i) => {
        await official.identify(`user-${i}`, attributesOf(i));
      },
    });
  }
  return list;
}

/** Ids handed out to every contender: each call a new person, so no person is sent twice. */
class Ids {
  #next = 0;
  take(): number {
    return this.#next++;
  }
}

/**
 * One turn: `concurrency` calls in flight without pause for `settleMs + measureMs`; returns the calls that ended,
 * the wall time and this process's CPU time within the last `measureMs`.
 */
async function turn(
  call: Call,
  ids: Ids,
  options: Pick<ClientOverheadOptions, "settleMs" | "measureMs" | "concurrency">,
): Promise<ClientRound> {
  let ended = 0;
  let result: ClientRound | undefined;
  const worker = async () => {
    while (result === undefined) {
      await call(ids.take());
      ended++;
    }
  };
  // The window opens after the settle and closes when its timer fires; calls in flight then end outside it.
  let open: { ended: number; cpu: NodeJS.CpuUsage; at: number } | undefined;
  const opening = setTimeout(() => {
    open = { ended, cpu: process.cpuUsage(), at: performance.now() };
  }, options.settleMs);
  const closing = setTimeout(() => {
    if (open === undefined) return;
    const wallMs = performance.now() - open.at;
    const cpu = process.cpuUsage(open.cpu);
    const calls = ended - open.ended;
    result = { calls, wallMs, callsPerSec: (calls / wallMs) * 1000, cpuUsPerCall: (cpu.user + cpu.system) / calls };
  }, options.settleMs + options.measureMs);
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    clearTimeout(opening);
    clearTimeout(closing);
  }
  if (result === undefined) throw new Error("client overhead: a turn ended without its window");
  return result;
}

export async function measureClientOverhead(
  options: ClientOverheadOptions,
  log: (line: string) => void = () => undefined,
): Promise<ClientOverheadResult> {
  const list = contenders(options);
  const rounds = new Map<ContenderName, ClientRound[]>(list.map((c) => [c.name, []]));
  const ids = new Ids();
  for (let r = 0; r < options.rounds; r++) {
    for (const contender of rotate(list, r)) {
      const result = await turn(contender.call, ids, options);
      rounds.get(contender.name)?.push(result);
      log(
        `  client overhead round ${r + 1}/${options.rounds} ${contender.name}: ${Math.round(result.callsPerSec)} calls/s, ${result.cpuUsPerCall.toFixed(1)} µs CPU/call`,
      );
    }
  }
  const results: ContenderResult[] = list.map(({ name }) => {
    const summary = overRounds(rounds.get(name) ?? [], { callsPerSec: 1, cpuUsPerCall: 2, wallMs: 1 });
    const { callsPerSec, cpuUsPerCall } = summary.medians;
    return { name, callsPerSec, cpuUsPerCall, rounds: summary.rounds };
  });
  const find = (name: ContenderName) => results.find((c) => c.name === name);
  const node = find("cio-customers (node)");
  const universal = find("cio-customers (fetch)");
  const raw = find("raw-fetch");
  const timed = find("fetch-timeout");
  const official = find("customerio-node");
  if (!node || !universal || !raw || !timed) throw new Error("client overhead: a contender is missing");
  const calls = (a: ContenderResult, b: ContenderResult) => round(contenderRatio(a, b, "callsPerSec"), 3);
  const cpu = (a: ContenderResult, b: ContenderResult) => round(contenderRatio(a, b, "cpuUsPerCall"), 3);
  return {
    settleMs: options.settleMs,
    measureMs: options.measureMs,
    concurrency: options.concurrency,
    rounds: options.rounds,
    contenders: results,
    nodeTransport: usesUndici() ? "undici" : "fetch",
    ratios: {
      nodeVsRawFetch: calls(node, raw),
      nodeCpuVsRawFetch: cpu(node, raw),
      ...(official
        ? { nodeVsCustomerioNode: calls(node, official), nodeCpuVsCustomerioNode: cpu(node, official) }
        : {}),
      fetchVsFetchTimeout: calls(universal, timed),
      fetchVsRawFetch: calls(universal, raw),
      fetchCpuVsFetchTimeout: cpu(universal, timed),
    },
    skipped: official ? [] : ["customerio-node (bench/peers is not installed)"],
  };
}

/** `a` ÷ `b` for one measure: the median over rounds of the two contenders' figures in the same round. */
export function contenderRatio(
  a: ContenderResult,
  b: ContenderResult,
  measure: "callsPerSec" | "cpuUsPerCall",
): number {
  return pairedRatio(
    a.rounds.map((r) => r[measure]),
    b.rounds.map((r) => r[measure]),
  );
}
