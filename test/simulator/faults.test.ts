/**
 * Faults on demand (src/simulator/faults.ts): the in-process API (`faults` option, injectFault, clearFaults,
 * stats), the `/__simulator/faults` and `/__simulator/stats` routes, what each fault answers, and the promise
 * that a faulted request changes nothing. The socket-level halves of `reset` and `truncate` are checked over
 * loopback at the end; the real client meets every fault in test/resilience/client-faults.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSimulator, FaultSpecError, type FaultSpec, type Simulator } from "../../src/simulator/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { validateResponse } from "../../src/spec/validator.js";
import { rawExchange } from "../resilience/loopback.js";
import { registerCredentials } from "../support/secrets.js";
import { BASE, basicAuth, harness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

const auth = basicAuth("sim-site", "sim-key");
registerCredentials("sim-site", "sim-key");

function put(identifier: string, body: unknown = {}, query = ""): Request {
  return new Request(`${BASE}/api/v1/customers/${encodeURIComponent(identifier)}${query}`, {
    method: "PUT",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

/** Sends through sim.fetch (not the harness's checking fetch: a truncated body cannot be read twice). */
async function send(sim: Simulator, request: Request) {
  const response = await sim.fetch(request);
  return { response, text: await response.text() };
}

/** Everything a faulted request must leave alone. */
function state(sim: Simulator) {
  return { people: sim.people({ includeDeleted: true }), activity: sim.activity() };
}

describe("checking fault specs", () => {
  const bad: [string, unknown, string][] = [
    ["an unknown kind", { kind: "explode" }, "kind must be one of"],
    ["a status fault without a status", { kind: "status" }, "needs a status"],
    [
      "a status outside the list",
      { kind: "status", status: 418 },
      "status of a status fault must be one of 429, 500, 502, 503, 504",
    ],
    ["times 0", { kind: "reset", times: 0 }, "times must be a whole number from 1"],
    ["a probability of 0", { kind: "reset", probability: 0 }, "probability must be a number above 0 and at most 1"],
    ["a probability above 1", { kind: "reset", probability: 1.5 }, "probability must be"],
    ["a fractional seed", { kind: "reset", probability: 0.5, seed: 1.5 }, "seed must be a whole number"],
    ["negative latency", { kind: "latency", ms: -1 }, "ms must be a number of milliseconds"],
    ["latency over a minute", { kind: "latency", ms: 60_001 }, "ms must be"],
    ["a field of another kind", { kind: "reset", retryAfter: 1 }, "retryAfter does not apply to a reset fault"],
    ["a redirect to ftp", { kind: "redirect", to: "ftp://track-eu.customer.io" }, "to must use http or https"],
    ["a redirect to a relative URL", { kind: "redirect", to: "/elsewhere" }, "to must be an absolute http(s) URL"],
    ["a redirect with a query", { kind: "redirect", to: "https://track-eu.customer.io/?a=1" }, "no query"],
    ["an unknown route", { kind: "reset", route: "inspection" }, "route must be one of identify, region, any"],
    [
      "a negative Retry-After",
      { kind: "status", status: 429, retryAfter: -1 },
      "retryAfter must be a whole number of seconds",
    ],
  ];
  it.each(bad)("refuses %s, naming the problem", (_, spec, problem) => {
    h = harness();
    expect(() => h.sim.injectFault(spec as FaultSpec)).toThrow(FaultSpecError);
    try {
      h.sim.injectFault(spec as FaultSpec);
    } catch (error) {
      const { problems, message } = error as FaultSpecError;
      expect(problems.map((found) => found.message).join("; ")).toContain(problem);
      expect(message).toBe(`Invalid fault: ${problems.map((found) => found.message).join("; ")}`);
      for (const found of problems) expect(found.code).toMatch(/^[a-z][a-z0-9_]*$/);
    }
    expect(h.sim.faults()).toEqual([]);
  });

  it("createSimulator refuses an invalid fault in its options", () => {
    h = harness();
    expect(() => createSimulator({ faults: [{ kind: "status", status: 200 } as unknown as FaultSpec] })).toThrow(
      FaultSpecError,
    );
    expect(() => createSimulator({ redirectTo: "not a url" })).toThrow(FaultSpecError);
  });
});

