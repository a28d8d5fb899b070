/**
 * Node's built-in fetch and the undici package keep their connection pool ("global dispatcher") in one
 * process-wide slot, and whichever of them loads first fills it. Were the undici package to fill it, every
 * `fetch` in the process (the application's own, other SDKs') would run on this package's undici, a different
 * version from the one Node's fetch was built with; Node 20's fetch then fails requests that carry a
 * `Content-Length` header of their own, which customerio-node sends. Touching `Headers` loads Node's own fetch
 * machinery first, which fills the slot with Node's pool: the process behaves as if this package were not
 * loaded. The Node transport sends through a pool of its own (transport.ts), never through that slot.
 *
 * Imported for this side effect alone, before undici (ES modules run their imports in order).
 */
void globalThis.Headers;
