/**
 * What the simulator refuses before any rule runs: C12 (content type), JSON, the spec's schema, the byte limits,
 * authentication, routing and the body cap. Each refusal is checked for its status, its envelope, the problem it
 * names, and that nothing changed. Every response is checked against the spec by the harness.
 */
import { afterEach, describe, expect, it } from "vitest";
import { HttpError } from "../../src/index.js";
import { createSimulator } from "../../src/simulator/index.js";
import { BASE, basicAuth, expectConforming, harness, refusalOf, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

const auth = basicAuth("sim-site", "sim-key");
const bytes = (text: string) => new TextEncoder().encode(text);

/** Sends a request and asserts nothing in the workspace changed. */
async function refused(request: Request) {
  const before = JSON.stringify([h.sim.people({ includeDeleted: true }), h.sim.activity()]);
  const response = await h.fetch(request);
  const text = await response.text();
  expect(JSON.stringify([h.sim.people({ includeDeleted: true }), h.sim.activity()])).toBe(before);
  return { status: response.status, headers: response.headers, text, json: JSON.parse(text) as unknown };
}

function put(
  path: string,
  body: BodyInit | null,
  headers: Record<string, string> = { "content-type": "application/json" },
) {
  return new Request(`${BASE}${path}`, { method: "PUT", headers: { authorization: auth, ...headers }, body });
}

describe("C12 content type", () => {
  it("C12 content type: a body without Content-Type is refused with 400", async () => {
    h = harness();
    const reply = await refused(put("/api/v1/customers/u1", bytes("{}"), {}));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(refusalOf({ error: "Content-Type is required and must be application/json" }));
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/vnd.api+json"])(
    "C12 content type: %s is refused with 400",
    async (type) => {
      h = harness();
      const reply = await refused(put("/api/v1/customers/u1", "{}", { "content-type": type }));
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual(refusalOf({ error: "Content-Type must be application/json" }));
    },
  );

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8"])(
    "C12 content type: %s is accepted",
    async (type) => {
      h = harness();
      const response = await h.fetch(put("/api/v1/customers/u1", "{}", { "content-type": type }));
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("{}");
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    },
  );
});

describe("bodies that are not a JSON object", () => {
  it.each([
    ["malformed JSON", "{", "request body is not valid JSON"],
    ["an empty body", "", "request body is not valid JSON"],
    ["trailing garbage", "{} x", "request body is not valid JSON"],
    ["an array", "[]", "request body must be a JSON object"],
    ["null", "null", "request body must be a JSON object"],
    ["a string", '"hi"', "request body must be a JSON object"],
    [
      "deep nesting",
      `{"a":${"[".repeat(200_000)}${"]".repeat(200_000)}}`,
      "request body is nested more than 100 levels deep",
    ],
  ])("%s → 400 with the envelope", async (_name, body, message) => {
    h = harness();
    const reply = await refused(put("/api/v1/customers/u1", body));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(refusalOf({ error: message }));
  });

  it("invalid UTF-8 → 400", async () => {
    h = harness();
    const reply = await refused(
      put("/api/v1/customers/u1", new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])),
    );
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(refusalOf({ error: "request body is not valid UTF-8" }));
  });
});

describe("refusals with a source: the default refuses only what the seed or Customer.io's documentation supports", () => {
  it.each([
    ["an email that is not an address", { email: "not-an-address" }],
    ["a numeric id", { id: 42 }],
    ["unsubscribed null", { unsubscribed: null }],
    ["an empty attribute name", { "": "x" }],
    ["a string _timestamp", { _timestamp: "now" }],
    [
      "an object_type_id of 0",
      { cio_relationships: { relationships: [{ identifiers: { object_type_id: "0", object_id: "a" } }] } },
    ],
  ])("%s: accepted by default, refused by strict (the project's lint)", async (_name, body) => {
    h = harness();
    expect((await h.put("u1", body)).status).toBe(200);
    const strict = harness({ strict: true });
    const reply = await strict.put("u1", body);
    expect(reply.status).toBe(400);
    const { problems } = reply.json as { problems: { source: string }[] };
    expect(problems.map((problem) => problem.source)).toEqual(problems.map(() => "lint"));
  });

  it("a key repeated in one object: accepted by default, refused by strict", async () => {
    h = harness();
    expect((await h.put("u1", '{"plan":"a","plan":"b"}')).status).toBe(200);
    const strict = harness({ strict: true });
    expect((await strict.put("u1", '{"plan":"a","plan":"b"}')).json).toMatchObject({
      problems: [{ code: "repeated_key", source: "lint" }],
    });
  });

  it("what Customer.io documents is refused in both modes, citing it", async () => {
    for (const strict of [false, true]) {
      h = harness({ strict });
      const reply = await h.put("u1", { id: "i".repeat(151), bio: "x".repeat(1001) });
      expect(reply.status).toBe(400);
      expect((reply.json as { problems: { source: string }[] }).problems.map((problem) => problem.source)).toEqual([
        "customerio",
        "customerio",
      ]);
    }
  });
});

