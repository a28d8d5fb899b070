/**
 * cio-customers: a typed client for Customer.io's `PUT /api/v1/customers/{identifier}`.
 *
 * This entry point is the client alone and runs wherever `fetch` does (Node, Deno, Bun, browsers, edge
 * runtimes). Two export conditions give the same API built otherwise: `node` sends with undici (src/node/index.ts)
 * and `browser` leaves out redirect following, which a browser's fetch never needs (src/browser.ts). The typed
 * openapi-fetch client is `cio-customers/raw`; the simulator and the conformance suite have entry points of their own.
 */
import { universalBuild } from "./client/builds.js";
import { createCustomersClientWith, type CustomersClient, type CustomersClientOptions } from "./client/client.js";

/** Creates a client for `PUT /api/v1/customers/{identifier}`. Throws a ValidationError for bad options. */
export function createCustomersClient(options: CustomersClientOptions): CustomersClient {
  return createCustomersClientWith(options, universalBuild);
}

export {
  REGION_URLS,
  type CallOptions,
  type CustomersClient,
  type CustomersClientOptions,
  type IdentifyResult,
  type Region,
} from "./client/client.js";
export type { Person } from "./client/person.js";
export {
  addRelationships,
  deleteRelationships,
  replaceTopics,
  setTopics,
  unixSeconds,
  type AttributeValue,
  type Attributes,
  type RelatedObject,
  type TopicKey,
  type TopicPreferences,
  type WireAttributes,
} from "./client/attributes.js";
export {
  AbortError,
  CustomersError,
  HttpError,
  NetworkError,
  RedirectError,
  RegionError,
  TimeoutError,
  ValidationError,
  isAbortError,
  isCustomersError,
  isHttpError,
  isNetworkError,
  isRedirectError,
  isRegionError,
  isTimeoutError,
  isValidationError,
  type RequestSummary,
} from "./client/errors.js";
export type { Problem } from "./problem.js";
export type { RetryOptions } from "./client/retry.js";
export type { FetchLike } from "./client/transport.js";
export type { paths, components } from "../generated/customers.js";
