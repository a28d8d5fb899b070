/**
 * region: "auto". The client asks GET /api/v1/accounts/region once (through the same transport, on the US host or
 * on baseUrl), remembers the answer, and sends identify calls to the url it names, but only to an https host
 * under customer.io (or baseUrl's own origin). Every answer used here is checked against the spec first.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import document from "../../generated/customers.document.js";
import { AbortError, HttpError, RegionError, createCustomersClient } from "../../src/index.js";
import { acceptRegionUrl } from "../../src/client/region.js";
import { expectNoSecrets } from "../support/secrets.js";
import { basic, expectSpecValid, guardNetwork, interceptPut, nock, type WireRequest } from "../support/wire.js";
import { settle } from "./doubles.js";
import { registerCredentials } from "../support/secrets.js";

const US = "https://track.customer.io";
const EU = "https://track-eu.customer.io";
const REGION_PATH = "/api/v1/accounts/region";
// These tests compare bodies as written; stamping (on by default) is covered in stamping.test.ts.
const credentials = { siteId: "site-123", apiKey: "key-secret-456", stampTimestamps: false };
registerCredentials(credentials.siteId, credentials.apiKey);
const auto = (extra = {}) =>
  createCustomersClient({ ...credentials, region: "auto", retry: { random: () => 0 }, ...extra });

type Json = Record<string, unknown>;
const operation = ((document["paths"] as Json)[REGION_PATH] as Json)["get"] as Json;
const regionSchema = (
  (((operation["responses"] as Json)["200"] as Json)["content"] as Json)["application/json"] as Json
)["schema"] as Json;
const validateRegion = new Ajv2020({ strict: true }).compile(regionSchema);

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

/** Intercepts the region lookup; a JSON body is checked against the spec's 200 schema before it is served. */
function interceptRegion(
  origin: string,
  status: number,
  body: unknown,
  options: { times?: number; delayMs?: number } = {},
) {
  if (status === 200 && typeof body === "object")
    expect(validateRegion(body), "the answer must follow the spec").toBe(true);
  const requests: WireRequest[] = [];
  const interceptor = nock(origin)
    .get(/\/api\/v1\/accounts\/region$/)
    .times(options.times ?? 1);
  const scope = (options.delayMs ? interceptor.delay(options.delayMs) : interceptor).reply((request: Request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    requests.push({ method: request.method, path: new URL(request.url).pathname, headers, body: "" });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return [status, text, { "content-type": typeof body === "string" ? "text/plain" : "application/json" }];
  });
  return { scope, requests };
}

/** The lookup is the spec's getRegion: GET, that path, Basic auth. */
function expectRegionRequest(request: WireRequest) {
  expect(operation["operationId"]).toBe("getRegion");
  expect(request.method).toBe("GET");
  expect(request.path.endsWith(REGION_PATH)).toBe(true);
  expect(request.headers["authorization"]).toBe(basic(credentials.siteId, credentials.apiKey));
}

const euAnswer = { url: EU, region: "eu", environment_id: 67890 };