describe("the spec's schema and the byte limits", () => {
  const secret = "s3cr3t-value";
  it.each([
    [
      "an identifier over 150 bytes (76 × é = 152 bytes)",
      "é".repeat(76),
      {},
      "identifier in the path cannot be longer than 150 bytes",
    ],
    ["an empty identifier", "", {}, "identifier in the path must NOT have fewer than 1 characters"],
    [
      "an attribute name over 150 bytes",
      "u1",
      { ["n".repeat(151)]: secret },
      `attribute name '${"n".repeat(40)}…' cannot be longer than 150 bytes`,
    ],
    ["an empty attribute name", "u1", { "": secret }, "attribute names cannot be empty"],
    [
      "a value over 1000 bytes (501 × é)",
      "u1",
      { bio: "é".repeat(501) },
      "value for attribute 'bio' cannot be longer than 1000 bytes",
    ],
    [
      "an array over 1000 bytes as JSON",
      "u1",
      { tags: Array.from({ length: 300 }, () => "abc") },
      "value for attribute 'tags' cannot be longer than 1000 bytes",
    ],
    [
      "an object over 1000 bytes as JSON",
      "u1",
      { address: { street: "x".repeat(1000) } },
      "value for attribute 'address' cannot be longer than 1000 bytes",
    ],
    ["an id over 150 bytes", "u1", { id: "i".repeat(151) }, "value for attribute 'id' cannot be longer than 150 bytes"],
    [
      "an anonymous_id over 1000 bytes",
      "u1",
      { anonymous_id: "é".repeat(501) },
      "value for attribute 'anonymous_id' cannot be longer than 1000 bytes",
    ],
    ["an email that is not an address", "u1", { email: secret }, "attribute 'email' must match format \"email\""],
    ["a non-boolean _update", "u1", { _update: "yes" }, "attribute '_update' must be boolean"],
    ["a millisecond-free but negative created_at", "u1", { created_at: -1 }, "attribute 'created_at' must be >= 0"],
    ["a string _timestamp", "u1", { _timestamp: "now" }, "attribute '_timestamp' must be integer"],
    ["unsubscribed null", "u1", { unsubscribed: null }, "attribute 'unsubscribed' must be boolean, string or integer"],
    [
      "a topic that is not boolean",
      "u1",
      { "cio_subscription_preferences.topics.topic_3": "no" },
      "attribute 'cio_subscription_preferences.topics.topic_3' must be boolean",
    ],
    [
      "a malformed topic key in the object",
      "u1",
      { cio_subscription_preferences: { topics: { topic_0: true } } },
      "attribute 'cio_subscription_preferences.topics' must not have property \"topic_0\"",
    ],
    [
      "an unknown relationship action",
      "u1",
      { cio_relationships: { action: "merge", relationships: [] } },
      "attribute 'cio_relationships.action' must be equal to one of the allowed values",
    ],
    [
      "a relationship without object_id",
      "u1",
      { cio_relationships: { relationships: [{ identifiers: { object_type_id: "1" } }] } },
      "attribute 'cio_relationships.relationships[0].identifiers' must have property object_id when property object_type_id is present",
    ],
    [
      "an object relationship attribute",
      "u1",
      {
        cio_relationships: {
          relationships: [
            { identifiers: { object_type_id: "1", object_id: "a" }, relationship_attributes: { role: {} } },
          ],
        },
      },
      "attribute 'cio_relationships.relationships[0].relationship_attributes.role' must be string, number, boolean or null",
    ],
    [
      "a relationship attribute over 1000 bytes",
      "u1",
      {
        cio_relationships: {
          relationships: [
            {
              identifiers: { object_type_id: "1", object_id: "a" },
              relationship_attributes: { note: "x".repeat(1001) },
            },
          ],
        },
      },
      "value for cio_relationships.relationships[0].relationship_attributes.note cannot be longer than 1000 bytes",
    ],
  ])("%s → 400 naming it, without the value", async (_name, identifier, body, message) => {
    h = harness({ strict: true });
    const reply = await refused(put(`/api/v1/customers/${encodeURIComponent(identifier)}`, JSON.stringify(body)));
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(refusalOf({ errors: [message] }));
    expect(reply.text).not.toContain(secret);
  });

  it("301 attributes → 400 naming the count", async () => {
    h = harness({ strict: true });
    const body = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i]));
    const reply = await refused(put("/api/v1/customers/u1", JSON.stringify(body)));
    expect(reply.json).toEqual(refusalOf({ errors: ["a call carries at most 300 attributes; this one has 301"] }));
  });

  it("several problems → every one is named, path and body alike", async () => {
    h = harness({ strict: true });
    const reply = await refused(
      put(
        `/api/v1/customers/${"x".repeat(151)}`,
        JSON.stringify({ bio: "y".repeat(1001), created_at: "yesterday", email: "nope" }),
      ),
    );
    expect(reply.status).toBe(400);
    const errors = (reply.json as { meta: { errors: string[] } }).meta.errors;
    expect(errors.toSorted()).toEqual([
      "attribute 'created_at' must be integer",
      "attribute 'email' must match format \"email\"",
      "identifier in the path cannot be longer than 150 bytes",
      "value for attribute 'bio' cannot be longer than 1000 bytes",
    ]);
  });

  it("every problem carries a stable code and the path to the element at fault", async () => {
    h = harness({ strict: true });
    const reply = await refused(
      put(
        `/api/v1/customers/${"x".repeat(151)}`,
        JSON.stringify({
          bio: "y".repeat(1001),
          created_at: "yesterday",
          cio_relationships: { relationships: [{ identifiers: { object_type_id: "0", object_id: "a" } }] },
        }),
      ),
    );
    const { problems } = reply.json as { problems: { code: string; path: unknown[] }[] };
    expect(problems.map(({ code, path }) => ({ code, path })).toSorted((a, b) => a.code.localeCompare(b.code))).toEqual(
      [
        {
          code: "schema_pattern",
          path: ["body", "cio_relationships", "relationships", 0, "identifiers", "object_type_id"],
        },
        { code: "schema_type", path: ["body", "created_at"] },
        { code: "too_long", path: ["identifier"] },
        { code: "too_long", path: ["body", "bio"] },
      ],
    );
  });

  it("a path that is not valid percent-encoding → 400", async () => {
    h = harness({ strict: true });
    const reply = await refused(put("/api/v1/customers/%E0%A4%A", "{}"));
    expect(reply.json).toEqual(refusalOf({ error: "identifier in the path is not valid percent-encoded UTF-8" }));
  });

  it("an encoded slash is part of the identifier, not a path separator", async () => {
    h = harness({ strict: true });
    await h.client.identify({ id: "team/alpha" });
    expect(h.sim.person({ id: "team/alpha" })).toBeDefined();
  });

  it("exactly at the limits is accepted: 150-byte names and identifiers, 1000-byte values, 300 attributes", async () => {
    h = harness({ strict: true });
    const body: Record<string, unknown> = Object.fromEntries(Array.from({ length: 298 }, (_, i) => [`a${i}`, i]));
    body["n".repeat(150)] = "é".repeat(500);
    body["id"] = "i".repeat(150);
    const response = await h.fetch(put(`/api/v1/customers/${"i".repeat(150)}`, JSON.stringify(body)));
    expect(response.status).toBe(200);
    expect(Object.keys(h.sim.person({ id: "i".repeat(150) })?.attributes ?? {})).toHaveLength(299);
  });
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", undefined],
    ["a wrong API key", basicAuth("sim-site", "wrong")],
    ["a wrong site ID", basicAuth("other", "sim-key")],
    ["a Bearer token", "Bearer sim-key"],
    ["broken base64", "Basic !!!"],
    ["no colon", `Basic ${btoa("sim-site")}`],
  ])("%s → 401 with the JSON envelope", async (_name, authorization) => {
    h = harness();
    const reply = await refused(
      new Request(`${BASE}/api/v1/customers/u1`, {
        method: "PUT",
        headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
        body: "{}",
      }),
    );
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ meta: { error: "Unauthorized request" } });
    expect(reply.headers.get("www-authenticate")).toMatch(/^Basic /);
  });

  it("the client with a wrong key gets an HttpError 401 and nothing changes", async () => {
    h = harness();
    const { createCustomersClient } = await import("../../src/index.js");
    const client = createCustomersClient({ siteId: h.sim.siteId, apiKey: "wrong", baseUrl: BASE, fetch: h.fetch });
    const error = await client.identify({ id: "u1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(h.sim.people()).toEqual([]);
  });

  it("custom credentials, including non-ASCII ones, are accepted", async () => {
    h = harness({ siteId: "site-é", apiKey: "kéy:with:colons" });
    await h.client.identify({ id: "u1" });
    expect(h.sim.people()).toHaveLength(1);
  });
});

