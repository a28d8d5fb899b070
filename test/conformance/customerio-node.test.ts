/**
 * A client nobody here wrote: Customer.io's official Node SDK (customerio-node, pinned in test/conformance/sdk),
 * used by a small application the way the SDK's README shows, against `cio-customers simulate --record`; its
 * traffic is judged by `cio-customers conformance --traffic`, both through the real binary. The findings must be
 * exactly those docs/conformance.md lists in its table for the SDK, so the page cannot go stale. The same
 * application written with this package's client leaves traffic with no finding.
 *
 * The SDK is installed by this test (`npm ci --prefix test/conformance/sdk`: one package, no dependencies, locked)
 * when it is missing, so a clean clone needs only the npm registry. Where it cannot be installed, the test is
 * skipped with one line, except in CI (CI set), where that is a failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEER_VERSIONS } from "../../bench/peers.js";
import type { ConformanceReport } from "../../conformance/index.js";
import { createCustomersClient } from "../../src/index.js";
import { registerCredentials } from "../support/secrets.js";
import { cli, simulate } from "./support.js";

const root = new URL("../..", import.meta.url).pathname;
const SDK_DIR = join(root, "test", "conformance", "sdk");
const SDK_MANIFEST = join(SDK_DIR, "node_modules", "customerio-node", "package.json");
const KEY = "sdk-traffic-secret-key";
registerCredentials("sim-site", KEY);
let temp = "";
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "cio-sdk-traffic-"));
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The part of customerio-node's TrackClient the application uses. */
interface TrackClient {
  identify(customerId: string, data: Record<string, unknown>): Promise<unknown>;
}
type TrackClientConstructor = new (siteId: string, apiKey: string, defaults: { url: string }) => TrackClient;

/** Installs the SDK when it is missing; the reason it is unavailable, or undefined when it is there. */
function ensureSdk(): string | undefined {
  if (existsSync(SDK_MANIFEST)) return undefined;
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(
    npm,
    ["ci", "--prefix", SDK_DIR, "--ignore-scripts", "--no-audit", "--no-fund", "--fetch-retries=1", "--loglevel=error"],
    { stdio: "pipe", encoding: "utf8", timeout: 300_000 },
  );
  if (result.status === 0 && existsSync(SDK_MANIFEST)) return undefined;
  const why = (result.stderr || result.error?.message || `exit ${result.status}`).trim().split("\n")[0];
  return `npm ci --prefix test/conformance/sdk failed (${why})`;
}

const unavailable = ensureSdk();
if (unavailable !== undefined && process.env["CI"] === undefined)
  console.log(`customerio-node is not installed, so its traffic is not judged: ${unavailable}`);

