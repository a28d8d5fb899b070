import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { CustomersError, HttpError, NetworkError, TimeoutError, createCustomersClient } from "../../src/index.js";
import { guardNetwork, interceptPut, nock } from "../support/wire.js";
import { expectNoSecrets } from "../support/secrets.js";
import { registerCredentials } from "../support/secrets.js";

const US = "https://track.customer.io";
const credentials = { siteId: "site-123", apiKey: "key-secret-456" };
registerCredentials(credentials.siteId, credentials.apiKey);
// This file is about reading responses, one attempt each; retries have their own tests (retry.test.ts).
const client = () => createCustomersClient({ ...credentials, retry: { retries: 0 } });

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

async function failure(promise: Promise<unknown>): Promise<HttpError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  expect(error).toBeInstanceOf(CustomersError);
  expectNoSecrets(error, [credentials.apiKey, "ada@example.com", "Ada"]);
  return error as HttpError;
}

describe("success is any 2xx", () => {
  it("200 {} as JSON", async () => {
    interceptPut(US);
    await expect(client().identify({ id: "u" })).resolves.toEqual({ status: 200, identifier: "u", attempts: 1 });
  });

  it("200 with an empty body", async () => {
    interceptPut(US, { status: 200, body: "", headers: {} });
    await expect(client().identify({ id: "u" })).resolves.toMatchObject({ status: 200 });
  });

  it("200 with a body that is not JSON", async () => {
    interceptPut(US, { status: 200, body: "OK", headers: { "content-type": "text/plain" } });
    await expect(client().identify({ id: "u" })).resolves.toMatchObject({ status: 200 });
  });

  it("204 No Content", async () => {
    interceptPut(US, { status: 204, body: "", headers: {} });
    await expect(client().identify({ id: "u" })).resolves.toMatchObject({ status: 204 });
  });
});

describe("failures are typed errors with Customer.io's messages", () => {
  it("400 with meta.errors[]", async () => {
    interceptPut(US, {
      status: 400,
      body: JSON.stringify({
        meta: { errors: ["value for attribute 'bio' cannot be longer than 1000 bytes", "second"] },
      }),
    });
    const error = await failure(client().identify({ email: "ada@example.com" }, { first_name: "Ada" }));
    expect(error.status).toBe(400);
    expect(error.messages).toEqual(["value for attribute 'bio' cannot be longer than 1000 bytes", "second"]);
    expect(error.message).toBe(
      "PUT https://track.customer.io/api/v1/customers/[identifier] answered 400: value for attribute 'bio' cannot be longer than 1000 bytes; second",
    );
  });

  it("400 with meta.error", async () => {
    interceptPut(US, { status: 400, body: JSON.stringify({ meta: { error: "invalid request" } }) });
    const error = await failure(client().identify({ id: "u" }));
    expect(error.messages).toEqual(["invalid request"]);
  });

  it("400 with App API errors[].detail", async () => {
    interceptPut(US, {
      status: 400,
      body: JSON.stringify({ errors: [{ detail: "wrong datacenter", status: "301" }] }),
    });
    expect((await failure(client().identify({ id: "u" }))).messages).toEqual(["wrong datacenter"]);
  });

  it("401 as plain text", async () => {
    interceptPut(US, { status: 401, body: "Unauthorized request", headers: { "content-type": "text/plain" } });
    const error = await failure(client().identify({ id: "u" }));
    expect(error.status).toBe(401);
    expect(error.messages).toEqual(["Unauthorized request"]);
  });

  it("401 as JSON", async () => {
    interceptPut(US, { status: 401, body: JSON.stringify({ meta: { error: "Unauthorized request" } }) });
    expect((await failure(client().identify({ id: "u" }))).messages).toEqual(["Unauthorized request"]);
  });

  it("502 with an HTML page from a proxy", async () => {
    interceptPut(US, {
      status: 502,
      body: "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>",
      headers: { "content-type": "text/html" },
    });
    const error = await failure(client().identify({ id: "u" }));
    expect(error.status).toBe(502);
    expect(error.messages).toEqual(["502 Bad Gateway"]);
    expect(error.body).toContain("<html>");
  });

  it("429 keeps Retry-After", async () => {
    interceptPut(US, { status: 429, body: "", headers: { "retry-after": "30" } });
    const error = await failure(client().identify({ id: "u" }));
    expect(error.retryAfter).toBe("30");
    expect(error.messages).toEqual([]);
  });

  it("identifiers are shown only when the caller opts in", async () => {
    interceptPut(US, { status: 400, body: "{}" });
    const error = await failure(
      createCustomersClient({ ...credentials, retry: { retries: 0 }, exposeIdentifiers: true }).identify({
        id: "user 1",
      }),
    );
    expect(error.message).toContain("/api/v1/customers/user%201");
  });
});

describe("transport failures", () => {
  it("a refused connection is a NetworkError", async () => {
    const c = createCustomersClient({
      ...credentials,
      retry: { retries: 0 },
      baseUrl: "http://127.0.0.1:9",
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }),
        ),
    });
    const error = await c.identify({ id: "u" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toBe(
      "PUT http://127.0.0.1:9/api/v1/customers/[identifier] got no response (ECONNREFUSED)",
    );
    expectNoSecrets(error, [credentials.apiKey]);
  });

  it("a server that never answers is a TimeoutError after timeoutMs", async () => {
    const c = createCustomersClient({
      ...credentials,
      retry: { retries: 0 },
      timeoutMs: 20,
      fetch: (request) =>
        new Promise((_, reject) =>
          request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
        ),
    });
    const error = await c.identify({ id: "u" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(20);
  });
});
