/**
 * `cio-customers import` against the simulator on a loopback socket: what each record ends as (accepted, refused,
 * not sent), the checkpoint and --resume, strict input, output paths and file errors. Most cases run the command's
 * `main` in-process with captured I/O (the code the binary runs, without a process start per case); credentials,
 * stdin and eventual processing go through the binary itself, as does test/package.test.ts on the built package.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { registerSecret } from "../support/secrets.js";
import { NODE_NOISE, runBinary, type Ran } from "./support.js";

const KEY = "import-secret-key-4242";
const WRONG = "import-wrong-key-1717";
registerSecret(KEY);
registerSecret(WRONG);
let served: ServedSimulator;
let dir: string;

const envOf = (env: Record<string, string>) => ({
  CIO_SITE_ID: served.simulator.siteId,
  CIO_API_KEY: KEY,
  CIO_BASE_URL: served.url,
  ...env,
});

/** The command in-process: `main` with the environment given and captured output. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  const captured = memoryIo({ env: envOf(env) });
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** The binary as a child process, with stdin piped in when given. */
const binary = (args: string[], env: Record<string, string> = {}, stdin?: string) =>
  runBinary(args, envOf(env), stdin === undefined ? {} : { stdin });

/** Every run: no key, no stack trace, no Node warning. */
function clean(ran: Ran): Ran {
  expect(ran.stdout + ran.stderr).not.toContain(KEY);
  expect(ran.stdout + ran.stderr).not.toContain(WRONG);
  expect(ran.stderr).not.toMatch(NODE_NOISE);
  return ran;
}

const rejectsOf = (path: string) =>
  readFileSync(path, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { row: number; reason: string; field?: string; status?: number });

beforeAll(async () => {
  served = await serveSimulator({ port: 0, apiKey: KEY });
});
afterAll(() => served.close());
beforeEach(() => {
  served.simulator.reset();
  dir = mkdtempSync(join(tmpdir(), "cio-import-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("outcomes and --resume", () => {
  it("a wrong key stops at once with exit 2 and one line; after fixing it, --resume sends every record", async () => {
    const file = join(dir, "people.csv");
    const total = 300;
    writeFileSync(file, `id,n\n${Array.from({ length: total }, (_, i) => `w${i + 1},${i + 1}`).join("\n")}\n`);
    const wrong = clean(await binary(["import", file, "--rate", "0"], { CIO_API_KEY: WRONG }));
    expect(wrong.code).toBe(2);
    const lines = wrong.stderr
      .trim()
      .split("\n")
      .filter((l) => l.startsWith("cio-customers import:"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/refused the credentials \(HTTP 401\).*--resume/);
    // Stopped at once: at most the requests already in flight were sent.
    expect(Number(/(\d+) records read/.exec(wrong.stdout)?.[1])).toBeLessThanOrEqual(32);
    expect(existsSync(`${file}.rejects.ndjson`)).toBe(false);
    expect(served.simulator.people()).toEqual([]);

    const fixed = clean(await binary(["import", file, "--rate", "0", "--resume"]));
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(new RegExp(`${total} records read: ${total} accepted, 0 refused, 0 not sent`));
    expect(served.simulator.people()).toHaveLength(total);
  });

  it("failures that may pass are not settled: reported as not sent (exit 1), and --resume sends them again", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(file, ["a", "b", "c"].map((id) => JSON.stringify({ id })).join("\n"));
    // The first record's call and all its retries get 503.
    served.simulator.injectFault({ kind: "status", status: 503, times: 4 });
    const first = clean(await cli(["import", file, "--rate", "0", "--concurrency", "1"]));
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/3 records read: 2 accepted, 0 refused, 1 not sent/);
    expect(first.stderr).toMatch(/1 records were not sent \(HTTP 503\).*--resume sends them again/);
    expect(served.simulator.person({ id: "a" })).toBeUndefined();
    const again = clean(await cli(["import", file, "--rate", "0", "--resume"]));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /3 records read: 1 accepted, 0 refused, 0 not sent, 2 already settled before --resume/,
    );
    expect(served.simulator.person({ id: "a" })).toBeDefined();
  });

  it("records refused for their content are settled as refused, listed in the rejects file, and not resent", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(
      file,
      [JSON.stringify({ id: "ok" }), JSON.stringify({ id: "bad", created_at: 1700000000000 })].join("\n"),
    );
    const first = clean(await cli(["import", file, "--rate", "0"]));
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 records read: 1 accepted, 1 refused \(see .*rejects\.ndjson\), 0 not sent/);
    expect(rejectsOf(`${file}.rejects.ndjson`)).toEqual([
      expect.objectContaining({ row: 2, field: "attributes.created_at" }),
    ]);
    expect(readFileSync(`${file}.checkpoint`, "utf8").split("\n").slice(1).sort()).toEqual([
      "",
      "1 accepted",
      "2 refused",
    ]);
    const again = clean(await cli(["import", file, "--rate", "0", "--resume"]));
    expect(again.stdout).toMatch(/0 accepted, 0 refused, 0 not sent, 2 already settled/);
  });
});

