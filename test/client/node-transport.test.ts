/**
 * The Node transport (the package's `node` export condition, undici) beside the universal one (fetch), over real
 * loopback sockets: the same guarantees from both, undici used only while `globalThis.fetch` is Node's own, and a
 * `fetch` option or a replaced `globalThis.fetch` always winning.
 */
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import * as universal from "../../src/index.js";
import * as node from "../../src/node/index.js";
import { createRawClient as nodeRaw } from "../../src/node/raw.js";
import { usesUndici } from "../../src/node/transport.js";
import { expectNoSecrets, registerCredentials } from "../support/secrets.js";

const run = promisify(execFile);
const credentials = { siteId: "site-node", apiKey: "key-node-secret-789" };
const nodesFetch = globalThis.fetch;
registerCredentials(credentials.siteId, credentials.apiKey);

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: string;
}

let server: Server;
let connections = 0;
let base: string;
let handler: Handler;
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      seen.push({
        method: request.method ?? "",
        url: request.url ?? "",
        authorization: request.headers.authorization,
        body,
      });
      handler(request, body, response);
    });
  });
  server.on("connection", () => (connections += 1));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  seen.length = 0;
  vi.unstubAllGlobals();
});

const ok: Handler = (_request, _body, response) => {
  response.writeHead(200, { "content-type": "application/json" });
  response.end("{}");
};

describe("which transport a call uses", () => {
  it("undici while globalThis.fetch is Node's own", () => {
    expect(usesUndici()).toBe(true);
  });

  it("a globalThis.fetch replaced after load is noticed on the next call and used", async () => {
    handler = ok;
    const replaced = vi.fn((input: RequestInfo | URL, init?: RequestInit) => nodesFetch(input, init));
    const client = node.createCustomersClient({ ...credentials, baseUrl: base });
    vi.stubGlobal("fetch", replaced);
    expect(usesUndici()).toBe(false);
    await client.identify({ id: "u" });
    expect(replaced).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    expect(usesUndici()).toBe(true);
    await client.identify({ id: "u" });
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(2);
  });

  it("a globalThis.fetch replaced before the package loaded is used too (it is not Node's own)", async () => {
    handler = ok;
    const replaced = vi.fn((input: RequestInfo | URL, init?: RequestInit) => nodesFetch(input, init));
    vi.stubGlobal("fetch", replaced);
    vi.resetModules();
    const fresh = await import("../../src/node/index.js");
    const transport = await import("../../src/node/transport.js");
    expect(transport.usesUndici()).toBe(false);
    await fresh.createCustomersClient({ ...credentials, baseUrl: base }).identify({ id: "u" });
    expect(replaced).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(1);
  });

  it("a fetch given in the options always wins", async () => {
    handler = ok;
    const given = vi.fn(async () => new Response("{}", { status: 200 }));
    await node.createCustomersClient({ ...credentials, baseUrl: base, fetch: given }).identify({ id: "u" });
    expect(given).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(0);
  });
});

describe("the rest of the process", () => {
  it("keeps Node's own fetch working as before: loading the package leaves the shared pool to Node", async () => {
    // A fresh process, so that nothing has loaded Node's fetch before the package does (as in an application whose
    // first import is this package). The fetch carries its own Content-Length, as customerio-node's requests do.
    const script = [
      'import { createServer } from "node:http";',
      `await import(${JSON.stringify(new URL("../../src/node/index.ts", import.meta.url).href)});`,
      'const server = createServer((q, r) => { q.resume(); q.on("end", () => r.end("{}")); });',
      'await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));',
      "const url = `http://127.0.0.1:${server.address().port}/api/v1/customers/u`;",
      "try {",
      '  const answer = await fetch(url, { method: "PUT", headers: { "Content-Length": "2" }, body: "{}" });',
      "  process.stdout.write(String(answer.status));",
      "} catch (error) {",
      "  process.stdout.write(String(error?.cause?.message ?? error));",
      "} finally {",
      "  server.close();",
      "}",
    ].join("\n");
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script]);
    expect(stdout).toBe("200");
  });
});

