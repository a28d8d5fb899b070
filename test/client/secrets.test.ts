/**
 * Every error the client can produce, driven with a known API key, Basic credential, identifier and attribute
 * values, some of them echoed back by the server or the runtime. None of them may appear in the error's message,
 * stack, JSON.stringify or util.inspect, nor in any error of its cause chain.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  AbortError,
  type CustomersError,
  HttpError,
  NetworkError,
  RedirectError,
  RegionError,
  TimeoutError,
  ValidationError,
  createCustomersClient,
  type Attributes,
  type CustomersClientOptions,
} from "../../src/index.js";
import { causeChain, expectNoSecrets, registerSecret } from "../support/secrets.js";
import { guardNetwork, nock } from "../support/wire.js";
import { hang, reply, settle, type Answer } from "./doubles.js";

const siteId = "site-ab12cd";
const apiKey = "sk-9f8e7d6c5b4a3f2e";
const pair = `${siteId}:${apiKey}`;
registerSecret(apiKey);
const credential = `Basic ${Buffer.from(pair).toString("base64")}`;
const email = "ada.lovelace@example.com";
const attributes: Attributes = {
  name: "Ada Lovelace",
  plan: "analytical-engine-plan",
  notes: { private: "notes-about-bernoulli" },
  tags: ["difference-engine"],
};
/** Everything that must stay out: expectNoSecrets also checks the Base64 form of each, so `pair` covers the credential. */
const SECRETS = [
  apiKey,
  pair,
  credential,
  email,
  encodeURIComponent(email),
  "Ada Lovelace",
  "analytical-engine-plan",
  "notes-about-bernoulli",
  "difference-engine",
];

/** What a careless server, proxy or runtime might echo back. */
const echo = `request to https://track.customer.io/api/v1/customers/${encodeURIComponent(email)} with Authorization: ${credential} and ${JSON.stringify(attributes)} (key ${apiKey})`;

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

function client(answer: Answer, options: Partial<CustomersClientOptions> = {}) {
  return createCustomersClient({
    siteId,
    apiKey,
    fetch: async (request) => answer(request, 0),
    retry: { random: () => 0 },
    ...options,
  });
}

async function failure(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => CustomersError,
): Promise<CustomersError> {
  const { error } = await settle(promise);
  expect(error).toBeInstanceOf(type);
  expectNoSecrets(error, SECRETS);
  return error as CustomersError;
}

const identify = (c: ReturnType<typeof client>, signal?: AbortSignal) =>
  c.identify({ email }, attributes, signal === undefined ? {} : { signal });

describe("HttpError, of every kind", () => {
  it.each<[string, number, string, Record<string, string>]>([
    [
      "400 with meta.errors",
      400,
      JSON.stringify({ meta: { errors: ["value for attribute 'bio' cannot be longer than 1000 bytes"] } }),
      {},
    ],
    ["401 as plain text", 401, "Unauthorized request", { "content-type": "text/plain" }],
    ["413 with meta.error", 413, JSON.stringify({ meta: { error: "request body is too large" } }), {}],
    ["429 with a Retry-After beyond the cap", 429, "", { "retry-after": "3600" }],
    [
      "502 HTML page, after every retry",
      502,
      "<html><title>502 Bad Gateway</title></html>",
      { "content-type": "text/html" },
    ],
    ["503 with truncated JSON, after every retry", 503, '{"meta":{"err', {}],
    ["500 that echoes the whole request in meta.error", 500, JSON.stringify({ meta: { error: echo } }), {}],
    [
      "400 that echoes it in v2 errors[]",
      400,
      JSON.stringify({ errors: [{ reason: "invalid", field: "name", message: echo }] }),
      {},
    ],
    ["401 that echoes it as plain text", 401, echo, { "content-type": "text/plain" }],
    [
      "502 that echoes it in an HTML title",
      502,
      `<html><title>${echo}</title></html>`,
      { "content-type": "text/html" },
    ],
  ])("%s", async (_name, status, body, headers) => {
    const error = (await failure(
      identify(client(() => reply(status, body, { "content-type": "application/json", ...headers }))),
      HttpError,
    )) as HttpError;
    expect(error.status).toBe(status);
    expect(error.message).toContain("/api/v1/customers/[identifier]");
  });

  it("from the region lookup, echoing the credentials it received", async () => {
    const refusal = `Unauthorized request: ${credential} (key ${apiKey}, user ${pair})`;
    const c = client(
      (request) =>
        request.url.endsWith("/accounts/region") ? reply(401, refusal, { "content-type": "text/plain" }) : reply(200),
      {
        region: "auto",
      },
    );
    await failure(identify(c), HttpError);
  });
});

