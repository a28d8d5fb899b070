/**
 * Loopback plumbing for the resilience tests and `npm run resilience`: raw HTTP/1.1 exchanges over node:net
 * (for requests no HTTP client would send), and a fetch that sends Customer.io's hostnames to local simulators.
 *
 * No vitest here: scripts/resilience.ts uses the same code.
 */
import { connect } from "node:net";

export interface RawReply {
  /** 0 when the server closed the connection without a status line. */
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything received, as text. */
  raw: string;
  /** A socket error seen (ECONNRESET, EPIPE), if any. */
  error?: string;
}

/** Splits an HTTP/1.1 response (read until the connection closed) into status, headers and body. */
export function parseRaw(raw: string, error?: string): RawReply {
  const split = raw.indexOf("\r\n\r\n");
  const head = split < 0 ? raw : raw.slice(0, split);
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? "0");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = split < 0 ? "" : raw.slice(split + 4);
  const length = headers["content-length"];
  if (length !== undefined && /^\d+$/.test(length)) body = body.slice(0, Number(length));
  return { status, headers, body, raw, ...(error !== undefined && { error }) };
}

/**
 * Sends `bytes` as they are and reads until the server closes the connection. Send `Connection: close` for a
 * complete request, or leave the request unfinished to see how the server deals with a slow client.
 * `limitMs` only stops a test from hanging on a server that never closes (the reply then has `error: "hung"`).
 */
export function rawExchange(port: number, bytes: string | Uint8Array, limitMs = 10_000): Promise<RawReply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let error: string | undefined;
    const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
    const guard = setTimeout(() => {
      error = "hung";
      socket.destroy();
    }, limitMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on("close", () => {
      clearTimeout(guard);
      resolve(parseRaw(Buffer.concat(chunks).toString("latin1"), error));
    });
  });
}

/**
 * Streams a body of `total` bytes (declared with Content-Length, or chunked) for as long as the server reads,
 * and reports how much had been handed to the socket when the answer arrived and when the connection ended.
 * A server that stops reading makes the writes stall and then fail: `written` stays well below `total`.
 */
export function streamLargeBody(
  port: number,
  path: string,
  headers: Record<string, string>,
  total: number,
  mode: "content-length" | "chunked",
): Promise<{ reply: RawReply; writtenWhenAnswered: number; written: number; total: number }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let written = 0;
    let writtenWhenAnswered = -1;
    let error: string | undefined;
    const socket = connect(port, "127.0.0.1");
    const lines = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const framing = mode === "content-length" ? `Content-Length: ${total}\r\n` : "Transfer-Encoding: chunked\r\n";
    socket.write(`PUT ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${lines}${framing}\r\n`);
    const piece = Buffer.alloc(64 * 1024, 0x20);
    const framed =
      mode === "content-length"
        ? piece
        : Buffer.concat([Buffer.from(`${piece.byteLength.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
    socket.on("data", (chunk: Buffer) => {
      if (writtenWhenAnswered < 0) writtenWhenAnswered = written;
      chunks.push(chunk);
    });
    socket.on("error", (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
    socket.on("close", () =>
      resolve({
        reply: parseRaw(Buffer.concat(chunks).toString("latin1"), error),
        writtenWhenAnswered,
        written,
        total,
      }),
    );
    const pump = (): void => {
      while (written < total && !socket.destroyed && writtenWhenAnswered < 0) {
        written += piece.byteLength;
        if (!socket.write(framed)) return void socket.once("drain", pump);
      }
      // Answered early: keep offering the rest, to see whether the server still reads it.
      if (written < total && !socket.destroyed) {
        written += piece.byteLength;
        if (socket.write(framed)) setImmediate(pump);
        else socket.once("drain", pump);
        return;
      }
      if (!socket.destroyed) socket.end(mode === "chunked" ? "0\r\n\r\n" : "");
    };
    pump();
  });
}

/** A request as the routing fetch saw it. */
export interface Routed {
  method: string;
  /** The URL the client asked for (a Customer.io host), not the loopback one it was sent to. */
  url: string;
  host: string;
  authorization: string | null;
}

/**
 * A fetch for the client that serves Customer.io's hostnames from local simulators: a request for
 * `https://track.customer.io/…` goes to `routes["track.customer.io"]` (an `http://127.0.0.1:<port>` base URL)
 * with the same path, method, headers and body. Every request is recorded; a host without a route is refused
 * like an unreachable one (a TypeError, as fetch rejects), after being recorded.
 */
export function routingFetch(
  routes: Record<string, string>,
  seen: Routed[] = [],
): { fetch: (request: Request) => Promise<Response>; seen: Routed[] } {
  const fetchRouted = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      url: request.url,
      host: url.host,
      authorization: request.headers.get("authorization"),
    });
    const base = routes[url.host];
    if (base === undefined)
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error(`no route to ${url.host}`), { code: "ENOTFOUND" }),
      });
    const body = request.body === null ? undefined : new Uint8Array(await request.arrayBuffer());
    return fetch(
      new Request(`${base}${url.pathname}${url.search}`, {
        method: request.method,
        headers: request.headers,
        redirect: "manual",
        signal: request.signal,
        ...(body === undefined ? {} : { body }),
      }),
    );
  };
  return { fetch: fetchRouted, seen };
}

/** `Basic base64(siteId:apiKey)`, as HTTP sends it. */
export function basicHeader(siteId: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString("base64")}`;
}
