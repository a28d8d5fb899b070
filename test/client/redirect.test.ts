/**
 * Redirects are followed by the client, not by fetch: fetch drops Authorization on a cross-origin redirect, which
 * turns Customer.io's US → EU redirect into a 401. Both hosts are intercepted by nock; the EU one checks that the
 * credentials, method and body arrived.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedirectError, createCustomersClient } from "../../src/index.js";
import { createCustomersClient as createBrowserClient } from "../../src/browser.js";
import { credentialsRefusal, isCustomerIoHost } from "../../src/client/redirect.js";
import { expectNoSecrets } from "../support/secrets.js";
import { basic, expectSpecValid, guardNetwork, interceptPut, nock } from "../support/wire.js";
import { fakeFetch, settle } from "./doubles.js";
import { registerCredentials } from "../support/secrets.js";

const US = "https://track.customer.io";
const EU = "https://track-eu.customer.io";
// These tests compare bodies as written; stamping (on by default) is covered in stamping.test.ts.
const credentials = { siteId: "site-123", apiKey: "key-secret-456", stampTimestamps: false };
registerCredentials(credentials.siteId, credentials.apiKey);
const PATH = "/api/v1/customers/user-5678";
const client = (extra = {}) => createCustomersClient({ ...credentials, retry: { random: () => 0 }, ...extra });

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

function redirect(origin: string, status: number, location: string | undefined) {
  return interceptPut(origin, { status, body: "", headers: location === undefined ? {} : { location } });
}

async function refused(promise: Promise<unknown>): Promise<RedirectError> {
  const { error } = await settle(promise);
  expect(error).toBeInstanceOf(RedirectError);
  expectNoSecrets(error, [credentials.apiKey, "user-5678", "premium"]);
  return error as RedirectError;
}

describe("US → EU, across origins, keeps what fetch would drop", () => {
  it.each([301, 302, 307, 308])("%i: the EU host receives PUT, the body and Authorization", async (status) => {
    const us = redirect(US, status, `${EU}${PATH}`);
    const eu = interceptPut(EU);
    const result = await client().identify({ id: "user-5678" }, { plan: "premium" });
    expect(result).toEqual({ status: 200, identifier: "user-5678", attempts: 1 });
    expect(us.scope.isDone() && eu.scope.isDone()).toBe(true);
    const arrived = eu.requests[0]!;
    expect(arrived.method).toBe("PUT");
    expect(arrived.headers["authorization"]).toBe(basic(credentials.siteId, credentials.apiKey));
    expect(expectSpecValid(arrived)).toEqual({ plan: "premium" });
    expect(expectSpecValid(us.requests[0]!)).toEqual({ plan: "premium" });
  });

  it("a relative Location is resolved against the URL that sent it", async () => {
    redirect(US, 307, "user-9999");
    const target = interceptPut(US);
    await client().identify({ id: "user-5678" }, { plan: "premium" });
    expect(target.requests[0]!.path).toBe("/api/v1/customers/user-9999");
    expect(expectSpecValid(target.requests[0]!)).toEqual({ plan: "premium" });
  });

  it("a simulator's same-origin redirect is followed over plain http", async () => {
    const sim = "http://127.0.0.1:4010";
    redirect(sim, 308, `${sim}/eu${PATH}`);
    const target = interceptPut(sim);
    await client({ baseUrl: sim }).identify({ id: "user-5678" }, { plan: "premium" });
    expect(target.requests[0]!.path).toBe(`/eu${PATH}`);
    expect(target.requests[0]!.headers["authorization"]).toBe(basic(credentials.siteId, credentials.apiKey));
    expectSpecValid(target.requests[0]!);
  });
});

describe("credentials go only to customer.io over https, or to the origin the call started at", () => {
  it.each([
    ["another host", "https://collector.example.com/api/v1/customers/user-5678", "https://collector.example.com"],
    [
      "plain http on customer.io",
      "http://track-eu.customer.io/api/v1/customers/user-5678",
      "http://track-eu.customer.io",
    ],
    ["a look-alike host", "https://evilcustomer.io/x", "https://evilcustomer.io"],
    [
      "customer.io as a label of another domain",
      "https://customer.io.example.net/x",
      "https://customer.io.example.net",
    ],
    ["a non-http scheme", "ftp://track-eu.customer.io/x", "ftp://track-eu.customer.io"],
    ["credentials in the Location", "https://someone:pw@track-eu.customer.io/x", "https://track-eu.customer.io"],
  ])("%s is refused before anything is sent to it", async (_name, location, shown) => {
    const us = redirect(US, 301, location);
    const origin = new URL(location);
    const target = nock(`${origin.protocol === "ftp:" ? "https:" : origin.protocol}//${origin.host}`)
      .put(/.*/)
      .reply(200, "{}");
    const error = await refused(client().identify({ id: "user-5678" }, { plan: "premium" }));
    expect(error).toMatchObject({ status: 301, location: shown, attempts: 1 });
    expect(error.message).toContain(`was redirected (301) to ${shown}, not followed`);
    expect(error.message).not.toContain("/x");
    expect(us.requests).toHaveLength(1);
    expect(target.isDone()).toBe(false);
  });

  it("the host rule", () => {
    for (const host of [
      "customer.io",
      "track.customer.io",
      "track-eu.customer.io",
      "a.b.customer.io",
      "TRACK.Customer.IO",
      "customer.io.",
    ]) {
      expect([host, isCustomerIoHost(host)]).toEqual([host, true]);
    }
    for (const host of ["evilcustomer.io", "customer.io.example", "customer.iox", "xcustomer.io", "customer-io.com"]) {
      expect([host, isCustomerIoHost(host)]).toEqual([host, false]);
    }
    const start = new URL("http://localhost:4010/api").origin;
    expect(credentialsRefusal(new URL("http://localhost:4010/other"), start)).toBeUndefined();
    expect(credentialsRefusal(new URL("http://localhost:4011/other"), start)).toBe(
      "is neither an https customer.io host nor the starting origin",
    );
    expect(credentialsRefusal(new URL("https://track-eu.customer.io/"), start)).toBeUndefined();
    expect(credentialsRefusal(new URL("http://a:b@localhost:4010/"), start)).toBe("carries credentials of its own");
  });
});

