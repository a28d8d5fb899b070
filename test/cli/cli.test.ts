/**
 * The command line through the real binary (a spawned process) against the simulator on a loopback socket.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerSecret } from "../support/secrets.js";
import { binaryArgs } from "./support.js";

const root = new URL("../..", import.meta.url).pathname;
const KEY = "cli-secret-key-31337";
registerSecret(KEY);
let served: ServedSimulator;
let dir: string;

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cio-customers …`; `onStdout`/`onStart` let a test act while it runs (send a signal). */
function cli(
  args: string[],
  env: Record<string, string> = {},
  during?: (child: ReturnType<typeof spawn>) => void,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...binaryArgs(), ...args], {
      cwd: root,
      env: {
        ...process.env,
        CIO_SITE_ID: served.simulator.siteId,
        CIO_API_KEY: KEY,
        CIO_BASE_URL: served.url,
        NO_COLOR: "1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    during?.(child);
  });
}

const expectNoKey = (ran: Ran) => {
  expect(ran.stdout + ran.stderr).not.toContain(KEY);
  expect(ran.stdout + ran.stderr).not.toContain(Buffer.from(`${served.simulator.siteId}:${KEY}`).toString("base64"));
};

/** Distinct Track API requests the simulator applied or logged, from its activity log. */
const requestsSeen = () =>
  new Set(
    served.simulator
      .activity()
      .map((entry) => entry.request)
      .filter((r) => r !== undefined),
  ).size;

