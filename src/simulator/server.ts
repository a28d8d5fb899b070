/**
 * The simulator behind a real socket (node:http), for SDKs in other languages, curl, and anything else that
 * cannot take an injected fetch.
 *
 * Track API requests take a fast path: the plain values the transport-neutral core (track.ts) needs are read
 * off the IncomingMessage and its answer is written straight to the ServerResponse. Converting every call to a
 * WHATWG Request and back cost about half of the served simulator's time; the core is the same code sim.fetch
 * runs, so the answers are the same. Everything else (the inspection API, unknown paths, and the odd target
 * that `new URL()` would rewrite) is converted into a WHATWG Request for sim.fetch, and the Response back.
 *
 * Bodies are streamed with a cap: a declared Content-Length over 1 MiB is refused before a byte is read, and a
 * streamed body is refused as soon as it passes 1 MiB. Either way the answer is 413 with the JSON envelope and
 * `Connection: close`; what the client still sends is discarded, never kept, and the connection is closed.
 *
 * Slow clients are cut off: headers must arrive within `headersTimeoutMs` and the whole request within
 * `requestTimeoutMs`, or node:http answers 408 and closes the connection.
 *
 * With `cors: true` a web page on another origin may call it (a client bundle in a browser): every answer allows
 * any origin, and preflight requests are answered 204 with the method and headers asked for. Off by default.
 *
 * Two faults of faults.ts need the socket itself: `reset` destroys the connection with a TCP reset instead of
 * answering, and `truncate` sends a Content-Length larger than the bytes that follow, then closes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_BODY_BYTES } from "./body.js";
import { isConnectionReset } from "./faults.js";
import { truncationOf } from "./handler.js";
import { JSON_CONTENT_TYPE, type Answer, type Truncation } from "./http.js";
import { createSimulator } from "./index.js";
import { OK_ANSWER, trackApiOf, type TrackApi, type TrackRequest } from "./track.js";
import type { Simulator, SimulatorOptions } from "./types.js";

export interface ServeSimulatorOptions extends SimulatorOptions {
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Default 127.0.0.1, so the simulator is reachable from this machine only. */
  host?: string;
  /** Time a client has to send the request headers, in milliseconds; then 408 and close. Default 10 000. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included; then 408 and close. Default 30 000. */
  requestTimeoutMs?: number;
  /** Let pages on any origin call the simulator from a browser (CORS, preflights included). Default false. */
  cors?: boolean;
}

export interface ServedSimulator {
  /** The base URL to give clients, e.g. `http://127.0.0.1:4010`. */
  url: string;
  simulator: Simulator;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Headers that describe one hop of the connection, not the request; the Request gets its body explicitly. */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "expect", "upgrade", "te", "trailer"]);
/** Methods a WHATWG Request can carry; `new Request()` throws on CONNECT, TRACE and TRACK. */
const METHODS = new Set(["GET", "HEAD", "PUT", "POST", "PATCH", "DELETE", "OPTIONS"]);
/**
 * Track API targets that `new URL()` leaves exactly as they are: no dot segment as the identifier, no character
 * it would percent-encode, no fragment, no empty query. For them the fast path's path and query are the ones
 * sim.fetch would see; anything else (which no client that encodes its identifiers sends) takes the WHATWG path.
 * Groups: the path, then the query with its `?`.
 */
