/**
 * Import: the real CLI (the built `cli.js` as users run it, or `node --import tsx src/cli.ts` in the smoke run) as a child process, importing generated
 * NDJSON rows into the simulator (served in another child process on loopback) with the rate limit off.
 *
 * - rows/s, as the CLI reports it, as a ratio of the simulator's raw throughput measured in the same run;
 * - peak RSS of the importing process: GNU time's maximum resident set size when /usr/bin/time is there,
 *   otherwise the last VmHWM (the kernel's high-water mark) read from /proc/<pid>/status while it runs. The peak
 *   depends on when the collector's full collections happen to run (the memory still in use after each one stays
 *   the same all through an import), so it moves by 10 MB or more from one run to the next: each size is imported
 *   `rssRuns` times and its median peak is the figure;
 * - with `--rate N`, the achieved rate against the limit.
 */
import { spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, constants, createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_API_KEY, DEFAULT_SITE_ID } from "../src/simulator/index.js";
import type { Children } from "./children.js";
import { CLI_PATH } from "./paths.js";
import { median, ratio, round } from "./stats.js";

export type RssSource = "time" | "VmHWM";

export interface ImportOptions {
  children: Children;
  workDir: string;
  sizes: number[];
  concurrency: number;
  rate: { rows: number; limit: number };
  /** The simulator's raw throughput from the server benchmark of the same run (req/s), and how it was measured. */
  baseline: { reqPerSec: number; source: string };
  /**
   * Measures the raw throughput (req/s) of the very simulator an import is about to use, just before it: the
   * base of that import's ratio, taken side by side in time (a shared machine's load drifts within a run).
   */
  probe?: (url: string) => Promise<number>;
  /** How the probe measures, for the report. */
  probeLabel?: string;
  timeoutMs: number;
  /** How to read the peak RSS: "auto" (GNU time when there, else VmHWM) or "VmHWM" polling. Default "auto". */
  rssProbe?: "auto" | "VmHWM";
  /** The CLI as node runs it: the built `cli.js` (what users run), or `--import tsx src/cli.ts`. Default the latter. */
  cli?: string[];
  /** Imports of each size whose peak RSS is measured (the first also gives the throughput). Default 1. */
  rssRuns?: number;
}

export interface ImportRun {
  rows: number;
  accepted: number;
  refused: number;
  /** As the CLI reports it: records handled ÷ the import's own duration (process start-up excluded). */
  rowsPerSec: number;
  /** The raw throughput of the same simulator, measured just before the import (when a probe is given). */
  simulatorReqPerSec?: number;
  /** rowsPerSec ÷ the simulator's raw throughput: the adjacent probe when there is one, else the baseline (goal ≥ 0.7). */
  vsSimulator: number;
  /** rowsPerSec ÷ the baseline from the server benchmark. */
  vsBaseline: number;
  /** Peak resident set size of the importing process, in MB of 10^6 bytes: the median of `rssRunsMb` (goal < 200). */
  maxRssMb: number;
  /** The peak of each import of this size, in the order run. */
  rssRunsMb: number[];
  /** CPU time (user + system) of the importing process, in seconds, when GNU time measured it. */
  cpuSec?: number;
  /** Wall time of the whole child process, start-up included, in seconds. */
  processSec: number;
  rssSource: RssSource;
  /** Node warnings the CLI printed (by kind), e.g. MaxListenersExceededWarning: a sign of a listener leak. */
  warnings: Record<string, number>;
}

export interface ImportResult {
  concurrency: number;
  baseline: { reqPerSec: number; source: string };
  /** How each import's own simulator was measured just before it ("none" without a probe). */
  probe: string;
  runs: ImportRun[];
  /** The same command importing a single row: the process's floor (runtime, loader, modules), before any load. */
  floor: { maxRssMb: number; processSec: number; rssSource: RssSource };
  /** Median peak RSS of the largest import ÷ that of the smallest: about 1 when memory stays flat as rows grow. */
  rssGrowth: number;
  rate: {
    limit: number;
    rows: number;
    achievedPerSec: number;
    deviationPct: number;
    maxRssMb: number;
    warnings: Record<string, number>;
  };
}

