/** The goals: each target's words and its test come from one bound, so a figure on the line reads as the words say. */
import { describe, expect, it } from "vitest";
import type { ClientOverheadResult } from "../../bench/client-overhead.js";
import { evaluateGoals, type Goal } from "../../bench/goals.js";
import type { ImportResult } from "../../bench/import.js";
import type { ServerThroughputResult } from "../../bench/servers.js";
import type { BundleSize, SizeResult } from "../../bench/size.js";

const bundle = (gzipBytes: number): BundleSize => ({
  entry: "src/browser.ts",
  platform: "browser",
  minBytes: gzipBytes * 3,
  gzipBytes,
  largestInputs: [],
});

function goals(figures: { nodeVsRawFetch: number; simulatorVsPrism?: number; gzipBytes: number }): Goal[] {
  const clientOverhead = {
    nodeTransport: "undici",
    ratios: { nodeVsRawFetch: figures.nodeVsRawFetch, nodeVsCustomerioNode: Number.NaN },
  } as ClientOverheadResult;
  const prism = figures.simulatorVsPrism;
  const ratios = { simulatorVsBare: 0.5, ...(prism === undefined ? {} : { simulatorVsPrism: prism }) };
  const servers = [{ generator: "autocannon", ratios }] as ServerThroughputResult[];
  const rate = { limit: 200, rows: 600, achievedPerSec: 196, deviationPct: 2, maxRssMb: 90, warnings: {} };
  const run = { rows: 100, vsSimulator: 0.4, maxRssMb: 200 };
  const imports = { runs: [run], rate } as unknown as ImportResult;
  const size = { client: bundle(figures.gzipBytes) } as SizeResult;
  return evaluateGoals({ clientOverhead, servers, import: imports, size });
}

const byId = (list: Goal[], id: string) => list.find((goal) => goal.id === id);

describe("evaluateGoals", () => {
  it("meets a goal on its line and misses it just past", () => {
    const onTheLine = goals({ nodeVsRawFetch: 1.5, simulatorVsPrism: 10, gzipBytes: 8192 });
    expect(byId(onTheLine, "node-vs-fetch")).toMatchObject({ target: "≥ 1.50×", actual: "1.50×", met: true });
    expect(byId(onTheLine, "simulator-vs-prism")).toMatchObject({ target: "≥ 10×", met: true });
    expect(byId(onTheLine, "size-client")).toMatchObject({ target: "≤ 8 KB (8192 B)", actual: "8192 B", met: true });
    expect(byId(onTheLine, "import-rate-200")).toMatchObject({ target: "within 2%", met: true });
    expect(byId(onTheLine, "import-100-throughput")).toMatchObject({ target: "≥ 0.40×", met: true });

    const past = goals({ nodeVsRawFetch: 1.49, simulatorVsPrism: 9.99, gzipBytes: 8193 });
    for (const id of ["node-vs-fetch", "simulator-vs-prism", "size-client"]) expect(byId(past, id)?.met).toBe(false);
  });

  it("misses a strict bound on its line", () => {
    expect(byId(goals({ nodeVsRawFetch: 2, gzipBytes: 1 }), "import-100-rss")).toMatchObject({
      target: "< 200 MB",
      actual: "200.0 MB",
      met: false,
    });
  });

  it("leaves a goal whose figure was not measured open", () => {
    const list = goals({ nodeVsRawFetch: 2, gzipBytes: 1 });
    expect(byId(list, "simulator-vs-prism")).toMatchObject({ actual: "not measured", met: null });
    expect(byId(list, "node-vs-customerio-node")).toMatchObject({ actual: "not measured", met: null });
  });
});