describe("routing", () => {
  it.each([
    ["GET", "/"],
    ["PUT", "/api/v1/customers"],
    ["PUT", "/api/v1/customers/a/b"],
    ["PUT", "/api/v2/customers/a"],
    ["GET", "/__simulator/nope"],
    ["GET", "/__simulator/people/a/b"],
  ])("%s %s → 404 envelope", async (method, path) => {
    h = harness();
    const reply = await refused(new Request(`${BASE}${path}`, { method, headers: { authorization: auth } }));
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ meta: { error: expect.any(String) } });
  });

  it.each([
    ["GET", "/api/v1/customers/u1", "PUT"],
    ["POST", "/api/v1/customers/u1", "PUT"],
    ["DELETE", "/api/v1/customers/u1", "PUT"],
    ["POST", "/__simulator/people/lookup", "GET"],
    ["GET", "/__simulator/reset", "POST"],
    ["PUT", "/__simulator/settings", "GET, PATCH"],
  ])("%s %s → 405 with Allow: %s", async (method, path, allow) => {
    h = harness();
    const reply = await refused(new Request(`${BASE}${path}`, { method, headers: { authorization: auth } }));
    expect(reply.status).toBe(405);
    expect(reply.headers.get("allow")).toBe(allow);
    expect(reply.json).toEqual({ meta: { error: expect.any(String) } });
  });

  it("GET /api/v1/accounts/region answers the simulator's own origin, for clients in region auto", async () => {
    h = harness();
    const response = await h.fetch(new Request(`${BASE}/api/v1/accounts/region`, { headers: { authorization: auth } }));
    expect(await response.json()).toEqual({ url: BASE, region: "us", environment_id: 1 });
    const anonymous = await h.fetch(new Request(`${BASE}/api/v1/accounts/region`));
    expect(anonymous.status).toBe(401);
  });
});

