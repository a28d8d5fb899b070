/**
 * Smoke run of the benchmark harness (bench/), so that it cannot rot: every benchmark with tiny sizes, this
 * client against raw fetch, the simulator against the bare server (built-in load loop), an import of a few
 * hundred rows through the real CLI, and the size of this client's bundle. The peers (customerio-node,
 * autocannon, Prism) join in when bench/peers is installed; the smoke never installs them.
 *
 * Only the shape of the results is checked (numbers present, positive, ratios computed), never their values:
 * timings on a shared machine say nothing in a test.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Children } from "../../bench/children.js";
import { runBench, type BenchResults } from "../../bench/harness.js";
import { measureImport } from "../../bench/import.js";
import { peersInstalled } from "../../bench/peers.js";
import { formatReport } from "../../bench/report.js";

const positive = (n: number | undefined) => {
  expect(typeof n).toBe("number");
  expect(Number.isFinite(n)).toBe(true);
  expect(n).toBeGreaterThan(0);
};

// The binary as the run's global setup compiled it (test/support/cli-build.ts), so no import pays for tsx.
const built = process.env["CIO_TEST_CLI"];
const builtCli = built === undefined ? {} : { cli: built };

describe("benchmark harness (smoke)", () => {
  const peers = peersInstalled();
  if (!peers)
    console.log(
      "bench/peers is not installed: the smoke skips customerio-node, autocannon and Prism (npm run bench installs them).",
    );

  it("runs every benchmark with tiny sizes and reports ratios, stopping every child process", async () => {
    const children = new Children();
    const log: string[] = [];
    const r: BenchResults = await runBench({ profile: "smoke", children, log: (line) => log.push(line), ...builtCli });
    expect(children.running).toBe(0);

    expect(r.profile).toBe("smoke");
    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.machine.node).toBe(process.version);
    expect(Number.isNaN(Date.parse(r.date))).toBe(false);
    expect(r.peers.installed).toBe(peers);

    // 1. Client overhead
    const names = r.clientOverhead.contenders.map((c) => c.name);
    const ours = ["cio-customers (node)", "cio-customers (fetch)", "raw-fetch", "fetch-timeout"];
    expect(names).toEqual(peers ? [...ours, "customerio-node"] : ours);
    expect(r.clientOverhead.nodeTransport).toBe("undici");
    for (const c of r.clientOverhead.contenders) {
      positive(c.callsPerSec);
      positive(c.cpuUsPerCall);
      expect(c.rounds).toHaveLength(r.clientOverhead.rounds);
    }
    positive(r.clientOverhead.ratios.nodeVsRawFetch);
    positive(r.clientOverhead.ratios.nodeCpuVsRawFetch);
    positive(r.clientOverhead.ratios.fetchVsFetchTimeout);
    positive(r.clientOverhead.ratios.fetchVsRawFetch);
    if (peers) positive(r.clientOverhead.ratios.nodeVsCustomerioNode);
    else expect(r.clientOverhead.skipped.join()).toContain("customerio-node");

    // 2. Server throughput: the built-in loop always, autocannon with Prism when the peers are there.
    expect(r.servers.map((s) => s.generator)).toEqual(peers ? ["builtin", "autocannon"] : ["builtin"]);
    for (const s of r.servers) {
      const expected = s.generator === "autocannon" ? ["simulator", "bare", "prism"] : ["simulator", "bare"];
      expect(s.servers.map((x) => x.name)).toEqual(expected);
      for (const x of s.servers) {
        positive(x.reqPerSec);
        positive(x.p50Ms);
        positive(x.p99Ms);
        positive(x.requests);
        // Every request is valid: a server answering errors would measure nothing.
        expect(x.non2xx).toBe(0);
        expect(x.errors).toBe(0);
      }
      positive(s.ratios.simulatorVsBare);
      if (s.generator === "autocannon") positive(s.ratios.simulatorVsPrism);
    }

    // 3. Import through the real CLI
    expect(r.import.runs.map((x) => x.rows)).toEqual([100, 200]);
    for (const run of r.import.runs) {
      expect(run.accepted).toBe(run.rows);
      expect(run.refused).toBe(0);
      positive(run.rowsPerSec);
      positive(run.simulatorReqPerSec);
      positive(run.vsSimulator);
      positive(run.vsBaseline);
      positive(run.maxRssMb);
      positive(run.processSec);
      expect(["time", "VmHWM"]).toContain(run.rssSource);
    }
    positive(r.import.floor.maxRssMb);
    positive(r.import.baseline.reqPerSec);
    positive(r.import.rssGrowth);
    positive(r.import.rate.achievedPerSec);
    expect(r.import.rate.limit).toBe(200);
    expect(Number.isFinite(r.import.rate.deviationPct)).toBe(true);

    // 4. Size
    positive(r.size.client.gzipBytes);
    expect(r.size.client.gzipBytes).toBeLessThan(r.size.client.minBytes);
    // openapi-fetch is only in the raw entry; undici only in the Node entry, as a dependency left external.
    expect(r.size.client.largestInputs.map((i) => i.path).join()).not.toContain("openapi-fetch");
    expect(r.size.raw.largestInputs.map((i) => i.path).join()).toContain("openapi-fetch");
    // The browser's main entry is the universal one less redirect following.
    expect(r.size.universal.gzipBytes).toBeGreaterThan(r.size.client.gzipBytes);
    positive(r.size.raw.gzipBytes);
    positive(r.size.node.gzipBytes);
    if (peers) positive(r.size.customerioNode?.gzipBytes);
    else expect(r.size.customerioNode).toBeUndefined();

    // 5. Scale: every figure present, every phase probed.
    expect(r.scale.people).toBe(2_000);
    positive(r.scale.peoplePerSec);
    positive(r.scale.rssAfterMb);
    expect(Number.isFinite(r.scale.rssPerPersonBytes)).toBe(true);
    for (const p of Object.values(r.scale.phases)) {
      positive(p.calls);
      positive(p.probes);
      positive(p.probeMaxMs);
      expect(p.probeP99Ms).toBeLessThanOrEqual(p.probeMaxMs);
    }
    expect(r.goals.map((g) => g.id)).toEqual(expect.arrayContaining(["scale-rss", "scale-blocking"]));

    // Goals are evaluated (met or not is for the full run to say), and the report renders every section.
    expect(r.goals.length).toBeGreaterThan(5);
    for (const goal of r.goals) expect([true, false, null]).toContain(goal.met);
    const report = formatReport(r);
    for (const heading of [
      "### Client overhead",
      "### Server throughput",
      "### Import",
      "### Size",
      "### Simulator at scale",
      "### Goals",
    ])
      expect(report).toContain(heading);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(log.length).toBeGreaterThan(0);
  }, 300_000);

  it("reads the importing process's peak RSS from /proc (VmHWM) where GNU time is missing", async () => {
    const children = new Children();
    const workDir = mkdtempSync(join(tmpdir(), "cio-bench-smoke-"));
    try {
      const r = await measureImport({
        children,
        workDir,
        sizes: [50],
        concurrency: 2,
        rate: { rows: 10, limit: 200 },
        baseline: { reqPerSec: 1000, source: "a fixed number, for the shape" },
        timeoutMs: 60_000,
        rssProbe: "VmHWM",
        ...(builtCli.cli === undefined ? {} : { cli: [builtCli.cli] }),
      });
      const [run] = r.runs;
      expect(run?.rssSource).toBe("VmHWM");
      expect(run?.simulatorReqPerSec).toBeUndefined();
      expect(run?.vsSimulator).toBe(run?.vsBaseline);
      expect(run?.accepted).toBe(50);
      positive(run?.maxRssMb);
      positive(r.rate.maxRssMb);
    } finally {
      await children.stopAll();
      rmSync(workDir, { recursive: true, force: true });
    }
    expect(children.running).toBe(0);
  }, 120_000);
});
