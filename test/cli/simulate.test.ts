/**
 * `cio-customers simulate`: in-process with captured I/O, and as the real binary stopped by SIGTERM.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { registerCredentials } from "../support/secrets.js";
import { binaryArgs } from "./support.js";

registerCredentials("my-site", "my-key");
registerCredentials("sim-site", "sim-key");
const root = new URL("../..", import.meta.url).pathname;
const basicAuth = (site: string, key: string) => `Basic ${Buffer.from(`${site}:${key}`).toString("base64")}`;

describe("cio-customers simulate", () => {
  it("--help prints the usage on stdout and exits 0", async () => {
    const run = memoryIo();
    expect(await main(["simulate", "--help"], run.io)).toBe(0);
    expect(run.stdout()).toContain("--workspace-identified-by MODE");
    expect(run.stderr()).toBe("");
  });

  it.each([
    [["--port", "http"], /--port must be a whole number from 0 to 65535, not "http"/],
    [["--port", "70000"], /--port must be a whole number from 0 to 65535, not "70000"/],
    [["--port", "-1"], /--port must be a whole number from 0 to 65535, not "-1"/],
    [["--workspace-identified-by", "phone"], /--workspace-identified-by must be email_or_id or id/],
    [["--body-identifier-precedence", "phone"], /--body-identifier-precedence must be id or email, not "phone"/],
    [["--deleted-anonymous-ids", "kept"], /--deleted-anonymous-ids must be reserved or released, not "kept"/],
    [["--frobnicate"], /unknown option --frobnicate/],
    [["--prot", "1"], /unknown option --prot \(did you mean --port\?\)/],
    [["extra"], /unexpected argument "extra"/],
  ])("usage error %j: one line on stderr, a pointer to --help, exit 2", async (args, message) => {
    const run = memoryIo();
    expect(await main(["simulate", ...args], run.io)).toBe(2);
    const lines = run.stderr().trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^cio-customers simulate: /);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe("Run cio-customers simulate --help for the options.");
    expect(run.stdout()).toBe("");
  });

  it("a port in use exits 1 with one line", async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, "127.0.0.1", done));
    const address = busy.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const run = memoryIo();
    expect(await main(["simulate", "--port", String(port)], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/^cio-customers simulate: cannot listen on 127\.0\.0\.1:\d+: .*\n$/);
    await new Promise((done) => busy.close(done));
  });

  it("serves with the given options, prints URL and credentials, and stops with 0 when told to", async () => {
    const controller = new AbortController();
    const run = memoryIo({ signal: controller.signal });
    const running = main(
      [
        "simulate",
        "--port",
        "0",
        "--site-id",
        "my-site",
        "--api-key",
        "my-key",
        "--workspace-identified-by",
        "id",
        "--allow-email-updates-by-id",
        "--body-identifier-precedence",
        "email",
        "--path-replaces-set-identifier",
        "--deleted-anonymous-ids",
        "released",
      ],
      run.io,
    );
    let url: string | undefined;
    while (url === undefined) {
      await new Promise((done) => setTimeout(done, 5));
      url = /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1];
    }
    expect(run.stdout()).toContain("site ID:    my-site");
    expect(run.stdout()).toContain("API key:    my-key");
    const settings = await fetch(`${url}/__simulator/settings`, {
      headers: { authorization: basicAuth("my-site", "my-key") },
    });
    expect(await settings.json()).toEqual({
      identifiedBy: "id",
      allowEmailUpdatesById: true,
      bodyIdentifierPrecedence: "email",
      pathReplacesSetIdentifier: true,
      deletedAnonymousIds: "released",
    });
    controller.abort();
    expect(await running).toBe(0);
    expect(run.stdout()).toContain("Simulator stopped.");
  });

  it("--strict and --processing eventual: lint refusals on, calls answered at once and applied on settle", async () => {
    const controller = new AbortController();
    const run = memoryIo({ signal: controller.signal });
    const running = main(
      [
        "simulate",
        "--port",
        "0",
        "--strict",
        "--processing",
        "eventual",
        "--settle-delay-ms",
        "3600000",
        "--workers",
        "2",
      ],
      run.io,
    );
    let url: string | undefined;
    while (url === undefined) {
      await new Promise((done) => setTimeout(done, 5));
      url = /listening on (http:\/\/\S+)/.exec(run.stdout())?.[1];
    }
    const headers = { authorization: basicAuth("sim-site", "sim-key"), "content-type": "application/json" };
    const put = (body: unknown) =>
      fetch(`${url}/api/v1/customers/u1`, { method: "PUT", headers, body: JSON.stringify(body) });
    expect((await put({ id: 42 })).status).toBe(400);
    expect((await put({ plan: "a" })).status).toBe(200);
    expect((await put({ plan: "b" })).status).toBe(200);
    const settled = await fetch(`${url}/__simulator/settle`, { method: "POST", headers });
    expect(await settled.json()).toEqual({ applied: 2, pending: 0 });
    const people = (await (await fetch(`${url}/__simulator/people`, { headers })).json()) as { people: unknown[] };
    expect(people.people).toHaveLength(2);
    controller.abort();
    expect(await running).toBe(0);
  });

  it.each([
    [["--processing", "later"], /--processing must be immediate or eventual/],
    [["--workers", "0"], /--workers must be a whole number/],
  ])("usage error %j", async (args, message) => {
    const run = memoryIo();
    expect(await main(["simulate", ...args], run.io)).toBe(2);
    expect(run.stderr()).toMatch(message);
  });

  it("the binary (as npm run simulate runs it) prints its URL and exits 0 on SIGTERM", async () => {
    const child = spawn(process.execPath, [...binaryArgs(), "simulate", "--port", "0"], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    const url = await new Promise<string>((done, fail) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) done(match[1]);
      });
      void exited.then((code) => fail(new Error(`exited early with ${String(code)}: ${stderr}`)));
    });
    const response = await fetch(`${url}/api/v1/customers/u1`, {
      method: "PUT",
      headers: { authorization: basicAuth("sim-site", "sim-key"), "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(200);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stdout).toContain("Simulator stopped.");
    expect(stderr).toBe("");
  });
});