describe("what each fault answers, and that a faulted request changes nothing", () => {
  it("status: the next N requests get it, then requests are handled again; nothing faulted is applied", async () => {
    h = harness({ people: [{ id: "seeded", attributes: { plan: "basic" } }] });
    const before = state(h.sim);
    expect(h.sim.injectFault({ kind: "status", status: 503, times: 2 })).toEqual({
      id: 1,
      spec: { kind: "status", status: 503, times: 2 },
      fired: 0,
      remaining: 2,
    });
    for (let i = 0; i < 2; i++) {
      const { response, text } = await send(h.sim, put("seeded", { plan: "premium" }));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBeNull();
      expect(JSON.parse(text)).toEqual({ meta: { error: "Service Unavailable (a fault injected by the simulator)" } });
      expect(validateResponse(503, response.headers.get("content-type"), text)).toEqual([]);
    }
    expect(state(h.sim)).toEqual(before);
    expect(h.sim.faults()).toEqual([]);
    expect((await send(h.sim, put("seeded", { plan: "premium" }))).response.status).toBe(200);
    expect(h.sim.person({ id: "seeded" })?.attributes).toEqual({ plan: "premium" });
    expect(h.sim.stats()).toEqual({
      received: 3,
      applied: 1,
      faulted: 2,
      delayed: 0,
      byKind: { latency: 0, status: 2, reset: 0, truncate: 0, html: 0, redirect: 0 },
    });
  });

  it.each([500, 502, 503, 504] as const)(
    "status %i answers the JSON envelope the spec declares for 5XX",
    async (status) => {
      h = harness();
      h.sim.injectFault({ kind: "status", status, times: 1 });
      const { response, text } = await send(h.sim, put("u1"));
      expect(response.status).toBe(status);
      expect(validateResponse(status, response.headers.get("content-type"), text)).toEqual([]);
    },
  );

  it("429 carries Retry-After (1 s by default, or as given) and validates against the spec", async () => {
    h = harness();
    h.sim.injectFault({ kind: "status", status: 429, times: 1 });
    h.sim.injectFault({ kind: "status", status: 429, retryAfter: 7, times: 1 });
    const first = await send(h.sim, put("u1"));
    expect(first.response.headers.get("retry-after")).toBe("1");
    expect(validateResponse(429, first.response.headers.get("content-type"), first.text)).toEqual([]);
    expect((await send(h.sim, put("u1"))).response.headers.get("retry-after")).toBe("7");
    expect(h.sim.people()).toEqual([]);
  });

  it("reset: the in-process fetch rejects with a TypeError (cause ECONNRESET), like fetch; no 500, no onError", async () => {
    h = harness();
    h.sim.injectFault({ kind: "reset", times: 1 });
    const failure = await h.sim.fetch(put("u1")).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TypeError);
    expect(((failure as TypeError).cause as { code?: string }).code).toBe("ECONNRESET");
    expect(h.sim.people()).toEqual([]);
    expect(h.sim.activity()).toEqual([]);
  });

  it("truncate: headers promise JSON, the body stops halfway and reading it fails like a dropped connection", async () => {
    h = harness();
    h.sim.injectFault({ kind: "truncate", times: 1 });
    h.sim.injectFault({ kind: "truncate", status: 503, times: 1 });
    const ok = await h.sim.fetch(put("u1"));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(ok.headers.get("content-length")).toBe("2");
    await expect(ok.text()).rejects.toThrow(TypeError);
    const failed = await h.sim.fetch(put("u1"));
    expect(failed.status).toBe(503);
    await expect(failed.json()).rejects.toThrow(TypeError);
    expect(h.sim.people()).toEqual([]);
  });

  it("html: a 502 page in text/html, which the spec allows for 5XX", async () => {
    h = harness();
    h.sim.injectFault({ kind: "html", times: 1 });
    h.sim.injectFault({ kind: "html", status: 504, times: 1 });
    const { response, text } = await send(h.sim, put("u1"));
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(text).toContain("<title>502 Bad Gateway</title>");
    expect(validateResponse(502, response.headers.get("content-type"), text)).toEqual([]);
    expect((await send(h.sim, put("u1"))).response.status).toBe(504);
    expect(h.sim.people()).toEqual([]);
  });

  it("redirect: 301 by default, Location = target origin + the same path and query; 307/308 on request", async () => {
    h = harness();
    h.sim.injectFault({ kind: "redirect", to: "https://track-eu.customer.io/", times: 1 });
    h.sim.injectFault({ kind: "redirect", to: "https://track-eu.customer.io", status: 308, times: 1 });
    const first = await h.sim.fetch(put("a+b@example.com", {}, "?x=1"));
    expect(first.status).toBe(301);
    expect(first.headers.get("location")).toBe("https://track-eu.customer.io/api/v1/customers/a%2Bb%40example.com?x=1");
    const second = await h.sim.fetch(put("u1"));
    expect([second.status, second.headers.get("location")]).toEqual([
      308,
      "https://track-eu.customer.io/api/v1/customers/u1",
    ]);
    expect(h.sim.people()).toEqual([]);
  });

  it("redirectTo makes every identify call a redirect, but not the region lookup, which every host answers", async () => {
    const sim = createSimulator({ redirectTo: "https://track-eu.customer.io", redirectStatus: 307 });
    h = harness();
    const identify = await sim.fetch(put("u1"));
    expect([identify.status, identify.headers.get("location")]).toEqual([
      307,
      "https://track-eu.customer.io/api/v1/customers/u1",
    ]);
    const region = await sim.fetch(new Request(`${BASE}/api/v1/accounts/region`, { headers: { authorization: auth } }));
    expect(region.status).toBe(200);
    expect(sim.faults()).toEqual([
      { id: 1, spec: { kind: "redirect", to: "https://track-eu.customer.io", status: 307 }, fired: 1 },
    ]);
  });

  it("route limits a fault to identify or region", async () => {
    h = harness();
    h.sim.injectFault({ kind: "status", status: 503, route: "region" });
    expect((await send(h.sim, put("u1"))).response.status).toBe(200);
    const region = await h.sim.fetch(
      new Request(`${BASE}/api/v1/accounts/region`, { headers: { authorization: auth } }),
    );
    expect(region.status).toBe(503);
  });

  it("latency delays the request, which is then handled and applied normally", async () => {
    h = harness();
    h.sim.injectFault({ kind: "latency", ms: 20, times: 1 });
    const { response } = await send(h.sim, put("u1", { plan: "x" }));
    expect(response.status).toBe(200);
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual({ plan: "x" });
    expect(h.sim.stats()).toMatchObject({ received: 1, applied: 1, faulted: 0, delayed: 1, byKind: { latency: 1 } });
  });

  it("faults are tried in order: latency adds up, the first other fault answers, later ones are not used up", async () => {
    h = harness();
    h.sim.injectFault({ kind: "latency", ms: 1, times: 1 });
    h.sim.injectFault({ kind: "status", status: 500, times: 1 });
    h.sim.injectFault({ kind: "status", status: 502, times: 1 });
    expect((await send(h.sim, put("u1"))).response.status).toBe(500);
    expect(h.sim.faults()).toEqual([
      { id: 3, spec: { kind: "status", status: 502, times: 1 }, fired: 0, remaining: 1 },
    ]);
    expect((await send(h.sim, put("u1"))).response.status).toBe(502);
    expect((await send(h.sim, put("u1"))).response.status).toBe(200);
  });

  it("a fault without times or probability fires until cleared; clearFaults() removes every fault", async () => {
    h = harness();
    h.sim.injectFault({ kind: "status", status: 503 });
    for (let i = 0; i < 5; i++) expect((await send(h.sim, put("u1"))).response.status).toBe(503);
    expect(h.sim.faults()[0]?.fired).toBe(5);
    h.sim.clearFaults();
    expect((await send(h.sim, put("u1"))).response.status).toBe(200);
  });

  it("the inspection API never sees a fault, and 404 paths are not Track API routes", async () => {
    h = harness();
    h.sim.injectFault({ kind: "reset" });
    expect((await h.inspect("GET", "/__simulator/people")).status).toBe(200);
    expect((await h.inspect("GET", "/__simulator/stats")).status).toBe(200);
    expect((await h.fetch(new Request(`${BASE}/api/v2/entity`, { method: "POST" }))).status).toBe(404);
    expect(h.sim.stats().received).toBe(0);
  });
});

