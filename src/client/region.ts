import { isCustomerIoHost } from "./redirect.js";

/**
 * `region: "auto"`. None of Customer.io's SDKs finds the workspace's data center: they all send to the US host and
 * rely on its redirect to the EU host, which fetch follows without the `Authorization` header. The Track API can
 * say where a workspace lives (`GET /api/v1/accounts/region`); the client asks once, keeps the answer and sends
 * straight to the host it names from then on.
 */
export class RegionResolver {
  #url: string | undefined;
  #pending: Promise<string> | undefined;

  /** @param lookup asks the API; its failures reach the callers waiting for it and are not remembered */
  constructor(private readonly lookup: () => Promise<string>) {}

  /** The base URL found, once a lookup has succeeded. */
  get current(): string | undefined {
    return this.#url;
  }

  /** The workspace's base URL: remembered after the first success; concurrent first calls share one lookup. */
  resolve(): Promise<string> {
    if (this.#url !== undefined) return Promise.resolve(this.#url);
    this.#pending ??= this.lookup().then(
      (url) => {
        this.#url = url;
        this.#pending = undefined;
        return url;
      },
      (error: unknown) => {
        // A failed lookup is not cached: the next call asks again.
        this.#pending = undefined;
        throw error;
      },
    );
    return this.#pending;
  }
}

/**
 * Checks the `url` of a region answer before any credentials are sent to it. Accepted: an `https` URL on
 * `customer.io` or one of its subdomains, or, when the client has a `baseUrl` (a simulator, a proxy), the same
 * origin as that. Returns the base URL without a trailing slash, or the reason it is refused.
 */
export function acceptRegionUrl(value: unknown, baseUrl: URL | undefined): { url: string } | { refused: string } {
  if (typeof value !== "string" || value.trim() === "") return { refused: "the answer has no url" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { refused: "the url in the answer is not an absolute URL" };
  }
  if (url.username !== "" || url.password !== "") return { refused: "the url in the answer carries credentials" };
  const trusted = url.protocol === "https:" && isCustomerIoHost(url.hostname);
  const sameAsBase = baseUrl !== undefined && url.origin === baseUrl.origin;
  if (!trusted && !sameAsBase) {
    return { refused: `the url in the answer (${url.protocol}//${url.host}) is not an https host under customer.io` };
  }
  return { url: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}
