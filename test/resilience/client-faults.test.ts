/**
 * The real client against every fault of the simulator, over loopback sockets (serveSimulator on port 0): the
 * number of attempts, the final result, and the workspace afterwards: nothing a fault answered was applied,
 * every successful call was applied exactly once. The US→EU redirect goes through a fetch that sends
 * Customer.io's hostnames to two local simulators.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomersClient, HttpError, RedirectError } from "../../src/index.js";
import { registerCredentials } from "../support/secrets.js";
import {
  API_KEY,
  SITE_ID,
  faultScenarios,
  runFaultScenario,
  runLateAttempt,
  startLoopback,
  type Loopback,
} from "./fault-scenarios.js";
import { basicHeader, routingFetch, type Routed } from "./loopback.js";

registerCredentials(SITE_ID, API_KEY);

let loop: Loopback;
beforeAll(async () => {
  loop = await startLoopback();
});
afterAll(() => loop.close());

describe("each fault, met by the real client over a socket", () => {
  it.each(faultScenarios().map((scenario) => [scenario.name, scenario] as const))("%s", async (_, scenario) => {
    const result = await runFaultScenario(loop, scenario);
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ survived: true, lost: 0, duplicated: 0 });
    // Every attempt reached the simulator once; each faulted one was answered by a fault and not applied.
    expect(result.applied).toBe(result.succeeded);
    if (scenario.expect.attempts !== undefined)
      expect(result.attempts.every((n) => n === scenario.expect.attempts)).toBe(true);
  });

  it("the seeded run is the same every time: same attempts per call", async () => {
    const scenario = faultScenarios().find((s) => s.name.startsWith("seeded 503s"));
    if (scenario === undefined) throw new Error("scenario missing");
    const first = await runFaultScenario(loop, scenario);
    const second = await runFaultScenario(loop, scenario);
    expect(second.attempts).toEqual(first.attempts);
    expect(first.faulted).toBe(first.received - first.calls);
    expect(first.faulted).toBeGreaterThan(0);
  });
});

describe("the US→EU redirect, end to end", () => {
  it("the EU host receives the PUT with valid credentials and applies it once; the US host applies nothing", async () => {
    loop.us.simulator.reset();
    loop.eu.simulator.reset();
    loop.us.simulator.injectFault({ kind: "redirect", to: "https://track-eu.customer.io" });
    const { fetch, seen } = routingFetch({ "track.customer.io": loop.us.url, "track-eu.customer.io": loop.eu.url });
    const client = createCustomersClient({ siteId: SITE_ID, apiKey: API_KEY, fetch, retry: { retries: 0 } });

    const result = await client.identify({ email: "ada@example.com" }, { plan: "premium" });

    expect(result).toMatchObject({ status: 200, attempts: 1 });
    expect(seen.map((r) => [r.method, r.url])).toEqual([
      ["PUT", "https://track.customer.io/api/v1/customers/ada%40example.com"],
      ["PUT", "https://track-eu.customer.io/api/v1/customers/ada%40example.com"],
    ]);
    expect(seen.every((r) => r.authorization === basicHeader(SITE_ID, API_KEY))).toBe(true);
    expect(loop.eu.simulator.person({ email: "ada@example.com" })?.attributes).toEqual({ plan: "premium" });
    expect(loop.eu.simulator.stats()).toMatchObject({ received: 1, applied: 1 });
    expect(loop.us.simulator.stats()).toMatchObject({ received: 1, applied: 0, byKind: { redirect: 1 } });
    expect(loop.us.simulator.people()).toEqual([]);
  });

  it("a redirect to a host outside customer.io is refused before anything, credentials included, is sent there", async () => {
    loop.us.simulator.reset();
    loop.eu.simulator.reset();
    loop.us.simulator.injectFault({ kind: "redirect", to: "https://customer.io.attacker.example", status: 307 });
    const seen: Routed[] = [];
    const { fetch } = routingFetch(
      { "track.customer.io": loop.us.url, "customer.io.attacker.example": loop.eu.url },
      seen,
    );
    const client = createCustomersClient({ siteId: SITE_ID, apiKey: API_KEY, fetch });

    const error = await client.identify({ id: "u1" }, { plan: "x" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 307, location: "https://customer.io.attacker.example", attempts: 1 });
    expect(seen.map((r) => r.host)).toEqual(["track.customer.io"]);
    expect(loop.eu.simulator.stats().received).toBe(0);
  });

  it("a redirect to plain http on a customer.io host is refused too (the key would travel in clear)", async () => {
    loop.us.simulator.reset();
    loop.us.simulator.injectFault({ kind: "redirect", to: "http://track-eu.customer.io" });
    const seen: Routed[] = [];
    const { fetch } = routingFetch({ "track.customer.io": loop.us.url, "track-eu.customer.io": loop.eu.url }, seen);
    const client = createCustomersClient({ siteId: SITE_ID, apiKey: API_KEY, fetch });
    await expect(client.identify({ id: "u1" })).rejects.toBeInstanceOf(RedirectError);
    expect(seen.map((r) => r.host)).toEqual(["track.customer.io"]);
  });
});

describe("errors the faults produce say what happened, and nothing secret", () => {
  it("an HTML 502 becomes an HttpError with the page's title, after the retries", async () => {
    loop.us.simulator.reset();
    loop.us.simulator.injectFault({ kind: "html" });
    const client = createCustomersClient({
      siteId: SITE_ID,
      apiKey: API_KEY,
      baseUrl: loop.us.url,
      retry: { retries: 1, baseDelayMs: 1 },
    });
    const error = (await client
      .identify({ email: "ada@example.com" }, { plan: "x" })
      .catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.messages).toEqual(["502 Bad Gateway"]);
    expect(error.message).toContain("[identifier]");
    expect(error.message).not.toContain("ada");
    expect(error.message).not.toContain(API_KEY);
  });
});

describe("a timed-out attempt that reaches the server after a later call for the same person", () => {
  it("with default options (stamping on), the later call is not overwritten and nothing applies twice", async () => {
    const result = await runLateAttempt(loop);
    expect(result.settled).toBe(true);
    expect(result.plan).toBe("B");
    expect(result).toMatchObject({ lost: 0, duplicated: 0 });
  });

  // Without stamps nothing tells the server which call is newer: a client cannot recall a request the server is
  // still handling. This is what turning stamping off costs, measured.
  it("with stampTimestamps: false the late attempt overwrites the later call and applies the earlier change twice", async () => {
    const result = await runLateAttempt(loop, { stampTimestamps: false });
    expect(result.settled).toBe(true);
    expect(result.plan).toBe("A");
    expect(result).toMatchObject({ lost: 1, duplicated: 1 });
  });
});
