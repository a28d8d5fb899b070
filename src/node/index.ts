/**
 * cio-customers under Node (the package's `node` export condition): the same client as the universal entry, sending
 * with undici's keep-alive `request` instead of fetch. A `fetch` given in the options, or a `globalThis.fetch`
 * that is not Node's own (nock, msw, a test double), is used instead; see transport.ts.
 */
import { createCustomersClientWith, type CustomersClient, type CustomersClientOptions } from "../client/client.js";
import { nodeBuild } from "./transport.js";

export * from "../index.js";

/** Creates a client for `PUT /api/v1/customers/{identifier}`. Throws a ValidationError for bad options. */
export function createCustomersClient(options: CustomersClientOptions): CustomersClient {
  return createCustomersClientWith(options, nodeBuild);
}
