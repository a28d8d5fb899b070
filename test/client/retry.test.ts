/**
 * Timeouts, retries, backoff and the deadline. Timing runs on vitest's fake timers: the injected fetch records
 * Date.now() at each send, so the tests read the exact delays the client waited, and nothing sleeps for real.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  HttpError,
  NetworkError,
  TimeoutError,
  ValidationError,
  createCustomersClient,
  type CustomersClientOptions,
} from "../../src/index.js";
import { backoffDelay, nextDelay, parseRetryAfter, type RetryPolicy } from "../../src/client/retry.js";
import { expectSpecValid, guardNetwork, interceptPut, nock } from "../support/wire.js";
import { fakeFetch, gaps, hang, reply, settle, type Answer } from "./doubles.js";
import { registerCredentials } from "../support/secrets.js";

// These tests compare bodies as written; stamping (on by default) is covered in stamping.test.ts.
const credentials = { siteId: "site-123", apiKey: "key-secret-456", stampTimestamps: false };
registerCredentials(credentials.siteId, credentials.apiKey);
const START = Date.parse("2025-01-01T00:00:00Z");

function client(answer: Answer, options: Partial<CustomersClientOptions> = {}) {
  const double = fakeFetch(answer);
  const c = createCustomersClient({ ...credentials, fetch: double.fetch, retry: { random: () => 0.5 }, ...options });
  return { client: c, ...double };
}

/** Answers the listed statuses in turn, then 200. */
function statuses(...list: number[]): Answer {
  return (_request, index) => (index < list.length ? reply(list[index]!, "{}") : reply(200));
}

describe("backoff with full jitter", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it("503 three times: waits 250, 500, 1000 ms (random 0.5 × 500·2^n), then throws the HttpError with attempts 4", async () => {
    const { client: c, sent } = client(() => reply(503, JSON.stringify({ meta: { error: "unavailable" } })));
    const outcome = settle(c.identify({ id: "u" }, { plan: "premium" }));
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(503);
    expect((error as HttpError).attempts).toBe(4);
    expect((error as HttpError).message).toBe(
      "PUT https://track.customer.io/api/v1/customers/[identifier] answered 503: unavailable (after 4 attempts)",
    );
    expect(gaps(sent)).toEqual([250, 500, 1000]);
  });

  it("the waits follow the injected randomness: 0 → no wait, 0.999 → just under each cap", async () => {
    const none = client(statuses(500, 500, 500), { retry: { random: () => 0 } });
    const noneOutcome = settle(none.client.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(100);
    expect((await noneOutcome).value).toMatchObject({ status: 200, attempts: 4 });
    expect(gaps(none.sent)).toEqual([0, 0, 0]);

    const most = client(statuses(500, 500, 500), { retry: { random: () => 0.999 } });
    const mostOutcome = settle(most.client.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await mostOutcome).value).toMatchObject({ status: 200, attempts: 4 });
    expect(gaps(most.sent)).toEqual([499, 999, 1998]);
  });

  it("baseDelayMs, maxDelayMs and retries are configurable; the cap bounds each wait", async () => {
    const { client: c, sent } = client(() => reply(502, "bad gateway", { "content-type": "text/plain" }), {
      retry: { retries: 5, baseDelayMs: 1000, maxDelayMs: 3000, random: () => 0.5 },
    });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(((await outcome).error as HttpError).attempts).toBe(6);
    expect(gaps(sent)).toEqual([500, 1000, 1500, 1500, 1500]);
  });

  it("a success after retries reports its attempts in IdentifyResult", async () => {
    const { client: c, sent } = client(statuses(429, 500));
    const outcome = settle(c.identify({ id: "u" }, { plan: "premium" }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).value).toEqual({ status: 200, identifier: "u", attempts: 3 });
    expect(sent).toHaveLength(3);
  });
});

