/** The benchmark's results as Markdown tables, for the terminal and for pasting into the README. */
import type { BenchResults } from "./harness.js";
import { contenderRatio } from "./client-overhead.js";

const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || !Number.isFinite(n)
    ? "—"
    : n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const times = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? "—" : `${n.toFixed(2)}×`);

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`## Benchmarks (${r.profile}) — ${r.date.slice(0, 10)}`);
  out.push("");
  out.push(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.os}. Run ${r.date}, ${r.durationSec} s in all; load average ${m.loadAverage.start} at the start, ${m.loadAverage.end} at the end.`,
  );
  out.push(
    r.peers.versions
      ? `Peers: customerio-node ${r.peers.versions["customerio-node"]}, @stoplight/prism-cli ${r.peers.versions["@stoplight/prism-cli"]}, autocannon ${r.peers.versions.autocannon}.`
      : "Peers: not installed (their parts were skipped).",
  );

  const c = r.clientOverhead;
  out.push("");
  out.push(
    `### Client overhead — identify calls, ${c.concurrency} in flight, against a node:http sink in a child process: ${c.rounds} rounds, each contender measured for ${fmt(c.measureMs / 1000, 1)} s after running ${fmt(c.settleMs / 1000, 1)} s (medians; each ratio is the median of the ratios within a round)`,
  );
  out.push("");
  out.push(`The node contender sent with ${c.nodeTransport}.`);
  out.push("");
  const node = c.contenders.find((x) => x.name === "cio-customers (node)");
  const universal = c.contenders.find((x) => x.name === "cio-customers (fetch)");
  out.push(
    table(
      ["client", "calls/s", "CPU µs/call", "node calls/s ÷ this", "node CPU ÷ this", "fetch path calls/s ÷ this"],
      c.contenders.map((x) => [
        x.name,
        fmt(x.callsPerSec),
        fmt(x.cpuUsPerCall, 1),
        times(node ? contenderRatio(node, x, "callsPerSec") : undefined),
        times(node ? contenderRatio(node, x, "cpuUsPerCall") : undefined),
        times(universal ? contenderRatio(universal, x, "callsPerSec") : undefined),
      ]),
    ),
  );

  for (const s of r.servers) {
    const sim = s.servers.find((x) => x.name === "simulator");
    const per = "durationSec" in s.perRun ? `${s.perRun.durationSec} s` : `${fmt(s.perRun.requests)} requests`;
    out.push("");
    out.push(
      `### Server throughput — ${s.generator === "autocannon" ? "autocannon" : "built-in load loop"}, ${s.connections} connections, ${s.rounds} × ${per} per server, PUT identify with a new id each (medians)`,
    );
    out.push("");
    out.push(
      table(
        ["server", "req/s", "p50 ms", "p99 ms", "non-2xx / errors", "simulator ÷ this"],
        s.servers.map((x) => [
          x.name,
          fmt(x.reqPerSec),
          fmt(x.p50Ms, 2),
          fmt(x.p99Ms, 2),
          `${x.non2xx} / ${x.errors}`,
          times(sim ? sim.reqPerSec / x.reqPerSec : undefined),
        ]),
      ),
    );
  }

  const i = r.import;
  out.push("");
  out.push(
    `### Import — the CLI in a child process, NDJSON into the simulator over loopback, --rate 0, --concurrency ${i.concurrency}`,
  );
  out.push("");
  out.push(
    table(
      [
        "rows",
        "rows/s",
        "simulator req/s just before",
        "rows/s ÷ simulator req/s",
        "peak RSS MB",
        "CPU s",
        "process s",
      ],
      i.runs.map((x) => [
        fmt(x.rows),
        fmt(x.rowsPerSec),
        fmt(x.simulatorReqPerSec),
        times(x.vsSimulator),
        `${fmt(x.maxRssMb, 1)} (${x.rssSource})`,
        fmt(x.cpuSec, 2),
        fmt(x.processSec, 2),
      ]),
    ),
  );
  out.push("");
  out.push(
    `The simulator's throughput is measured on the same simulator process just before each import (${i.probe}); against the server benchmark's ${fmt(i.baseline.reqPerSec)} req/s the ratios are ${i.runs.map((x) => times(x.vsBaseline)).join(" and ")}. Peak RSS ${i.runs.at(-1)?.rows ?? "—"} ÷ ${i.runs[0]?.rows ?? "—"} rows: ${times(i.rssGrowth)}; the same command importing 1 row peaks at ${fmt(i.floor.maxRssMb, 1)} MB (runtime, loader and modules).`,
  );
  out.push(
    `With --rate ${i.rate.limit} on ${fmt(i.rate.rows)} rows: ${fmt(i.rate.achievedPerSec)} rows/s achieved (${i.rate.deviationPct}% off the limit).`,
  );
  const warned = [...i.runs.map((x) => x.warnings), i.rate.warnings].flatMap((w) => Object.entries(w));
  if (warned.length) {
    const total = new Map<string, number>();
    for (const [kind, n] of warned) total.set(kind, (total.get(kind) ?? 0) + n);
    out.push(`The CLI printed Node warnings: ${[...total].map(([kind, n]) => `${kind} × ${fmt(n)}`).join(", ")}.`);
  }

  const z = r.size;
  out.push("");
  out.push("### Size — esbuild bundle, minified, ESM, then gzip -9");
  out.push("");
  const sizeRows = [
    [
      `cio-customers main entry (src/index.ts; ${z.client.platform})`,
      fmt(z.client.minBytes),
      fmt(z.client.gzipBytes),
      "1.00×",
    ],
    [
      `cio-customers/raw (src/raw.ts, with openapi-fetch; ${z.raw.platform})`,
      fmt(z.raw.minBytes),
      fmt(z.raw.gzipBytes),
      times(z.client.gzipBytes / z.raw.gzipBytes),
    ],
    [
      `cio-customers under Node (src/node/index.ts, undici external; ${z.node.platform})`,
      fmt(z.node.minBytes),
      fmt(z.node.gzipBytes),
      times(z.client.gzipBytes / z.node.gzipBytes),
    ],
  ];
  if (z.customerioNode)
    sizeRows.push([
      `customerio-node (${z.customerioNode.entry.replace(/^.*node_modules\//, "")}; ${z.customerioNode.platform})`,
      fmt(z.customerioNode.minBytes),
      fmt(z.customerioNode.gzipBytes),
      times(z.client.gzipBytes / z.customerioNode.gzipBytes),
    ]);
  out.push(table(["bundle", "minified B", "gzip B", "cio-customers gzip ÷ this"], sizeRows));

  const sc = r.scale;
  out.push("");
  out.push(
    `### Simulator at scale — ${fmt(sc.people)} people seeded over HTTP, a probe call (GET settings) on another connection throughout`,
  );
  out.push("");
  out.push(
    `${fmt(sc.peoplePerSec)} people created per second; RSS ${fmt(sc.rssBeforeMb, 1)} MB → ${fmt(sc.rssAfterMb, 1)} MB, ${fmt(sc.rssPerPersonBytes)} B per person.`,
  );
  out.push("");
  out.push(
    table(
      ["phase", "calls", "slowest call ms", "probe calls", "probe p50 ms", "probe p99 ms", "probe max ms"],
      (["seed", "list", "search", "reset"] as const).map((name) => {
        const p = sc.phases[name];
        return [
          name,
          fmt(p.calls),
          fmt(p.slowestCallMs, 1),
          fmt(p.probes),
          fmt(p.probeP50Ms, 2),
          fmt(p.probeP99Ms, 2),
          fmt(p.probeMaxMs, 1),
        ];
      }),
    ),
  );

  out.push("");
  out.push("### Goals");
  out.push("");
  out.push(
    table(
      ["goal", "target", "measured", "met"],
      r.goals.map((g) => [g.description, g.target, g.actual, g.met === null ? "skipped" : g.met ? "yes" : "**no**"]),
    ),
  );
  const skipped = [...c.skipped, ...r.servers.flatMap((s) => s.skipped), ...z.skipped];
  if (skipped.length) {
    out.push("");
    out.push(`Skipped: ${[...new Set(skipped)].join("; ")}.`);
  }
  return `${out.join("\n")}\n`;
}
