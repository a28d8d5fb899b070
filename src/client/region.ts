import { credentialsRefusal } from "./redirect.js";

/**
 * Checks the `url` of a region answer before any credentials are sent to it. Accepted: an `https` URL on
 * `customer.io` or one of its subdomains, or, when the client has a `baseUrl` (a simulator, a proxy), its
 * `origin`. Returns the base URL without a trailing slash, or the reason it is refused.
 */
export function acceptRegionUrl(value: unknown, origin: string | undefined): { url: string } | { refused: string } {
  if (typeof value !== "string" || value.trim() === "") return { refused: "the answer has no url" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { refused: "the url in the answer is not a URL" };
  }
  const why = credentialsRefusal(url, origin);
  if (why !== undefined) return { refused: `the url in the answer ${why}` };
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}
