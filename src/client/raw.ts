import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../../generated/customers.js";
import { universalBuild, type ClientBuild } from "./builds.js";
import { createCore, personKey, type CustomersClientOptions } from "./client.js";
import type { Outgoing } from "./transport.js";

/** Statuses whose Response must have no body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The typed openapi-fetch client for the spec's paths. Its requests get the same treatment as `identify`:
 * authentication, user agent, timeouts, retries, redirects, per-person ordering and the region. Bodies are sent as
 * given: no validation and no `_timestamp` stamp.
 */
export function createRawClient(options: CustomersClientOptions): Client<paths> {
  return createRawClientWith(options, universalBuild);
}

/** The raw client as one build of it sends (see builds.ts). */
export function createRawClientWith(options: CustomersClientOptions, build: ClientBuild): Client<paths> {
  const core = createCore(options, build);
  const pipeline = async (request: Request): Promise<Response> => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const call: Outgoing = {
      method: request.method,
      url: request.url,
      headers,
      body: request.body === null ? null : await request.text(),
      signal: request.signal,
    };
    const delivery = await core.dispatch(call, personKey(call.url));
    const responseHeaders = new Headers();
    for (const name of ["content-type", "retry-after", "location"]) {
      const value = delivery.header(name);
      if (value !== null) responseHeaders.set(name, value);
    }
    return new Response(NULL_BODY_STATUSES.has(delivery.status) ? null : delivery.text, {
      status: delivery.status,
      headers: responseHeaders,
    });
  };
  const raw = createClient<paths>({ baseUrl: core.baseUrl, fetch: pipeline });
  raw.use({
    onRequest({ request }) {
      for (const [name, value] of Object.entries(core.headers)) request.headers.set(name, value);
      return request;
    },
  });
  return raw;
}
