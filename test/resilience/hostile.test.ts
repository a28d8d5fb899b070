/**
 * Hostile input to the simulator over a loopback socket (raw HTTP through node:net): each case gets the answer
 * it should (a 4xx with a clear message where HTTP allows one), the stored state does not change, and a valid
 * request succeeds afterwards. Then a seeded fuzz run of 10,500 random requests (10,000 in-process, 500 over
 * the socket): no 5xx, no crash, every Track API answer as the spec declares, the workspace's invariants intact.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { runFuzz } from "./fuzz.js";
import { HOSTILE_SERVER_OPTIONS, hostileCases, runHostileCase } from "./hostile-cases.js";

const SITE_ID = "hostile-site";
const API_KEY = "hostile-key-93c1e0";
registerCredentials(SITE_ID, API_KEY);

let served: ServedSimulator;
const errors: unknown[] = [];

beforeAll(async () => {
  served = await serveSimulator({
    strict: true,
    port: 0,
    siteId: SITE_ID,
    apiKey: API_KEY,
    ...HOSTILE_SERVER_OPTIONS,
    people: [
      {
        id: "existing",
        email: "existing@example.com",
        anonymous_id: "anon-existing",
        attributes: { plan: "basic", tags: ["a"] },
      },
      { id: "other", attributes: { plan: "premium" } },
    ],
    onError: (error) => errors.push(error),
  });
});
afterAll(async () => {
  await served.close();
  expect(errors).toEqual([]);
});

describe("hostile requests over a socket", () => {
  it.each(hostileCases().map((hostile, index) => [hostile.name, hostile, index] as const))(
    "%s",
    async (_, hostile, index) => {
      const result = await runHostileCase(served, hostile, index);
      expect(result.problems).toEqual([]);
      expect(hostile.status).toContain(result.status);
    },
  );

  it("no prototype was polluted by anything above", () => {
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("serveSimulator refuses timeouts that make no sense", async () => {
    await expect(serveSimulator({ port: 0, headersTimeoutMs: 0 })).rejects.toThrow("headersTimeoutMs");
    await expect(serveSimulator({ port: 0, headersTimeoutMs: 500, requestTimeoutMs: 100 })).rejects.toThrow(
      "cannot be more than requestTimeoutMs",
    );
  });
});

describe("a seeded fuzz run", () => {
  it("10,000 random requests in-process and 500 over the socket: no 5xx, no crash, answers as declared, invariants hold", async () => {
    const sim = served.simulator;
    sim.reset();
    const figures = await runFuzz(sim, { seed: 20_261_201, runs: 10_000, socketRuns: 500, url: served.url });
    expect(figures.samples).toEqual([]);
    expect(figures).toMatchObject({
      serverErrors: 0,
      crashes: 0,
      violations: 0,
      invariantViolations: [],
      inProcess: 10_000,
    });
    expect(figures.overSocket).toBeGreaterThanOrEqual(450);
    expect(figures.sent).toBe(figures.inProcess + figures.overSocket);
    // The run reaches every kind of answer, so it exercises more than one path through the simulator.
    for (const status of ["200", "400", "401", "404", "405"]) expect(figures.byStatus[status]).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });
});
