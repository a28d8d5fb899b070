/**
 * The request log: every Track API request recorded with its answer, credentials redacted, in a bounded ring,
 * read whole or page by page, linked to the activity entries it produced, and recorded the same way in-process
 * and over a socket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { createSimulator, type RecordedRequest } from "../../src/simulator/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { basicAuth, BASE, harness, NOW } from "./support.js";

const KEY = "request-log-secret-key";

describe("the request log, in-process", () => {
  it("records method, path, query, redacted headers, body, times and the answer; activity entries carry its seq", async () => {
    const h = harness({ apiKey: KEY });
    await h.client.identify({ email: "ada@example.com" }, { plan: "premium" });
    const [recorded] = h.sim.requests();
    expect(recorded).toMatchObject({
      seq: 1,
      received_at: new Date(NOW).toISOString(),
      answered_at: new Date(NOW).toISOString(),
      last_seq_at_answer: 1,
      method: "PUT",
      path: "/api/v1/customers/ada%40example.com",
      query: "",
      response: { status: 200, content_type: "application/json; charset=utf-8", body: "{}" },
    });
    expect(JSON.parse(recorded!.body ?? "")).toMatchObject({ plan: "premium" });
    expect(recorded!.headers["authorization"]).toBe("Basic [redacted]");
    expect(recorded!.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.stringify(h.sim.requests())).not.toContain(KEY);
    expect(JSON.stringify(h.sim.requests())).not.toContain(btoa(`${h.sim.siteId}:${KEY}`));
    const entries = h.sim.activity();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry.request).toBe(1);
  });

  it("records refusals too: a 401 answered before the body is read has no body; inspection calls are not recorded", async () => {
    const h = harness({ apiKey: KEY });
    await h.sim.fetch(
      new Request(`${BASE}/api/v1/customers/u?x=1`, {
        method: "PUT",
        headers: { authorization: "Bearer abc.def", "content-type": "application/json" },
        body: "{}",
      }),
    );
    await h.inspect("GET", "/__simulator/people");
    const recorded = h.sim.requests();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      seq: 1,
      query: "x=1",
      body: null,
      headers: { authorization: "Bearer [redacted]" },
      response: { status: 401 },
    });
  });

  it("keeps the newest requests only; seqs go on; reset() empties it and starts again", async () => {
    const h = harness({ apiKey: KEY, requestLogSize: 3 });
    for (let i = 0; i < 5; i++) await h.client.identify({ id: `u${i}` }, {});
    expect(h.sim.requests().map((r) => r.seq)).toEqual([3, 4, 5]);
    expect(h.sim.requests({ order: "desc", since: 3 }).map((r) => r.seq)).toEqual([5, 4]);
    h.sim.reset();
    expect(h.sim.requests()).toEqual([]);
    await h.client.identify({ id: "again" }, {});
    expect(h.sim.requests().map((r) => r.seq)).toEqual([1]);
  });

  it("size 0 keeps nothing, but requests still get seqs for the activity log", async () => {
    const h = harness({ apiKey: KEY, requestLogSize: 0 });
    await h.client.identify({ id: "a" }, {});
    await h.client.identify({ id: "b" }, {});
    expect(h.sim.requests()).toEqual([]);
    expect(h.sim.activity().map((e) => e.request)).toEqual([1, 2]);
  });

  it("cuts bodies over 64 KiB and says so", async () => {
    const h = harness({ apiKey: KEY });
    await h.put("big", {
      bio: "x".repeat(900),
      more: "y".repeat(900),
      list: Array.from({ length: 80 }, (_, i) => `${i}`.repeat(900)),
    });
    const [recorded] = h.sim.requests();
    expect(recorded!.body_truncated).toBe(true);
    expect(new TextEncoder().encode(recorded!.body ?? "").byteLength).toBe(64 * 1024);
  });

  it("pages with limit, cursor, since and order; refuses bad queries naming the parameter", async () => {
    const h = harness({ apiKey: KEY });
    for (let i = 0; i < 7; i++) await h.client.identify({ id: `p${i}` }, {});
    const first = h.sim.requestsPage({ limit: 3 });
    expect(first.requests.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(first.last_seq).toBe(7);
    const second = h.sim.requestsPage({ limit: 3, cursor: first.next_cursor! });
    expect(second.requests.map((r) => r.seq)).toEqual([4, 5, 6]);
    const third = h.sim.requestsPage({ limit: 3, cursor: second.next_cursor! });
    expect(third).toMatchObject({ next_cursor: null });
    expect(third.requests.map((r) => r.seq)).toEqual([7]);
    expect(h.sim.requestsPage({ order: "desc", limit: 2, since: 4 }).requests.map((r) => r.seq)).toEqual([7, 6]);
    expect(() => h.sim.requestsPage({ limit: 0 })).toThrow(/limit must be a whole number from 1 to 1000/);
    expect(() => h.sim.requestsPage({ cursor: "nonsense" })).toThrow(/cursor is not one this listing gave/);
    expect(() => h.sim.requestsPage({ cursor: first.next_cursor!, order: "desc" })).toThrow(/cursor/);
  });

  it("GET /__simulator/requests pages them as the spec says (each answer checked against openapi/simulator.yaml)", async () => {
    const h = harness({ apiKey: KEY });
    for (let i = 0; i < 3; i++) await h.client.identify({ id: `r${i}` }, {});
    const first = await h.inspect("GET", "/__simulator/requests?limit=2");
    expect(first.status).toBe(200);
    expect((first.json["requests"] as RecordedRequest[]).map((r) => r.seq)).toEqual([1, 2]);
    expect(first.json["last_seq"]).toBe(3);
    const next = await h.inspect("GET", `/__simulator/requests?limit=2&cursor=${String(first.json["next_cursor"])}`);
    expect((next.json["requests"] as RecordedRequest[]).map((r) => r.seq)).toEqual([3]);
    expect(next.json["next_cursor"]).toBeNull();
    const newest = await h.inspect("GET", "/__simulator/requests?order=desc&since=1");
    expect((newest.json["requests"] as RecordedRequest[]).map((r) => r.seq)).toEqual([3, 2]);
    const badOrder = await h.inspect("GET", "/__simulator/requests?order=up");
    expect(badOrder.status).toBe(400);
    expect(badOrder.text).toMatch(/query order must be asc or desc/);
    const badLimit = await h.inspect("GET", "/__simulator/requests?limit=0");
    expect(badLimit.status).toBe(400);
    expect(badLimit.text).toMatch(/query limit must be a whole number from 1 to 1000/);
    const anonymous = await h.sim.fetch(new Request(`${BASE}/__simulator/requests`));
    expect(anonymous.status).toBe(401);
    expect(h.sim.requests()).toHaveLength(3);
  });

  it("onRequest hears each request as soon as it is answered", async () => {
    const heard: RecordedRequest[] = [];
    const sim = createSimulator({ apiKey: KEY, onRequest: (r) => heard.push(r) });
    registerCredentials(sim.siteId, KEY);
    const client = createCustomersClient({ siteId: sim.siteId, apiKey: KEY, baseUrl: BASE, fetch: sim.fetch });
    await client.identify({ id: "heard" }, { plan: "x" });
    expect(heard.map((r) => [r.seq, r.response?.status])).toEqual([[1, 200]]);
  });
});

describe("the request log over a socket", () => {
  let served: ServedSimulator;
  beforeAll(async () => {
    served = await serveSimulator({ port: 0, apiKey: KEY });
    registerCredentials(served.simulator.siteId, KEY);
  });
  afterAll(() => served.close());

  const put = (identifier: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${served.url}/api/v1/customers/${identifier}`, {
      method: "PUT",
      headers: {
        authorization: basicAuth(served.simulator.siteId, KEY),
        "content-type": "application/json",
        ...headers,
      },
      body,
    });

  it("records what the fast path answers and what is refused, raw path kept; activity links to the seq", async () => {
    served.simulator.reset();
    await put("a%2Bb%40example.com", '{"plan":"x"}');
    await put("u1", "{not json");
    await fetch(`${served.url}/api/v1/customers/u2`, {
      method: "PUT",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    const recorded = served.simulator.requests();
    expect(recorded.map((r) => [r.seq, r.path, r.response?.status])).toEqual([
      [1, "/api/v1/customers/a%2Bb%40example.com", 200],
      [2, "/api/v1/customers/u1", 400],
      [3, "/api/v1/customers/u2", 401],
    ]);
    expect(recorded[0]!.body).toBe('{"plan":"x"}');
    expect(recorded[0]!.headers["authorization"]).toBe("Basic [redacted]");
    expect(JSON.stringify(recorded)).not.toContain(KEY);
    expect(served.simulator.activity().every((e) => e.request === 1)).toBe(true);
  });

  it("shows requests that overlapped: the second arrived before the first was answered", async () => {
    served.simulator.reset();
    served.simulator.injectFault({ kind: "latency", ms: 150, times: 1 });
    await Promise.all([
      put("same", '{"plan":"a"}'),
      new Promise((r) => setTimeout(r, 40)).then(() => put("same", '{"plan":"b"}')),
    ]);
    const [first, second] = served.simulator.requests();
    expect(first!.seq).toBe(1);
    expect(second!.seq).toBe(2);
    expect(first!.last_seq_at_answer).toBe(2);
    expect(second!.last_seq_at_answer).toBe(2);
  });
});
