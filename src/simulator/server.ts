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
 * Bodies are streamed with a cap: a declared Content-Length over 1 MiB is refused before a byte is read (and
 * before `100 Continue`, for a client that asked for it), and a streamed body is refused as soon as it passes
 * 1 MiB. Either way the answer is 413 with the JSON envelope and `Connection: close`. The connection is then
 * closed the way servers do it so that the client can read the 413: the sending side first, while what the client
 * still sends is read and discarded (never kept), up to {@link DRAIN_BYTES} more bytes or {@link DRAIN_MS}
 * milliseconds; only then is the socket closed. Closing at once would make the client's kernel reset the
 * connection on its next write, and throw away the 413 before the client read it.
 *
 * Requests pipelined on one connection are handled one after another: each starts once the one before it on the
 * same connection has been answered, so a GET pipelined behind a PUT sees what the PUT changed. Answers leave in
 * the order of the requests (node:http queues them).
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
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { MAX_BODY_BYTES } from "./body.js";
import { isConnectionReset } from "./faults.js";
import { buildSimulator, type SimulatorCore } from "./core.js";
import { ANSWERS, type Answer, type Truncation } from "./http.js";
import { INSPECTION_PREFIX, prepareInspection } from "./inspection.js";
import type { Recording } from "./requests.js";
import { StateFile } from "./state.js";
import { OK_ANSWER, type TrackRequest } from "./track.js";
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
  /**
   * A file that keeps the workspace across restarts: loaded at start when it exists (the simulator must then
   * start without `people`), written atomically after changes (debounced) and by close(). See state.ts.
   */
  state?: string;
  /** Delay between a change and the state file's write, in milliseconds. Default 200. */
  stateDebounceMs?: number;
}

export interface ServedSimulator {
  /** The base URL to give clients, e.g. `http://127.0.0.1:4010`. */
  url: string;
  simulator: Simulator;
  /** Stops listening, closes open connections, and writes the state file (when there is one). */
  close(): Promise<void>;
}

/** Headers that describe one hop of the connection, not the request; the Request gets its body explicitly. */
const HOP_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "host",
  "expect",
  "upgrade",
  "te",
  "trailer",
]);
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
/** After a 413: how much more of the body is read and discarded, and for how long, before the socket is closed. */
export const DRAIN_BYTES = 16 * MAX_BODY_BYTES;
export const DRAIN_MS = 5_000;
/** The request being handled on a connection, so that the next one pipelined behind it waits for it. */
const IN_FLIGHT = Symbol("request in flight");
type Connection = IncomingMessage["socket"] & { [IN_FLIGHT]?: Promise<void> | undefined };

export async function serveSimulator(options: ServeSimulatorOptions = {}): Promise<ServedSimulator> {
  const {
    port = 4010,
    host = "127.0.0.1",
    headersTimeoutMs = 10_000,
    requestTimeoutMs = 30_000,
    cors = false,
    state,
    stateDebounceMs,
    ...simulatorOptions
  } = options;
  checkServeOptions(headersTimeoutMs, requestTimeoutMs, state !== undefined, simulatorOptions);
  const core = buildSimulator(simulatorOptions);
  prepareInspection();
  const stateFile =
    state === undefined
      ? undefined
      : StateFile.open(core, state, {
          ...(stateDebounceMs === undefined ? {} : { debounceMs: stateDebounceMs }),
          ...(options.onError ? { onError: options.onError } : {}),
        });
  const site = { origin: "" };
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // node:http checks the two timeouts on this interval (30 s by default), so a short timeout needs a short one.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    requestListener(core, site, cors, stateFile),
  );
  // `Expect: 100-continue` with a body over the cap: 413 at once, so the client never sends it.
  server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);
    res.writeContinue();
    server.emit("request", req, res);
  });
  try {
    site.origin = await listen(server, port, host);
  } catch (error) {
    await stateFile?.close();
    throw error;
  }
  return { url: site.origin, simulator: core.simulator, close: () => closeServer(server, stateFile) };
}

