/**
 * The conformance command and the library over real sockets: exit codes, reporters, targets reached over HTTP,
 * and what happens without an observer.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConformance } from "../../conformance/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerCredentials } from "../support/secrets.js";
import { against, cli, serveStateless } from "./support.js";

const SECRET = "conformance-secret-key-77";
registerCredentials("sim-site", SECRET);

let served: ServedSimulator;
let stateless: Awaited<ReturnType<typeof serveStateless>>;
let statelessUrl: string;

beforeAll(async () => {
  served = await serveSimulator({ port: 0, apiKey: SECRET });
  stateless = await serveStateless();
  statelessUrl = stateless.url;
});

afterAll(async () => {
  await served.close();
  await stateless.close();
});

describe("cio-customers conformance (the real binary)", () => {
  it("against the embedded simulator: prints the table and exits 0", async () => {
    const { code, stdout } = await cli(["conformance", "--seed", "3", "--runs", "5"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^check\s+clause \/ spec element\s+result$/m);
    expect(stdout).toMatch(/^behaviour\.C8\.unknown-or-deleted-cio-dropped\s+C8\s+pass$/m);
    expect(stdout).toMatch(/checks: \d+ passed, 0 failed, 1 skipped/);
    expect(stdout).toMatch(/^1 check skipped: it demands a refusal only this project's lint supports/m);
    const strict = await cli(["conformance", "--seed", "3", "--runs", "5", "--strict", "--only", "wire."]);
    expect(strict.code).toBe(0);
    expect(strict.stdout).toMatch(/^wire\.rejects-wrong-types\s+C18 C20 C22\s+pass$/m);
    expect(strict.stdout).toMatch(/checks: \d+ passed, 0 failed, 0 skipped/);
  });

  it("--reporter junit --out writes a valid JUnit file, one test case per check", async () => {
    const folder = mkdtempSync(join(tmpdir(), "cio-junit-"));
    const out = join(folder, "report.xml");
    const { code } = await cli(["conformance", "--seed", "3", "--runs", "5", "--reporter", "junit", "--out", out]);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    rmSync(folder, { recursive: true, force: true });
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; testcase: { name: string }[] }[] };
    };
    const cases = doc.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases.length).toBe(Number(doc.testsuites.tests));
    expect(doc.testsuites.failures).toBe("0");
    expect(cases.map((c) => c.name)).toContain("behaviour.C3.adopt-path-identifier");
  });

  it("against a served simulator over HTTP, credentials from the environment: observer found, never prints the key", async () => {
    const { code, stdout, stderr } = await cli(
      ["conformance", "--target", served.url, "--seed", "4", "--runs", "5", "--only", "wire.,C3,C8"],
      {
        CIO_SITE_ID: served.simulator.siteId,
        CIO_API_KEY: SECRET,
      },
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/behaviour\.C3\.adopt-path-identifier\s+C3\s+pass/);
    expect(stdout + stderr).not.toContain(SECRET);
  });

  it("a failing target exits 1 and shows the request, the response and what was expected; never the key", async () => {
    const { code, stdout } = await cli([
      ...against("--target", statelessUrl, "s", SECRET),
      "--seed",
      "5",
      "--runs",
      "3",
      "--reporter",
      "human",
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ wire\.requires-credentials/);
    expect(stdout).toMatch(/expected: 401/);
    expect(stdout).toMatch(/request: {2}PUT http:\/\/127\.0\.0\.1:\d+\/api\/v1\/customers\//);
    expect(stdout).toMatch(/authorization: Basic \[redacted\]/);
    expect(stdout).toMatch(/^24 checks skipped: the target offers no observer/m);
    expect(stdout).not.toContain(SECRET);
    expect(stdout).not.toContain(Buffer.from(`s:${SECRET}`).toString("base64"));
  });

  it("an unreachable target exits 2 with a clear message", async () => {
    const { code, stderr } = await cli([...against("--target", "http://127.0.0.1:9", "s", "k")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9.*Is the server running\?/);
  });

  it("refused credentials exit 2 with a clear message", async () => {
    const { code, stderr } = await cli([...against("--target", served.url, "sim-site", "wrong")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/refused the credentials \(HTTP 401\)/);
    expect(stderr).not.toContain("wrong");
  });

  it.each([
    [["conformance", "--reporter", "xml"], /--reporter must be human, json or junit/],
    [["conformance", "--seed", "abc"], /--seed must be a whole number/],
    [["conformance", "--bogus"], /unknown option --bogus/],
    [["conformance", "--target", "http://127.0.0.1:9"], /needs credentials/],
    [["conformance", "--only", "Z99"], /matches no check/],
    [["nope"], /unknown command "nope"/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const { code, stderr } = await cli(args, { CIO_SITE_ID: "", CIO_API_KEY: "" });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it("--help documents the options and exit codes", async () => {
    const { code, stdout } = await cli(["conformance", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--reporter NAME/);
    expect(stdout).toMatch(/Exit codes: 0/);
  });
});

describe("runConformance as a library", () => {
  it("JSON reports carry findings as data and the seed repeats a run", async () => {
    const a = await runConformance({
      seed: 99,
      runs: 5,
      only: ["client.generated-bodies", "wire.accepts-generated-bodies"],
    });
    const b = await runConformance({
      seed: 99,
      runs: 5,
      only: ["client.generated-bodies", "wire.accepts-generated-bodies"],
    });
    expect(a.seed).toBe(99);
    expect(a.results.map((r) => r.status)).toEqual(b.results.map((r) => r.status));
    expect(a.summary).toEqual({ passed: 2, failed: 0, skipped: 0, total: 2 });
  });
});