describe("stops and checkpoints", () => {
  it("a redirect the client will not follow stops the import at once, like refused credentials", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(file, ["x1", "x2", "x3"].map((id) => JSON.stringify({ id })).join("\n"));
    served.simulator.injectFault({ kind: "redirect", to: "https://elsewhere.example" });
    const ran = clean(await cli(["import", file, "--rate", "0", "--concurrency", "1"]));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/^cio-customers import: stopped: .*redirected.*--resume sends it again once fixed\.\n$/);
    expect(ran.stdout).toMatch(/1 records read: 0 accepted, 0 refused, 1 not sent/);
  });

  it("--resume refuses the checkpoint of a file that has changed since", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(file, JSON.stringify({ id: "c1" }));
    expect(clean(await cli(["import", file, "--rate", "0"])).code).toBe(0);
    writeFileSync(file, `${JSON.stringify({ id: "c1" })}\n${JSON.stringify({ id: "c2" })}\n`);
    const ran = clean(await cli(["import", file, "--rate", "0", "--resume"]));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/--resume: .*checkpoint belongs to another import/);
  });
});

describe("strict input", () => {
  it("a ragged CSV row is refused with its row number and both counts; the others go in unshifted", async () => {
    const file = join(dir, "people.csv");
    writeFileSync(file, "id,name,n\nrag-1,Smith, John,1\nok-2,Ann,2\nshort-3,Bo\n");
    const ran = clean(await cli(["import", file, "--rate", "0"]));
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/3 records read: 1 accepted, 2 refused/);
    expect(rejectsOf(`${file}.rejects.ndjson`)).toEqual([
      { row: 1, reason: "the row has 4 cells but the header names 3 columns" },
      { row: 3, reason: "the row has 2 cells but the header names 3 columns" },
    ]);
    expect(served.simulator.person({ id: "rag-1" })).toBeUndefined();
    expect(served.simulator.person({ id: "ok-2" })?.attributes).toEqual({ name: "Ann", n: 2 });
  });

  it.each([
    ["email,n,email\na@example.com,1,b@example.com\n", /the CSV header names "email" twice \(columns 1 and 3\)/],
    ["id,,n\nu1,x,1\n", /the CSV header leaves column 2 unnamed/],
  ])("a bad header is a usage error before anything is sent: %j", async (text, message) => {
    const file = join(dir, "people.csv");
    writeFileSync(file, text);
    const ran = clean(await cli(["import", file, "--rate", "0"]));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(message);
    expect(ran.stderr).toMatch(/Run cio-customers import --help/);
    expect(served.simulator.stats().received).toBe(0);
    expect(existsSync(`${file}.checkpoint`)).toBe(false);
  });

  it("an unknown extension is a usage error unless --format names the format", async () => {
    const file = join(dir, "people.txt");
    writeFileSync(file, "id,n\nt1,1\n");
    const refused = clean(await cli(["import", file, "--rate", "0"]));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot tell the format of .*people\.txt.*--format csv/);
    const given = clean(await cli(["import", file, "--rate", "0", "--format", "csv"]));
    expect(given.code).toBe(0);
    expect(served.simulator.person({ id: "t1" })?.attributes).toEqual({ n: 1 });
  });

  it("a byte order mark is skipped in NDJSON and CSV", async () => {
    writeFileSync(join(dir, "bom.ndjson"), `\uFEFF${JSON.stringify({ id: "b1" })}\n`);
    writeFileSync(join(dir, "bom.csv"), "\uFEFFid,n\nb2,2\n");
    expect(clean(await cli(["import", join(dir, "bom.ndjson"), "--rate", "0"])).code).toBe(0);
    expect(clean(await cli(["import", join(dir, "bom.csv"), "--rate", "0"])).code).toBe(0);
    expect(served.simulator.person({ id: "b1" })).toBeDefined();
    expect(served.simulator.person({ id: "b2" })?.attributes).toEqual({ n: 2 });
  });

  it("import - reads stdin, with --format", async () => {
    const rejects = join(dir, "out", "stdin.rejects.ndjson");
    const ran = clean(
      await binary(
        ["import", "-", "--format", "ndjson", "--rate", "0", "--rejects", rejects],
        {},
        `${JSON.stringify({ id: "s1" })}\n{oops\n`,
      ),
    );
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/Import of stdin: 2 records read: 1 accepted, 1 refused/);
    expect(rejectsOf(rejects)).toEqual([{ row: 2, reason: "the line is not valid JSON" }]);
    const noFormat = clean(await binary(["import", "-", "--rate", "0"], {}, ""));
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toMatch(/stdin \(-\) needs --format/);
  });

  it("ISO 8601 dates in created_at and _timestamp cells become Unix seconds, as --created-at does; other values are refused", async () => {
    const file = join(dir, "dates.csv");
    writeFileSync(
      file,
      "id,created_at\nd1,2023-11-14T22:13:20Z\nd2,2023-11-14T23:13:20+01:00\nd3,1700000000\nd4,yesterday\nd5,2023-11-14T22:13:20\nd6,2023-02-30\n",
    );
    const ran = clean(await cli(["import", file, "--rate", "0"]));
    expect(ran.stdout).toMatch(/6 records read: 3 accepted, 3 refused/);
    for (const id of ["d1", "d2", "d3"]) expect(served.simulator.person({ id })?.created_at, id).toBe(1700000000);
    const reasons = rejectsOf(`${file}.rejects.ndjson`);
    expect(reasons.map((r) => [r.row, r.field])).toEqual([
      [4, "attributes.created_at"],
      [5, "attributes.created_at"],
      [6, "attributes.created_at"],
    ]);
    expect(reasons[0]?.reason).toMatch(/created_at must be Unix seconds or an ISO 8601 date/);
    expect(reasons[1]?.reason).toMatch(/created_at needs a time zone/);
    expect(reasons[2]?.reason).toMatch(/created_at is not a real date/);
    const flag = clean(await cli(["identify", "--id", "d7", "--created-at", "2023-11-14T22:13:20"]));
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--created-at needs a time zone/);
  });
});

