/**
 * The suite can fail: each deliberately broken target or client is caught by the check that names its fault,
 * and by no other check. And the correct simulator passes with zero failures. Every other check is shown failing
 * on a target or client that breaks its demand alone.
 */
import { describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "../../src/simulator/index.js";
import { wireChecks } from "../../conformance/checks/wire.js";
import {
  LINT_SKIP_REASON,
  runConformance,
  simulatorObserver,
  type ClientFactory,
  type ConformanceReport,
  type Target,
} from "../../conformance/index.js";
import { UNSUBSCRIBED_FORMS } from "../../conformance/generators.js";
import document from "../../generated/customers.document.js";
import { unsubscribes } from "../../src/simulator/attributes.js";
import { buildSimulator } from "../../src/simulator/core.js";
import { DEFAULT_RULES } from "../../src/simulator/rules.js";
import { brokenSimulator } from "../support/broken-rules.js";
import { registerCredentials } from "../support/secrets.js";

const SEED = 20261128;
const RUNS = 10;

function failedIds(report: ConformanceReport): string[] {
  return report.results
    .filter((r) => r.status === "failed")
    .map((r) => r.id)
    .sort();
}

/** An in-process simulator as a target, answering through `fetch` (its own unless given). */
function simulatorTarget(sim: Simulator, name: string, fetch: Target["fetch"] = sim.fetch): Target {
  registerCredentials(sim.siteId, sim.apiKey);
  return {
    name,
    baseUrl: "http://broken.local",
    siteId: sim.siteId,
    apiKey: sim.apiKey,
    fetch,
    observer: simulatorObserver(sim),
  };
}

/** A simulator-backed target whose responses pass through `alter`. */
function alteredSimulator(
  alter: (request: Request, respond: (r: Request) => Promise<Response>) => Promise<Response>,
  options: SimulatorOptions = {},
): Target {
  const sim = createSimulator(options);
  return simulatorTarget(sim, "altered simulator", (request) => alter(request, sim.fetch));
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });

describe("the suite against the correct simulator", () => {
  it("passes every check, client and target, skipping only the lint check, which names its reason", async () => {
    const report = await runConformance({ seed: SEED, runs: RUNS });
    expect(failedIds(report)).toEqual([]);
    expect(report.skips).toEqual([{ reason: LINT_SKIP_REASON, checks: ["wire.rejects-wrong-types"] }]);
    expect(report.summary.total).toBeGreaterThanOrEqual(45);
  });

  it("with strict, runs the lint check too against the simulator's strict mode, and passes with nothing skipped", async () => {
    const report = await runConformance({ seed: SEED, runs: RUNS, strict: true });
    expect(failedIds(report)).toEqual([]);
    expect(report.summary.skipped).toBe(0);
    expect(report.results.find((r) => r.id === "wire.rejects-wrong-types")?.source).toBe("lint");
    // The lint check demands what only the simulator's strict mode refuses.
    const lenientServer = await runConformance({ seed: SEED, runs: RUNS, strict: true, simulator: { strict: false } });
    expect(failedIds(lenientServer)).toEqual(["wire.rejects-wrong-types"]);
  });

  it("judges response bodies whole, however long: a 400 body of 3 KB still parses", async () => {
    const target = alteredSimulator(
      async (request, respond) => {
        const answer = await respond(request);
        return answer.status === 400 ? json(400, { meta: { errors: ["x".repeat(3000)] } }) : answer;
      },
      { strict: true },
    );
    const report = await runConformance({ target, client: false, seed: SEED, runs: RUNS, strict: true });
    expect(failedIds(report)).toEqual([]);
  });

  it("every wire check names the source of its demand", () => {
    expect(wireChecks.filter((check) => check.source === undefined).map((check) => check.id)).toEqual([]);
    expect(wireChecks.filter((check) => check.source === "lint").map((check) => check.id)).toEqual([
      "wire.rejects-wrong-types",
    ]);
  });
});

