/** `cio-customers/raw` under Node: the typed openapi-fetch client over the Node transport (see transport.ts). */
import type { Client } from "openapi-fetch";
import type { paths } from "../../generated/customers.js";
import type { CustomersClientOptions } from "../client/client.js";
import { createRawClientWith } from "../client/raw.js";
import { nodeBuild } from "./transport.js";

export * from "../raw.js";

/**
 * The typed openapi-fetch client for the spec's paths, with the same authentication, timeouts, retries,
 * redirects, per-person ordering and region as `identify`. Bodies are sent as given.
 */
export function createRawClient(options: CustomersClientOptions): Client<paths> {
  return createRawClientWith(options, nodeBuild);
}