/** `cio-customers simulate --record FILE`, with a call to its inspection API. */
async function simulateWithInspection(record: string) {
  const sim = await simulate(record, KEY);
  const url = sim.url;
  const inspect = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${url}/__simulator/${path}`, {
      ...init,
      headers: { authorization: `Basic ${btoa(`sim-site:${KEY}`)}`, "content-type": "application/json" },
    });
    return (await response.json()) as Record<string, unknown>;
  };
  return { ...sim, inspect };
}

/** `conformance --traffic FILE --reporter json`: the report, and each finding as `seq check code`. */
async function judge(record: string) {
  const out = join(temp, `${Math.random().toString(36).slice(2)}.json`);
  const { code, stderr } = await cli(["conformance", "--traffic", record, "--reporter", "json", "--out", out]);
  const report = JSON.parse(readFileSync(out, "utf8")) as ConformanceReport;
  const findings = report.results.flatMap((r) => r.findings.map((f) => `${f.request ?? "-"} ${f.check} ${f.code}`));
  return { code, stderr, report, findings: findings.sort() };
}

/**
 * The findings docs/conformance.md states for the SDK: each row of the table under "Customer.io's Node SDK" names
 * its request number, then `check` (`code`).
 */
function documentedFindings(): string[] {
  const page = readFileSync(join(root, "docs", "conformance.md"), "utf8");
  const section = /^## Customer\.io's Node SDK[^\n]*\n([\s\S]*?)(?=^#{1,3} )/m.exec(page)?.[1] ?? "";
  const rows = [...section.matchAll(/^\| (\d+)[^|]*\|[^\n]*?`(traffic\.[a-z-]+)` \(`([a-z_]+)`\)/gm)];
  return rows.map(([, seq, check, code]) => `${seq} ${check} ${code}`).sort();
}

/** A second of pause, so that the simulator has received the first of two calls before the second is made. */
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(unavailable !== undefined && process.env["CI"] === undefined)("customerio-node's traffic", () => {
  it("is installed at the version the benchmark measures", () => {
    expect(unavailable, "customerio-node must be installable in CI").toBeUndefined();
    const manifest = JSON.parse(readFileSync(SDK_MANIFEST, "utf8")) as { version: string };
    expect(manifest.version).toBe(PEER_VERSIONS["customerio-node"]);
  });

  it("is judged by conformance --traffic with exactly the findings docs/conformance.md lists", async () => {
    const record = join(temp, "customerio-node.ndjson");
    const sim = await simulateWithInspection(record);
    try {
      const { TrackClient } = createRequire(join(SDK_DIR, "package.json"))("customerio-node") as {
        TrackClient: TrackClientConstructor;
      };
      const cio = new TrackClient("sim-site", KEY, { url: `${sim.url}/api/v1` });
      // 1, 2: a sign-up with seconds, and an email with + and @ in the path.
      await cio.identify("user-5678", { email: "ada@example.com", created_at: 1700000000, plan: "basic" });
      await cio.identify("ada+news@example.com", { first_name: "Ada" });
      // 3, 4: a later change of plan, as the SDK's README writes it, then with _update written by hand.
      await cio.identify("user-5678", { plan: "premium" });
      await cio.identify("user-5678", { plan: "enterprise", _update: true });
      // 5: a new email, through the person's cio_id (the caller adds the prefix).
      const lookup = await sim.inspect("people/lookup?id=user-5678");
      const cioId = (lookup["person"] as { cio_id: string } | undefined)?.cio_id ?? String(lookup["cio_id"]);
      await cio.identify(`cio_${cioId}`, { email: "ada.lovelace@example.com" });
      // 6, 7: two handlers of the application update one person at once; the first answer is held back a second.
      await sim.inspect("faults", {
        method: "POST",
        body: JSON.stringify({ faults: [{ kind: "latency", ms: 1000, times: 1 }] }),
      });
      const first = cio.identify("user-42", { plan: "basic" });
      await pause(50);
      await Promise.all([first, cio.identify("user-42", { seats: 3 })]);
      // 8, 9: timestamps as JavaScript gives them: Date.now() milliseconds, and a Date.
      await cio.identify("user-77", { created_at: 1700000000000 });
      await cio.identify("user-78", { created_at: new Date("2023-11-14T22:13:20Z") });
    } finally {
      await sim.stop();
    }

    const lines = readFileSync(record, "utf8").trim().split("\n");
    expect(lines).toHaveLength(9);
    expect(readFileSync(record, "utf8")).not.toContain(KEY);
    const { code, findings, report } = await judge(record);
    expect(code).toBe(1);
    expect(report.target).toMatch(/\(9 requests\)$/);
    const documented = documentedFindings();
    expect(documented.length).toBeGreaterThan(0);
    expect(findings).toEqual(documented);
  });
});

describe("this package's client in the same application", () => {
  it("leaves traffic with no finding", async () => {
    const record = join(temp, "cio-customers.ndjson");
    const sim = await simulateWithInspection(record);
    try {
      const customers = createCustomersClient({ siteId: "sim-site", apiKey: KEY, baseUrl: sim.url });
      await customers.identify(
        { id: "user-5678" },
        { email: "ada@example.com", created_at: new Date("2023-11-14T22:13:20Z"), plan: "basic" },
      );
      await customers.identify({ email: "ada+news@example.com" }, { first_name: "Ada" });
      await customers.update({ id: "user-5678" }, { plan: "premium" });
      const lookup = await sim.inspect("people/lookup?id=user-5678");
      const cioId = (lookup["person"] as { cio_id: string } | undefined)?.cio_id ?? String(lookup["cio_id"]);
      await customers.identify({ cioId }, { email: "ada.lovelace@example.com" });
      await sim.inspect("faults", {
        method: "POST",
        body: JSON.stringify({ faults: [{ kind: "latency", ms: 1000, times: 1 }] }),
      });
      // Calls for one person wait for each other inside the client, so these two never overlap.
      await Promise.all([
        customers.identify({ id: "user-42" }, { plan: "basic" }),
        customers.update({ id: "user-42" }, { seats: 3 }),
      ]);
      await customers.identify({ id: "user-77" }, { created_at: new Date(1700000000000) });
    } finally {
      await sim.stop();
    }
    expect(readFileSync(record, "utf8").trim().split("\n")).toHaveLength(7);
    const { code, findings, report } = await judge(record);
    expect(findings).toEqual([]);
    expect(report.summary.failed).toBe(0);
    expect(code).toBe(0);
  });
});