describe("broken targets are caught by the check that names the fault, and no other", () => {
  it("a stateless server that answers {} to everything", async () => {
    const stateless: Target = {
      name: "stateless",
      baseUrl: "http://stateless.local",
      siteId: "s",
      apiKey: "k",
      fetch: () => Promise.resolve(json(200, {})),
    };
    const report = await runConformance({ target: stateless, client: false, seed: SEED, runs: RUNS, strict: true });
    expect(failedIds(report)).toEqual([
      "wire.content-type",
      "wire.rejects-malformed-json",
      "wire.rejects-non-object-body",
      "wire.rejects-over-limits",
      "wire.rejects-wrong-types",
      "wire.requires-credentials",
    ]);
    const behaviour = report.results.filter((r) => r.kind === "behaviour");
    expect(behaviour).toHaveLength(24);
    for (const result of behaviour) {
      expect(result.status).toBe("skipped");
      expect(result.reason).toMatch(/no observer/);
    }
  });

  it("a server that answers 500 to a body that is not JSON", async () => {
    const target = alteredSimulator(async (request, respond) => {
      const text = await request.clone().text();
      try {
        JSON.parse(text);
      } catch {
        return json(500, { meta: { error: "internal error" } });
      }
      return respond(request);
    });
    const report = await runConformance({ target, client: false, seed: SEED, runs: RUNS });
    expect(failedIds(report)).toEqual(["wire.no-5xx", "wire.rejects-malformed-json"]);
  });

  it("a server whose 200 body violates the schema", async () => {
    const target = alteredSimulator(async (request, respond) => {
      const response = await respond(request);
      return response.status === 200 ? json(200, { ok: true }) : response;
    });
    const report = await runConformance({ target, client: false, seed: SEED, runs: RUNS });
    expect(failedIds(report)).toEqual(["wire.response-schema"]);
    const finding = report.results.find((r) => r.id === "wire.response-schema")?.findings[0];
    expect(finding?.expected).toMatch(/must not have property "ok"/);
  });

  it("an observer that sees nobody and no activity: every behaviour check that expects someone or something fails", async () => {
    const sim = createSimulator();
    registerCredentials(sim.siteId, sim.apiKey);
    const real = simulatorObserver(sim);
    const blind: Target = {
      name: "blind observer",
      baseUrl: "http://blind.local",
      siteId: sim.siteId,
      apiKey: sim.apiKey,
      fetch: sim.fetch,
      observer: {
        person: () => Promise.resolve(undefined),
        activity: () => Promise.resolve([]),
        deletePerson: () => Promise.resolve(false),
        updateSettings: (patch) => real.updateSettings!(patch),
      },
    };
    const report = await runConformance({ target: blind, client: false, seed: SEED, runs: RUNS, only: ["behaviour."] });
    // C23 demands that nobody be created, which a blind observer cannot contradict.
    expect(report.results.filter((r) => r.status !== "failed").map((r) => r.id)).toEqual([
      "behaviour.C23.update-never-creates",
    ]);
    expect(report.summary.failed).toBe(23);
  });

  it.each([
    ["C3", ["behaviour.C3.adopt-path-identifier"]],
    // The second half of C11 is C5 seen from an email path: a set id does not change by email.
    ["C5", ["behaviour.C11.id-by-email", "behaviour.C5.identifier-change-needs-cio"]],
    ["C8", ["behaviour.C8.unknown-or-deleted-cio-dropped"]],
    ["C9", ["behaviour.C9.email-case-insensitive"]],
    ["C15", ["behaviour.C15.topic-dot-notation-merges"]],
    ["C16", ["behaviour.C16.anonymous-id-unique"]],
    ["C17", ["behaviour.C17.unsubscribed"]],
    ["C21", ["behaviour.C21.relationship-attributes"]],
    // C24's Failed Attribute Change is logged for the person that C23 keeps from being created.
    ["C23", ["behaviour.C23.update-never-creates", "behaviour.C24.failed-attribute-change"]],
  ] as const)("a simulator with rule %s turned off", async (clause, checks) => {
    const sim = brokenSimulator([clause], { strict: true });
    registerCredentials(sim.siteId, sim.apiKey);
    const target: Target = {
      name: `simulator without ${clause}`,
      baseUrl: "http://broken.local",
      siteId: sim.siteId,
      apiKey: sim.apiKey,
      fetch: sim.fetch,
      observer: simulatorObserver(sim),
    };
    const report = await runConformance({ target, client: false, seed: SEED, runs: RUNS });
    expect(failedIds(report)).toEqual(checks);
    for (const check of checks) {
      const result = report.results.find((r) => r.id === check);
      expect(result?.findings.length).toBeGreaterThan(0);
      expect(result?.exchanges.length).toBeGreaterThan(0);
    }
  });
});