describe("what is retried", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it.each([408, 429, 500, 502, 503, 504])("%i is retried", async (status) => {
    const { client: c, sent } = client(statuses(status));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).value).toMatchObject({ status: 200, attempts: 2 });
    expect(sent).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 409, 413, 422, 501, 505])("%i is not retried", async (status) => {
    const { client: c, sent } = client(statuses(status));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(10_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status, attempts: 1 });
    expect((error as Error).message).not.toContain("attempts");
    expect(sent).toHaveLength(1);
  });

  it("retry.statuses replaces the list", async () => {
    const { client: c, sent } = client(statuses(409), { retry: { statuses: [409], random: () => 0 } });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(0);
    expect((await outcome).value).toMatchObject({ attempts: 2 });
    expect(sent).toHaveLength(2);
  });

  it.each<[string, string, string, string[]]>([
    [
      "an HTML page from a proxy",
      "text/html",
      "<html><head><title>502 Bad Gateway</title></head></html>",
      ["502 Bad Gateway"],
    ],
    ["plain text", "text/plain", "upstream connect error", ["upstream connect error"]],
    ["an empty body", "text/plain", "", []],
    ["truncated JSON", "application/json", '{"meta":{"error":"overlo', []],
  ])("a 502 with %s stays a retryable HttpError with its message", async (_name, contentType, body, messages) => {
    const { client: c, sent } = client(() => reply(502, body, { "content-type": contentType }));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 502, attempts: 4, messages });
    expect(sent).toHaveLength(4);
  });

  it("network errors are retried, and the final NetworkError says how many attempts were made", async () => {
    const refused = () =>
      Promise.reject(
        new TypeError("fetch failed", { cause: Object.assign(new Error("connect"), { code: "ECONNREFUSED" }) }),
      );
    const { client: c, sent } = client(refused);
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(5_000);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).attempts).toBe(4);
    expect((error as Error).message).toBe(
      "PUT https://track.customer.io/api/v1/customers/[identifier] got no response (ECONNREFUSED) (after 4 attempts)",
    );
    expect(sent).toHaveLength(4);
  });

  it("a network error then a success resolves", async () => {
    const { client: c } = client((_r, i) => (i === 0 ? Promise.reject(new TypeError("fetch failed")) : reply(200)));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).value).toMatchObject({ status: 200, attempts: 2 });
  });
});