describe("seeded probability", () => {
  async function statuses(seed: number, count: number): Promise<number[]> {
    const sim = createSimulator({ faults: [{ kind: "status", status: 503, probability: 0.3, seed }] });
    const out: number[] = [];
    for (let i = 0; i < count; i++) out.push((await sim.fetch(put(`u${i}`))).status);
    return out;
  }

  it("the same seed gives the same requests faulted, run after run; another seed, others", async () => {
    h = harness();
    const first = await statuses(42, 60);
    expect(await statuses(42, 60)).toEqual(first);
    expect(await statuses(43, 60)).not.toEqual(first);
    const faulted = first.filter((status) => status === 503).length;
    expect(faulted).toBeGreaterThan(5);
    expect(faulted).toBeLessThan(35);
  });

  it("probability 1 always fires; with times, at most that many", async () => {
    h = harness();
    h.sim.injectFault({ kind: "status", status: 500, probability: 1, times: 3 });
    const seen: number[] = [];
    for (let i = 0; i < 5; i++) seen.push((await send(h.sim, put("u1"))).response.status);
    expect(seen).toEqual([500, 500, 500, 200, 200]);
  });

  it("reset() brings back the faults given at creation, with their PRNG from the start, and zeroes the counters", async () => {
    h = harness({ faults: [{ kind: "status", status: 503, probability: 0.5, seed: 9 }] });
    const run = async () => {
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await send(h.sim, put(`u${i}`))).response.status);
      return out;
    };
    const first = await run();
    h.sim.injectFault({ kind: "reset" });
    h.sim.reset();
    expect(h.sim.stats().received).toBe(0);
    expect(h.sim.faults()).toEqual([
      expect.objectContaining({ spec: { kind: "status", status: 503, probability: 0.5, seed: 9 }, fired: 0 }),
    ]);
    expect(await run()).toEqual(first);
  });
});

