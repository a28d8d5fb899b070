/**
 * Which redirects the client follows itself, and where credentials may go.
 *
 * Why not let fetch follow them: the Fetch standard removes `Authorization` when a redirect crosses origins, so
 * Customer.io's redirect from the US host to the EU host arrives without credentials and fails with a 401. The
 * opposite mistake is as bad: customerio-node follows redirects by hand with no hop limit, and a client that
 * kept credentials for any target would hand the API key to whatever host a proxy or a misconfiguration names.
 * So the client sends every attempt with `redirect: "manual"` and decides here.
 */

/**
 * 301, 302, 307 and 308 are followed with the same method and body (RFC 9110 allows it for 301 and 302; 307 and 308
 * require it).
 */
const REDIRECTS = [301, 302, 303, 307, 308];
/** 303 asks for a GET of another resource: right for a GET, wrong for a write, which would silently not happen. */
const SEE_OTHER = 303;

export function isRedirect(status: number): boolean {
  return REDIRECTS.includes(status);
}

/**
 * Why a request to `target` may not carry the workspace's credentials, or undefined when it may: an `https` host
 * that is `customer.io` or one of its subdomains, or the very origin the call started at (a simulator, a proxy the
 * caller chose), never with credentials of its own in the URL.
 */
export function credentialsRefusal(target: URL, start: string | undefined): string | undefined {
  if (target.username !== "" || target.password !== "") return "carries credentials of its own";
  if (target.origin !== start && (target.protocol !== "https:" || !isCustomerIoHost(target.hostname)))
    return "is neither an https customer.io host nor the starting origin";
  return undefined;
}

/** `customer.io` itself or any subdomain of it; `evilcustomer.io` and `customer.io.example` are neither. */
export function isCustomerIoHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  return host === "customer.io" || host.endsWith(".customer.io");
}

/** Where an attempt has got to: the URL it is sending to now, and the URLs it has visited (once it redirects). */
export interface Hops {
  url: string;
  visited: Set<string> | undefined;
}

/**
 * Decides one redirect hop from `hops.url`: moves `hops` on to the Location, or returns why not (and the refused
 * target's origin, when there is one). `start` is the URL the attempt started at.
 */
export type RedirectRule = (
  method: string,
  status: number,
  location: string | null,
  hops: Hops,
  start: string,
  maxRedirects: number,
) => { refused: string; target?: string } | undefined;

/** The rule of every build but the browser's: follows up to `maxRedirects` hops while credentials may go along. */
export const nextHop: RedirectRule = (method, status, location, hops, start, maxRedirects) => {
  if (location === null || location.trim() === "") return { refused: "no Location header" };
  let next: URL;
  try {
    // A relative Location is resolved against the URL that sent it (RFC 9110, section 10.2.2).
    next = new URL(location, hops.url);
  } catch {
    return { refused: "the Location is not a URL" };
  }
  // Every URL this attempt has sent to, the first included: one more than the redirects followed.
  const visited = (hops.visited ??= new Set([new URL(hops.url).href]));
  const why = credentialsRefusal(next, new URL(start).origin);
  const refused =
    status === SEE_OTHER && method !== "GET" && method !== "HEAD"
      ? `303 See Other would turn the ${method} into a GET`
      : why !== undefined
        ? `the target ${why}`
        : visited.has(next.href)
          ? "a redirect loop"
          : visited.size > maxRedirects
            ? `more than ${maxRedirects} redirects`
            : undefined;
  if (refused !== undefined)
    return { refused, target: next.host === "" ? next.protocol : `${next.protocol}//${next.host}` };
  hops.url = next.href;
  visited.add(next.href);
  return undefined;
};

/** Explains the opaque response a browser gives for a manual redirect. */
export const OPAQUE_REDIRECT_REASON = 'the browser hides it; set region "eu" or "auto", or baseUrl';
