import { createRawClient } from "../../src/raw.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  addRelationships,
  createCustomersClient,
  deleteRelationships,
  replaceTopics,
  setTopics,
  unixSeconds,
} from "../../src/index.js";
import { VERSION } from "../../src/version.js";
import { basic, expectSpecValid, guardNetwork, interceptPut, nock } from "../support/wire.js";
import { registerCredentials } from "../support/secrets.js";

const US = "https://track.customer.io";
const EU = "https://track-eu.customer.io";
// These tests compare bodies as written; stamping (on by default) is covered in stamping.test.ts.
const credentials = { siteId: "site-123", apiKey: "key-secret-456", stampTimestamps: false };
registerCredentials(credentials.siteId, credentials.apiKey);

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

describe("the request on the wire for each person form", () => {
  it("{ id } → PUT /api/v1/customers/<id> with Basic auth, JSON and the user agent", async () => {
    const { scope, requests } = interceptPut(US);
    const client = createCustomersClient(credentials);
    const result = await client.identify({ id: "user-5678" }, { email: "ada@example.com", plan: "premium" });
    expect(scope.isDone()).toBe(true);
    expect(result).toEqual({ status: 200, identifier: "user-5678", attempts: 1 });
    const [request] = requests;
    expect(request?.path).toBe("/api/v1/customers/user-5678");
    expect(request?.headers["authorization"]).toBe(basic("site-123", "key-secret-456"));
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["user-agent"]).toBe(`cio-customers/${VERSION}`);
    expect(expectSpecValid(request!)).toEqual({ email: "ada@example.com", plan: "premium" });
  });

  it("{ id } as a number is written in decimal", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify({ id: 42 });
    expect(requests[0]?.path).toBe("/api/v1/customers/42");
    expect(expectSpecValid(requests[0]!)).toEqual({});
  });

  it("{ email } → the address in the path, encoded once", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify({ email: "ada@example.com" }, { id: "user-5678" });
    expect(requests[0]?.path).toBe("/api/v1/customers/ada%40example.com");
    expect(expectSpecValid(requests[0]!)).toEqual({ id: "user-5678" });
  });

  it("{ cioId } → cio_<value>, and a value already prefixed is not prefixed twice", async () => {
    const { requests } = interceptPut(US, {}, 2);
    const client = createCustomersClient(credentials);
    await client.identify({ cioId: "03000001a2b3" }, { email: "new@example.com", id: "user-9999" });
    await client.identify({ cioId: "cio_03000001a2b3" });
    expect(requests.map((r) => r.path)).toEqual([
      "/api/v1/customers/cio_03000001a2b3",
      "/api/v1/customers/cio_03000001a2b3",
    ]);
    expect(expectSpecValid(requests[0]!)).toEqual({ email: "new@example.com", id: "user-9999" });
  });

  it("a plain string is used as the identifier as given", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify("cio_abc");
    expect(requests[0]?.path).toBe("/api/v1/customers/cio_abc");
  });

  it("update() sends _update: true and the attributes", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).update({ id: "user-5678" }, { plan: "enterprise" });
    expect(expectSpecValid(requests[0]!)).toEqual({ plan: "enterprise", _update: true });
  });

  it("no attributes → an empty JSON object", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify({ id: "x" });
    expect(requests[0]?.body).toBe("{}");
  });
});

describe("path encoding: each identifier is URL-encoded exactly once", () => {
  const table: [string, string][] = [
    ["a+b@example.com", "a%2Bb%40example.com"],
    ["ünï@exämple.com", "%C3%BCn%C3%AF%40ex%C3%A4mple.com"],
    ["has space", "has%20space"],
    ["a/b", "a%2Fb"],
    ["100%", "100%25"],
    ["tag#1", "tag%231"],
    ["what?", "what%3F"],
    ["a&b=c", "a%26b%3Dc"],
    ["cio_03000001a2b3", "cio_03000001a2b3"],
    ["12345", "12345"],
    ["%2F", "%252F"],
  ];
  it.each(table)("%s → %s", async (identifier, expected) => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify(identifier);
    expect(requests[0]?.path).toBe(`/api/v1/customers/${expected}`);
    expect(decodeURIComponent(expected)).toBe(identifier);
    expectSpecValid(requests[0]!);
  });
});

