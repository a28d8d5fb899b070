/**
 * The Node transport: undici's `request` (Node's own HTTP client, as a pinned dependency) over a keep-alive
 * connection pool. It skips the WHATWG Request, Response and stream objects that `fetch` builds for every call,
 * which is where most of a fetch client's CPU goes; every guarantee (attempt timeout covering the body, deadline,
 * retries, manual redirects, per-person order, the caller's signal, redaction) stays in the shared transport.
 *
 * Which sender a call uses, decided per call:
 * - a `fetch` given in the options: always that fetch;
 * - otherwise, while `globalThis.fetch` is still Node's own fetch: undici;
 * - otherwise (nock, msw, a test double or any wrapper replaced it, before or after this module loaded): that
 *   `globalThis.fetch`, so interceptors keep working.
 *
 * "Node's own fetch" is the function `globalThis.fetch` held when this module loaded, provided its source is
 * Node's built-in one (which lazily loads Node's bundled undici). A fetch replaced before load is therefore not
 * mistaken for Node's; should a Node release change that source, the client falls back to fetch, never the
 * other way round.
 */
import "./fetch-first.js";
import { Agent, request } from "undici";
import { fetchSender, type Answer, type Exchange, type FetchLike, type Sender } from "../client/transport.js";
import type { ClientBuild, SenderChoice } from "../client/builds.js";
import { isRedirect, nextHop } from "../client/redirect.js";

const loaded = globalThis.fetch as typeof globalThis.fetch | undefined;
/** Node's own fetch, when `globalThis.fetch` was it at load. */
const nodeFetch = typeof loaded === "function" && isNodesOwnFetch(loaded) ? loaded : undefined;

function isNodesOwnFetch(fetch: typeof globalThis.fetch): boolean {
  const source = Function.prototype.toString.call(fetch);
  return fetch.name === "fetch" && /\bfetchImpl\b/.test(source) && /internal\/deps\/undici/.test(source);
}

/** Whether calls without a `fetch` option go through undici right now. */
export function usesUndici(): boolean {
  return nodeFetch !== undefined && globalThis.fetch === nodeFetch;
}

/**
 * The transport's own keep-alive pool, shared by every client of this module: never the process-wide one, which
 * belongs to Node's fetch (see fetch-first.ts).
 */
const dispatcher = new Agent();

/** Sends one exchange with undici's `request`: the body read in full, a redirect's body discarded. */
export const undiciSender: Sender = async (exchange: Exchange): Promise<Answer> => {
  const response = await request(exchange.url, {
    dispatcher,
    method: exchange.method as "PUT",
    headers: exchange.headers,
    body: exchange.body,
    signal: exchange.signal,
  });
  const headers = response.headers;
  const header = (name: string): string | null => {
    const value = headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  };
  if (isRedirect(response.statusCode)) {
    await response.body.dump();
    return { status: response.statusCode, header, text: "" };
  }
  return { status: response.statusCode, header, text: await response.body.text() };
};

const globalFetch = fetchSender(undefined);

/** The Node choice: the caller's fetch, else undici while `globalThis.fetch` is Node's own, else `globalThis.fetch`. */
export const nodeChoice: SenderChoice = (fetch: FetchLike | undefined) => {
  if (fetch !== undefined) {
    const given = fetchSender(fetch);
    return () => given;
  }
  return () => (usesUndici() ? undiciSender : globalFetch);
};

/** The `node` entry's build: undici (or the fetch chosen above), redirects followed by hand. */
export const nodeBuild: ClientBuild = { choose: nodeChoice, nextHop };