const PLAIN_TRACK_TARGET =
  /^(\/api\/v1\/(?:customers\/(?!(?:\.|%2[eE]){1,2}(?:\?|$))[\w\-.~!$&'()*+,;=:@%]*|accounts\/region))(\?[\w\-.~!$&()*+,;=:@%/?]+)?$/;
/** The headers of the answer to every accepted identify call, made once (node:http only reads them). */
const OK_HEADERS = { ...OK_ANSWER.headers, "content-length": String(Buffer.byteLength(OK_ANSWER.body)) };
const NO_BODY = new Uint8Array(0);

export async function serveSimulator(options: ServeSimulatorOptions = {}): Promise<ServedSimulator> {
  const { port = 4010, host = "127.0.0.1", headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, cors = false, ...simulatorOptions } = options;
  for (const [name, value] of [["headersTimeoutMs", headersTimeoutMs], ["requestTimeoutMs", requestTimeoutMs]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`serveSimulator: ${name} must be a whole number of milliseconds from 1`);
  }
  if (headersTimeoutMs > requestTimeoutMs) throw new Error("serveSimulator: headersTimeoutMs cannot be more than requestTimeoutMs");
  const simulator = createSimulator(simulatorOptions);
  const track = trackApiOf(simulator);
  if (track === undefined) throw new Error("serveSimulator: the simulator has no Track API core (a bug)");
  let origin = "";
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // node:http checks the two timeouts on this interval (30 s by default), so a short timeout needs a short one.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    (req, res) => {
      if (cors && allowCrossOrigin(req, res)) return;
      void handle(simulator, track, req, res, origin);
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: origin,
    simulator,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Marks the answer as readable from any origin; answers a preflight itself (true: nothing left to do). No
 * credentials mode is needed: clients send Basic auth as an ordinary Authorization header.
 */
function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.headers.origin === undefined) return false;
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-expose-headers", "*");
  const asked = req.headers["access-control-request-method"];
  if (req.method !== "OPTIONS" || asked === undefined) return false;
  res.writeHead(204, {
    "access-control-allow-methods": "GET, HEAD, PUT, POST, PATCH, DELETE",
    // "*" would not cover Authorization: name the headers asked for.
    "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "",
    "access-control-max-age": "600",
    "content-length": "0",
  });
  res.end();
  return true;
}

async function handle(simulator: Simulator, track: TrackApi, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  try {
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    if (!target.startsWith("/")) return send(res, 400, envelopeText("the request target must be a path"));
    if (!METHODS.has(method)) return send(res, 405, envelopeText("This method is not supported"));
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);

    let body: Uint8Array | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const collected = await collect(req, MAX_BODY_BYTES);
      if (collected === "too large") return refuseTooLarge(req, res);
      body = collected;
    }
    const plain = PLAIN_TRACK_TARGET.exec(target);
    if (plain !== null) {
      const request = new SocketTrackRequest(method, plain[1] ?? "", plain[2] ?? "", req.rawHeaders, req.headers.host, origin);
      const answer = track.handle(request, body ?? NO_BODY);
      // Most answers come at once (see TrackApi.handle): no await, no extra microtask, for them.
      return writeAnswer(res, method, answer instanceof Promise ? await answer : answer);
    }
    await viaFetch(simulator, req, res, { method, target, origin }, body);
  } catch (error) {
    // The `reset` fault: no answer, a TCP reset.
    if (isConnectionReset(error)) return void req.socket.resetAndDestroy();
    // A client that went away mid-body, or a header Headers refuses: nothing the simulator's rules decide.
    if (!res.headersSent) send(res, 400, envelopeText("the request could not be read"));
    else res.destroy();
  }
}

/** The WHATWG path: the request as a Request for sim.fetch, and its Response written back. */
async function viaFetch(
  simulator: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  { method, target, origin }: { method: string; target: string; origin: string },
  body: Uint8Array | undefined,
): Promise<void> {
  // A WHATWG Request needs a body typed as a plain ArrayBuffer's bytes: a copy.
  const requestBody = body === undefined ? undefined : new Uint8Array(body);
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    if (!HOP_HEADERS.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] ?? "");
  }
  const request = new Request(baseUrl(req.headers.host, origin) + target, { method, headers, ...(requestBody ? { body: requestBody } : {}) });
  const response = await simulator.fetch(request);
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
  const truncation = truncationOf(response);
  if (truncation !== undefined) return writeTruncated(res, response.status, out, truncation);
  const payload = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, { ...out, "content-length": String(payload.byteLength) });
  res.end(method === "HEAD" ? undefined : payload);
}

/**
 * The core's view of a node:http request. A class, so that the lazy `origin` is a method, not a closure made
 * for every request. Authorization and Content-Type are what WHATWG Headers.get() gives, which is what
 * sim.fetch's core sees: repeated fields joined with ", " (node:http's req.headers keeps only the first).
 */
