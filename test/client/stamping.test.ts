/** stampTimestamps (on by default): `_timestamp` (whole Unix seconds from the clock) on every body without one. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_STAMP_LEAD_SECONDS } from "../../src/client/stamps.js";
import { AbortError, ValidationError } from "../../src/index.js";
import { createCustomersClient, type CustomersClientOptions } from "../../src/index.js";
import { expectSpecValid } from "../support/wire.js";
import { fakeFetch, reply, settle } from "./doubles.js";
import { registerCredentials } from "../support/secrets.js";

const credentials = { siteId: "site-123", apiKey: "key-secret-456" };
registerCredentials(credentials.siteId, credentials.apiKey);

function stamped(options: Partial<CustomersClientOptions> = {}, answer = () => reply(200)) {
  const double = fakeFetch(answer);
  const client = createCustomersClient({ ...credentials, fetch: double.fetch, ...options });
  return { client, sent: double.sent };
}

describe("stampTimestamps", () => {
  it("adds _timestamp in whole seconds from now()", async () => {
    const { client, sent } = stamped({ stampTimestamps: true, now: () => 1_700_000_123_987 });
    await client.identify({ id: "u" }, { plan: "premium" });
    expect(expectSpecValid(sent[0]!)).toEqual({ plan: "premium", _timestamp: 1_700_000_123 });
  });

  it("keeps a _timestamp the caller gave, number or Date", async () => {
    const { client, sent } = stamped({ stampTimestamps: true, now: () => 1_800_000_000_000 });
    await client.identify({ id: "u" }, { _timestamp: 1_700_000_000 });
    await client.identify({ id: "u" }, { _timestamp: new Date(1_600_000_000_000) });
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ _timestamp: 1_700_000_000 }, { _timestamp: 1_600_000_000 }]);
  });

  it("stamps update() too, next to _update", async () => {
    const { client, sent } = stamped({ stampTimestamps: true, now: () => 1_700_000_000_000 });
    await client.update({ email: "ada@example.com" });
    expect(expectSpecValid(sent[0]!)).toEqual({ _update: true, _timestamp: 1_700_000_000 });
  });

  it("is on by default, for identify and update, from Date.now", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { client, sent } = stamped();
    await client.identify({ id: "u" }, { plan: "premium" });
    await client.update({ id: "v" }, { plan: "basic" });
    const after = Math.floor(Date.now() / 1000);
    const [first, second] = sent.map((s) => expectSpecValid(s) as { _timestamp: number });
    expect(first).toEqual({ plan: "premium", _timestamp: expect.any(Number) as number });
    expect(second).toEqual({ plan: "basic", _update: true, _timestamp: expect.any(Number) as number });
    for (const body of [first!, second!]) {
      expect(body._timestamp).toBeGreaterThanOrEqual(before);
      expect(body._timestamp).toBeLessThanOrEqual(after);
    }
  });

  it("stampTimestamps: false sends the body exactly as written", async () => {
    const { client, sent } = stamped({ stampTimestamps: false });
    await client.identify({ id: "u" }, { plan: "premium" });
    await client.update({ id: "u" }, { plan: "basic" });
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ plan: "premium" }, { plan: "basic", _update: true }]);
  });

  it("a caller's _timestamp is kept without the option too", async () => {
    const { client, sent } = stamped();
    await client.identify({ id: "u" }, { _timestamp: 1_600_000_000 });
    expect(expectSpecValid(sent[0]!)).toEqual({ _timestamp: 1_600_000_000 });
  });

  it("a body that already has the spec's 300 properties is sent as written (there is no room for one more)", async () => {
    const { client, sent } = stamped({ now: () => 1_700_000_000_000 });
    const full = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}`, i]));
    await client.identify({ id: "u" }, full);
    await client.update({ id: "u" }, Object.fromEntries(Array.from({ length: 299 }, (_, i) => [`a${i}`, i])));
    expect(expectSpecValid(sent[0]!)).toEqual(full);
    expect(Object.keys(expectSpecValid(sent[1]!) as object)).toHaveLength(300);
    expect(expectSpecValid(sent[1]!)).not.toHaveProperty("_timestamp");
  });

  it("refuses a stampTimestamps that is not a boolean", () => {
    expect(() => stamped({ stampTimestamps: "no" as unknown as boolean })).toThrow(ValidationError);
    expect(() => stamped({ stampTimestamps: "no" as unknown as boolean })).toThrow(/options\.stampTimestamps/);
  });

  it("stamps the time of the call: every retry carries the same _timestamp", async () => {
    let clock = 1_700_000_000_000;
    const { client, sent } = stamped(
      { stampTimestamps: true, now: () => (clock += 5_000), retry: { random: () => 0 } },
      () => (sent.length < 3 ? reply(503) : reply(200)),
    );
    await expect(client.identify({ id: "u" })).resolves.toMatchObject({ attempts: 3 });
    expect(sent.map((s) => expectSpecValid(s))).toEqual([
      { _timestamp: 1_700_000_005 },
      { _timestamp: 1_700_000_005 },
      { _timestamp: 1_700_000_005 },
    ]);
  });
});

describe("stamps for one person strictly increase", () => {
  it("calls within one second get increasing stamps; other people are not pushed ahead", async () => {
    const { client, sent } = stamped({ stampTimestamps: true, now: () => 1_700_000_000_500 });
    await client.identify({ id: "u" }, { plan: "A" });
    await client.identify({ id: "u" }, { plan: "B" });
    await client.identify({ email: "Ada@Example.com" }, { plan: "A" });
    await client.identify({ email: "ada@example.com" }, { plan: "B" });
    await client.identify({ id: "other" }, { plan: "A" });
    expect(sent.map((s) => (expectSpecValid(s) as { _timestamp: number })._timestamp)).toEqual([
      1_700_000_000, 1_700_000_001, 1_700_000_000, 1_700_000_001, 1_700_000_000,
    ]);
  });

  it("a later second starts from the clock again", async () => {
    let ms = 1_700_000_000_000;
    const { client, sent } = stamped({ stampTimestamps: true, now: () => ms });
    await client.identify({ id: "u" });
    await client.identify({ id: "u" });
    ms += 5_000;
    await client.identify({ id: "u" });
    expect(sent.map((s) => (expectSpecValid(s) as { _timestamp: number })._timestamp)).toEqual([
      1_700_000_000, 1_700_000_001, 1_700_000_005,
    ]);
  });
});

describe("a burst for one person: stamps run at most 10 s ahead of the clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is 10 seconds", () => {
    expect(MAX_STAMP_LEAD_SECONDS).toBe(10);
  });

  it("40 calls made at once: every stamp strictly larger, none sent more than 10 s ahead; the rest paced at one per second", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_250 });
    const { client, sent } = stamped();
    const calls = Array.from({ length: 40 }, (_, n) => settle(client.identify({ id: "busy" }, { n })));
    // Other people are not held back by one busy person.
    await client.identify({ id: "someone-else" });
    await vi.runAllTimersAsync();
    const outcomes = await Promise.all(calls);
    expect(outcomes.every((o) => o.error === undefined)).toBe(true);
    const busy = sent.filter((s) => s.url.endsWith("/busy"));
    const stamps = busy.map((s) => (expectSpecValid(s) as { _timestamp: number })._timestamp);
    expect(busy.map((s) => (JSON.parse(s.body) as { n: number }).n)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    stamps.forEach((stamp, i) => {
      if (i > 0) expect(stamp).toBe(stamps[i - 1]! + 1);
      expect(stamp - Math.floor(busy[i]!.at / 1000)).toBeLessThanOrEqual(MAX_STAMP_LEAD_SECONDS);
    });
    // The first eleven leave at once (leads 0–10); the others wait for the clock.
    expect(busy.slice(0, 11).every((s) => s.at === 1_700_000_000_250)).toBe(true);
    expect(busy[11]!.at).toBe(1_700_000_001_000);
    expect(busy[39]!.at).toBe(1_700_000_029_000);
    expect(sent.find((s) => s.url.endsWith("/someone-else"))!.at).toBe(1_700_000_000_250);
  });

  it("a call held back for its stamp is cancelled at once by its signal, and sends nothing", async () => {
    vi.useFakeTimers({ now: 1_700_000_000_000 });
    const { client, sent } = stamped();
    for (let n = 0; n <= MAX_STAMP_LEAD_SECONDS; n++) await client.identify({ id: "busy" }, { n });
    const controller = new AbortController();
    const held = settle(client.identify({ id: "busy" }, { n: 99 }, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const outcome = await held;
    expect(outcome.error).toBeInstanceOf(AbortError);
    expect((outcome.error as AbortError).attempts).toBe(0);
    expect(sent).toHaveLength(MAX_STAMP_LEAD_SECONDS + 1);
  });
});