describe("transport errors", () => {
  it("NetworkError whose cause (like node-fetch's) names the URL, the header and the body", async () => {
    const low = Object.assign(new Error(`socket hang up: ${echo}`), { code: "ECONNRESET" });
    const error = await failure(
      identify(client(() => Promise.reject(new TypeError(echo, { cause: low })))),
      NetworkError,
    );
    expect(error.message).toContain("(ECONNRESET)");
    const chain = causeChain(error);
    expect(chain).toHaveLength(3);
    expect((chain[2] as { code?: unknown }).code).toBe("ECONNRESET");
    expect(String((chain[1] as Error).message)).toContain("https://track.customer.io/…");
  });

  it("NetworkError whose cause is not an Error at all", async () => {
    await failure(identify(client(() => Promise.reject(echo))), NetworkError);
  });

  it("TimeoutError of an attempt", async () => {
    await failure(identify(client(hang, { timeoutMs: 5, retry: { retries: 1, random: () => 0 } })), TimeoutError);
  });

  it("TimeoutError of the deadline", async () => {
    const error = (await failure(
      identify(client(hang, { timeoutMs: 1_000, deadlineMs: 5 })),
      TimeoutError,
    )) as TimeoutError;
    expect(error.limit).toBe("deadline");
  });

  it("AbortError whose reason names the person and the key", async () => {
    const controller = new AbortController();
    const pending = identify(client(hang), controller.signal);
    controller.abort(new Error(`sync for ${email} cancelled; key ${apiKey}; ${JSON.stringify(attributes)}`));
    const error = await failure(pending, AbortError);
    expect(causeChain(error)).toHaveLength(2);
  });

  it("AbortError before sending, with a string reason", async () => {
    const controller = new AbortController();
    controller.abort(`stop ${email}`);
    await failure(
      identify(
        client(() => reply(200)),
        controller.signal,
      ),
      AbortError,
    );
  });

  it("RedirectError towards a host that would collect the credentials", async () => {
    const location = `https://collector.example.com/steal/${encodeURIComponent(email)}?key=${apiKey}&auth=${encodeURIComponent(credential)}`;
    const error = (await failure(identify(client(() => reply(301, "", { location }))), RedirectError)) as RedirectError;
    expect(error.location).toBe("https://collector.example.com");
  });

  it("RedirectError after a hop, where the path holds the identifier", async () => {
    const answer: Answer = (request) =>
      new URL(request.url).host === "track.customer.io"
        ? reply(307, "", { location: `https://track-eu.customer.io/api/v1/customers/${encodeURIComponent(email)}` })
        : reply(307, "", {});
    await failure(identify(client(answer)), RedirectError);
  });

  it("RegionError for an answer pointing elsewhere", async () => {
    const answer: Answer = () =>
      reply(
        200,
        JSON.stringify({
          url: `https://collector.example.com/${apiKey}?who=${email}`,
          region: "eu",
          environment_id: 1,
        }),
      );
    await failure(identify(client(answer, { region: "auto" })), RegionError);
  });
});

describe("ValidationError", () => {
  it.each<[string, Attributes]>([
    ["a value over 1000 bytes", { bio: `${"Ada Lovelace ".repeat(100)}` }],
    ["milliseconds", { created_at: 1_700_000_000_000 }],
    ["an email that is not one", { email: "Ada Lovelace" }],
    ["a function", { plan: (() => "analytical-engine-plan") as unknown as string }],
    ["a reserved name", { _update: true as never }],
  ])("%s", async (_name, bad) => {
    await failure(client(() => reply(200)).identify({ email }, bad), ValidationError);
  });

  it("a bad identifier", async () => {
    await failure(client(() => reply(200)).identify({ id: `cio_${apiKey}` }), ValidationError);
  });
});