/** KiB (what GNU time and /proc report) to MB of 10^6 bytes, one decimal. */
const megabytes = (kib: number) => round((kib * 1024) / 1e6, 1);

const ROW_PATTERN = /(\d+) records read: (\d+) accepted, (\d+) refused.* in ([\d.]+) s \((\d+) records\/s\)/;

/** Writes `rows` NDJSON people (each a new id, a few attributes of the common kinds). */
export async function writeRows(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const BATCH = 1_000;
  for (let start = 1; start <= rows; start += BATCH) {
    let chunk = "";
    for (let n = start; n < Math.min(start + BATCH, rows + 1); n++) {
      chunk += `${JSON.stringify({ id: `imp-${n}`, email: `imp${n}@example.com`, first_name: "Ada", plan: n % 3 === 0 ? "pro" : "free", seats: n % 50, created_at: 1_700_000_000 + n })}\n`;
    }
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Whether /usr/bin/time is GNU time (it takes `-f` and prints %M, the maximum RSS in KiB). */
export function gnuTimeAvailable(): boolean {
  try {
    accessSync("/usr/bin/time", constants.X_OK);
  } catch {
    return false;
  }
  const probe = spawnSync("/usr/bin/time", ["-f", "BENCH-TIME %M", "true"], { encoding: "utf8", timeout: 10_000 });
  return probe.status === 0 && /BENCH-TIME \d+/.test(probe.stderr);
}

interface Measured {
  rows: { read: number; accepted: number; refused: number; seconds: number; perSec: number };
  maxRssKb: number;
  cpuSec?: number;
  processSec: number;
  source: RssSource;
  warnings: Record<string, number>;
}

/** Runs `cio-customers import` on a file against a server, measuring its peak RSS. */
async function runCli(
  options: ImportOptions,
  file: string,
  baseUrl: string,
  rate: number,
  useTime: boolean,
): Promise<Measured> {
  // A run of its own each time: the same file imported again starts without the last run's checkpoint.
  const checkpoint = `${file}.checkpoint`;
  const rejects = `${file}.rejects.ndjson`;
  for (const path of [checkpoint, rejects]) rmSync(path, { force: true });
  const args = [
    ...(options.cli ?? ["--import", "tsx", CLI_PATH]),
    "import",
    file,
    "--rate",
    String(rate),
    "--concurrency",
    String(options.concurrency),
    "--checkpoint",
    checkpoint,
    "--rejects",
    rejects,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CIO_SITE_ID: DEFAULT_SITE_ID,
    CIO_API_KEY: DEFAULT_API_KEY,
    CIO_BASE_URL: baseUrl,
    NO_COLOR: "1",
  };
  delete env["CIO_REGION"];
  let hwmKb = 0;
  let poller: NodeJS.Timeout | undefined;
  const watch = (child: ChildProcess) => {
    poller = setInterval(() => {
      try {
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (match) hwmKb = Math.max(hwmKb, Number(match[1]));
      } catch {
        // exited between two reads
      }
    }, 20);
  };
  const started = performance.now();
  const finished = await (useTime
    ? options.children.run("/usr/bin/time", ["-f", "BENCH-TIME %M %U %S", process.execPath, ...args], {
        env,
        timeoutMs: options.timeoutMs,
      })
    : options.children
        .run(process.execPath, args, { env, timeoutMs: options.timeoutMs, onStart: watch })
        .finally(() => clearInterval(poller)));
  const processSec = (performance.now() - started) / 1000;
  const match = ROW_PATTERN.exec(finished.stdout);
  if (finished.code !== 0 || !match) {
    throw new Error(
      `the import of ${file} failed (exit ${finished.code ?? finished.signal})\n${finished.stdout}\n${finished.stderr}`,
    );
  }
  const [, read, accepted, refused, seconds, perSec] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const rows = { read, accepted, refused, seconds, perSec };
  const warnings = finished.warnings.kinds;
  if (!useTime) return { rows, maxRssKb: hwmKb, processSec, source: "VmHWM", warnings };
  const time = /BENCH-TIME (\d+) ([\d.]+) ([\d.]+)/.exec(finished.stderr);
  if (!time) throw new Error(`GNU time printed no measurement\n${finished.stderr}`);
  return {
    rows,
    maxRssKb: Number(time[1]),
    cpuSec: Number(time[2]) + Number(time[3]),
    processSec,
    source: "time",
    warnings,
  };
}

export async function measureImport(
  options: ImportOptions,
  log: (line: string) => void = () => undefined,
): Promise<ImportResult> {
  const useTime = options.rssProbe !== "VmHWM" && gnuTimeAvailable();
  const measure = async (rows: number, rate: number, name: string, probe?: (url: string) => Promise<number>) => {
    const file = join(options.workDir, `${name}.ndjson`);
    // Each size's file is written once, however many times it is imported.
    if (!existsSync(file)) await writeRows(file, rows);
    const simulator = await options.children.server("simulator");
    try {
      const simulatorReqPerSec = probe ? await probe(simulator.url) : undefined;
      return { ...(await runCli(options, file, simulator.url, rate, useTime)), simulatorReqPerSec };
    } finally {
      await simulator.stop();
    }
  };

  const single = await measure(1, 0, "floor-1");
  const floor = {
    maxRssMb: megabytes(single.maxRssKb),
    processSec: round(single.processSec, 2),
    rssSource: single.source,
  };
  log(`  import of 1 row (the floor): peak RSS ${floor.maxRssMb} MB`);
  const runs: ImportRun[] = [];
  for (const rows of options.sizes) {
    const m = await measure(rows, 0, `people-${rows}`, options.probe);
    const rssRunsMb = [megabytes(m.maxRssKb)];
    while (rssRunsMb.length < (options.rssRuns ?? 1)) {
      rssRunsMb.push(megabytes((await measure(rows, 0, `people-${rows}`)).maxRssKb));
    }
    const vsBaseline = round(ratio(m.rows.perSec, options.baseline.reqPerSec), 3);
    const run: ImportRun = {
      rows,
      accepted: m.rows.accepted,
      refused: m.rows.refused,
      rowsPerSec: m.rows.perSec,
      ...(m.simulatorReqPerSec === undefined ? {} : { simulatorReqPerSec: round(m.simulatorReqPerSec, 1) }),
      vsSimulator:
        m.simulatorReqPerSec === undefined ? vsBaseline : round(ratio(m.rows.perSec, m.simulatorReqPerSec), 3),
      vsBaseline,
      maxRssMb: median(rssRunsMb),
      rssRunsMb,
      ...(m.cpuSec === undefined ? {} : { cpuSec: round(m.cpuSec, 2) }),
      processSec: round(m.processSec, 2),
      rssSource: m.source,
      warnings: m.warnings,
    };
    runs.push(run);
    log(
      `  import ${rows} rows: ${run.rowsPerSec} rows/s (${run.vsSimulator}× the simulator), peak RSS ${run.maxRssMb} MB (${rssRunsMb.join(", ")})`,
    );
  }
  const rated = await measure(options.rate.rows, options.rate.limit, `rated-${options.rate.rows}`);
  const achieved = rated.rows.seconds > 0 ? (rated.rows.accepted + rated.rows.refused) / rated.rows.seconds : 0;
  // The CLI prints seconds to one decimal and records/s rounded; its records/s comes from the exact duration.
  const achievedPerSec = rated.rows.perSec > 0 ? rated.rows.perSec : achieved;
  log(`  import ${options.rate.rows} rows at --rate ${options.rate.limit}: ${achievedPerSec} rows/s`);
  return {
    concurrency: options.concurrency,
    baseline: options.baseline,
    probe: options.probe ? (options.probeLabel ?? "probe") : "none",
    runs,
    floor,
    rssGrowth: runs.length >= 2 ? round(ratio(runs.at(-1)?.maxRssMb ?? 0, runs[0]?.maxRssMb ?? 0), 3) : 1,
    rate: {
      limit: options.rate.limit,
      rows: options.rate.rows,
      achievedPerSec,
      deviationPct: round((Math.abs(achievedPerSec - options.rate.limit) / options.rate.limit) * 100, 2),
      maxRssMb: megabytes(rated.maxRssKb),
      warnings: rated.warnings,
    },
  };
}
