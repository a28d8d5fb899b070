/**
 * The traffic judge: traffic recorded by the simulator, one fixture per mistake a client can make, each caught by
 * the check that names it and by no other; and this package's client, whose traffic has no finding at all.
 */
import { describe, expect, it } from "vitest";
import { formatHuman, runConformance, type ConformanceReport, type TrafficRequest } from "../../conformance/index.js";
import { createCustomersClient, replaceTopics, setTopics, addRelationships } from "../../src/index.js";
import { createSimulator, type Simulator } from "../../src/simulator/index.js";
import { registerCredentials } from "../support/secrets.js";

const BASE = "http://simulator.local";

function simulator(): Simulator {
  const sim = createSimulator({ apiKey: "traffic-judge-key" });
  registerCredentials(sim.siteId, sim.apiKey);
  return sim;
}

/** Sends one raw request to the simulator, as an application of any language would. */
function send(sim: Simulator, path: string, body: string, headers: Record<string, string> = {}, auth = true) {
  const all: Record<string, string> = { "content-type": "application/json", ...headers };
  if (auth) all["authorization"] = `Basic ${btoa(`${sim.siteId}:${sim.apiKey}`)}`;
  return sim.fetch(new Request(`${BASE}${path}`, { method: "PUT", headers: all, body }));
}

const judge = (traffic: readonly TrafficRequest[]) => runConformance({ traffic, seed: 1 });
const failed = (report: ConformanceReport) => report.results.filter((r) => r.status === "failed").map((r) => r.id);
const codes = (report: ConformanceReport) => report.results.flatMap((r) => r.findings.map((f) => f.code));

describe("this package's client", () => {
  it("sends traffic with no finding", async () => {
    const sim = simulator();
    const client = createCustomersClient({ siteId: sim.siteId, apiKey: sim.apiKey, baseUrl: BASE, fetch: sim.fetch });
    await client.identify(
      { id: "user-5678" },
      { email: "ada@example.com", created_at: new Date("2023-11-14T22:13:20Z"), plan: "premium" },
    );
    await client.identify({ email: "grace@example.com" }, { first_name: "Grace", ...setTopics({ 3: false }) });
    await client.identify(
      { id: "a+b/c 100%" },
      { ...replaceTopics({ 1: true }), ...addRelationships([{ type: 1, id: "acme" }]) },
    );
    const person = sim.person({ id: "user-5678" })!;
    await client.identify({ cioId: person.cio_id }, { id: "user-9999" });
    await client.update({ id: "user-9999" }, { plan: "enterprise" });
    await client.update({ email: "grace@example.com" }, { seats: 3 });
    const report = await judge(sim.requests());
    expect(sim.requests()).toHaveLength(6);
    expect(report.summary.failed, formatHuman(report)).toBe(0);
    expect(report.summary.passed).toBe(report.summary.total);
    expect(report.results.every((r) => r.kind === "traffic")).toBe(true);
  });
});

