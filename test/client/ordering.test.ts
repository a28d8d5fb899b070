/**
 * Per-person ordering: within one client, calls for the same person never overlap, so rapid successive calls
 * cannot create two profiles or land out of order. Calls for different people still run side by side. The
 * injected fetch holds each response until the test releases it, and counts what is in flight.
 */
import { describe, expect, it, vi } from "vitest";
import { AbortError, HttpError, createCustomersClient } from "../../src/index.js";
import { KeyedQueue } from "../../src/client/queue.js";
import { createRawClient } from "../../src/raw.js";
import { expectSpecValid } from "../support/wire.js";
import { deferred, fakeFetch, reply, settle } from "./doubles.js";
import { registerCredentials } from "../support/secrets.js";

// These tests compare bodies as written; stamping (on by default) is covered in stamping.test.ts.
const credentials = { siteId: "site-123", apiKey: "key-secret-456", stampTimestamps: false };
registerCredentials(credentials.siteId, credentials.apiKey);

/** A client whose server answers only when the test says so. */
function heldClient() {
  const gates: { resolve: (response: Response) => void }[] = [];
  const double = fakeFetch((_request, index) => {
    const gate = deferred<Response>();
    gates[index] = gate;
    return gate.promise;
  });
  const client = createCustomersClient({ ...credentials, fetch: double.fetch, retry: { retries: 0 } });
  const release = async (index: number, response = reply(200)) => {
    await vi.waitFor(() => expect(gates[index]).toBeDefined());
    gates[index]!.resolve(response);
  };
  return { client, release, sent: double.sent, double };
}

/** Lets queued work run, then checks how many requests have been sent. */
async function expectSent(sent: readonly unknown[], count: number) {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(sent).toHaveLength(count);
}

describe("calls for the same person", () => {
  it("never overlap, and are sent in the order they were made", async () => {
    const { client, release, sent, double } = heldClient();
    const calls = [1, 2, 3].map((n) => client.identify({ id: "user-5678" }, { step: n }));
    await expectSent(sent, 1);
    await release(0);
    await expectSent(sent, 2);
    await release(1);
    await expectSent(sent, 3);
    await release(2);
    await expect(Promise.all(calls)).resolves.toHaveLength(3);
    expect(double.maxInFlight).toBe(1);
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }]);
  });

  it("count emails in any case as one person (Ada@example.com waits for ada@example.com)", async () => {
    const { client, release, sent, double } = heldClient();
    const first = client.identify({ email: "ada@example.com" }, { plan: "basic" });
    const second = client.identify({ email: "Ada@Example.com" }, { plan: "premium" });
    await expectSent(sent, 1);
    await release(0);
    await release(1);
    await Promise.all([first, second]);
    expect(double.maxInFlight).toBe(1);
    expect(sent.map((s) => s.path)).toEqual([
      "/api/v1/customers/ada%40example.com",
      "/api/v1/customers/Ada%40Example.com",
    ]);
  });

  it("wait for a call that fails, and then go", async () => {
    const { client, release, sent } = heldClient();
    const first = settle(client.identify({ id: "u" }, { a: 1 }));
    const second = settle(client.identify({ id: "u" }, { a: 2 }));
    await expectSent(sent, 1);
    await release(0, reply(400, JSON.stringify({ meta: { error: "bad" } })));
    expect((await first).error).toBeInstanceOf(HttpError);
    await release(1);
    expect((await second).value).toMatchObject({ status: 200 });
  });

  it("a call aborted while waiting its turn fails at once, sends nothing, and the next still waits for the first", async () => {
    const { client, release, sent } = heldClient();
    const controller = new AbortController();
    const first = client.identify({ id: "u" }, { a: 1 });
    const second = settle(client.identify({ id: "u" }, { a: 2 }, { signal: controller.signal }));
    const third = client.identify({ id: "u" }, { a: 3 });
    await expectSent(sent, 1);
    controller.abort();
    const { error } = await second;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(0);
    await expectSent(sent, 1);
    await release(0);
    await first;
    await expectSent(sent, 2);
    await release(1);
    await third;
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ a: 1 }, { a: 3 }]);
  });

  it("the raw client's PUTs for one person wait their turn too", async () => {
    const { release, sent, double } = heldClient();
    const raw = createRawClient({ ...credentials, fetch: double.fetch, retry: { retries: 0 } });
    const put = (a: number) =>
      raw.PUT("/api/v1/customers/{identifier}", { params: { path: { identifier: "u" } }, body: { a } });
    const first = put(1);
    const second = put(2);
    await expectSent(sent, 1);
    await release(0);
    await release(1);
    await Promise.all([first, second]);
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ a: 1 }, { a: 2 }]);
  });
});

describe("calls for different people", () => {
  it("run side by side", async () => {
    const { client, release, sent, double } = heldClient();
    const calls = [
      client.identify({ id: "ada" }),
      client.identify({ email: "grace@example.com" }),
      client.identify({ cioId: "0300" }),
    ];
    await expectSent(sent, 3);
    expect(double.inFlight).toBe(3);
    await Promise.all([release(2), release(0), release(1)]);
    await Promise.all(calls);
  });

  it("ids are case-sensitive, so User-1 and user-1 are different people", async () => {
    const { client, release, sent, double } = heldClient();
    const calls = [client.identify({ id: "User-1" }), client.identify({ id: "user-1" })];
    await expectSent(sent, 2);
    expect(double.inFlight).toBe(2);
    await Promise.all([release(0), release(1)]);
    await Promise.all(calls);
  });
});

describe("the keyed queue", () => {
  it("is empty once everything has settled: successes, failures and aborts", async () => {
    const queue = new KeyedQueue();
    const gate = deferred<undefined>();
    const controller = new AbortController();
    const runs = [
      queue.run("a", () => gate.promise),
      queue.run("a", () => Promise.reject(new Error("fails"))).catch(() => undefined),
      queue.run("a", async () => (controller.signal.aborted ? "aborted" : "ran"), controller.signal),
      queue.run("b", () => Promise.resolve()),
    ];
    expect(queue.size).toBe(2);
    controller.abort();
    gate.resolve(undefined);
    await Promise.all(runs);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size).toBe(0);
  });

  it("many people, many calls: still empty afterwards", async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        queue.run(`p${i % 20}`, async () => {
          await new Promise((resolve) => setTimeout(resolve, (7 * i) % 5));
          order.push(`p${i % 20}:${i}`);
        }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size).toBe(0);
    for (let p = 0; p < 20; p++) {
      const mine = order.filter((entry) => entry.startsWith(`p${p}:`)).map((entry) => Number(entry.split(":")[1]));
      expect(mine).toEqual([...mine].sort((x, y) => x - y));
    }
  });

  it("a task aborted while waiting runs at once, but the one after it keeps waiting for the first", async () => {
    const queue = new KeyedQueue();
    const gate = deferred<undefined>();
    const events: string[] = [];
    const controller = new AbortController();
    const first = queue.run("k", async () => {
      await gate.promise;
      events.push("first done");
    });
    const second = queue.run("k", async () => events.push("second (aborted) ran"), controller.signal);
    const third = queue.run("k", async () => events.push("third ran"));
    controller.abort();
    await second;
    expect(events).toEqual(["second (aborted) ran"]);
    gate.resolve(undefined);
    await Promise.all([first, third]);
    expect(events).toEqual(["second (aborted) ran", "first done", "third ran"]);
  });
});