beforeAll(async () => {
  served = await serveSimulator({ port: 0, apiKey: KEY });
});
afterAll(() => served.close());
beforeEach(() => {
  served.simulator.reset();
  dir = mkdtempSync(join(tmpdir(), "cio-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("identify and update", () => {
  it("identify --id with typed attributes, a topic, a relationship and created_at", async () => {
    const ran = await cli([
      "identify",
      "--id",
      "user-1",
      "--attr",
      "plan=premium",
      "--attr",
      "seats=3",
      "--attr",
      "zip=007",
      "--attr",
      "trial=false",
      "--json",
      'address={"city":"London"}',
      "--topic",
      "3=false",
      "--relate",
      "1:acme",
      "--created-at",
      "2023-11-14T22:13:20Z",
    ]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/^Identified: 200 from http:\/\/127\.0\.0\.1:\d+/);
    expectNoKey(ran);
    const person = served.simulator.person({ id: "user-1" });
    expect(person?.attributes).toMatchObject({
      plan: "premium",
      seats: 3,
      zip: "007",
      trial: false,
      address: { city: "London" },
    });
    expect(person?.topics).toEqual({ topic_3: false });
    expect(person?.relationships).toEqual([{ object_type_id: "1", object_id: "acme", attributes: {} }]);
    expect(person?.created_at).toBe(1700000000);
  });

  it("update --email for nobody creates nobody and logs a Failed Attribute Change (C23, C24)", async () => {
    const ran = await cli(["update", "--email", "nobody@example.com", "--attr", "plan=x"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(
      /^Sent with _update: true; http:\/\/127\.0\.0\.1:\d+ answered 200\. .*nobody is created if they do not\.\n$/,
    );
    expect(served.simulator.people()).toEqual([]);
    expect(served.simulator.activity().map((e) => e.type)).toContain("failed_attribute_change");
  });

  it("identify --cio-id adds the prefix and can change identifiers (C7)", async () => {
    const [seeded] = served.simulator.seed([{ id: "old", email: "old@example.com" }]);
    const ran = await cli([
      "identify",
      "--cio-id",
      seeded!.cio_id,
      "--attr",
      "id=new",
      "--attr",
      "email=new@example.com",
    ]);
    expect(ran.code).toBe(0);
    expect(served.simulator.person({ cioId: seeded!.cio_id })).toMatchObject({ id: "new", email: "new@example.com" });
  });

  it("bad input exits 2, names the field and sends nothing", async () => {
    const ran = await cli(["identify", "--id", "u", "--created-at", "1700000000000"]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(/attributes\.created_at.*milliseconds/);
    expect(requestsSeen()).toBe(0);
  });

  it.each([
    [["identify"], /exactly one of --id, --email or --cio-id/],
    [["identify", "--id", "u", "--attr", "novalue"], /--attr takes key=value/],
    [["identify", "--id", "u", "--topic", "3=maybe"], /takes true or false/],
    [["identify", "--id", "u", "--relate", "acme"], /--relate takes TYPE:ID/],
    [["identify", "--id", "u", "--region", "ap"], /--region must be us, eu or auto/],
    [["identify", "--id", "u", "--bogus"], /unknown option --bogus/],
  ])("usage errors exit 2: %j", async (args, message) => {
    const ran = await cli(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(message);
  });

  it("missing credentials exit 2; a refused key exits 1 without echoing it", async () => {
    const missing = await cli(["identify", "--id", "u"], { CIO_API_KEY: "" });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/API key is required/);
    const refused = await cli(["identify", "--id", "u", "--api-key", `${KEY}-wrong`]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/answered 401/);
    expectNoKey(refused);
  });

  it("--help for every command", async () => {
    for (const command of ["identify", "update", "import", "conformance", "simulate"]) {
      const ran = await cli([command, "--help"]);
      expect(ran.code, command).toBe(0);
      expect(ran.stdout, command).toMatch(new RegExp(`Usage: cio-customers ${command}`));
    }
    const top = await cli(["--help"]);
    expect(top.stdout).toMatch(/Commands:[\s\S]*import[\s\S]*Exit codes/);
  });
});

describe("import", () => {
  it("NDJSON: streams every record, keeps per-person order, and writes refused records to the rejects file", async () => {
    const lines: string[] = [];
    for (let i = 1; i <= 40; i++)
      lines.push(JSON.stringify({ id: `p${i}`, email: `p${i}@example.com`, plan: "basic" }));
    lines.push(JSON.stringify({ id: "p7", plan: "second" })); // record 41: the same person again, later in the file
    lines.push(JSON.stringify({ id: "p7", plan: "third" })); // record 42
    lines.push("{not json"); // record 43
    lines.push(JSON.stringify({ plan: "nobody" })); // record 44: no identifier
    lines.push(JSON.stringify({ id: "p45", created_at: 1700000000000 })); // record 45: milliseconds
    const file = join(dir, "people.ndjson");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const ran = await cli(["import", file, "--rate", "0", "--concurrency", "8"]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/45 records read: 42 accepted, 3 refused .*, 0 not sent/);
    expectNoKey(ran);
    expect(served.simulator.people()).toHaveLength(40);
    expect(served.simulator.person({ id: "p7" })?.attributes["plan"]).toBe("third");
    const rejects = readFileSync(`${file}.rejects.ndjson`, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { row: number; reason: string; field?: string });
    expect(rejects.map((r) => r.row).sort((a, b) => a - b)).toEqual([43, 44, 45]);
    expect(rejects.find((r) => r.row === 45)?.field).toBe("attributes.created_at");
    expect(readFileSync(`${file}.rejects.ndjson`, "utf8")).not.toContain("p45");
  });

  it("CSV with an email column: typed cells, empty cells left out, --update never creates", async () => {
    served.simulator.seed([{ email: "known@example.com", attributes: { plan: "basic", city: "Paris" } }]);
    const file = join(dir, "people.csv");
    writeFileSync(
      file,
      "email,plan,seats,city,cio_subscription_preferences.topics.topic_2\nknown@example.com,premium,5,,true\nunknown@example.com,basic,1,Rome,false\n",
    );
    const ran = await cli(["import", file, "--update", "--identifier", "email", "--rate", "0"]);
    expect(ran.code).toBe(0);
    expect(served.simulator.people()).toHaveLength(1);
    expect(served.simulator.person({ email: "known@example.com" })).toMatchObject({
      attributes: { plan: "premium", seats: 5, city: "Paris" },
      topics: { topic_2: true },
    });
  });

  it("--dry-run validates every record and sends nothing", async () => {
    const file = join(dir, "dry.ndjson");
    writeFileSync(file, `${JSON.stringify({ id: "a" })}\n${JSON.stringify({ id: "b", bio: "x".repeat(1001) })}\n`);
    const ran = await cli(["import", file, "--dry-run"], { CIO_API_KEY: "", CIO_SITE_ID: "" });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/Dry run .* 2 records read: 1 valid, 1 invalid/);
    expect(requestsSeen()).toBe(0);
  });

  it("Ctrl-C stops cleanly and writes the checkpoint; --resume finishes without resending a finished record", async () => {
    const file = join(dir, "big.ndjson");
    const total = 60;
    writeFileSync(
      file,
      Array.from({ length: total }, (_, i) => JSON.stringify({ id: `r${i + 1}`, n: i + 1 })).join("\n"),
    );
    const first = await cli(["import", file, "--rate", "40", "--concurrency", "2"], {}, (child) => {
      const poll = setInterval(() => {
        if (requestsSeen() >= 10) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 5);
    });
    expect(first.code).toBe(130);
    expect(first.stdout).toMatch(/--resume/);
    expect(existsSync(`${file}.checkpoint`)).toBe(true);
    const afterFirst = requestsSeen();
    expect(afterFirst).toBeGreaterThanOrEqual(10);
    expect(afterFirst).toBeLessThan(total);

    const again = await cli(["import", file, "--rate", "0"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/a checkpoint exists/);

    const second = await cli(["import", file, "--resume", "--rate", "0"]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(new RegExp(`${afterFirst} already settled before --resume`));
    expect(served.simulator.people()).toHaveLength(total);
    // Every record reached the server exactly once across both runs.
    expect(requestsSeen()).toBe(total);
    expect(served.simulator.activity().filter((e) => e.type === "attributes_updated")).toHaveLength(0);
  });
});