function checkServeOptions(
  headersTimeoutMs: number,
  requestTimeoutMs: number,
  hasState: boolean,
  simulatorOptions: SimulatorOptions,
): void {
  for (const [name, value] of [
    ["headersTimeoutMs", headersTimeoutMs],
    ["requestTimeoutMs", requestTimeoutMs],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 1)
      throw new Error(`serveSimulator: ${name} must be a whole number of milliseconds from 1`);
  }
  if (headersTimeoutMs > requestTimeoutMs)
    throw new Error("serveSimulator: headersTimeoutMs cannot be more than requestTimeoutMs");
  if (hasState && simulatorOptions.people !== undefined && simulatorOptions.people.length > 0) {
    throw new Error("serveSimulator: give either people or a state file, not both");
  }
}

/**
 * Each request, after the one before it on the same connection (pipelining): its handling is chained to that
 * one's. `site.origin` is known once the server listens, before any request arrives.
 */
function requestListener(
  core: SimulatorCore,
  site: { origin: string },
  cors: boolean,
  stateFile: StateFile | undefined,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (cors && allowCrossOrigin(req, res)) return;
    const connection = req.socket as Connection;
    const before = connection[IN_FLIGHT];
    const run =
      before === undefined
        ? handle(core, req, res, site.origin)
        : before.then(() => handle(core, req, res, site.origin));
    connection[IN_FLIGHT] = run;
    void run.then(() => {
      if (connection[IN_FLIGHT] === run) connection[IN_FLIGHT] = undefined;
      // A request that wrote only to the activity log (a dropped request) moves its numbering: save that too.
      if (stateFile !== undefined && req.method !== "GET" && req.method !== "HEAD") stateFile.changed();
    });
  };
}