describe("region: auto", () => {
  it("asks once on the US host, then sends every call to the url it returned", async () => {
    const lookup = interceptRegion(US, 200, euAnswer);
    const eu = interceptPut(EU, {}, 2);
    const client = auto();
    expect(client.baseUrl).toBe(US);
    await expect(client.identify({ id: "user-5678" }, { plan: "premium" })).resolves.toEqual({
      status: 200,
      identifier: "user-5678",
      attempts: 1,
    });
    await client.identify({ email: "ada@example.com" }, { plan: "basic" });
    expect(lookup.scope.isDone() && eu.scope.isDone()).toBe(true);
    expect(lookup.requests).toHaveLength(1);
    expectRegionRequest(lookup.requests[0]!);
    expect(client.baseUrl).toBe(EU);
    expect(eu.requests.map((r) => r.path)).toEqual([
      "/api/v1/customers/user-5678",
      "/api/v1/customers/ada%40example.com",
    ]);
    expect(eu.requests[0]!.headers["authorization"]).toBe(basic(credentials.siteId, credentials.apiKey));
    expect(eu.requests.map((r) => expectSpecValid(r))).toEqual([{ plan: "premium" }, { plan: "basic" }]);
  });

  it("concurrent first calls share one lookup", async () => {
    const lookup = interceptRegion(US, 200, euAnswer, { delayMs: 50 });
    const eu = interceptPut(EU, {}, 3);
    const client = auto();
    await Promise.all([client.identify({ id: "a" }), client.identify({ id: "b" }), client.identify({ id: "c" })]);
    expect(lookup.requests).toHaveLength(1);
    expect(eu.requests).toHaveLength(3);
    eu.requests.forEach((r) => expectSpecValid(r));
  });

  it("a US workspace keeps the US host", async () => {
    interceptRegion(US, 200, { url: US, region: "us", environment_id: 12345 });
    const us = interceptPut(US);
    await auto().identify({ id: "u" });
    expectSpecValid(us.requests[0]!);
  });

  it("a failed lookup is not remembered: the next call asks again", async () => {
    const refused = interceptRegion(US, 401, "Unauthorized request");
    const client = auto();
    const { error } = await settle(client.identify({ id: "u" }, { plan: "premium" }));
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toBe(
      "GET https://track.customer.io/api/v1/accounts/region answered 401: Unauthorized request",
    );
    expect(refused.scope.isDone()).toBe(true);
    expect(client.baseUrl).toBe(US);

    const lookup = interceptRegion(US, 200, euAnswer);
    const eu = interceptPut(EU);
    await expect(client.identify({ id: "u" }, { plan: "premium" })).resolves.toMatchObject({ status: 200 });
    expectRegionRequest(lookup.requests[0]!);
    expectSpecValid(eu.requests[0]!);
  });

  it("the lookup is retried like any call (503, then the answer)", async () => {
    interceptRegion(US, 503, "Service Unavailable");
    interceptRegion(US, 200, euAnswer);
    const eu = interceptPut(EU);
    await expect(auto().identify({ id: "u" })).resolves.toMatchObject({ status: 200, attempts: 1 });
    expectSpecValid(eu.requests[0]!);
  });

  it("with baseUrl (a simulator), the lookup goes there and a same-origin url is accepted", async () => {
    const sim = "http://127.0.0.1:4010";
    const lookup = interceptRegion(sim, 200, { url: `${sim}/eu/`, region: "eu", environment_id: 1 });
    const target = interceptPut(sim);
    const client = auto({ baseUrl: sim });
    await client.identify({ id: "u" }, { plan: "premium" });
    expectRegionRequest(lookup.requests[0]!);
    expect(target.requests[0]!.path).toBe("/eu/api/v1/customers/u");
    expect(expectSpecValid(target.requests[0]!)).toEqual({ plan: "premium" });
    expect(client.baseUrl).toBe(`${sim}/eu`);
  });

  it("an abort while waiting for the lookup ends the call at once; the lookup still completes for the others", async () => {
    interceptRegion(US, 200, euAnswer, { delayMs: 100 });
    const eu = interceptPut(EU);
    const client = auto();
    const controller = new AbortController();
    const aborted = settle(client.identify({ id: "a" }, {}, { signal: controller.signal }));
    const other = client.identify({ id: "b" });
    controller.abort();
    const { error } = await aborted;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).attempts).toBe(0);
    await other;
    expect(eu.requests.map((r) => r.path)).toEqual(["/api/v1/customers/b"]);
  });

  it('"us" and "eu" never ask', async () => {
    const lookup = interceptRegion(US, 200, euAnswer);
    const eu = interceptPut(EU);
    await createCustomersClient({ ...credentials, region: "eu" }).identify({ id: "u" });
    expect(lookup.scope.isDone()).toBe(false);
    expectSpecValid(eu.requests[0]!);
  });
});

describe("an answer the client will not send credentials to", () => {
  it.each<[string, unknown, string]>([
    [
      "another host",
      { url: "https://collector.example.com", region: "eu", environment_id: 1 },
      "the url in the answer is neither an https customer.io host nor the starting origin",
    ],
    [
      "plain http",
      { url: "http://track-eu.customer.io", region: "eu", environment_id: 1 },
      "the url in the answer is neither an https customer.io host nor the starting origin",
    ],
    [
      "a look-alike host",
      { url: "https://track-eu.evilcustomer.io", region: "eu", environment_id: 1 },
      "the url in the answer is neither an https customer.io host nor the starting origin",
    ],
    [
      "credentials in the url",
      { url: "https://a:b@track-eu.customer.io", region: "eu", environment_id: 1 },
      "the url in the answer carries credentials of its own",
    ],
    ["not a URL", { url: "track-eu", region: "eu", environment_id: 1 }, "the url in the answer is not a URL"],
    ["no url", "{}", "the answer has no url"],
    ["not JSON", "<html>maintenance</html>", "the answer is not JSON"],
  ])("%s → RegionError, nothing else sent", async (_name, body, reason) => {
    const lookup = interceptRegion(US, 200, body);
    const { error } = await settle(auto().identify({ id: "user-5678" }, { plan: "premium" }));
    expect(error).toBeInstanceOf(RegionError);
    expect((error as RegionError).reason).toContain(reason);
    expect((error as Error).message).toContain(
      "GET https://track.customer.io/api/v1/accounts/region gave no usable region",
    );
    expect(lookup.requests).toHaveLength(1);
    expectNoSecrets(error, [credentials.apiKey, "user-5678", "premium"]);
  });

  it("the spec's own examples are accepted", () => {
    const examples = (
      (((operation["responses"] as Json)["200"] as Json)["content"] as Json)["application/json"] as Json
    )["examples"] as Record<string, { value: { url: string } }>;
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(2);
    for (const { value } of Object.values(examples)) {
      expect(validateRegion(value)).toBe(true);
      expect(acceptRegionUrl(value.url, undefined)).toEqual({ url: value.url });
    }
  });
});
