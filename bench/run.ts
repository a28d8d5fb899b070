/**
 * `npm run bench [-- --quick] [-- --out FILE]`: runs the benchmarks, prints the results as Markdown tables and
 * writes them as JSON (default bench/results/latest.json, which git ignores).
 *
 * Installs the peers first when bench/peers/node_modules is missing (`npm ci --prefix bench/peers`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Children } from "./children.js";
import { runBench } from "./harness.js";
import { installPeers, peersInstalled } from "./peers.js";
import { RESULTS_DIR } from "./paths.js";
import { formatReport } from "./report.js";

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    quick: { type: "boolean", default: false },
    out: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    "Usage: npm run bench [-- --quick] [-- --out FILE]\n  --quick  smaller sizes (about a minute)\n  --out    where the JSON goes (default bench/results/latest.json)\n",
  );
  process.exit(0);
}

const log = (line: string) => void process.stderr.write(`${line}\n`);
if (!peersInstalled()) installPeers(log);

const children = new Children();
const interrupt = () => {
  log("Interrupted: stopping the child processes …");
  void children.stopAll().finally(() => process.exit(130));
};
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);

const results = await runBench({ profile: values.quick ? "quick" : "full", children, log });
const out = resolve(values.out ?? join(RESULTS_DIR, "latest.json"));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(formatReport(results));
log(`\nResults written to ${out}`);
