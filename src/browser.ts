/**
 * cio-customers in a browser (the package's `browser` export condition): the universal entry's API and behaviour,
 * less redirect following. To `redirect: "manual"` a browser's fetch answers with an opaque response, so the code
 * that follows a redirect by hand could only ever serve a `fetch` given in the options; here such a redirect is
 * refused with a RedirectError (see src/client/builds.ts).
 */
import { browserBuild } from "./client/builds.js";
import { createCustomersClientWith, type CustomersClient, type CustomersClientOptions } from "./client/client.js";

export * from "./index.js";

/** Creates a client for `PUT /api/v1/customers/{identifier}`. Throws a ValidationError for bad options. */
export function createCustomersClient(options: CustomersClientOptions): CustomersClient {
  return createCustomersClientWith(options, browserBuild);
}