describe("paths and file errors", () => {
  it("--rejects and --checkpoint get their parent folders created", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(file, `${JSON.stringify({ id: "p1" })}\n{bad\n`);
    const rejects = join(dir, "a", "b", "rejects.ndjson");
    const checkpoint = join(dir, "c", "d", "run.checkpoint");
    const ran = clean(await cli(["import", file, "--rate", "0", "--rejects", rejects, "--checkpoint", checkpoint]));
    expect(ran.code).toBe(1);
    expect(rejectsOf(rejects)).toHaveLength(1);
    expect(readFileSync(checkpoint, "utf8")).toMatch(/^\{"version":2/);
  });

  it.each([
    [
      "a missing input",
      (d: string) => ["import", join(d, "nope.csv")],
      /cannot open .*nope\.csv: no such file or folder/,
    ],
    ["a folder as input", (d: string) => ["import", d, "--format", "csv"], /is a folder, not a file/],
    [
      "rejects under a file",
      (d: string) => ["import", join(d, "in.ndjson"), "--rejects", join(d, "in.ndjson", "r.ndjson")],
      /cannot write .*in\.ndjson: is a file, not a folder/,
    ],
    ["rejects that is a folder", (d: string) => ["import", join(d, "in.ndjson"), "--rejects", d], /is a folder/],
    [
      "checkpoint under a file",
      (d: string) => ["import", join(d, "in.ndjson"), "--checkpoint", join(d, "in.ndjson", "c")],
      /cannot write .*in\.ndjson: is a file, not a folder/,
    ],
  ])("%s: one line on stderr, exit 2, nothing sent", async (_name, args, message) => {
    writeFileSync(join(dir, "in.ndjson"), `${JSON.stringify({ id: "x" })}\n`);
    const ran = clean(await cli([...args(dir), "--rate", "0"]));
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split("\n")).toHaveLength(1);
    expect(ran.stderr).toMatch(message);
    expect(served.simulator.stats().received).toBe(0);
  });
});