describe("a server that breaks one side of C17 (unsubscribed) fails behaviour.C17.unsubscribed alone", () => {
  /** The C17 findings of a run of the behaviour checks: the check must fail, and no other. */
  async function c17Findings(target: Target): Promise<string[]> {
    const report = await runConformance({ target, client: false, seed: SEED, runs: RUNS, only: ["behaviour."] });
    expect(failedIds(report)).toEqual(["behaviour.C17.unsubscribed"]);
    const result = report.results.find((r) => r.id === "behaviour.C17.unsubscribed");
    return (result?.findings ?? []).map((f) => `${f.path.join(" ")}: ${f.actual}`);
  }

  /** A simulator whose rule book reads `unsubscribed` with `reads` instead of the rule. */
  function reading(reads: (value: unknown) => boolean): Target {
    return simulatorTarget(
      buildSimulator({}, { ...DEFAULT_RULES, unsubscribes: reads }).simulator,
      "simulator with another reading of unsubscribed",
    );
  }

  it("accepts only true: false and every other value are ignored, so nobody is made eligible again", async () => {
    const target = alteredSimulator(async (request, respond) => {
      const body = (await request.clone().json()) as Record<string, unknown>;
      if (!("unsubscribed" in body) || body["unsubscribed"] === true) return respond(request);
      const { unsubscribed: _ignored, ...rest } = body;
      return respond(new Request(request, { body: JSON.stringify(rest) }));
    });
    expect(await c17Findings(target)).toContain("person.unsubscribed after unsubscribed false: true");
  });

  it("reads only the booleans: the strings and numbers the spec allows never unsubscribe", async () => {
    const findings = await c17Findings(simulatorTarget(brokenSimulator(["C17"]), "simulator with C17 broken"));
    expect(findings).toContain('person.unsubscribed after unsubscribed "TRUE": false');
    expect(findings).toContain("person.unsubscribed after unsubscribed 1: false");
    expect(findings).not.toContain("person.unsubscribed after unsubscribed true: false");
  });

  it('reads values as JavaScript does: "false", "0" and 2 unsubscribe', async () => {
    const findings = await c17Findings(reading((value) => Boolean(value)));
    expect(findings).toEqual([
      'person.unsubscribed after unsubscribed "false": true',
      'person.unsubscribed after unsubscribed "0": true',
      'person.unsubscribed after unsubscribed "yes": true',
      "person.unsubscribed after unsubscribed 2: true",
    ]);
  });

  it('reads "true" only in lower case', async () => {
    const findings = await c17Findings(
      reading((value) => value === true || value === 1 || value === "1" || value === "true"),
    );
    expect(findings).toEqual([
      'person.unsubscribed after unsubscribed "TRUE": false',
      'person.unsubscribed after unsubscribed "True": false',
    ]);
  });

  it("the forms cover every kind of value the spec's schema allows, each read both ways", () => {
    type Declared = { properties: { unsubscribed: { anyOf: { type: string }[] } } };
    const schemas = (document as unknown as { components: { schemas: { DeclaredAttributes: Declared } } }).components
      .schemas;
    const kinds = schemas.DeclaredAttributes.properties.unsubscribed.anyOf
      .map((branch) => (branch.type === "integer" ? "number" : branch.type))
      .sort();
    const covered = (read: boolean) =>
      [
        ...new Set(UNSUBSCRIBED_FORMS.filter((value) => unsubscribes(value) === read).map((value) => typeof value)),
      ].sort();
    expect(covered(true)).toEqual(kinds);
    expect(covered(false)).toEqual(kinds);
  });
});

describe("broken clients are caught by the check that names the fault, and no other", () => {
  it("a client that encodes the identifier twice", async () => {
    const doubleEncoding: ClientFactory = (options) => {
      const client = createCustomersClient({ ...options, retry: { retries: 0 }, stampTimestamps: false });
      const twice = (person: Parameters<typeof client.identify>[0]) =>
        typeof person === "string"
          ? encodeURIComponent(person)
          : "email" in person && person.email !== undefined
            ? encodeURIComponent(person.email)
            : person;
      return {
        identify: (person, attributes) => client.identify(twice(person), attributes),
        update: (person, attributes) => client.update(twice(person), attributes),
      };
    };
    const report = await runConformance({ target: false, client: doubleEncoding, seed: SEED, runs: RUNS });
    expect(failedIds(report)).toEqual(["client.path-encoding"]);
  });

  it("a client that sends created_at in milliseconds", async () => {
    const milliseconds: ClientFactory = (options) => {
      const fetchMs = async (request: Request) => {
        const body = (await request.clone().json()) as Record<string, unknown>;
        if (typeof body["created_at"] === "number") body["created_at"] = (body["created_at"] as number) * 1000;
        return options.fetch(new Request(request, { body: JSON.stringify(body) }));
      };
      return createCustomersClient({ ...options, fetch: fetchMs, retry: { retries: 0 }, stampTimestamps: false });
    };
    const report = await runConformance({
      target: false,
      client: milliseconds,
      seed: SEED,
      runs: RUNS,
      only: ["client.timestamps"],
    });
    expect(failedIds(report)).toEqual(["client.timestamps"]);
  });
});
const answer = (status: number, body: string, type = "application/json") =>
  Promise.resolve(new Response(body, { status, headers: { "content-type": type } }));

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

describe("every other check fails on a target or client that breaks its demand alone", () => {
  it("wire.accepts-generated-bodies: a server that refuses any body with an attribute", async () => {
    const target = alteredSimulator(async (request, respond) =>
      (await request.clone().text()).length > 2 ? answer(400, "{}") : respond(request),
    );
    const findings = failed(await wire(target, ["wire.accepts-generated-bodies"]), "wire.accepts-generated-bodies");
    expect(findings[0]?.actual).toMatch(/^refused \{/);
  });

  it("wire.accepts-identifier-forms: a server that refuses an identifier with a space", async () => {
    const target = alteredSimulator((request, respond) =>
      request.url.includes("%20") ? answer(400, "{}") : respond(request),
    );
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