describe("helpers produce the wire forms", () => {
  it("setTopics → dot-notation keys that keep other topics", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify({ id: "u" }, { ...setTopics({ 3: false, 7: true }) });
    expect(expectSpecValid(requests[0]!)).toEqual({
      "cio_subscription_preferences.topics.topic_3": false,
      "cio_subscription_preferences.topics.topic_7": true,
    });
  });

  it("replaceTopics → the object form", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient(credentials).identify({ id: "u" }, replaceTopics({ 1: true, 7: false }));
    expect(expectSpecValid(requests[0]!)).toEqual({
      cio_subscription_preferences: { topics: { topic_1: true, topic_7: false } },
    });
  });

  it("addRelationships and deleteRelationships → cio_relationships with the action", async () => {
    const { requests } = interceptPut(US, {}, 2);
    const client = createCustomersClient(credentials);
    await client.identify(
      { id: "u" },
      addRelationships([
        { type: 1, id: "acme", attributes: { role: "admin", old: null } },
        { type: "2", id: "course-9" },
      ]),
    );
    await client.identify({ id: "u" }, deleteRelationships([{ type: 1, id: "acme" }]));
    expect(expectSpecValid(requests[0]!)).toEqual({
      cio_relationships: {
        action: "add_relationships",
        relationships: [
          {
            identifiers: { object_type_id: "1", object_id: "acme" },
            relationship_attributes: { role: "admin", old: null },
          },
          { identifiers: { object_type_id: "2", object_id: "course-9" } },
        ],
      },
    });
    expect(expectSpecValid(requests[1]!)).toEqual({
      cio_relationships: {
        action: "delete_relationships",
        relationships: [{ identifiers: { object_type_id: "1", object_id: "acme" } }],
      },
    });
  });

  it("Date → whole Unix seconds for created_at, _timestamp and custom attributes", async () => {
    const { requests } = interceptPut(US);
    const when = new Date("2023-11-14T22:13:20.999Z");
    await createCustomersClient(credentials).identify(
      { id: "u" },
      { created_at: when, _timestamp: when, last_seen: when },
    );
    expect(expectSpecValid(requests[0]!)).toEqual({
      created_at: 1700000000,
      _timestamp: 1700000000,
      last_seen: 1700000000,
    });
    expect(unixSeconds(when)).toBe(1700000000);
    expect(unixSeconds(1700000000999)).toBe(1700000000);
  });

  it("custom values of every allowed kind pass through unchanged", async () => {
    const { requests } = interceptPut(US);
    const attributes = {
      name: "Ada",
      score: 9.5,
      active: true,
      removed: null,
      empty: "",
      tags: ["a", 1, false],
      address: { city: "London", zip: null },
    };
    await createCustomersClient(credentials).identify({ id: "u" }, attributes);
    expect(expectSpecValid(requests[0]!)).toEqual(attributes);
  });
});

describe("where requests go", () => {
  it("region eu → the EU host", async () => {
    const { scope } = interceptPut(EU);
    await createCustomersClient({ ...credentials, region: "eu" }).identify({ id: "u" });
    expect(scope.isDone()).toBe(true);
  });

  it("region us is the default", async () => {
    const { scope } = interceptPut(US);
    expect(createCustomersClient(credentials).baseUrl).toBe(US);
    await createCustomersClient({ ...credentials, region: "us" }).identify({ id: "u" });
    expect(scope.isDone()).toBe(true);
  });

  it("baseUrl overrides the region, keeping a path prefix", async () => {
    const { requests } = interceptPut("http://127.0.0.1:4010");
    await createCustomersClient({ ...credentials, region: "eu", baseUrl: "http://127.0.0.1:4010/proxy/" }).identify({
      id: "u",
    });
    expect(requests[0]?.path).toBe("/proxy/api/v1/customers/u");
  });

  it("an injected fetch receives the Request, and nothing reaches the network", async () => {
    const seen: Request[] = [];
    const client = createCustomersClient({
      ...credentials,
      fetch: async (request) => {
        seen.push(request);
        return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      },
    });
    await client.identify({ email: "a+b@example.com" }, { plan: "x" });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe("PUT");
    expect(seen[0]?.url).toBe(`${US}/api/v1/customers/a%2Bb%40example.com`);
    expect(await seen[0]?.text()).toBe('{"plan":"x"}');
  });

  it("the raw openapi-fetch client is typed, authenticated and reachable", async () => {
    const { requests } = interceptPut(US);
    const { response } = await createRawClient(credentials).PUT("/api/v1/customers/{identifier}", {
      params: { path: { identifier: "u 1" } },
      body: { email: "ada@example.com", _update: true },
    });
    expect(response.status).toBe(200);
    expect(requests[0]?.path).toBe("/api/v1/customers/u%201");
    expect(requests[0]?.headers["authorization"]).toBe(basic("site-123", "key-secret-456"));
    expectSpecValid(requests[0]!);
  });

  it("a custom user agent replaces the default", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient({ ...credentials, userAgent: "importer/2" }).identify({ id: "u" });
    expect(requests[0]?.headers["user-agent"]).toBe("importer/2");
  });

  it("credentials outside Latin-1 are encoded as UTF-8 for Basic auth", async () => {
    const { requests } = interceptPut(US);
    await createCustomersClient({ siteId: "sïte", apiKey: "kéy" }).identify({ id: "u" });
    expect(requests[0]?.headers["authorization"]).toBe(basic("sïte", "kéy"));
  });
});
