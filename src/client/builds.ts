/**
 * What differs between the client's entry points: how the sender of each call is chosen, and how a redirect is
 * decided. The universal entry (Deno, Bun, workers, and Node without the `node` condition) sends with fetch and
 * follows redirects by hand; the `node` entry sends with undici (src/node/transport.ts); the browser entry leaves
 * redirect following out, since a browser's fetch never shows it a redirect.
 */
import { nextHop, type RedirectRule } from "./redirect.js";
import { fetchSender, type FetchLike, type Sender } from "./transport.js";

/**
 * Chooses the sender of each call from the `fetch` option: returns a function called once per call, so that a
 * transport can notice a `globalThis.fetch` replaced after load.
 */
export type SenderChoice = (fetch: FetchLike | undefined) => () => Sender;

/** One build of the client. */
export interface ClientBuild {
  choose: SenderChoice;
  nextHop: RedirectRule;
}

/** The caller's fetch, or `globalThis.fetch` looked up on each call. */
export const fetchEverywhere: SenderChoice = (fetch) => {
  const sender = fetchSender(fetch);
  return () => sender;
};

export const universalBuild: ClientBuild = { choose: fetchEverywhere, nextHop };

/**
 * The browser build. To `redirect: "manual"` a browser's fetch answers with an opaque response that hides the
 * status and the Location (the client explains it: OPAQUE_REDIRECT_REASON), so redirect following could only
 * serve a `fetch` given in the options; this build refuses such a redirect instead of carrying the code.
 */
export const browserBuild: ClientBuild = {
  choose: fetchEverywhere,
  nextHop: () => ({ refused: "the browser build follows none" }),
};