describe.each([
  ["fetch (universal entry)", universal.createCustomersClient],
  ["undici (node entry)", node.createCustomersClient],
])("the same guarantees over a socket: %s", (_name, create) => {
  const client = (extra: Partial<universal.CustomersClientOptions> = {}) =>
    create({ ...credentials, baseUrl: base, retry: { random: () => 0, baseDelayMs: 1 }, ...extra });

  it("sends the PUT with credentials and a stamped body, over kept-alive connections", async () => {
    handler = ok;
    const c = client();
    const before = connections;
    await expect(c.identify({ email: "ada@example.com" }, { plan: "pro" })).resolves.toEqual({
      status: 200,
      identifier: "ada@example.com",
      attempts: 1,
    });
    // One person each: calls for one person wait for their own second of `_timestamp`, which is not tested here.
    for (let n = 0; n < 19; n++) await c.identify({ email: `ada${n}@example.com` }, { plan: "max" });
    // undici opens another connection when a call starts while the last one's connection is still being handed
    // back to the pool, which a busy machine makes likelier; a client without keep-alive would open twenty.
    expect(connections - before).toBeLessThanOrEqual(5);
    expect(seen.map((s) => s.method)).toEqual(Array(20).fill("PUT"));
    expect(seen[0]!.url).toBe("/api/v1/customers/ada%40example.com");
    expect(seen[0]!.authorization).toBe(`Basic ${btoa(`${credentials.siteId}:${credentials.apiKey}`)}`);
    expect(JSON.parse(seen[0]!.body)).toMatchObject({ plan: "pro", _timestamp: expect.any(Number) as number });
  });

  it("a 503 with Retry-After is retried, and the HttpError of a 400 carries the server's message", async () => {
    handler = (_request, _body, response) => {
      if (seen.length === 1) {
        response.writeHead(503, { "retry-after": "0" });
        response.end("busy");
        return;
      }
      response.writeHead(400, { "content-type": "application/json" });
      response.end('{"meta":{"errors":["bad attribute"]}}');
    };
    const error = (await client()
      .identify({ id: "u" })
      .catch((e: unknown) => e)) as universal.HttpError;
    expect(error).toBeInstanceOf(universal.HttpError);
    expect(error).toMatchObject({ status: 400, messages: ["bad attribute"], attempts: 2 });
  });

  it("the attempt timeout covers the body: headers then a stall times out, and the retry succeeds", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      if (seen.length === 1) response.write("{");
      else response.end("{}");
    };
    await expect(client({ timeoutMs: 200 }).identify({ id: "u" })).resolves.toMatchObject({ attempts: 2 });
  });

  it("the deadline ends the call", async () => {
    handler = () => undefined;
    const error = await client({ timeoutMs: 5_000, deadlineMs: 200 })
      .identify({ id: "u" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(universal.TimeoutError);
    expect((error as universal.TimeoutError).limit).toBe("deadline");
  });

  it("a same-origin 307 is followed with the method, body and credentials", async () => {
    handler = (request, _body, response) => {
      if (request.url?.startsWith("/moved")) return ok(request, _body, response);
      response.writeHead(307, { location: "/moved/api/v1/customers/u" });
      response.end("moved");
    };
    await client().identify({ id: "u" }, { plan: "x" });
    expect(seen.map((s) => [s.method, s.url, s.authorization !== undefined])).toEqual([
      ["PUT", "/api/v1/customers/u", true],
      ["PUT", "/moved/api/v1/customers/u", true],
    ]);
    expect(JSON.parse(seen[1]!.body)).toMatchObject({ plan: "x" });
  });

  it("a redirect to another origin is refused before the credentials travel", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(301, { location: "http://localhost:9/api/v1/customers/u" });
      response.end();
    };
    const error = await client()
      .identify({ id: "u" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(universal.RedirectError);
    expect(seen).toHaveLength(1);
  });

  it("calls for one person never overlap; the caller's signal aborts at once", async () => {
    let inFlight = 0;
    let most = 0;
    handler = (_request, _body, response) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        ok(_request, _body, response);
      }, 20);
    };
    const c = client();
    await Promise.all([1, 2, 3].map((n) => c.identify({ id: "same" }, { n })));
    expect(most).toBe(1);
    expect(seen.map((s) => (JSON.parse(s.body) as { n: number }).n)).toEqual([1, 2, 3]);

    handler = () => undefined;
    const controller = new AbortController();
    const call = c.identify({ id: "u" }, {}, { signal: controller.signal }).catch((e: unknown) => e);
    await vi.waitFor(() => expect(seen.length).toBe(4));
    controller.abort();
    expect(await call).toBeInstanceOf(universal.AbortError);
  });

  it("a refused connection is a NetworkError that names no secret", async () => {
    const error = await create({ ...credentials, baseUrl: "http://127.0.0.1:9", retry: { retries: 0 } })
      .identify({ email: "ada@example.com" }, { plan: "secret-plan" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(universal.NetworkError);
    expectNoSecrets(error, [credentials.apiKey, "ada@example.com", "secret-plan"]);
  });
});

describe("the raw client over the Node transport", () => {
  it("is typed, authenticated and answers with the server's status and body", async () => {
    handler = (_request, _body, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end('{"ok":true}');
    };
    const { response, data } = await nodeRaw({ ...credentials, baseUrl: base }).PUT("/api/v1/customers/{identifier}", {
      params: { path: { identifier: "u 1" } },
      body: { plan: "x" },
    });
    expect(response.status).toBe(200);
    expect(data).toEqual({ ok: true });
    expect(seen[0]).toMatchObject({ url: "/api/v1/customers/u%201", body: '{"plan":"x"}' });
    expect(seen[0]!.authorization).toMatch(/^Basic /);
  });
});