describe("the /__simulator/faults and /__simulator/stats routes", () => {
  it("POST adds faults (201, the whole list), GET lists them, DELETE clears them", async () => {
    h = harness();
    const added = await h.inspect("POST", "/__simulator/faults", {
      faults: [
        { kind: "latency", ms: 1 },
        { kind: "status", status: 503, times: 2, route: "identify" },
      ],
    });
    expect(added.status).toBe(201);
    expect(added.json).toEqual({
      faults: [
        { id: 1, spec: { kind: "latency", ms: 1 }, fired: 0 },
        { id: 2, spec: { kind: "status", status: 503, times: 2, route: "identify" }, fired: 0, remaining: 2 },
      ],
    });
    expect((await send(h.sim, put("u1"))).response.status).toBe(503);
    expect((await h.inspect("GET", "/__simulator/faults")).json).toMatchObject({
      faults: [
        { id: 1, fired: 1 },
        { id: 2, fired: 1, remaining: 1 },
      ],
    });
    expect((await h.inspect("GET", "/__simulator/stats")).json).toEqual({
      received: 1,
      applied: 0,
      faulted: 1,
      delayed: 1,
      byKind: { latency: 1, status: 1, reset: 0, truncate: 0, html: 0, redirect: 0 },
    });
    expect((await h.inspect("DELETE", "/__simulator/faults")).json).toEqual({ faults: [] });
    expect(h.sim.faults()).toEqual([]);
  });

  it("400 naming each problem, and none added when one fault of several is wrong", async () => {
    h = harness();
    const schema = await h.inspect("POST", "/__simulator/faults", {
      faults: [{ kind: "status", status: 503 }, { kind: "meteor" }],
    });
    expect(schema.status).toBe(400);
    const semantic = await h.inspect("POST", "/__simulator/faults", {
      faults: [
        { kind: "status", status: 503 },
        { kind: "redirect", to: "mailto:x@example.com" },
      ],
    });
    expect(semantic.status).toBe(400);
    expect(semantic.json).toEqual({
      meta: { errors: ["faults[1]: to must use http or https"] },
      problems: [
        { code: "invalid_value", path: ["body", "faults", 1, "to"], message: "faults[1]: to must use http or https" },
      ],
    });
    expect((await h.inspect("POST", "/__simulator/faults", { faults: [] })).status).toBe(400);
    expect((await h.inspect("POST", "/__simulator/faults", "not json")).status).toBe(400);
    expect(h.sim.faults()).toEqual([]);
  });

  it("401 without credentials, 405 for other methods", async () => {
    h = harness();
    const anonymous = await h.fetch(
      new Request(`${BASE}/__simulator/faults`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      }),
    );
    expect(anonymous.status).toBe(401);
    expect((await h.inspect("PUT", "/__simulator/faults", {})).status).toBe(405);
    expect((await h.inspect("POST", "/__simulator/stats", {})).status).toBe(405);
  });

  it("POST /__simulator/reset removes injected faults", async () => {
    h = harness();
    await h.inspect("POST", "/__simulator/faults", { faults: [{ kind: "reset" }] });
    await h.inspect("POST", "/__simulator/reset");
    expect((await h.inspect("GET", "/__simulator/faults")).json).toEqual({ faults: [] });
  });
});

describe("the socket-level faults over loopback (raw HTTP)", () => {
  let served: ServedSimulator;
  let port: number;
  beforeAll(async () => {
    served = await serveSimulator({ port: 0 });
    port = Number(new URL(served.url).port);
  });
  afterAll(() => served.close());

  const request = (body = "{}") =>
    `PUT /api/v1/customers/u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${auth}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`;

  it("reset destroys the connection before any status line", async () => {
    h = harness();
    served.simulator.reset();
    served.simulator.injectFault({ kind: "reset", times: 1 });
    const reply = await rawExchange(port, request());
    expect(reply.status).toBe(0);
    expect(reply.raw).toBe("");
    expect(reply.error).not.toBe("hung");
    expect(served.simulator.people()).toEqual([]);
  });

  it("truncate sends a Content-Length larger than the bytes that follow, then closes", async () => {
    h = harness();
    served.simulator.reset();
    served.simulator.injectFault({ kind: "truncate", status: 503, times: 1 });
    const reply = await rawExchange(port, request());
    expect(reply.status).toBe(503);
    expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
    const promised = Number(reply.headers["content-length"]);
    const sent = reply.raw.length - reply.raw.indexOf("\r\n\r\n") - 4;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(promised);
    expect(served.simulator.people()).toEqual([]);
    // The next request is handled normally.
    expect((await rawExchange(port, request())).status).toBe(200);
  });
});
