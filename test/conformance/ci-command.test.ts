/**
 * The CI uses through the real binary: --require-behaviour against a target without an observer, --out into
 * folders that do not exist, targets outside loopback refused, and traffic recorded by `simulate --record` (and
 * read from a running simulator) judged by `conformance --traffic`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { serveSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { against, cli, serveStateless, simulate } from "./support.js";

const temp = mkdtempSync(join(tmpdir(), "cio-ci-command-"));
const KEY = "ci-command-secret-key";
registerCredentials("sim-site", KEY);

let stateless: Awaited<ReturnType<typeof serveStateless>>;
let statelessUrl: string;
beforeAll(async () => {
  stateless = await serveStateless();
  statelessUrl = stateless.url;
});
afterAll(async () => {
  await stateless.close();
  rmSync(temp, { recursive: true, force: true });
});

describe("conformance in CI", () => {
  it("a target without an observer: behaviour skipped and counted once; --require-behaviour exits 1 with one line", async () => {
    const args = [...against("--target", statelessUrl, "s", KEY), "--only", "behaviour.", "--seed", "1"];
    const lenient = await cli(args);
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^24 checks skipped: the target offers no observer/m);
    const strict = await cli([...args, "--require-behaviour"]);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim().split("\n")).toHaveLength(1);
    expect(strict.stderr).toMatch(
      /^cio-customers conformance: --require-behaviour: behaviour was required but 24 behaviour checks were skipped: the target offers no observer/,
    );
  });

  it("--out into folders that do not exist works; a write that cannot happen is one line and exit 2", async () => {
    const out = join(temp, "reports", "ci", "conformance.xml");
    const ok = await cli([
      "conformance",
      "--only",
      "wire.requires-credentials",
      "--no-client",
      "--reporter",
      "junit",
      "--out",
      out,
    ]);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(
      /<testcase classname="conformance\.wire" name="wire\.requires-credentials"/,
    );
    const file = join(temp, "plain-file");
    writeFileSync(file, "");
    const bad = await cli([
      "conformance",
      "--only",
      "wire.requires-credentials",
      "--no-client",
      "--out",
      join(file, "r.xml"),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/cannot write the report to .*plain-file\/r\.xml/);
  });

  it("a target outside loopback is refused without --allow-writes, before anything is sent", async () => {
    const { code, stderr } = await cli([...against("--target", "https://track.customer.io", "s", KEY)]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /refusing to write to https:\/\/track\.customer\.io: it is not a loopback address.*--allow-writes/,
    );
  });
});

describe("traffic recorded by the simulator, judged by conformance --traffic", () => {
  it("simulate --record writes NDJSON as requests come; the judge passes clean traffic and names each mistake", async () => {
    const record = join(temp, "traffic", "app.ndjson");
    const sim = await simulate(record, KEY);
    try {
      const url = sim.url;
      const client = createCustomersClient({ siteId: "sim-site", apiKey: KEY, baseUrl: url });
      await client.identify({ email: "ada@example.com" }, { plan: "premium" });
      await client.update({ email: "ada@example.com" }, { seats: 2 });
      // Written as it goes: both lines are there while the simulator still runs.
      expect(readFileSync(record, "utf8").trim().split("\n")).toHaveLength(2);
      const clean = await cli(["conformance", "--traffic", record]);
      expect(clean.code, clean.stdout).toBe(0);
      expect(clean.stdout).toMatch(/traffic\.update-flag\s+C23\s+pass/);

      // An application that sends milliseconds.
      await fetch(`${url}/api/v1/customers/grace`, {
        method: "PUT",
        headers: { authorization: `Basic ${btoa(`sim-site:${KEY}`)}`, "content-type": "application/json" },
        body: '{"created_at":1700000000000}',
      });
      const junit = join(temp, "traffic-report", "traffic.xml");
      const caught = await cli(["conformance", "--traffic", record, "--reporter", "junit", "--out", junit]);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toMatch(/✗ traffic\.timestamps/);
      expect(readFileSync(junit, "utf8")).toMatch(
        /<failure message="request 3\.body\.created_at: expected whole Unix seconds/,
      );
      expect(readFileSync(record, "utf8")).not.toContain(KEY);

      // The same traffic, read from the running simulator.
      const live = await cli([...against("--traffic", url, "sim-site", KEY), "--only", "traffic.timestamps"]);
      expect(live.code).toBe(1);
      expect(live.stdout).toMatch(/traffic\.timestamps\s+C22\s+FAIL/);
      expect(live.stdout + live.stderr).not.toContain(KEY);
    } finally {
      await sim.stop();
    }
  });

  it("an unreadable traffic source is one line and exit 2", async () => {
    const missing = await cli(["conformance", "--traffic", join(temp, "nope.ndjson")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the traffic file .*nope\.ndjson: ENOENT/);
    const served = await serveSimulator({ port: 0, apiKey: KEY });
    try {
      const refused = await cli([...against("--traffic", served.url, "sim-site", "wrong-key")]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/__simulator\/requests answered 401/);
    } finally {
      await served.close();
    }
  });
});