describe("one fixture per mistake, each caught by the finding that names it", () => {
  const cases: [string, (sim: Simulator) => Promise<unknown>, string, string][] = [
    [
      "an identifier encoded twice",
      (sim) => send(sim, "/api/v1/customers/ada%2540example.com", "{}"),
      "traffic.identifier-encoding",
      "identifier_double_encoded",
    ],
    [
      "a raw / in the identifier",
      (sim) => send(sim, "/api/v1/customers/team/ada", "{}"),
      "traffic.identifier-encoding",
      "identifier_raw_slash",
    ],
    [
      "a cio_ value sent as an id",
      (sim) => send(sim, "/api/v1/customers/ada%40example.com", '{"id":"cio_03000001a2b3"}'),
      "traffic.cio-value-as-id",
      "cio_value_as_id",
    ],
    [
      "milliseconds for seconds",
      (sim) => send(sim, "/api/v1/customers/u1", '{"created_at":1700000000000}'),
      "traffic.timestamps",
      "timestamp_milliseconds",
    ],
    [
      "a repeated call without _update",
      async (sim) => {
        await send(sim, "/api/v1/customers/u2", '{"plan":"basic"}');
        await send(sim, "/api/v1/customers/u2", '{"plan":"premium"}');
      },
      "traffic.update-flag",
      "update_flag_missing",
    ],
    [
      "two calls for one person overlapping",
      async (sim) => {
        sim.injectFault({ kind: "latency", ms: 60, times: 1 });
        const first = send(sim, "/api/v1/customers/u3", '{"plan":"a"}');
        await new Promise((resolve) => setTimeout(resolve, 10));
        await Promise.all([first, send(sim, "/api/v1/customers/u3", '{"plan":"b","_update":true}')]);
      },
      "traffic.overlapping-calls",
      "overlapping_calls",
    ],
    [
      "an empty string that deletes an attribute",
      (sim) => send(sim, "/api/v1/customers/u4", '{"nickname":""}'),
      "traffic.attribute-deletion",
      "attribute_deleted",
    ],
    [
      "a null that deletes an attribute",
      (sim) => send(sim, "/api/v1/customers/u5", '{"nickname":null}'),
      "traffic.attribute-deletion",
      "attribute_deleted",
    ],
    [
      "a cio_id in the body",
      (sim) => send(sim, "/api/v1/customers/u6", '{"cio_id":"03000001a2b3"}'),
      "traffic.body-cio-id",
      "body_cio_id",
    ],
    [
      "another content type",
      (sim) => send(sim, "/api/v1/customers/u7", '{"plan":"x"}', { "content-type": "text/plain" }),
      "traffic.content-type",
      "content_type",
    ],
    [
      "no credentials",
      (sim) => send(sim, "/api/v1/customers/u8", '{"plan":"x"}', {}, false),
      "traffic.auth",
      "auth_missing",
    ],
    [
      "a body the schema refuses",
      (sim) => send(sim, "/api/v1/customers/u9", '{"unsubscribed":[1]}'),
      "traffic.body-schema",
      "body_schema",
    ],
    [
      "a body that is not JSON",
      (sim) => send(sim, "/api/v1/customers/u10", "plan=x"),
      "traffic.body-schema",
      "body_not_json",
    ],
    [
      "another route",
      (sim) => sim.fetch(new Request(`${BASE}/api/v2/entity`, { method: "POST", body: "{}" })),
      "traffic.route",
      "unknown_route",
    ],
  ];

  it.each(cases)("%s", async (_label, mistake, check, code) => {
    const sim = simulator();
    await mistake(sim);
    const report = await judge(sim.requests());
    const others = failed(report).filter((id) => id !== check && !(check === "traffic.route" && id === "traffic.auth"));
    expect(failed(report)).toContain(check);
    expect(others, formatHuman(report)).toEqual([]);
    expect(codes(report)).toContain(code);
    const result = report.results.find((r) => r.id === check)!;
    expect(result.findings.every((f) => typeof f.request === "number")).toBe(true);
    expect(result.exchanges.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(sim.apiKey);
  });

  it("a call sent before an earlier one was answered overlaps it, and is not held to _update", async () => {
    const sim = simulator();
    sim.injectFault({ kind: "latency", ms: 60, times: 1 });
    const first = send(sim, "/api/v1/customers/u3", '{"plan":"a"}');
    await new Promise((resolve) => setTimeout(resolve, 10));
    await Promise.all([first, send(sim, "/api/v1/customers/u3", '{"plan":"b"}')]);
    await send(sim, "/api/v1/customers/u3", '{"plan":"c"}');
    const report = await judge(sim.requests());
    const found = report.results.flatMap((r) => r.findings.map((f) => `${f.request} ${f.code}`));
    expect(found.sort()).toEqual(["2 overlapping_calls", "3 update_flag_missing"]);
  });

  it("reports each finding with the request shown, credentials redacted", async () => {
    const sim = simulator();
    await send(sim, "/api/v1/customers/u1", '{"created_at":1700000000000}');
    const text = formatHuman(await judge(sim.requests()));
    expect(text).toMatch(/✗ traffic\.timestamps/);
    expect(text).toMatch(/at request 1\.body\.created_at \(timestamp_milliseconds\)/);
    expect(text).toMatch(/authorization: Basic \[redacted\]/);
  });
});