describe("Retry-After", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it("in seconds: 429 with Retry-After: 7 waits exactly 7 s", async () => {
    const { client: c, sent } = client((_r, i) => (i === 0 ? reply(429, "", { "retry-after": "7" }) : reply(200)));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(6_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await outcome).value).toMatchObject({ attempts: 2 });
    expect(gaps(sent)).toEqual([7_000]);
  });

  it("as an HTTP date: 503 with a date 12 s ahead of the injected clock waits 12 s", async () => {
    const date = new Date(START + 12_000).toUTCString();
    const { client: c, sent } = client((_r, i) => (i === 0 ? reply(503, "", { "retry-after": date }) : reply(200)), {
      now: () => START,
    });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(12_000);
    expect((await outcome).value).toMatchObject({ attempts: 2 });
    expect(gaps(sent)).toEqual([12_000]);
  });

  it("beyond the cap (60 s by default): no wait, the HttpError at once with retryAfter", async () => {
    const { client: c, sent } = client(() => reply(429, "", { "retry-after": "120" }));
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(0);
    const { error } = await outcome;
    expect(error).toMatchObject({ status: 429, retryAfter: "120", attempts: 1 });
    expect(sent).toHaveLength(1);
    expect(Date.now()).toBe(START);
  });

  it("maxRetryAfterMs moves the cap", async () => {
    const { client: c, sent } = client((_r, i) => (i === 0 ? reply(429, "", { "retry-after": "120" }) : reply(200)), {
      retry: { maxRetryAfterMs: 120_000 },
      deadlineMs: 300_000,
    });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(120_000);
    expect((await outcome).value).toMatchObject({ attempts: 2 });
    expect(gaps(sent)).toEqual([120_000]);
  });

  it("beyond what the deadline has left: the HttpError now instead of sleeping past the deadline", async () => {
    const { client: c, sent } = client(() => reply(503, "", { "retry-after": "30" }), { deadlineMs: 20_000 });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(0);
    expect((await outcome).error).toMatchObject({ status: 503, attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it("parses both forms and ignores nonsense", () => {
    expect(parseRetryAfter("0", START)).toBe(0);
    expect(parseRetryAfter(" 5 ", START)).toBe(5_000);
    expect(parseRetryAfter(new Date(START + 3_000).toUTCString(), START)).toBe(3_000);
    expect(parseRetryAfter(new Date(START - 3_000).toUTCString(), START)).toBe(0);
    for (const nonsense of ["-1", "1.5", "soon", "", "2030-01-01"])
      expect(parseRetryAfter(nonsense, START)).toBeUndefined();
    expect(parseRetryAfter(null, START)).toBeUndefined();
  });
});

describe("timeouts and the deadline", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it("an attempt that hangs times out after timeoutMs and is retried; the last TimeoutError counts the attempts", async () => {
    const { client: c, sent } = client(hang, { timeoutMs: 1_000, retry: { random: () => 0 } });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(3_999);
    expect(sent).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ limit: "attempt", timeoutMs: 1_000, attempts: 4 });
    expect(gaps(sent)).toEqual([1_000, 1_000, 1_000]);
  });

  it("a response whose body stalls times out as well", async () => {
    const stalled = (request: Request) =>
      new Response(
        new ReadableStream({
          start(controller) {
            request.signal.addEventListener("abort", () => controller.error(new DOMException("aborted", "AbortError")));
          },
        }),
        { status: 200 },
      );
    const { client: c } = client(stalled, { timeoutMs: 1_000, retry: { retries: 0 } });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await outcome).error).toMatchObject({ name: "TimeoutError", limit: "attempt", attempts: 1 });
  });

  it("the deadline bounds attempts and waits together: 10 s attempts under a 25 s deadline end at 25 s", async () => {
    const { client: c, sent } = client(hang, { timeoutMs: 10_000, deadlineMs: 25_000, retry: { random: () => 0 } });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(24_999);
    expect(sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ limit: "deadline", timeoutMs: 25_000, attempts: 3 });
    expect((error as Error).message).toBe(
      "PUT https://track.customer.io/api/v1/customers/[identifier] ran past its 25000 ms deadline (after 3 attempts)",
    );
    expect(Date.now() - START).toBe(25_000);
  });

  it("a backoff wait that would end after the deadline is not started", async () => {
    const { client: c, sent } = client(() => reply(500), {
      deadlineMs: 1_000,
      retry: { baseDelayMs: 4_000, random: () => 0.5 },
    });
    const outcome = settle(c.identify({ id: "u" }));
    await vi.advanceTimersByTimeAsync(0);
    expect((await outcome).error).toMatchObject({ status: 500, attempts: 1 });
    expect(sent).toHaveLength(1);
  });
});

