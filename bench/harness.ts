/**
 * The benchmark harness: runs the four benchmarks against the peers side by side in one process tree on
 * loopback, and returns ratios with the numbers behind them. `bench/run.ts` is its command line; the smoke test
 * (test/bench/smoke.test.ts) runs it with tiny sizes so that it cannot rot.
 *
 * Every child process (servers, Prism, the CLI under test) is stopped in a `finally`, also when a step fails.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Children, type ServedChild } from "./children.js";
import { measureClientOverhead, type ClientOverheadResult } from "./client-overhead.js";
import { evaluateGoals, type Goal } from "./goals.js";
import { measureImport, type ImportResult } from "./import.js";
import { autocannonLoad, builtinLoad } from "./load.js";
import {
  customerioNodeEntry,
  loadAutocannon,
  loadTrackClient,
  peersInstalled,
  peerVersion,
  type PEER_VERSIONS,
} from "./peers.js";
import { measureServers, SIMULATOR_AUTHORIZATION, type ServerName, type ServerThroughputResult } from "./servers.js";
import { measureScale, type ScaleConfig, type ScaleResult } from "./scale.js";
import { measureSize, type SizeResult } from "./size.js";
import { ROOT } from "./paths.js";
import { round } from "./stats.js";

export type Profile = "full" | "quick" | "smoke";

export interface BenchConfig {
  client: { rounds: number; settleMs: number; measureMs: number; concurrency: number };
  servers: {
    connections: number;
    rounds: number;
    /** Runs when the peers are installed. */
    autocannon?: { durationSec: number; warmupSec: number };
    /** Runs always when set, and in place of autocannon when the peers are missing. */
    builtin?: { requests: number; warmupRequests: number };
  };
  import: {
    sizes: number[];
    /** Imports of each size whose peak RSS is measured; the median is the figure. */
    rssRuns: number;
    concurrency: number;
    rate: { rows: number; limit: number };
    timeoutMs: number;
    /** The simulator's throughput just before each import: autocannon (peers) or the built-in loop. */
    probe: { autocannonSec: number; warmupSec: number; builtinRequests: number };
  };
  /** The simulator with many people (bench/scale.ts). */
  scale: ScaleConfig;
}

/** The full profile: the figures the README and docs/benchmarks.md quote. */
const FULL: BenchConfig = {
  scale: { people: 1_000_000, batch: 1_000, pages: 200, searches: 2_000 },
  client: { rounds: 4, settleMs: 10_500, measureMs: 3_000, concurrency: 16 },
  servers: { connections: 16, rounds: 3, autocannon: { durationSec: 4, warmupSec: 2 } },
  import: {
    sizes: [10_000, 100_000],
    rssRuns: 3,
    concurrency: 16,
    rate: { rows: 2_000, limit: 200 },
    timeoutMs: 600_000,
    probe: { autocannonSec: 3, warmupSec: 1, builtinRequests: 5_000 },
  },
};

export const PROFILES: Record<Profile, BenchConfig> = {
  full: FULL,
  // The same load over smaller sizes, each measured for less time.
  quick: {
    scale: { ...FULL.scale, people: 100_000, pages: 50, searches: 500 },
    client: { ...FULL.client, rounds: 1, measureMs: 2_000 },
    servers: { ...FULL.servers, rounds: 2, autocannon: { durationSec: 2, warmupSec: 1 } },
    import: {
      ...FULL.import,
      sizes: [2_000, 20_000],
      rssRuns: 1,
      rate: { ...FULL.import.rate, rows: 600 },
      timeoutMs: 120_000,
      probe: { ...FULL.import.probe, autocannonSec: 2, builtinRequests: 2_000 },
    },
  },
  // Tiny sizes: the smoke test runs every step with them, so that the harness cannot rot.
  smoke: {
    scale: { people: 2_000, batch: 500, pages: 3, searches: 20 },
    client: { rounds: 1, settleMs: 100, measureMs: 300, concurrency: 4 },
    servers: {
      connections: 4,
      rounds: 1,
      autocannon: { durationSec: 1, warmupSec: 1 },
      builtin: { requests: 200, warmupRequests: 20 },
    },
    import: {
      sizes: [100, 200],
      rssRuns: 2,
      concurrency: 4,
      rate: { rows: 40, limit: 200 },
      timeoutMs: 60_000,
      probe: { autocannonSec: 1, warmupSec: 1, builtinRequests: 100 },
    },
  },
};

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and when it ended: other work on the machine skews absolute numbers. */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  date: string;
  profile: Profile;
  machine: Machine;
  peers: { installed: boolean; versions?: Record<keyof typeof PEER_VERSIONS, string> };
  clientOverhead: ClientOverheadResult;
  servers: ServerThroughputResult[];
  import: ImportResult;
  size: SizeResult;
  scale: ScaleResult;
  goals: Goal[];
  durationSec: number;
}

