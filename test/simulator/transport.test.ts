/**
 * The served simulator's connection handling, from the outside: a body over 1 MiB gets a 413 that the sender can
 * read (Node's fetch, curl, a raw socket that keeps writing), and requests pipelined on one connection are answered
 * in order, each seeing what the ones before it changed.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { basicAuth } from "./support.js";

registerCredentials("sim-site", "sim-key");
const auth = basicAuth("sim-site", "sim-key");
const TOO_LARGE = '{"meta":{"error":"request body is larger than 1048576 bytes"}}';
let served: ServedSimulator;
let port: number;
const errors: unknown[] = [];

beforeAll(async () => {
  served = await serveSimulator({ port: 0, onError: (error) => errors.push(error) });
  port = Number(new URL(served.url).port);
});
afterAll(async () => {
  await served.close();
  expect(errors).toEqual([]);
});

/**
 * Opens a raw connection to the simulator. Half-open allowed: the client goes on writing after the server's FIN,
 * as a client busy sending does.
 */
function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1", allowHalfOpen: true }, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Everything the server sends until it closes the connection (or `until` matches what arrived). */
function readAll(socket: Socket, until?: (text: string) => boolean): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      text += chunk;
      if (until?.(text)) {
        socket.destroy();
        resolve(text);
      }
    });
    // A reset after the answer arrived still leaves the answer readable: what matters is what was read.
    socket.on("error", () => resolve(text));
    // The server's FIN: nothing more will come.
    socket.on("end", () => resolve(text));
    socket.on("close", () => resolve(text));
  });
}

/** The complete answers in what a connection received, by Content-Length. */
function responses(text: string): { status: number; body: string }[] {
  const out: { status: number; body: string }[] = [];
  let rest = text;
  for (;;) {
    const end = rest.indexOf("\r\n\r\n");
    if (end < 0) return out;
    const header = rest.slice(0, end);
    const length = Number(/content-length: (\d+)/i.exec(header)?.[1] ?? "0");
    if (rest.length < end + 4 + length) return out;
    out.push({
      status: Number(/^HTTP\/1\.1 (\d{3})/.exec(header)?.[1] ?? "0"),
      body: rest.slice(end + 4, end + 4 + length),
    });
    rest = rest.slice(end + 4 + length);
  }
}

const head = (method: string, path: string, extra: string[]) =>
  [`${method} ${path} HTTP/1.1`, "Host: 127.0.0.1", `Authorization: ${auth}`, ...extra, "", ""].join("\r\n");

describe("a body over 1 MiB: the 413 reaches the sender", () => {
  it("Node's fetch reads the 413 and its envelope, every time", async () => {
    for (let i = 0; i < 10; i++) {
      const response = await fetch(`${served.url}/api/v1/customers/big`, {
        method: "PUT",
        headers: { authorization: auth, "content-type": "application/json" },
        body: new Uint8Array(4 * 1024 * 1024).fill(0x20),
      });
      expect(response.status).toBe(413);
      expect(await response.text()).toBe(TOO_LARGE);
    }
    expect(served.simulator.person({ id: "big" })).toBeUndefined();
  });

  it("curl reads the 413, with and without Expect: 100-continue", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cio-sim-413-"));
    try {
      const file = join(dir, "body.json");
      writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 0x20));
      for (const expect100 of [true, false]) {
        const args = [
          "-sS",
          "-o",
          "-",
          "-w",
          "\n%{http_code}",
          "-X",
          "PUT",
          "-H",
          "Content-Type: application/json",
          "-u",
          "sim-site:sim-key",
        ];
        if (!expect100) args.push("-H", "Expect:");
        args.push("--data-binary", `@${file}`, `${served.url}/api/v1/customers/big`);
        const out = await new Promise<string>((resolve, reject) =>
          execFile("curl", args, (error, stdout, stderr) =>
            error ? reject(new Error(`curl failed: ${stderr}`)) : resolve(stdout),
          ),
        );
        expect(out, `Expect: 100-continue ${expect100}`).toBe(`${TOO_LARGE}\n413`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a raw socket that declares 4 MiB and writes all of it before reading still reads the 413", async () => {
    for (let i = 0; i < 5; i++) {
      const socket = await open();
      const answer = readAll(socket);
      socket.write(
        head("PUT", "/api/v1/customers/raw", ["Content-Type: application/json", `Content-Length: ${4 * 1024 * 1024}`]),
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      // Keep writing, without reading, whatever the server says meanwhile.
      for (; sent < 4 * 1024 * 1024 && !socket.destroyed; sent += chunk.byteLength) {
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
      }
      expect(sent).toBe(4 * 1024 * 1024);
      socket.end();
      const text = await answer;
      expect(text).toMatch(/^HTTP\/1\.1 413 /);
      expect(text.toLowerCase()).toContain("connection: close");
      expect(text.endsWith(TOO_LARGE)).toBe(true);
    }
  });

  it("a raw socket streaming a chunked body that never ends reads the 413, then the connection closes", async () => {
    const socket = await open();
    const answer = readAll(socket);
    socket.write(
      head("PUT", "/api/v1/customers/raw", ["Content-Type: application/json", "Transfer-Encoding: chunked"]),
    );
    const chunk = Buffer.concat([Buffer.from("10000\r\n"), Buffer.alloc(0x10000, 0x20), Buffer.from("\r\n")]);
    let closed = false;
    socket.once("close", () => (closed = true));
    socket.on("error", () => undefined);
    // Writes until the server closes: the drain is bounded, so this ends.
    while (!closed && !socket.destroyed) {
      if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
    }
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.endsWith(TOO_LARGE)).toBe(true);
  });
});

