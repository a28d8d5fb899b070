/**
 * Hostile input to the simulator over a real socket (raw HTTP/1.1 through node:net, not through the client):
 * broken JSON and UTF-8, a 10 MB body, deep nesting, duplicate and `__proto__` keys, bad content types and
 * credentials, huge and traversing identifiers, broken framing, and clients too slow to finish. Each case says
 * what the server must answer; the runner also checks that the state did not change and that the server still
 * serves a valid request afterwards.
 *
 * No vitest here: scripts/resilience.ts runs the same cases.
 */
import type { PersonRecord, Simulator } from "../../src/simulator/index.js";
import type { ServedSimulator } from "../../src/simulator/server.js";
import { basicHeader, rawExchange, streamLargeBody, type RawReply } from "./loopback.js";

/** Server options the cases assume: short timeouts, so that the slow clients are cut off quickly. */
export const HOSTILE_SERVER_OPTIONS = { headersTimeoutMs: 300, requestTimeoutMs: 600 } as const;

export interface HostileContext {
  port: number;
  auth: string;
  sim: Simulator;
}

export interface HostileCase {
  name: string;
  /** Sends the hostile request; resolves with what came back. */
  send(ctx: HostileContext): Promise<RawReply>;
  /** Acceptable statuses (0: the connection was closed without an answer). */
  status: number[];
  /** Part of the error message the answer must carry (when the simulator, not node:http, answers). */
  message?: string;
  /**
   * Cases that are not refused because the input is legal, checked by their own rule instead of "nothing
   * changed": `__proto__` keys are stored as plain data, a traversal-looking identifier is just an id.
   */
  accepted?: (ctx: HostileContext, before: PersonRecord[]) => string[];
  /** Extra checks on the exchange (how much of a large body was read, for example). */
  extra?: (reply: RawReply & { detail?: Record<string, number> }) => string[];
}

export interface HostileResult {
  name: string;
  status: number;
  message: string;
  survived: boolean;
  problems: string[];
}

const CUSTOMER = "/api/v1/customers/";

/** A complete request with `Connection: close`, so that the server closes after answering. */
export function rawRequest(
  method: string,
  target: string,
  headers: Record<string, string | undefined>,
  body: string | Uint8Array = "",
): Uint8Array {
  const bytes = typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body);
  const lines = Object.entries({
    host: "127.0.0.1",
    ...headers,
    "content-length": String(bytes.byteLength),
    connection: "close",
  })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return Buffer.concat([Buffer.from(`${method} ${target} HTTP/1.1\r\n${lines}\r\n`, "latin1"), bytes]);
}

const json = (ctx: HostileContext, extra: Record<string, string | undefined> = {}) => ({
  authorization: ctx.auth,
  "content-type": "application/json",
  ...extra,
});
const put =
  (
    body: string | Uint8Array,
    identifier = "hostile-target",
    headers?: (ctx: HostileContext) => Record<string, string | undefined>,
  ) =>
  (ctx: HostileContext) =>
    rawExchange(ctx.port, rawRequest("PUT", `${CUSTOMER}${identifier}`, headers ? headers(ctx) : json(ctx), body));

const TEN_MB = 10 * 1024 * 1024;