describe("repeated people", () => {
  it("a record for a person already sent in this run goes with _update: true", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(
      file,
      [{ id: "r1", plan: "a" }, { id: "r2" }, { id: "r1", plan: "b" }, { id: "r1", plan: "c" }]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const ran = clean(await cli(["import", file, "--rate", "0"]));
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/2 records named a person sent earlier in this run and went with _update: true/);
    expect(served.simulator.person({ id: "r1" })?.attributes["plan"]).toBe("c");
    expect(served.simulator.people()).toHaveLength(2);
    const sent = served.simulator
      .requests()
      .map((r) => [r.path, (JSON.parse(r.body ?? "{}") as { _update?: boolean })._update ?? false]);
    expect(sent).toEqual([
      ["/api/v1/customers/r1", false],
      ["/api/v1/customers/r2", false],
      ["/api/v1/customers/r1", true],
      ["/api/v1/customers/r1", true],
    ]);
  });

  it("--no-stamp sends bodies without the _timestamp the client adds by default", async () => {
    const file = join(dir, "people.ndjson");
    writeFileSync(file, JSON.stringify({ id: "s1", plan: "a" }));
    const stamped = clean(await cli(["import", file, "--rate", "0"]));
    expect(stamped.code).toBe(0);
    rmSync(`${file}.checkpoint`);
    const plain = clean(await cli(["import", file, "--rate", "0", "--no-stamp"]));
    expect(plain.code).toBe(0);
    const bodies = served.simulator.requests().map((r) => JSON.parse(r.body ?? "{}") as Record<string, unknown>);
    expect(bodies).toHaveLength(2);
    expect(typeof bodies[0]?.["_timestamp"]).toBe("number");
    expect(bodies[1]).toEqual({ plan: "a" });
  });
});

describe("repeated people against eventual processing", () => {
  it("two identify calls for one new person processed together create two profiles; the import's create one", async () => {
    // Calls are answered at once and applied later in groups, each call of a group decided against the same state,
    // as the seed describes Customer.io's queue.
    const eventual = await serveSimulator({
      port: 0,
      apiKey: KEY,
      processing: "eventual",
      eventual: { delayMs: Infinity, workers: 4 },
    });
    try {
      const client = createCustomersClient({ siteId: eventual.simulator.siteId, apiKey: KEY, baseUrl: eventual.url });
      await client.identify({ id: "twice" }, { plan: "a" });
      await client.identify({ id: "twice" }, { plan: "b" });
      eventual.simulator.settle();
      expect(eventual.simulator.people().filter((p) => p.id === "twice")).toHaveLength(2);

      eventual.simulator.reset();
      const file = join(dir, "people.ndjson");
      writeFileSync(
        file,
        [{ id: "r1", plan: "a" }, { id: "r2" }, { id: "r1", plan: "b" }].map((r) => JSON.stringify(r)).join("\n"),
      );
      const ran = clean(
        await runBinary(["import", file, "--rate", "0"], {
          CIO_SITE_ID: eventual.simulator.siteId,
          CIO_API_KEY: KEY,
          CIO_BASE_URL: eventual.url,
        }),
      );
      expect(ran.code).toBe(0);
      eventual.simulator.settle();
      expect(eventual.simulator.people().filter((p) => p.id === "r1")).toHaveLength(1);
      expect(eventual.simulator.people()).toHaveLength(2);
    } finally {
      await eventual.close();
    }
  });
});