describe("aborts", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it("during a backoff wait: AbortError at once, no further attempt", async () => {
    const { client: c, sent } = client(() => reply(503), { retry: { baseDelayMs: 10_000, random: () => 0.5 } });
    const controller = new AbortController();
    const outcome = settle(c.identify({ id: "u" }, {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    const { error } = await outcome;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(1);
    expect(Date.now() - START).toBe(1_000);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(1);
  });

  it("during an attempt: AbortError, never retried", async () => {
    const { client: c, sent } = client(hang);
    const controller = new AbortController();
    const outcome = settle(c.identify({ id: "u" }, {}, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(500);
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await outcome).error).toMatchObject({ name: "AbortError", attempts: 1 });
    expect(sent).toHaveLength(1);
  });

  it("before the call: nothing is sent", async () => {
    const { client: c, sent } = client(() => reply(200));
    const { error } = await settle(c.identify({ id: "u" }, {}, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: "AbortError", attempts: 0 });
    expect(sent).toHaveLength(0);
  });
});

describe("every attempt resends the same body in a fresh Request", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it("identical, spec-valid bodies and headers; distinct Request objects", async () => {
    const { client: c, sent } = client(statuses(503, 503, 503));
    const outcome = settle(
      c.identify({ email: "ada@example.com" }, { first_name: "Ada", tags: ["a", "b"], created_at: 1700000000 }),
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await outcome).value).toMatchObject({ attempts: 4 });
    expect(new Set(sent.map((s) => s.request)).size).toBe(4);
    for (const request of sent) {
      expect(expectSpecValid(request)).toEqual({ first_name: "Ada", tags: ["a", "b"], created_at: 1700000000 });
      expect(request.headers).toEqual(sent[0]!.headers);
      expect(request.path).toBe("/api/v1/customers/ada%40example.com");
      expect(request.request.redirect).toBe("manual");
    }
  });
});

describe("retries over nock (real timers, no jitter)", () => {
  beforeAll(guardNetwork);
  afterEach(() => nock.cleanAll());

  it("503, then 200: two spec-valid PUTs with the same body", async () => {
    const failing = interceptPut("https://track.customer.io", {
      status: 503,
      body: "Service Unavailable",
      headers: { "content-type": "text/plain" },
    });
    const passing = interceptPut("https://track.customer.io");
    const c = createCustomersClient({ ...credentials, retry: { random: () => 0 } });
    await expect(c.identify({ id: "user-5678" }, { plan: "premium" })).resolves.toEqual({
      status: 200,
      identifier: "user-5678",
      attempts: 2,
    });
    expect(failing.scope.isDone() && passing.scope.isDone()).toBe(true);
    expect(expectSpecValid(failing.requests[0]!)).toEqual({ plan: "premium" });
    expect(expectSpecValid(passing.requests[0]!)).toEqual({ plan: "premium" });
  });
});

describe("the policy's arithmetic", () => {
  const policy: RetryPolicy = {
    retries: 3,
    baseDelayMs: 500,
    maxDelayMs: 10_000,
    maxRetryAfterMs: 60_000,
    statuses: new Set([503]),
    random: () => 1,
  };

  it("backoff doubles up to maxDelayMs", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(policy, n))).toEqual([
      500, 1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
  });

  it("nextDelay stops when retries are used up, Retry-After is too long, or the deadline is too close", () => {
    expect(nextDelay(policy, 3, null, 0, 60_000)).toBeUndefined();
    expect(nextDelay(policy, 0, "61", 0, 600_000)).toBeUndefined();
    expect(nextDelay(policy, 0, "60", 0, 600_000)).toBe(60_000);
    expect(nextDelay(policy, 0, "10", 0, 10_000)).toBeUndefined();
    expect(nextDelay(policy, 0, null, 0, 501)).toBe(500);
  });
});

describe("options are checked", () => {
  it.each<[string, Partial<CustomersClientOptions>]>([
    ["options.deadlineMs", { deadlineMs: 0 }],
    ["options.timeoutMs", { timeoutMs: -1 }],
    ["options.maxRedirects", { maxRedirects: 1.5 }],
    ["options.retry.retries", { retry: { retries: -1 } }],
    ["options.retry.baseDelayMs", { retry: { baseDelayMs: Number.NaN } }],
    ["options.retry.maxRetryAfterMs", { retry: { maxRetryAfterMs: -5 } }],
    ["options.retry.statuses", { retry: { statuses: [503, 42] } }],
    ["options.region", { region: "ap" as "us" }],
  ])("%s", (field, options) => {
    let error: unknown;
    try {
      createCustomersClient({ ...credentials, ...options });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });
});
