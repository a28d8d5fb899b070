/**
 * Which redirects the client follows itself, and where credentials may go.
 *
 * Why not let fetch follow them: the Fetch standard removes `Authorization` when a redirect crosses origins, so
 * Customer.io's redirect from the US host to the EU host arrives without credentials and fails with a 401. The
 * opposite mistake is as bad: customerio-node follows redirects by hand with no hop limit, and a client that
 * kept credentials for any target would hand the API key to whatever host a proxy or a misconfiguration names.
 * So the client sends every attempt with `redirect: "manual"` and decides here.
 */

/** Statuses followed with the same method and body (RFC 9110 allows it for 301 and 302; 307 and 308 require it). */
const FOLLOWED = new Set([301, 302, 307, 308]);
/** 303 asks for a GET of another resource: right for a GET, wrong for a write, which would silently not happen. */
const SEE_OTHER = 303;

export function isRedirect(status: number): boolean {
  return FOLLOWED.has(status) || status === SEE_OTHER;
}

/**
 * Whether a request to `target` may carry the workspace's credentials: an `https` host that is `customer.io` or
 * one of its subdomains, or the very origin the call started at (a simulator, a proxy the caller chose).
 */
export function mayCarryCredentials(target: URL, start: URL): boolean {
  if (target.username !== "" || target.password !== "") return false;
  if (target.origin === start.origin) return true;
  return target.protocol === "https:" && isCustomerIoHost(target.hostname);
}

/** `customer.io` itself or any subdomain of it; `evilcustomer.io` and `customer.io.example` are neither. */
export function isCustomerIoHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "customer.io" || host.endsWith(".customer.io");
}

/** The next URL to send to, or why not. */
export type Hop = { next: URL } | { refused: string; target?: string };

/**
 * Decides one redirect hop.
 *
 * @param current the URL that answered with the redirect
 * @param start the URL the attempt started at
 * @param visited every URL this attempt has already sent to, `start` included
 * @param followed how many redirects this attempt has already followed
 */
export function nextHop(
  method: string,
  status: number,
  location: string | null,
  current: URL,
  start: URL,
  visited: ReadonlySet<string>,
  followed: number,
  maxRedirects: number,
): Hop {
  if (location === null || location.trim() === "") return { refused: "the response has no Location header" };
  let next: URL;
  try {
    // A relative Location is resolved against the URL that sent it (RFC 9110, section 10.2.2).
    next = new URL(location, current);
  } catch {
    return { refused: "the Location header is not a valid URL" };
  }
  const target = next.host === "" ? next.protocol : `${next.protocol}//${next.host}`;
  if (status === SEE_OTHER && method !== "GET" && method !== "HEAD") {
    return { refused: `303 See Other would turn the ${method} into a GET, and the change would not be made`, target };
  }
  if (next.protocol !== "https:" && next.protocol !== "http:")
    return { refused: "the target is not an http(s) URL", target };
  if (next.username !== "" || next.password !== "")
    return { refused: "the Location carries credentials of its own", target };
  if (!mayCarryCredentials(next, start)) {
    return {
      refused: "the target is neither an https customer.io host nor the starting origin",
      target,
    };
  }
  if (visited.has(next.href)) return { refused: "the redirects form a loop", target };
  if (followed >= maxRedirects) return { refused: `more than ${maxRedirects} redirects`, target };
  return { next };
}

/** Explains the opaque response a browser gives for a manual redirect. */
export const OPAQUE_REDIRECT_REASON =
  'the browser hides redirects made with redirect: "manual"; set region "eu" or "auto", or baseUrl';
