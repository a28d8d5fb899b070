/**
 * The simulator behind a real socket (node:http), for SDKs in other languages, curl, and anything else that
 * cannot take an injected fetch. It converts each IncomingMessage into a WHATWG Request for the same handler
 * that runs in-process, and the Response back.
 *
 * Bodies are streamed with a cap: a declared Content-Length over 1 MiB is refused before a byte is read, and a
 * streamed body is refused as soon as it passes 1 MiB. Either way the answer is 413 with the JSON envelope and
 * `Connection: close`; what the client still sends is discarded, never kept, and the connection is closed.
 *
 * Slow clients are cut off: headers must arrive within `headersTimeoutMs` and the whole request within
 * `requestTimeoutMs`, or node:http answers 408 and closes the connection.
 *
 * Two faults of faults.ts need the socket itself: `reset` destroys the connection with a TCP reset instead of
 * answering, and `truncate` sends a Content-Length larger than the bytes that follow, then closes.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { isConnectionReset, truncationOf } from "./faults.js";
import { JSON_CONTENT_TYPE } from "./http.js";
import { createSimulator } from "./index.js";
import type { Simulator, SimulatorOptions } from "./types.js";
import { MAX_BODY_BYTES } from "./validation.js";

export interface ServeSimulatorOptions extends SimulatorOptions {
  /** Default 4010; 0 picks a free port (read it from `url`). */
  port?: number;
  /** Default 127.0.0.1, so the simulator is reachable from this machine only. */
  host?: string;
  /** Time a client has to send the request headers, in milliseconds; then 408 and close. Default 10 000. */
  headersTimeoutMs?: number;
  /** Time a client has to send the whole request, body included; then 408 and close. Default 30 000. */
  requestTimeoutMs?: number;
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

export async function serveSimulator(options: ServeSimulatorOptions = {}): Promise<ServedSimulator> {
  const { port = 4010, host = "127.0.0.1", headersTimeoutMs = 10_000, requestTimeoutMs = 30_000, ...simulatorOptions } = options;
  for (const [name, value] of [["headersTimeoutMs", headersTimeoutMs], ["requestTimeoutMs", requestTimeoutMs]] as const) {
    if (!Number.isSafeInteger(value) || value < 1) throw new Error(`serveSimulator: ${name} must be a whole number of milliseconds from 1`);
  }
  if (headersTimeoutMs > requestTimeoutMs) throw new Error("serveSimulator: headersTimeoutMs cannot be more than requestTimeoutMs");
  const simulator = createSimulator(simulatorOptions);
  let origin = "";
  const server = createServer(
    {
      headersTimeout: headersTimeoutMs,
      requestTimeout: requestTimeoutMs,
      // node:http checks the two timeouts on this interval (30 s by default), so a short timeout needs a short one.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeoutMs / 4))),
    },
    (req, res) => {
      void handle(simulator, req, res, origin);
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

async function handle(simulator: Simulator, req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  try {
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    if (!target.startsWith("/")) return send(res, 400, envelopeText("the request target must be a path"));
    if (!METHODS.has(method)) return send(res, 405, envelopeText("This method is not supported"));
    const declared = Number(req.headers["content-length"] ?? "0");
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);

    let body: Uint8Array<ArrayBuffer> | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const collected = await collect(req, MAX_BODY_BYTES);
      if (collected === "too large") return refuseTooLarge(req, res);
      // A copy into a plain ArrayBuffer, which is what a WHATWG Request body is typed as.
      body = new Uint8Array(collected);
    }
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i] ?? "";
      if (!HOP_HEADERS.has(name.toLowerCase())) headers.append(name, req.rawHeaders[i + 1] ?? "");
    }
    // The Host the client used, so that URLs the simulator answers with (the region's) match the client's base URL.
    const host = req.headers.host;
    const base = host !== undefined && /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host) ? `http://${host}` : origin;
    const request = new Request(base + target, { method, headers, ...(body ? { body } : {}) });
    const response = await simulator.fetch(request);
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      out[name] = value;
    });
    const truncation = truncationOf(response);
    if (truncation !== undefined) {
      // The `truncate` fault: promise the whole body, send half of it, close.
      res.writeHead(response.status, { ...out, "content-length": String(truncation.promisedLength) });
      res.write(truncation.head, () => res.destroy());
      return;
    }
    const payload = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...out, "content-length": String(payload.byteLength) });
    res.end(method === "HEAD" ? undefined : payload);
  } catch (error) {
    // The `reset` fault: no answer, a TCP reset.
    if (isConnectionReset(error)) return void req.socket.resetAndDestroy();
    // A client that went away mid-body, or a header Headers refuses: nothing the simulator's rules decide.
    if (!res.headersSent) send(res, 400, envelopeText("the request could not be read"));
    else res.destroy();
  }
}

/** Reads a body, giving up (without keeping more) as soon as it passes `cap` bytes. */
function collect(req: IncomingMessage, cap: number): Promise<Buffer | "too large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > cap) {
        cleanup();
        chunks.length = 0;
        resolve("too large");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, total));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      if (!req.complete) onError(new Error("the client closed the connection before the body ended"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
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