class SocketTrackRequest implements TrackRequest {
  authorization: string | null = null;
  contentType: string | null = null;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly search: string,
    raw: readonly string[],
    private readonly host: string | undefined,
    private readonly serverOrigin: string,
  ) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] as string;
      // Only two names matter: compare lengths first, so most fields cost one comparison.
      if (name.length === 13 && name.toLowerCase() === "authorization") {
        const value = raw[i + 1] as string;
        this.authorization = this.authorization === null ? value : `${this.authorization}, ${value}`;
      } else if (name.length === 12 && name.toLowerCase() === "content-type") {
        const value = raw[i + 1] as string;
        this.contentType = this.contentType === null ? value : `${this.contentType}, ${value}`;
      }
    }
  }

  origin(): string {
    return new URL(baseUrl(this.host, this.serverOrigin)).origin;
  }
}

/** The Host the client used, so that URLs the simulator answers with (the region's) match the client's base URL. */
function baseUrl(host: string | undefined, serverOrigin: string): string {
  return host !== undefined && /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host) ? `http://${host}` : serverOrigin;
}

/** Writes a core answer: the `truncate` fault's cut-off body, or the whole body with its length. */
function writeAnswer(res: ServerResponse, method: string, answer: Answer): void {
  if (answer.truncation !== undefined) return writeTruncated(res, answer.status, answer.headers, answer.truncation);
  const headers = answer === OK_ANSWER ? OK_HEADERS : { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) };
  res.writeHead(answer.status, headers);
  res.end(method === "HEAD" ? undefined : answer.body);
}

/** The `truncate` fault: promise the whole body, send half of it, close. */
function writeTruncated(res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, truncation: Truncation): void {
  res.writeHead(status, { ...headers, "content-length": String(truncation.promisedLength) });
  res.write(truncation.head, () => res.destroy());
}

/**
 * One body being read. The listeners below are shared by every request and find this on `this` (the request):
 * closures made per request cost, under tsx, a defineProperty each for their names, and that showed in the
 * profile of the served simulator under load.
 */
interface BodyState {
  chunks: Buffer[];
  total: number;
  cap: number;
  resolve: (body: Buffer | "too large") => void;
  reject: (error: Error) => void;
}
const BODY_STATE = Symbol("body being read");
type Reading = IncomingMessage & { [BODY_STATE]?: BodyState | undefined };

/** Reads a body, giving up (without keeping more) as soon as it passes `cap` bytes. */
function collect(req: IncomingMessage, cap: number): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    (req as Reading)[BODY_STATE] = { chunks: [], total: 0, cap, resolve, reject };
    req.on("data", onBodyData);
    req.on("end", onBodyEnd);
    req.on("error", onBodyError);
    req.on("close", onBodyClose);
  });
}

function stopReading(req: Reading): BodyState | undefined {
  const state = req[BODY_STATE];
  req[BODY_STATE] = undefined;
  req.off("data", onBodyData);
  req.off("end", onBodyEnd);
  req.off("error", onBodyError);
  req.off("close", onBodyClose);
  return state;
}

function onBodyData(this: Reading, chunk: Buffer): void {
  const state = this[BODY_STATE];
  if (state === undefined) return;
  state.total += chunk.byteLength;
  if (state.total > state.cap) {
    stopReading(this);
    state.chunks.length = 0;
    state.resolve("too large");
    return;
  }
  state.chunks.push(chunk);
}

function onBodyEnd(this: Reading): void {
  const state = stopReading(this);
  if (state === undefined) return;
  const { chunks, total } = state;
  // A small body arrives in one chunk: use it as it is rather than copying it.
  state.resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total));
}

function onBodyError(this: Reading, error: Error): void {
  stopReading(this)?.reject(error);
}

function onBodyClose(this: Reading): void {
  if (!this.complete) onBodyError.call(this, new Error("the client closed the connection before the body ended"));
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse): void {
  send(res, 413, envelopeText(`request body is larger than ${MAX_BODY_BYTES} bytes`), { connection: "close" });
  // Let the rest of the body drain into nothing, so the client can read the 413 instead of a reset connection.
  req.resume();
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, "content-type": JSON_CONTENT_TYPE, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

function envelopeText(message: string): string {
  return JSON.stringify({ meta: { error: message } });
}