describe("broken and endless redirects end with a RedirectError", () => {
  it("without a Location header", async () => {
    redirect(US, 301, undefined);
    const error = await refused(client().identify({ id: "user-5678" }));
    expect(error.reason).toBe("no Location header");
    expect(error.location).toBeUndefined();
  });

  it("a loop (US → EU → US)", async () => {
    redirect(US, 301, `${EU}${PATH}`);
    redirect(EU, 301, `${US}${PATH}`);
    const error = await refused(client().identify({ id: "user-5678" }));
    expect(error.reason).toBe("a redirect loop");
  });

  it("five hops are followed, a sixth is refused", async () => {
    const hosts = [US, ...[1, 2, 3, 4, 5].map((n) => `https://hop${n}.customer.io`)];
    hosts.slice(0, 5).forEach((host, i) => redirect(host, 307, `${hosts[i + 1]}${PATH}`));
    const last = interceptPut(hosts[5]!);
    await expect(client().identify({ id: "user-5678" })).resolves.toMatchObject({ status: 200 });
    expectSpecValid(last.requests[0]!);

    nock.cleanAll();
    const longer = [...hosts, "https://hop6.customer.io"];
    longer.slice(0, 6).forEach((host, i) => redirect(host, 307, `${longer[i + 1]}${PATH}`));
    const error = await refused(client().identify({ id: "user-5678" }));
    expect(error.reason).toBe("more than 5 redirects");
  });

  it("maxRedirects: 0 follows none", async () => {
    redirect(US, 308, `${EU}${PATH}`);
    const error = await refused(client({ maxRedirects: 0 }).identify({ id: "user-5678" }));
    expect(error.reason).toBe("more than 0 redirects");
  });

  it("303 See Other on a PUT would drop the write, so it is refused", async () => {
    redirect(US, 303, `${EU}${PATH}`);
    const error = await refused(client().identify({ id: "user-5678" }));
    expect(error.reason).toContain("303 See Other would turn the PUT into a GET");
  });

  it("a refused redirect is not retried", async () => {
    const { fetch, sent } = fakeFetch(
      () => new Response(null, { status: 301, headers: { location: "https://elsewhere.example/" } }),
    );
    const error = await refused(client({ fetch }).identify({ id: "user-5678" }));
    expect(error.attempts).toBe(1);
    expect(sent).toHaveLength(1);
  });

  it("a browser's opaque redirect (status 0) is explained, not mistaken for a network error", async () => {
    const opaque = {
      type: "opaqueredirect",
      status: 0,
      statusText: "",
      headers: new Headers(),
      body: null,
      ok: false,
    } as unknown as Response;
    const { fetch } = fakeFetch(() => opaque);
    const error = await refused(client({ fetch }).identify({ id: "user-5678" }));
    expect(error.status).toBe(0);
    expect(error.message).toContain('the browser hides it; set region "eu" or "auto", or baseUrl');
  });
});

describe("the browser build (the package's browser condition) follows no redirect", () => {
  const browserClient = (extra = {}) => createBrowserClient({ ...credentials, retry: { random: () => 0 }, ...extra });

  it("a redirect a given fetch shows is refused, nothing sent to its target; the other builds follow it", async () => {
    const answer = () => new Response(null, { status: 307, headers: { location: `${EU}${PATH}` } });
    const browser = fakeFetch(answer);
    const error = await refused(browserClient({ fetch: browser.fetch }).identify({ id: "user-5678" }));
    expect(error).toMatchObject({ status: 307, reason: "the browser build follows none", attempts: 1 });
    expect(error.message).toContain("was redirected (307), not followed: the browser build follows none");
    expect(browser.sent.map((r) => r.url)).toEqual([`${US}${PATH}`]);
    const universal = fakeFetch((request) => (request.url.startsWith(US) ? answer() : new Response(null)));
    await client({ fetch: universal.fetch }).identify({ id: "user-5678" });
    expect(universal.sent.map((r) => r.url)).toEqual([`${US}${PATH}`, `${EU}${PATH}`]);
  });

  it("a browser's opaque redirect is explained as in every build", async () => {
    const opaque = { type: "opaqueredirect", status: 0, headers: new Headers() } as unknown as Response;
    const error = await refused(browserClient({ fetch: fakeFetch(() => opaque).fetch }).identify({ id: "user-5678" }));
    expect(error.status).toBe(0);
    expect(error.reason).toContain("the browser hides it");
  });

  it("sends like the universal build otherwise", async () => {
    const { requests } = interceptPut(US);
    const result = await browserClient().identify({ id: "user-5678" }, { plan: "premium" });
    expect(result).toEqual({ status: 200, identifier: "user-5678", attempts: 1 });
    expect(expectSpecValid(requests[0]!)).toEqual({ plan: "premium" });
  });
});
