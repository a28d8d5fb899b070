/** stampTimestamps: `_timestamp` (whole Unix seconds from the injected clock) on every body without one. */
import { describe, expect, it } from "vitest";
import { createCustomersClient, type CustomersClientOptions } from "../../src/index.js";
import { expectSpecValid } from "../support/wire.js";
import { fakeFetch, reply } from "./doubles.js";
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

  it("is off by default", async () => {
    const { client, sent } = stamped();
    await client.identify({ id: "u" }, { plan: "premium" });
    expect(expectSpecValid(sent[0]!)).toEqual({ plan: "premium" });
  });

  it("stamps the time of the call: every retry carries the same _timestamp", async () => {
    let clock = 1_700_000_000_000;
    const { client, sent } = stamped(
      { stampTimestamps: true, now: () => (clock += 5_000), retry: { random: () => 0 } },
      () => (sent.length < 3 ? reply(503) : reply(200)),
    );
    await expect(client.identify({ id: "u" })).resolves.toMatchObject({ attempts: 3 });
    expect(sent.map((s) => expectSpecValid(s))).toEqual([{ _timestamp: 1_700_000_005 }, { _timestamp: 1_700_000_005 }, { _timestamp: 1_700_000_005 }]);
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
    expect(sent.map((s) => (expectSpecValid(s) as { _timestamp: number })._timestamp)).toEqual([1_700_000_000, 1_700_000_001, 1_700_000_005]);
  });
});