describe("pipelining", () => {
  it("answers requests pipelined on one connection in order, each seeing the effects of those before it", async () => {
    served.simulator.reset();
    const put = (id: string, body: unknown) => {
      const text = JSON.stringify(body);
      return (
        head("PUT", `/api/v1/customers/${id}`, [
          "Content-Type: application/json",
          `Content-Length: ${Buffer.byteLength(text)}`,
        ]) + text
      );
    };
    const lookup = (id: string) => head("GET", `/__simulator/people/lookup?id=${id}`, []);
    const requests = [
      put("p1", { plan: "a" }),
      lookup("p1"),
      put("p1", { plan: "b" }),
      lookup("p1"),
      head("DELETE", "/__simulator/people/cio_0300000000000001", []),
      lookup("p1"),
      put("p2", { _update: true, plan: "c" }),
      lookup("p2"),
    ];
    const socket = await open();
    const all = readAll(socket, (text) => responses(text).length === requests.length);
    // One write: every request is in the server's buffer before the first is answered.
    socket.write(requests.join(""));
    const answers = responses(await all);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 404, 200, 404]);
    expect(JSON.parse(answers[1]?.body ?? "")).toMatchObject({ id: "p1", attributes: { plan: "a" } });
    expect(JSON.parse(answers[3]?.body ?? "")).toMatchObject({ id: "p1", attributes: { plan: "b" } });
    expect(JSON.parse(answers[4]?.body ?? "")).toMatchObject({ id: "p1", deleted: true });
  });
});

describe("header fields as they arrive on the socket", () => {
  it("a repeated Authorization or Content-Type field is read joined with ', ', as fetch's Headers read it", async () => {
    const put = (extra: string[]) => {
      const text = JSON.stringify({ plan: "a" });
      const lines = [`PUT /api/v1/customers/h1 HTTP/1.1`, "Host: 127.0.0.1", ...extra];
      return [...lines, `Content-Length: ${Buffer.byteLength(text)}`, "Connection: close", "", text].join("\r\n");
    };
    const send = async (request: string) => {
      const socket = await open();
      const all = readAll(socket, (text) => responses(text).length === 1);
      socket.write(request);
      return responses(await all)[0]?.status;
    };
    /** The same fields through sim.fetch, whose WHATWG Headers join repeated fields. */
    const inProcess = async (fields: [string, string][]) => {
      const headers = new Headers();
      for (const [name, value] of fields) headers.append(name, value);
      const url = `${served.url}/api/v1/customers/h1`;
      const reply = await served.simulator.fetch(new Request(url, { method: "PUT", headers, body: '{"plan":"a"}' }));
      return reply.status;
    };
    const json: [string, string] = ["Content-Type", "application/json"];
    const cases: [string, string][][] = [
      [["authorization", auth], json],
      [["Authorization", auth], ["AUTHORIZATION", auth], json],
      [["Authorization", auth], json, ["content-type", "text/plain"]],
    ];
    const statuses = [];
    for (const fields of cases) {
      const status = await send(put(fields.map(([name, value]) => `${name}: ${value}`)));
      expect(status).toBe(await inProcess(fields));
      statuses.push(status);
    }
    // Joined, the credentials are no longer one Basic value, and the type is no longer application/json.
    expect(statuses).toEqual([200, 401, 400]);
  });
});
