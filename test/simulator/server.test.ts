/**
 * The simulator over a real loopback socket (serveSimulator, node:http). Every answer is checked against the spec.
 */
import { request as httpRequest } from "node:http";
import { DEFAULT_SETTINGS } from "../../src/simulator/settings.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { basicAuth, expectConforming } from "./support.js";

registerCredentials("sim-site", "sim-key");
const auth = basicAuth("sim-site", "sim-key");
let served: ServedSimulator;
const errors: unknown[] = [];

beforeAll(async () => {
  served = await serveSimulator({ port: 0, onError: (error) => errors.push(error) });
});
afterAll(async () => {
  await served.close();
  expect(errors).toEqual([]);
});

/** fetch over the socket, checking the answer against the spec. */
async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
  const response = await fetch(`${served.url}${path}`, { method, ...init });
  const text = await response.text();
  expectConforming(
    method,
    new URL(`${served.url}${path}`).pathname,
    response.status,
    response.headers.get("content-type"),
    text,
  );
  return { status: response.status, headers: response.headers, json: JSON.parse(text) as Record<string, unknown> };
}

const json = { authorization: auth, "content-type": "application/json" };

describe("serveSimulator over loopback", () => {
  it("listens on 127.0.0.1 on a free port", () => {
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("the real client, with the global fetch, identifies a person over the socket", async () => {
    served.simulator.reset();
    const client = createCustomersClient({ siteId: "sim-site", apiKey: "sim-key", baseUrl: served.url });
    await client.identify({ email: "ada@example.com" }, { id: "u1", plan: "premium" });
    expect(served.simulator.person({ id: "u1" })).toMatchObject({
      email: "ada@example.com",
      attributes: { plan: "premium" },
    });
  });

  it("answers 200 {} with application/json; charset=utf-8", async () => {
    const reply = await call("PUT", "/api/v1/customers/u2", { headers: json, body: "{}" });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({});
    expect(reply.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("401 without or with wrong credentials", async () => {
    expect(
      (await call("PUT", "/api/v1/customers/u1", { headers: { "content-type": "application/json" }, body: "{}" })).json,
    ).toEqual({
      meta: { error: "Unauthorized request" },
    });
    const wrong = await call("PUT", "/api/v1/customers/u1", {
      headers: { ...json, authorization: basicAuth("sim-site", "nope") },
      body: "{}",
    });
    expect(wrong.status).toBe(401);
  });

  it("400 for malformed JSON and for a missing or wrong content type", async () => {
    const malformed = await call("PUT", "/api/v1/customers/u1", { headers: json, body: '{"a":' });
    expect(malformed).toMatchObject({ status: 400, json: { meta: { error: "request body is not valid JSON" } } });
    const missing = await call("PUT", "/api/v1/customers/u1", {
      headers: { authorization: auth },
      body: new TextEncoder().encode("{}"),
    });
    expect(missing).toMatchObject({
      status: 400,
      json: { meta: { error: "Content-Type is required and must be application/json" } },
    });
    const text = await call("PUT", "/api/v1/customers/u1", {
      headers: { authorization: auth, "content-type": "text/plain" },
      body: "{}",
    });
    expect(text.status).toBe(400);
  });

  it("413 for a declared body over 1 MiB, with the envelope", async () => {
    const reply = await call("PUT", "/api/v1/customers/u1", {
      headers: json,
      body: new Uint8Array(1024 * 1024 + 1).fill(0x20),
    });
    expect(reply).toMatchObject({
      status: 413,
      json: { meta: { error: "request body is larger than 1048576 bytes" } },
    });
  });

  it("413 for a chunked body as soon as it passes 1 MiB, while the client is still sending", async () => {
    const url = new URL(served.url);
    const outcome = await new Promise<{ status: number; body: string; sent: number }>((done, fail) => {
      const req = httpRequest({
        host: url.hostname,
        port: url.port,
        method: "PUT",
        path: "/api/v1/customers/u1",
        headers: json,
      });
      let sent = 0;
      let answered = false;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      req.on("response", (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (part: string) => (body += part));
        res.on("end", () => done({ status: res.statusCode ?? 0, body, sent }));
      });
      // The server closes the connection after its 413; a write that follows may fail, which is expected.
      req.on("error", (error) => (answered ? undefined : fail(error)));
      const pump = () => {
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.byteLength;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) fail(new Error("the server read 64 MiB without answering"));
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    expect(JSON.parse(outcome.body)).toEqual({ meta: { error: "request body is larger than 1048576 bytes" } });
    expect(outcome.sent).toBeLessThan(64 * 1024 * 1024);
  });

  it("methods a WHATWG Request cannot carry (TRACE) are 405, not 500", async () => {
    const url = new URL(served.url);
    const status = await new Promise<number>((done, fail) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method: "TRACE", path: "/api/v1/customers/u1" },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on("error", fail);
      req.end();
    });
    expect(status).toBe(405);
  });

  it("GET /api/v1/accounts/region names the origin the client used", async () => {
    expect((await call("GET", "/api/v1/accounts/region", { headers: { authorization: auth } })).json).toEqual({
      url: served.url,
      region: "us",
      environment_id: 1,
    });
  });

  it("every inspection route works over the socket", async () => {
    served.simulator.reset();
    const seeded = await call("POST", "/__simulator/people", {
      headers: json,
      body: JSON.stringify({ people: [{ id: "a", email: "a@example.com" }] }),
    });
    expect(seeded.status).toBe(201);
    await call("PUT", "/api/v1/customers/a", { headers: json, body: JSON.stringify({ email: "b@example.com" }) });
    const people = await call("GET", "/__simulator/people", { headers: { authorization: auth } });
    expect(people.json["people"]).toEqual([expect.objectContaining({ id: "a", email: "a@example.com" })]);
    const found = await call("GET", "/__simulator/people/lookup?email=A%40EXAMPLE.COM", {
      headers: { authorization: auth },
    });
    expect(found.json).toMatchObject({ id: "a" });
    const activity = await call("GET", "/__simulator/activity?since=0", { headers: { authorization: auth } });
    expect(activity.json["activity"]).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C5", identifier: "email" }),
    );
    const deleted = await call("DELETE", `/__simulator/people/cio_${String(found.json["cio_id"])}`, {
      headers: { authorization: auth },
    });
    expect(deleted.json).toMatchObject({ deleted: true });
    const withDeleted = await call("GET", "/__simulator/people?include_deleted=true", {
      headers: { authorization: auth },
    });
    expect(withDeleted.json["people"]).toHaveLength(1);
    const patched = await call("PATCH", "/__simulator/settings", {
      headers: json,
      body: JSON.stringify({ identifiedBy: "id" }),
    });
    expect(patched.json).toEqual({ ...DEFAULT_SETTINGS, identifiedBy: "id", allowEmailUpdatesById: false });
    expect((await call("GET", "/__simulator/settings", { headers: { authorization: auth } })).json).toEqual(
      patched.json,
    );
    expect((await call("POST", "/__simulator/reset", { headers: { authorization: auth } })).json).toEqual({});
    expect((await call("GET", "/__simulator/people", { headers: { authorization: auth } })).json).toEqual({
      people: [],
      next_cursor: null,
    });
    expect((await call("GET", "/__simulator/people/lookup?id=a", { headers: { authorization: auth } })).status).toBe(
      404,
    );
    expect((await call("GET", "/__simulator/settings")).status).toBe(401);
  });
});
