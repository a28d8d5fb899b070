/**
 * `npx tsx bench/scale-run.ts [--profile full|quick|smoke] [--people N]`: the simulator-at-scale part of
 * `npm run bench` (bench/scale.ts) on its own, with the settings of a profile (full: 1,000,000 people), the same
 * child process (bench/serve.ts) and the same probe. Prints the figures as JSON with the machine's load average
 * before and after, since other work on the machine shows in the probe's latency.
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { Children } from "./children.js";
import { PROFILES, type Profile } from "./harness.js";
import { measureScale } from "./scale.js";
import { SCALE_MAX_BLOCK_MS } from "./goals.js";

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    profile: { type: "string", default: "full" },
    people: { type: "string" },
  },
});
const profile = values.profile as Profile;
if (!(profile in PROFILES)) throw new Error(`--profile must be one of ${Object.keys(PROFILES).join(", ")}`);
const config = { ...PROFILES[profile].scale };
if (values.people !== undefined) config.people = Number(values.people);
if (!Number.isSafeInteger(config.people) || config.people < 1)
  throw new Error("--people must be a whole number from 1");

const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const children = new Children();
const interrupt = () => void children.stopAll().finally(() => process.exit(130));
process.once("SIGINT", interrupt);
process.once("SIGTERM", interrupt);
const loadAtStart = load();
try {
  const result = await measureScale({ children, ...config }, (line) => void process.stderr.write(`${line}\n`));
  const report = {
    date: new Date().toISOString(),
    config,
    loadAverage: { start: loadAtStart, end: load() },
    node: process.version,
    ...result,
    goal: { maxBlockMs: SCALE_MAX_BLOCK_MS, met: result.worstProbeMs <= SCALE_MAX_BLOCK_MS },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await children.stopAll();
}
