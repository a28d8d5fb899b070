/**
 * `cio-customers/raw`: the typed openapi-fetch client for every path of the spec, over the same transport as the
 * main client. An entry of its own, so that the main entry does not carry openapi-fetch.
 */
export { createRawClient } from "./client/raw.js";
export type { CustomersClientOptions } from "./client/client.js";
export type { paths, components } from "../generated/customers.js";
