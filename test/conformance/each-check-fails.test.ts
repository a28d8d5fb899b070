/**
 * The checks no other test shows failing: each is run against a target or a client that breaks its demand alone,
 * and fails with a finding that names the broken case.
 */
import { describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { createSimulator } from "../../src/simulator/index.js";
import { runConformance, type ClientFactory, type ConformanceReport, type Target } from "../../conformance/index.js";
import { registerCredentials } from "../support/secrets.js";

const SEED = 20261130;
const RUNS = 5;

/** The simulator, with each answer to a PUT replaced where `alter` returns one. */
function alteredSimulator(alter: (request: Request, body: string) => Response | undefined): Target {
  const sim = createSimulator();
  registerCredentials(sim.siteId, sim.apiKey);
  return {
    name: "altered simulator",
    baseUrl: "http://broken.local",
    siteId: sim.siteId,
    apiKey: sim.apiKey,
    fetch: async (request) => alter(request, await request.clone().text()) ?? sim.fetch(request),
  };
}

const answer = (status: number, body: string, type = "application/json") =>
  new Response(body, { status, headers: { "content-type": type } });

/** A client whose requests pass through `alter` on their way to the target. */
function alteredClient(alter: (request: Request) => Promise<Request> | Request): ClientFactory {
  return (options) =>
    createCustomersClient({
      ...options,
      fetch: async (request) => options.fetch(await alter(request)),
      retry: { retries: 0 },
      stampTimestamps: false,
    });
}

function failed(report: ConformanceReport, id: string) {
  const result = report.results.find((r) => r.id === id);
  expect(result?.status).toBe("failed");
  return result?.findings ?? [];
}

const wire = (target: Target, only: string[]) =>
  runConformance({ target, client: false, seed: SEED, runs: RUNS, only });
const client = (factory: ClientFactory, only: string) =>
  runConformance({ target: false, client: factory, seed: SEED, runs: RUNS, only: [only] });

describe("wire checks fail on a server that breaks their demand", () => {
  it("wire.accepts-generated-bodies: a server that refuses any body with an attribute", async () => {
    const target = alteredSimulator((_, body) => (body.length > 2 ? answer(400, "{}") : undefined));
    const findings = failed(await wire(target, ["wire.accepts-generated-bodies"]), "wire.accepts-generated-bodies");
    expect(findings[0]?.actual).toMatch(/^refused \{/);
  });

  it("wire.accepts-identifier-forms: a server that refuses an identifier with a space", async () => {
    const target = alteredSimulator((request) => (request.url.includes("%20") ? answer(400, "{}") : undefined));
    const findings = failed(await wire(target, ["wire.accepts-identifier-forms"]), "wire.accepts-identifier-forms");
    expect(findings.map((f) => f.actual)).toContain("400");
  });

  it("wire.declared-status: a server that answers a status the spec does not declare", async () => {
    const target = alteredSimulator(() => answer(299, "{}"));
    const report = await wire(target, ["wire.requires-credentials", "wire.declared-status"]);
    expect(failed(report, "wire.declared-status").length).toBeGreaterThan(0);
  });

  it("wire.declared-content-type: a server that answers 200 as text", async () => {
    const target = alteredSimulator(() => answer(200, "{}", "text/plain"));
    const report = await wire(target, ["wire.accepts-spec-examples", "wire.declared-content-type"]);
    expect(failed(report, "wire.declared-content-type").length).toBeGreaterThan(0);
    expect(report.results.find((r) => r.id === "wire.accepts-spec-examples")?.status).toBe("passed");
  });
});

describe("client checks fail on a client that breaks their demand", () => {
  it("client.generated-bodies: a client that adds an attribute of its own", async () => {
    const adds = alteredClient(async (request) => {
      const body = (await request.clone().json()) as Record<string, unknown>;
      return new Request(request, { body: JSON.stringify({ ...body, added: 1 }) });
    });
    const findings = failed(await client(adds, "client.generated-bodies"), "client.generated-bodies");
    expect(findings[0]?.actual).toMatch(/^changed or refused \{/);
  });

  it("client.headers: a client that sends its body as text", async () => {
    const text = alteredClient((request) => {
      const headers = new Headers(request.headers);
      headers.set("content-type", "text/plain");
      return new Request(request, { headers });
    });
    expect(failed(await client(text, "client.headers"), "client.headers").length).toBeGreaterThan(0);
  });

  it("client.responses: a client that resolves whatever the answer", async () => {
    const swallows: ClientFactory = (options) => {
      const real = createCustomersClient({ ...options, retry: { retries: 0 }, stampTimestamps: false });
      return {
        identify: (person, attributes) => real.identify(person, attributes).catch(() => undefined),
        update: (person, attributes) => real.update(person, attributes).catch(() => undefined),
      };
    };
    const findings = failed(await client(swallows, "client.responses"), "client.responses");
    expect(findings.map((f) => f.actual)).toContain("resolved");
  });
});