export function hostileCases(): HostileCase[] {
  return [
    // Bodies that are not JSON objects.
    { name: "malformed JSON", send: put('{"plan":'), status: [400], message: "request body is not valid JSON" },
    {
      name: "trailing garbage after the object",
      send: put('{"plan":"x"} {"plan":"y"}'),
      status: [400],
      message: "not valid JSON",
    },
    { name: "an empty body", send: put(""), status: [400], message: "not valid JSON" },
    { name: "a JSON array", send: put("[1,2,3]"), status: [400], message: "must be a JSON object" },
    { name: "a JSON string", send: put('"plan"'), status: [400], message: "must be a JSON object" },
    {
      name: "invalid UTF-8 bytes",
      send: put(new Uint8Array([0x7b, 0x22, 0x70, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])),
      status: [400],
      message: "not valid UTF-8",
    },
    {
      name: "an overlong UTF-8 encoding of '/'",
      send: put(new Uint8Array([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d])),
      status: [400],
      message: "not valid UTF-8",
    },
    {
      name: "10,000 levels of nested arrays",
      send: put(`{"a":${"[".repeat(10_000)}${"]".repeat(10_000)}}`),
      status: [400],
      message: "nested more than 100 levels",
    },
    {
      name: "10,000 levels of nested objects",
      send: put(`${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`),
      status: [400],
      message: "nested more than 100 levels",
    },
    // Keys.
    {
      name: "a duplicate attribute",
      send: put('{"plan":"basic","plan":"premium"}'),
      status: [400],
      message: "repeats the attribute 'plan'",
    },
    {
      name: "a duplicate key spelled with an escape",
      send: put('{"plan":"basic","pl\\u0061n":"premium"}'),
      status: [400],
      message: "repeats the attribute 'plan'",
    },
    {
      name: "a duplicate key inside an attribute's value",
      send: put('{"address":{"city":"a","city":"b"}}'),
      status: [400],
      message: "inside attribute 'address'",
    },
    {
      name: "__proto__ and constructor keys (stored as plain data, no prototype pollution)",
      send: put(
        '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nested":{"__proto__":{"polluted":true}}}',
        "proto-person",
      ),
      status: [200],
      accepted: (ctx) => {
        const problems: string[] = [];
        if (
          ({} as Record<string, unknown>)["polluted"] !== undefined ||
          Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")
        ) {
          problems.push("Object.prototype was polluted");
        }
        const person = ctx.sim.person({ id: "proto-person" });
        if (person === undefined) return [...problems, "the person was not stored"];
        if (Object.getPrototypeOf(person.attributes) !== Object.prototype)
          problems.push("stored attributes are not a plain object");
        if (!Object.hasOwn(person.attributes, "__proto__")) problems.push("__proto__ is not an own, plain key");
        if (JSON.stringify(person.attributes["__proto__"]) !== '{"polluted":true}')
          problems.push("__proto__'s value is not plain data");
        return problems;
      },
    },
    // Content types.
    {
      name: "no Content-Type",
      send: put("{}", undefined, (ctx) => ({ authorization: ctx.auth })),
      status: [400],
      message: "Content-Type is required",
    },
    {
      name: "Content-Type text/plain",
      send: put("{}", undefined, (ctx) => json(ctx, { "content-type": "text/plain" })),
      status: [400],
      message: "must be application/json",
    },
    {
      name: "a form body",
      send: put("plan=premium", undefined, (ctx) => json(ctx, { "content-type": "application/x-www-form-urlencoded" })),
      status: [400],
      message: "must be application/json",
    },
    {
      name: "Content-Type application/jsonx",
      send: put("{}", undefined, (ctx) => json(ctx, { "content-type": "application/jsonx" })),
      status: [400],
      message: "must be application/json",
    },
    // Credentials.
    {
      name: "no Authorization",
      send: put("{}", undefined, () => ({ "content-type": "application/json" })),
      status: [401],
      message: "Unauthorized request",
    },
    {
      name: "Authorization: Basic !!!",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: "Basic !!!" })),
      status: [401],
      message: "Unauthorized",
    },
    {
      name: "a Bearer token instead of Basic",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: `Bearer ${ctx.sim.apiKey}` })),
      status: [401],
      message: "Unauthorized",
    },
    {
      name: "Basic without the colon",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: `Basic ${btoa(ctx.sim.siteId)}` })),
      status: [401],
      message: "Unauthorized",
    },
    {
      name: "the wrong API key",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: basicHeader(ctx.sim.siteId, "not-the-key") })),
      status: [401],
      message: "Unauthorized",
    },
    {
      name: "an 8 KB Authorization header",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: `Basic ${"QUFB".repeat(2048)}` })),
      status: [401],
      message: "Unauthorized",
    },
    {
      name: "Latin-1 bytes in Authorization",
      send: put("{}", undefined, (ctx) => json(ctx, { authorization: "Basic \u00e9\u00e9\u00e9" })),
      status: [401],
      message: "Unauthorized",
    },
    // Identifiers.
    {
      name: "an identifier of 10,000 bytes",
      send: put("{}", "a".repeat(10_000)),
      status: [400],
      message: "cannot be longer than 150 bytes",
    },
    { name: "a request line of 20 KB (node:http refuses it)", send: put("{}", "a".repeat(20_000)), status: [431] },
    {
      name: "invalid percent-encoding in the identifier",
      send: put("{}", "%zz"),
      status: [400],
      message: "not valid percent-encoded UTF-8",
    },
    {
      name: "an overlong UTF-8 sequence in the identifier",
      send: put("{}", "%C0%AF"),
      status: [400],
      message: "not valid percent-encoded UTF-8",
    },
    {
      name: "%2e%2e as the identifier (a dot segment: no route)",
      send: put("{}", "%2e%2e"),
      status: [404],
      message: "No route matches",
    },
    {
      name: "dot segments climbing to /__simulator/reset (PUT: 405, nothing reset)",
      send: put("{}", "%2e%2e/%2e%2e/%2e%2e/__simulator/reset"),
      status: [405],
      message: "accepts POST only",
    },
    {
      name: "..%2F..%2F__simulator%2Freset as the identifier (an opaque id, not a path)",
      send: put('{"plan":"x"}', "..%2F..%2F__simulator%2Freset"),
      status: [200],
      accepted: (ctx, before) => {
        const problems: string[] = [];
        const now = ctx.sim.people({ includeDeleted: true });
        if (now.length !== before.length + 1)
          problems.push(`expected exactly one new person, the workspace went from ${before.length} to ${now.length}`);
        if (!before.every((person) => now.some((other) => other.cio_id === person.cio_id)))
          problems.push("people were removed: the inspection API was reached");
        if (ctx.sim.person({ id: "../../__simulator/reset" })?.attributes["plan"] !== "x")
          problems.push("the identifier was not kept as the literal id");
        return problems;
      },
    },
    // Methods, targets, framing.
    {
      name: "DELETE on the Track API",
      send: (ctx) => rawExchange(ctx.port, rawRequest("DELETE", `${CUSTOMER}u1`, { authorization: ctx.auth })),
      status: [405],
      message: "accepts PUT only",
    },
    {
      name: "TRACE",
      send: (ctx) => rawExchange(ctx.port, rawRequest("TRACE", `${CUSTOMER}u1`, { authorization: ctx.auth })),
      status: [405],
      message: "not supported",
    },
    {
      name: "an absolute-form request target",
      send: (ctx) => rawExchange(ctx.port, rawRequest("PUT", `http://evil.example${CUSTOMER}u1`, json(ctx), "{}")),
      status: [400],
      message: "must be a path",
    },
    {
      name: "Content-Length and Transfer-Encoding together (request smuggling)",
      send: (ctx) =>
        rawExchange(
          ctx.port,
          `PUT ${CUSTOMER}u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${ctx.auth}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
        ),
      status: [400],
    },
    {
      name: "a request line that is not HTTP",
      send: (ctx) => rawExchange(ctx.port, "HELLO THERE\r\n\r\n"),
      status: [400],
    },
    // Limits of the spec.
    {
      name: "an attribute value of 1001 bytes",
      send: put(JSON.stringify({ note: "x".repeat(1001) })),
      status: [400],
      message: "cannot be longer than 1000 bytes",
    },
    {
      name: "301 attributes",
      send: put(JSON.stringify(Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i])))),
      status: [400],
      message: "at most 300 attributes",
    },
    // Size.
    {
      name: "a 10 MB body with Content-Length (413 before it is read)",
      send: (ctx) => bigBody(ctx, "content-length"),
      status: [413],
      message: "larger than 1048576 bytes",
      extra: readLittle,
    },
    {
      name: "a 10 MB chunked body (413 once past 1 MiB, then no more reading)",
      send: (ctx) => bigBody(ctx, "chunked"),
      status: [413],
      message: "larger than 1048576 bytes",
      extra: readLittle,
    },
    // Slow clients.
    {
      name: "headers never finished (408 after headersTimeoutMs)",
      send: (ctx) => rawExchange(ctx.port, `PUT ${CUSTOMER}u1 HTTP/1.1\r\nHost: 127.0.0.1\r\n`),
      status: [408, 0],
    },
    { name: "a connection that sends nothing (408)", send: (ctx) => rawExchange(ctx.port, ""), status: [408, 0] },
    {
      name: "a body never finished (408 after requestTimeoutMs)",
      send: (ctx) =>
        rawExchange(
          ctx.port,
          `PUT ${CUSTOMER}u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${ctx.auth}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"plan":`,
        ),
      status: [408, 0],
    },
    {
      name: "a chunked body never finished (408)",
      send: (ctx) =>
        rawExchange(
          ctx.port,
          `PUT ${CUSTOMER}u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${ctx.auth}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n{"plan":`,
        ),
      status: [408, 0],
    },
  ];
}

async function bigBody(
  ctx: HostileContext,
  mode: "content-length" | "chunked",
): Promise<RawReply & { detail: Record<string, number> }> {
  const result = await streamLargeBody(
    ctx.port,
    `${CUSTOMER}u1`,
    { authorization: ctx.auth, "content-type": "application/json" },
    TEN_MB,
    mode,
  );
  return {
    ...result.reply,
    detail: { writtenWhenAnswered: result.writtenWhenAnswered, written: result.written, total: result.total },
  };
}

/**
 * The server answered before the client had sent the whole body, and then stopped reading: the client could not
 * hand over all 10 MB before the connection was closed on it.
 */
function readLittle(reply: RawReply & { detail?: Record<string, number> }): string[] {
  const detail = reply.detail;
  if (detail === undefined) return ["no transfer details"];
  const problems: string[] = [];
  if (!(detail["writtenWhenAnswered"]! >= 0 && detail["writtenWhenAnswered"]! < detail["total"]!))
    problems.push("the answer did not come before the body was sent");
  if (!(detail["written"]! < detail["total"]!)) problems.push("the server read the whole 10 MB");
  return problems;
}

/** A valid identify call, to show the server still serves after a hostile one. */
export async function stillServes(ctx: HostileContext, id: string): Promise<boolean> {
  const reply = await rawExchange(
    ctx.port,
    rawRequest("PUT", `${CUSTOMER}${encodeURIComponent(id)}`, json(ctx), '{"plan":"healthy"}'),
  );
  return reply.status === 200 && ctx.sim.person({ id })?.attributes["plan"] === "healthy";
}

/** Runs one case: state before, the hostile exchange, its checks, state after, then a valid request. */
export async function runHostileCase(
  served: ServedSimulator,
  hostile: HostileCase,
  index: number,
): Promise<HostileResult> {
  const sim = served.simulator;
  const ctx: HostileContext = {
    port: Number(new URL(served.url).port),
    auth: basicHeader(sim.siteId, sim.apiKey),
    sim,
  };
  const before = sim.people({ includeDeleted: true });
  const logBefore = sim.activity().length;
  const reply = await hostile.send(ctx);
  const problems: string[] = [];
  let message = "";
  try {
    const meta = (JSON.parse(reply.body) as { meta?: { error?: string; errors?: string[] } }).meta;
    message = meta?.error ?? meta?.errors?.join("; ") ?? "";
  } catch {
    message = "";
  }
  if (reply.error === "hung") problems.push("the server never closed the connection");
  if (!hostile.status.includes(reply.status))
    problems.push(`expected ${hostile.status.join(" or ")}, got ${reply.status}`);
  if (hostile.message !== undefined && !message.includes(hostile.message))
    problems.push(`expected a message with "${hostile.message}", got "${message}"`);
  if (reply.status >= 500) problems.push("a 5xx");
  problems.push(...(hostile.extra?.(reply) ?? []));
  if (hostile.accepted !== undefined) {
    problems.push(...hostile.accepted(ctx, before));
  } else {
    if (JSON.stringify(sim.people({ includeDeleted: true })) !== JSON.stringify(before))
      problems.push("the people changed");
    if (sim.activity().length !== logBefore) problems.push("the activity log changed");
  }
  if (!(await stillServes(ctx, `healthy-${index}`))) problems.push("a valid request did not succeed afterwards");
  return { name: hostile.name, status: reply.status, message, survived: problems.length === 0, problems };
}