export function machine(loadAtStart: number): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    os: `${platform()} ${release()}`,
    loadAverage: { start: round(loadAtStart, 2), end: round(loadavg()[0] ?? 0, 2) },
  };
}

export interface RunOptions {
  profile: Profile;
  config?: BenchConfig;
  /** Use the peers when installed (default true). Never installs them: bench/run.ts does that. */
  usePeers?: boolean;
  /** Children registry; pass one to stop them from outside (Ctrl-C). */
  children?: Children;
  log?: (line: string) => void;
  /**
   * The CLI's entry as node runs it, already compiled (the test run's own build). Without it the full and quick runs
   * compile the package with tsc, and the smoke run uses tsx.
   */
  cli?: string;
}

export async function runBench(options: RunOptions): Promise<BenchResults> {
  const started = performance.now();
  const config = options.config ?? PROFILES[options.profile];
  const log = options.log ?? (() => undefined);
  const peers = (options.usePeers ?? true) && peersInstalled();
  if (!peers)
    log(
      "bench/peers is not installed: customerio-node, autocannon and Prism are skipped (npm run bench installs them).",
    );
  const children = options.children ?? new Children();
  const workDir = mkdtempSync(join(tmpdir(), "cio-bench-"));
  const date = new Date().toISOString();
  const loadAtStart = loadavg()[0] ?? 0;
  try {
    // 1. Client overhead, against a sink in a child process.
    log("Client overhead …");
    let clientOverhead: ClientOverheadResult;
    const sink = await children.server("sink");
    try {
      clientOverhead = await measureClientOverhead(
        { url: sink.url, ...config.client, ...(peers ? { trackClient: loadTrackClient() } : {}) },
        log,
      );
    } finally {
      await sink.stop();
    }

    // 2. Server throughput: simulator, bare node:http and Prism, each in a child process.
    log("Server throughput …");
    const servers: ServerThroughputResult[] = [];
    const serving: ServedChild[] = [];
    try {
      const simulator = await children.server("simulator");
      serving.push(simulator);
      const bare = await children.server("sink");
      serving.push(bare);
      const targets: { name: ServerName; url: string }[] = [
        { name: "simulator", url: simulator.url },
        { name: "bare", url: bare.url },
      ];
      const { connections, rounds } = config.servers;
      const skipped = peers ? [] : ["Prism (bench/peers is not installed)"];
      if (config.servers.builtin) {
        servers.push(
          await measureServers(
            { targets, skipped, connections, rounds, generator: { kind: "builtin", ...config.servers.builtin } },
            log,
          ),
        );
      }
      if (peers && config.servers.autocannon) {
        log("  starting Prism …");
        const prism = await children.prism();
        serving.push(prism);
        const all = [...targets, { name: "prism" as const, url: prism.url }];
        servers.push(
          await measureServers(
            {
              targets: all,
              connections,
              rounds,
              generator: { kind: "autocannon", autocannon: loadAutocannon(), ...config.servers.autocannon },
            },
            log,
          ),
        );
      } else if (!config.servers.builtin) {
        servers.push(
          await measureServers(
            {
              targets,
              skipped,
              connections,
              rounds,
              generator: { kind: "builtin", requests: 20_000, warmupRequests: 2_000 },
            },
            log,
          ),
        );
      }
    } finally {
      await Promise.all(serving.map((child) => child.stop()));
    }
    // The primary measurement: autocannon when it ran, the built-in loop otherwise.
    const primary = servers.find((s) => s.generator === "autocannon") ?? servers[0];
    const simulatorRate = primary?.servers.find((s) => s.name === "simulator")?.reqPerSec ?? 0;

    // 3. Import through the real CLI into a simulator in a child process.
    log("Import …");
    const { probe: probing, ...importConfig } = config.import;
    let probes = 0;
    const probe = async (url: string): Promise<number> => {
      const target = {
        url,
        idPrefix: `probe-${probes++}`,
        authorization: SIMULATOR_AUTHORIZATION,
        connections: importConfig.concurrency,
      };
      if (peers) {
        const autocannon = loadAutocannon();
        await autocannonLoad(autocannon, { ...target, idPrefix: `${target.idPrefix}-warm` }, probing.warmupSec);
        return (await autocannonLoad(autocannon, target, probing.autocannonSec)).reqPerSec;
      }
      await builtinLoad({ ...target, idPrefix: `${target.idPrefix}-warm` }, Math.ceil(probing.builtinRequests / 5));
      return (await builtinLoad(target, probing.builtinRequests)).reqPerSec;
    };
    // The full and quick runs measure the CLI as users run it: compiled to JavaScript, not under tsx. The build goes
    // into the run's temp folder (not dist/, which tests rebuild, and nowhere lint or tsc look), with a link to the
    // project's node_modules so its imports resolve; it goes when the run ends. The smoke run keeps tsx, unless the
    // caller gives a compiled CLI (options.cli).
    let cli: string[] | undefined = options.cli === undefined ? undefined : [options.cli];
    if (cli === undefined && options.profile !== "smoke") {
      const outDir = join(workDir, "build");
      symlinkSync(join(ROOT, "node_modules"), join(workDir, "node_modules"), "dir");
      execFileSync(
        process.execPath,
        [
          join(ROOT, "node_modules", "typescript", "bin", "tsc"),
          "-p",
          join(ROOT, "tsconfig.build.json"),
          "--outDir",
          outDir,
        ],
        { stdio: "inherit" },
      );
      cli = [join(outDir, "src", "cli.js")];
    }
    const imported = await measureImport(
      {
        children,
        workDir,
        ...(cli ? { cli } : {}),
        ...importConfig,
        probe,
        probeLabel: peers
          ? `autocannon, ${importConfig.concurrency} connections, ${probing.warmupSec} s warm-up + ${probing.autocannonSec} s`
          : `built-in loop, ${importConfig.concurrency} connections, ${probing.builtinRequests} requests after a warm-up`,
        baseline: {
          reqPerSec: simulatorRate,
          source: `simulator over HTTP, ${primary?.generator ?? "none"}, ${primary?.connections ?? 0} connections`,
        },
      },
      log,
    );

    // 4. Size of the client's runtime, and of customerio-node.
    log("Size …");
    const size = await measureSize(peers ? customerioNodeEntry() : undefined);

    // 5. The simulator with many people.
    log(`Scale (${config.scale.people} people) …`);
    const scale = await measureScale({ children, ...config.scale }, log);

    const partial = { clientOverhead, servers, import: imported, size, scale };
    return {
      date,
      profile: options.profile,
      machine: machine(loadAtStart),
      peers: peers
        ? {
            installed: true,
            versions: {
              "customerio-node": peerVersion("customerio-node"),
              "@stoplight/prism-cli": peerVersion("@stoplight/prism-cli"),
              autocannon: peerVersion("autocannon"),
            },
          }
        : { installed: false },
      ...partial,
      goals: evaluateGoals(partial),
      durationSec: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await children.stopAll();
    rmSync(workDir, { recursive: true, force: true });
  }
}
