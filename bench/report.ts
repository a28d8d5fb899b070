/** The benchmark's results as Markdown tables, for the terminal and for pasting into the README. */
import type { BenchResults } from "./harness.js";
import { contenderRatio, type ContenderResult } from "./client-overhead.js";
import type { BundleSize } from "./size.js";

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? "—"
    : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const times = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "—" : `${n.toFixed(2)}×`);

/** A column of a table: its heading, and what a row shows in it. */
type Column<T> = readonly [heading: string, cell: (row: T) => string];

function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(columns.map(([heading]) => heading)),
    `|${columns.map(() => "---").join("|")}|`,
    ...rows.map((row) => line(columns.map(([, cell]) => cell(row)))),
  ].join("\n");
}

/** A section of the report: a heading, then its paragraphs and tables, each after a blank line. */
const section = (heading: string, ...parts: string[]) => ["", heading, ...parts.flatMap((part) => ["", part])];

export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [
    `## Benchmarks (${r.profile}) — ${r.date.slice(0, 10)}`,
    "",
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.os}. Run ${r.date}, ${r.durationSec} s in all; load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end.`,
    r.peers.versions
      ? `Peers: customerio-node ${r.peers.versions["customerio-node"]}, @stoplight/prism-cli ${r.peers.versions["@stoplight/prism-cli"]}, autocannon ${r.peers.versions.autocannon}.`
      : "Peers: not installed (their parts were skipped).",
  ];

  const c = r.clientOverhead;
  const node = c.contenders.find((x) => x.name === "cio-customers (node)");
  const universal = c.contenders.find((x) => x.name === "cio-customers (fetch)");
  const against = (base: ContenderResult | undefined, x: ContenderResult, measure: "callsPerSec" | "cpuUsPerCall") =>
    times(base && contenderRatio(base, x, measure));
  out.push(
    ...section(
      `### Client overhead — identify calls, ${c.concurrency} in flight, against a node:http sink in a child process: ${c.rounds} rounds, each contender measured for ${fmt(c.measureMs / 1000, 1)} s after running ${fmt(c.settleMs / 1000, 1)} s (medians; each ratio is the median of the ratios within a round)`,
      `The node contender sent with ${c.nodeTransport}.`,
      table(c.contenders, [
        ["client", (x) => x.name],
        ["calls/s", (x) => fmt(x.callsPerSec)],
        ["CPU µs/call", (x) => fmt(x.cpuUsPerCall, 1)],
        ["node calls/s ÷ this", (x) => against(node, x, "callsPerSec")],
        ["node CPU ÷ this", (x) => against(node, x, "cpuUsPerCall")],
        ["fetch path calls/s ÷ this", (x) => against(universal, x, "callsPerSec")],
      ]),
    ),
  );

  for (const s of r.servers) {
    const sim = s.servers.find((x) => x.name === "simulator");
    const per = "durationSec" in s.perRun ? `${s.perRun.durationSec} s` : `${fmt(s.perRun.requests)} requests`;
    out.push(
      ...section(
        `### Server throughput — ${s.generator === "autocannon" ? "autocannon" : "built-in load loop"}, ${s.connections} connections, ${s.rounds} × ${per} per server, PUT identify with a new id each (medians)`,
        table(s.servers, [
          ["server", (x) => x.name],
          ["req/s", (x) => fmt(x.reqPerSec)],
          ["p50 ms", (x) => fmt(x.p50Ms, 2)],
          ["p99 ms", (x) => fmt(x.p99Ms, 2)],
          ["non-2xx / errors", (x) => `${x.non2xx} / ${x.errors}`],
          ["simulator ÷ this", (x) => times(sim && sim.reqPerSec / x.reqPerSec)],
        ]),
      ),
    );
  }

  const i = r.import;
  out.push(
    ...section(
      `### Import — the CLI in a child process, NDJSON into the simulator over loopback, --rate 0, --concurrency ${i.concurrency}`,
      table(i.runs, [
        ["rows", (x) => fmt(x.rows)],
        ["rows/s", (x) => fmt(x.rowsPerSec)],
        ["simulator req/s just before", (x) => fmt(x.simulatorReqPerSec)],
        ["rows/s ÷ simulator req/s", (x) => times(x.vsSimulator)],
        ["peak RSS MB", (x) => `${fmt(x.maxRssMb, 1)} (${x.rssSource})`],
        ["CPU s", (x) => fmt(x.cpuSec, 2)],
        ["process s", (x) => fmt(x.processSec, 2)],
      ]),
      `The simulator's throughput is measured on the same simulator process just before each import (${i.probe}); against the server benchmark's ${fmt(i.baseline.reqPerSec)} req/s the ratios are ${i.runs.map((x) => times(x.vsBaseline)).join(" and ")}. Peak RSS ${i.runs.at(-1)?.rows ?? "—"} ÷ ${i.runs[0]?.rows ?? "—"} rows: ${times(i.rssGrowth)}; the same command importing 1 row peaks at ${fmt(i.floor.maxRssMb, 1)} MB (runtime, loader and modules).`,
    ),
    `With --rate ${i.rate.limit} on ${fmt(i.rate.rows)} rows: ${fmt(i.rate.achievedPerSec)} rows/s achieved (${i.rate.deviationPct}% off the limit).`,
  );
  const warned = [...i.runs.map((x) => x.warnings), i.rate.warnings].flatMap((w) => Object.entries(w));
  if (warned.length) {
    const total = new Map<string, number>();
    for (const [kind, n] of warned) total.set(kind, (total.get(kind) ?? 0) + n);
    out.push(`The CLI printed Node warnings: ${[...total].map(([kind, n]) => `${kind} × ${fmt(n)}`).join(", ")}.`);
  }

  const z = r.size;
  const bundles: [name: string, size: BundleSize][] = [
    [`cio-customers main entry for the browser (src/browser.ts; ${z.client.platform})`, z.client],
    [`cio-customers main entry for Deno, Bun, workers (src/index.ts; ${z.universal.platform})`, z.universal],
    [`cio-customers/raw (src/raw.ts, with openapi-fetch; ${z.raw.platform})`, z.raw],
    [`cio-customers under Node (src/node/index.ts, undici external; ${z.node.platform})`, z.node],
  ];
  if (z.customerioNode) {
    const entry = z.customerioNode.entry.replace(/^.*node_modules\//, "");
    bundles.push([`customerio-node (${entry}; ${z.customerioNode.platform})`, z.customerioNode]);
  }
  out.push(
    ...section(
      "### Size — esbuild bundle, minified, ESM, then gzip -9",
      table(bundles, [
        ["bundle", ([name]) => name],
        ["minified B", ([, size]) => fmt(size.minBytes)],
        ["gzip B", ([, size]) => fmt(size.gzipBytes)],
        ["cio-customers gzip ÷ this", ([, size]) => times(z.client.gzipBytes / size.gzipBytes)],
      ]),
    ),
  );

  const sc = r.scale;
  out.push(
    ...section(
      `### Simulator at scale — ${fmt(sc.people)} people seeded over HTTP, a probe call (GET settings) on another connection throughout`,
      `${fmt(sc.peoplePerSec)} people created per second; RSS ${fmt(sc.rssBeforeMb, 1)} MB → ${fmt(sc.rssAfterMb, 1)} MB, ${fmt(sc.rssPerPersonBytes)} B per person.`,
      table(
        (["seed", "list", "search", "reset"] as const).map((name) => [name, sc.phases[name]] as const),
        [
          ["phase", ([name]) => name],
          ["calls", ([, p]) => fmt(p.calls)],
          ["slowest call ms", ([, p]) => fmt(p.slowestCallMs, 1)],
          ["probe calls", ([, p]) => fmt(p.probes)],
          ["probe p50 ms", ([, p]) => fmt(p.probeP50Ms, 2)],
          ["probe p99 ms", ([, p]) => fmt(p.probeP99Ms, 2)],
          ["probe max ms", ([, p]) => fmt(p.probeMaxMs, 1)],
        ],
      ),
    ),
  );

  out.push(
    ...section(
      "### Goals",
      table(r.goals, [
        ["goal", (g) => g.description],
        ["target", (g) => g.target],
        ["measured", (g) => g.actual],
        ["met", (g) => (g.met === null ? "skipped" : g.met ? "yes" : "**no**")],
      ]),
    ),
  );
  const skipped = [...c.skipped, ...r.servers.flatMap((s) => s.skipped), ...z.skipped];
  if (skipped.length) out.push("", `Skipped: ${[...new Set(skipped)].join("; ")}.`);
  return `${out.join("\n")}\n`;
}