/** Listens, and gives the origin clients reach the server at. */
async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`;
}

/** Stops listening, closes open connections, then writes the state file (when there is one). */
async function closeServer(server: Server, stateFile: StateFile | undefined): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    });
  } finally {
    await stateFile?.close();
  }
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

async function handle(core: SimulatorCore, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  const { track } = core;
  let recording: Recording | undefined;
  try {
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    // Recorded here: what the fast path answers and what is refused before routing. What goes through sim.fetch
    // is recorded there; the inspection routes are not recorded at all.
    const plain = PLAIN_TRACK_TARGET.exec(target);
    const log = target.startsWith(INSPECTION_PREFIX) ? undefined : core.requests;
    if (plain !== null) recording = log?.open(method, target, req.rawHeaders);
    const refuse = (answer: Answer) => {
      (recording ?? log?.open(method, target, req.rawHeaders))?.answered(answer);
      writeAnswer(res, method, answer);
    };
    if (!target.startsWith("/")) return refuse(ANSWERS.targetNotPath);
    if (!METHODS.has(method)) return refuse(ANSWERS.methodNotSupported);
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      (recording ?? log?.open(method, target, req.rawHeaders))?.answered(ANSWERS.tooLarge);
      return refuseTooLarge(req, res);
    }

    let body: Uint8Array | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const collected = await collect(req, MAX_BODY_BYTES);
      if (collected === "too large") {
        (recording ?? log?.open(method, target, req.rawHeaders))?.answered(ANSWERS.tooLarge);
        return refuseTooLarge(req, res);
      }
      body = collected;
    }
    if (plain !== null) {
      const request = new SocketTrackRequest(
        method,
        plain[1] ?? "",
        plain[2] ?? "",
        req.rawHeaders,
        req.headers.host,
        origin,
      );
      if (recording !== undefined) {
        request.seq = recording.seq;
        if (body !== undefined) recording.setBody(body);
      }
      const pending = track.handle(request, body ?? NO_BODY);
      // Most answers come at once (see TrackApi.handle): no await, no extra microtask, for them.
      const answer = pending instanceof Promise ? await pending : pending;
      recording?.answered(answer);
      return writeAnswer(res, method, answer);
    }
    await viaFetch(core, req, res, { method, target, origin }, body);
  } catch (error) {
    // The `reset` fault: no answer, a TCP reset.
    if (isConnectionReset(error)) {
      recording?.failed("connection reset (a reset fault)");
      return void req.socket.resetAndDestroy();
    }
    recording?.failed("the request could not be read");
    // A client that went away mid-body, or a header Headers refuses: nothing the simulator's rules decide.
    if (!res.headersSent) writeAnswer(res, req.method ?? "GET", ANSWERS.unreadableRequest);
    else res.destroy();
  }
}

/** The WHATWG path: the request as a Request for sim.fetch, and its Response written back. */
async function viaFetch(
  core: SimulatorCore,
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
  const request = new Request(baseUrl(req.headers.host, origin) + target, {
    method,
    headers,
    ...(requestBody ? { body: requestBody } : {}),
  });
  const response = await core.answer(request);
  if (!(response instanceof Response)) return writeAnswer(res, method, response);
  const out: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    out[name] = value;
  });
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
  readonly authorization: string | null;
  readonly contentType: string | null;
  seq: number | undefined = undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly search: string,
    raw: readonly string[],
    private readonly host: string | undefined,
    private readonly serverOrigin: string,
  ) {
    this.authorization = joinedField(raw, "authorization");
    this.contentType = joinedField(raw, "content-type");
  }

  origin(): string {
    return new URL(baseUrl(this.host, this.serverOrigin)).origin;
  }
}

/** A header field of node:http's raw list (name, value, …), repeated fields joined with ", "; null when absent. */
function joinedField(raw: readonly string[], lowerCaseName: string): string | null {
  let joined: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // Compare lengths first, so most fields cost one comparison.
    if (name.length !== lowerCaseName.length || name.toLowerCase() !== lowerCaseName) continue;
    const value = raw[i + 1] as string;
    joined = joined === null ? value : `${joined}, ${value}`;
  }
  return joined;
}

/** The Host the client used, so that URLs the simulator answers with (the region's) match the client's base URL. */
function baseUrl(host: string | undefined, serverOrigin: string): string {
  return host !== undefined && /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host)
    ? `http://${host}`
    : serverOrigin;
}

/** Writes a core answer: the `truncate` fault's cut-off body, or the whole body with its length. */
function writeAnswer(res: ServerResponse, method: string, answer: Answer): void {
  if (answer.truncation !== undefined) return writeTruncated(res, answer.status, answer.headers, answer.truncation);
  const headers =
    answer === OK_ANSWER ? OK_HEADERS : { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) };
  res.writeHead(answer.status, headers);
  res.end(method === "HEAD" ? undefined : answer.body);
}

/** The `truncate` fault: promise the whole body, send half of it, close. */
function writeTruncated(
  res: ServerResponse,
  status: number,
  headers: Readonly<Record<string, string>>,
  truncation: Truncation,
): void {
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
  const socket = req.socket;
  // node:http closes a `Connection: close` socket with destroySoon() once the answer is written. Instead: send
  // FIN (the server's sockets allow half-open), keep reading and discarding the body, and close once it has
  // ended and the answer is out, once the client goes away, or once the bound is passed.
  let drained = 0;
  let ended = false;
  let answered = false;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, DRAIN_MS);
  timer.unref();
  socket.destroySoon = () => {
    socket.end();
    return socket;
  };
  socket.once("end", close);
  socket.once("close", () => clearTimeout(timer));
  req.on("data", (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > DRAIN_BYTES) close();
  });
  req.once("end", () => {
    ended = true;
    if (answered) close();
  });
  res.once("finish", () => {
    answered = true;
    if (ended) close();
  });
  const { status, headers, body } = ANSWERS.tooLarge;
  res.writeHead(status, { ...headers, connection: "close", "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
  req.resume();
}