describe("the body cap (in-process)", () => {
  it("a declared body over 1 MiB → 413 with the envelope", async () => {
    h = harness();
    const reply = await refused(put("/api/v1/customers/u1", new Uint8Array(1024 * 1024 + 1).fill(0x20)));
    expect(reply.status).toBe(413);
    expect(reply.json).toEqual({ meta: { error: "request body is larger than 1048576 bytes" } });
  });

  it("a streamed body is cut off once it passes 1 MiB, without reading the rest", async () => {
    h = harness();
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const request = new Request(`${BASE}/api/v1/customers/u1`, {
      method: "PUT",
      headers: { authorization: auth, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const reply = await refused(request);
    expect(reply.status).toBe(413);
    expect(pulled).toBeLessThan(40);
  });

  it("a body stream that fails → 400, not 500", async () => {
    h = harness();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("connection lost"));
      },
    });
    const request = new Request(`${BASE}/api/v1/customers/u1`, {
      method: "PUT",
      headers: { authorization: auth, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    const reply = await refused(request);
    expect(reply.status).toBe(400);
  });
});

describe("no input reaches the 500 path", () => {
  const hostile: [string, string][] = [
    ["u1", '{"__proto__":null}'],
    ["u1", '{"constructor":null,"toString":1,"hasOwnProperty":"x","valueOf":{}}'],
    ["u1", '{"cio_relationships":null}'],
    ["u1", '{"cio_relationships":{"relationships":[null,1,"x"]}}'],
    ["u1", '{"cio_subscription_preferences":{"topics":null}}'],
    ["u1", '{"cio_subscription_preferences":[]}'],
    ["u1", '{"id":null,"email":null,"anonymous_id":null}'],
    ["u1", '{"id":1,"email":2,"anonymous_id":3}'],
    ["u1", '{"created_at":1e400}'],
    ["u1", '{"a":"\\ud800"}'],
    ["cio_", "{}"],
    ["cio_cio_", "{}"],
    ["%00", "{}"],
    ["..", "{}"],
    ["%2e%2e", "{}"],
    ["a%20b", '{"_update":true}'],
  ];
  it.each(hostile)("PUT %s %s → 200 or 400, never 500", async (path, body) => {
    h = harness();
    const response = await h.fetch(put(`/api/v1/customers/${path}`, body));
    expect([200, 400, 404]).toContain(response.status);
  });

  it("the catch-all answers 500 with the envelope, and reports the exception (a broken clock)", async () => {
    const seen: unknown[] = [];
    const sim = createSimulator({
      now: () => {
        throw new Error("clock broke");
      },
      onError: (error) => seen.push(error),
    });
    h = harness();
    const response = await sim.fetch(put("/api/v1/customers/u1", "{}"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expectConforming("PUT", "/api/v1/customers/u1", response.status, response.headers.get("content-type"), text);
    expect(JSON.parse(text)).toEqual({ meta: { error: expect.stringContaining("bug in the simulator") } });
    expect(seen).toEqual([new Error("clock broke")]);
  });
});
