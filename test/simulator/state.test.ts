/**
 * The state file: what a restart keeps, how a bad file is refused, and that a crash while writing (kill -9 of the
 * real binary, caught in the middle of a write) never leaves a file that does not load.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { buildSimulator } from "../../src/simulator/core.js";
import { StateFile, StateFileError, STATE_FORMAT } from "../../src/simulator/state.js";
import { registerCredentials } from "../support/secrets.js";
import { basicAuth } from "./support.js";
import { binaryArgs } from "../cli/support.js";

registerCredentials("sim-site", "sim-key");
const auth = basicAuth("sim-site", "sim-key");
const root = new URL("../..", import.meta.url).pathname;
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cio-sim-state-"));
  file = join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function put(url: string, identifier: string, body: unknown): Promise<number> {
  const response = await fetch(`${url}/api/v1/customers/${encodeURIComponent(identifier)}`, {
    method: "PUT",
    headers: { authorization: auth, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

/** Waits until `check` holds, polling; the test's own timeout bounds it. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("serveSimulator({ state })", () => {
  it("a restart keeps people (deleted ones too), their details, settings, objects, the cio_id counter and the activity numbering", async () => {
    let served: ServedSimulator = await serveSimulator({ port: 0, state: file });
    const sim = served.simulator;
    expect(sim.people({ includeDeleted: true })).toEqual([]);
    const created = await put(served.url, "ada", {
      email: "Ada@Example.com",
      anonymous_id: "anon-1",
      created_at: 1_700_000_000,
      plan: "premium",
      tags: ["a", { b: 1 }],
      _timestamp: 1_700_000_100,
      cio_subscription_preferences: { topics: { topic_1: true } },
      cio_relationships: {
        action: "add_relationships",
        relationships: [
          { identifiers: { object_type_id: "1", object_id: "acme" }, relationship_attributes: { role: "admin" } },
        ],
      },
    });
    expect(created).toBe(200);
    expect(await put(served.url, "bob", { email: "bob@example.com", unsubscribed: true })).toBe(200);
    sim.deletePerson({ id: "bob" });
    await put(served.url, "ghost", { _update: true, plan: "x" });
    sim.updateSettings({ allowEmailUpdatesById: true });
    const before = {
      people: sim.people({ includeDeleted: true }),
      objects: sim.objects(),
      settings: sim.settings(),
      lastSeq: sim.activityPage().last_seq,
    };
    expect(before.people).toHaveLength(2);
    await served.close();
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ format: STATE_FORMAT, version: 1 });

    served = await serveSimulator({ port: 0, state: file });
    try {
      const again = served.simulator;
      expect(again.people({ includeDeleted: true })).toEqual(before.people);
      expect(again.objects()).toEqual(before.objects);
      expect(again.settings()).toEqual(before.settings);
      // Indexes are rebuilt: lookups by any identifier, and C16 still keeps anon-1 for ada.
      expect(again.person({ email: "ADA@example.com" })?.id).toBe("ada");
      expect(again.person({ id: "bob" })).toBeUndefined();
      expect(again.people({ q: "bob", includeDeleted: true })).toHaveLength(1);
      await put(served.url, "carol", { anonymous_id: "anon-1" });
      expect(again.person({ id: "carol" })?.anonymous_id).toBeUndefined();
      // A stale _timestamp still loses against the saved stamps.
      expect(await put(served.url, "ada", { plan: "old", _timestamp: 1_700_000_000 })).toBe(200);
      expect(again.person({ id: "ada" })?.attributes["plan"]).toBe("premium");
      // Numbering goes on: no cio_id and no seq is given twice.
      const carol = again.person({ id: "carol" });
      expect(before.people.map((p) => p.cio_id)).not.toContain(carol?.cio_id);
      expect(again.activity()[0]?.seq).toBe(before.lastSeq + 1);
    } finally {
      await served.close();
    }
  });

  it("eventual processing: calls accepted and not yet applied wait again after a restart, in order, and apply as they would have", async () => {
    const eventual = { processing: "eventual", eventual: { delayMs: Infinity } } as const;
    let served = await serveSimulator({ port: 0, state: file, ...eventual });
    expect(await put(served.url, "user-1", { plan: "basic" })).toBe(200);
    expect(await put(served.url, "user-1", JSON.parse('{"first_name":"Ada","__proto__":{"polluted":true}}'))).toBe(200);
    expect(served.simulator.pending()).toBe(2);
    await served.close();
    const saved = JSON.parse(readFileSync(file, "utf8")) as { pending: { identifier: string; body: unknown }[] };
    expect(saved.pending.map((call) => [call.identifier, call.body])).toEqual([
      ["user-1", { plan: "basic" }],
      ["user-1", { first_name: "Ada", ["__proto__"]: { polluted: true } }],
    ]);

    served = await serveSimulator({ port: 0, state: file, ...eventual });
    try {
      expect(served.simulator.people()).toEqual([]);
      expect(served.simulator.pending()).toBe(2);
      expect(served.simulator.settle()).toBe(2);
      // The same two calls in one window: the duplicate the restart must not hide.
      expect(served.simulator.people().map((person) => person.id)).toEqual(["user-1", "user-1"]);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    } finally {
      await served.close();
    }
    expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ pending: [] });
  });

  it("calls saved as waiting are applied at start by a simulator that processes immediately, and leave the file", async () => {
    let served = await serveSimulator({
      port: 0,
      state: file,
      processing: "eventual",
      eventual: { delayMs: Infinity },
    });
    await put(served.url, "user-1", { plan: "basic" });
    await served.close();
    served = await serveSimulator({ port: 0, state: file, stateDebounceMs: 10 });
    try {
      expect(served.simulator.person({ id: "user-1" })?.attributes).toEqual({ plan: "basic" });
      expect(served.simulator.activity()[0]).toMatchObject({ type: "person_created", received_at: expect.any(Number) });
      await until(() => (JSON.parse(readFileSync(file, "utf8")) as { pending: unknown[] }).pending.length === 0);
    } finally {
      await served.close();
    }
  });

  it("writes after a change without waiting for close, through a temporary file renamed over the target", async () => {
    const served = await serveSimulator({ port: 0, state: file, stateDebounceMs: 10 });
    try {
      await put(served.url, "u1", { plan: "a" });
      await until(() => existsSync(file) && readFileSync(file, "utf8").includes('"u1"'));
      served.simulator.reset();
      await until(() => !readFileSync(file, "utf8").includes('"u1"'));
      expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ people: [], cio_id_counter: 0, last_seq: 0 });
      expect(readdirSync(dir)).toEqual(["state.json"]);
    } finally {
      await served.close();
    }
  });

  it("writes after a change made in code, not over HTTP: an identify call through sim.fetch, a delete", async () => {
    const core = buildSimulator({ people: [{ id: "u1", attributes: { plan: "a" } }] });
    const state = StateFile.open(core, file, { debounceMs: 10 });
    const saved = () => (existsSync(file) ? readFileSync(file, "utf8") : "");
    try {
      const reply = await core.simulator.fetch(
        new Request("http://sim/api/v1/customers/u1", {
          method: "PUT",
          headers: { authorization: auth, "content-type": "application/json" },
          body: JSON.stringify({ plan: "b" }),
        }),
      );
      expect(reply.status).toBe(200);
      await until(() => saved().includes('"plan":"b"'));
      core.simulator.deletePerson({ id: "u1" });
      await until(() => saved().includes('"deleted":true'));
    } finally {
      await state.close();
    }
  });

  it("refuses a file it cannot load, naming the file and the problem, and starts nothing", async () => {
    const cases: [string, RegExp][] = [
      ["{", /is not valid JSON/],
      ['{"people":[]}', /is not a simulator state file/],
      [JSON.stringify({ format: STATE_FORMAT, version: 2 }), /has version 2/],
      [
        JSON.stringify({
          format: STATE_FORMAT,
          version: 1,
          settings: { identifiedBy: "id", allowEmailUpdatesById: false },
          cio_id_counter: 0,
          last_seq: 0,
          objects: [],
          people: [{ cio_id: "a" }, { cio_id: "a" }],
        }),
        /people\[1\]\.cio_id is held by an earlier person too/,
      ],
      [
        JSON.stringify({ format: STATE_FORMAT, version: 1, settings: { identifiedBy: "phone" } }),
        /settings: identifiedBy must be "email_or_id" or "id"/,
      ],
      [
        JSON.stringify({
          format: STATE_FORMAT,
          version: 1,
          settings: { identifiedBy: "id", allowEmailUpdatesById: false },
          cio_id_counter: 0,
          last_seq: 0,
          objects: [],
          pending: [{ identifier: "a", body: [], received_at: 0 }],
          people: [],
        }),
        /pending must be a list of \{ identifier, body, received_at \}/,
      ],
    ];
    for (const [text, message] of cases) {
      writeFileSync(file, text);
      const error = await serveSimulator({ port: 0, state: file }).catch((e: unknown) => e);
      expect(error, text).toBeInstanceOf(StateFileError);
      expect((error as Error).message, text).toMatch(message);
      expect((error as Error).message).toContain(file);
    }
    await expect(serveSimulator({ port: 0, state: file, people: [{ id: "a" }] })).rejects.toThrow(
      /either people or a state file/,
    );
  });

  it("simulate --state: a file that cannot be loaded exits 1 with one line", async () => {
    writeFileSync(file, "not json");
    const run = memoryIo();
    expect(await main(["simulate", "--port", "0", "--state", file], run.io)).toBe(1);
    expect(run.stderr()).toBe(`cio-customers simulate: state file ${file}: is not valid JSON\n`);
  });
});

/** The real binary with --state, resolved once it listens. */
async function start(state: string): Promise<{ child: ChildProcess; url: string; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, [...binaryArgs(), "simulate", "--port", "0", "--state", state], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise((done) => child.once("exit", done));
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) done(match[1]);
    });
    void exited.then(() => fail(new Error(`the simulator exited before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

async function count(url: string): Promise<number> {
  let total = 0;
  let cursor: string | null = null;
  do {
    const query: string = `limit=1000&include_deleted=true${cursor === null ? "" : `&cursor=${cursor}`}`;
    const response = await fetch(`${url}/__simulator/people?${query}`, { headers: { authorization: auth } });
    const page = (await response.json()) as { people: unknown[]; next_cursor: string | null };
    total += page.people.length;
    cursor = page.next_cursor;
  } while (cursor !== null);
  return total;
}

describe("simulate --state survives kill -9 during writes", () => {
  it("killed in the middle of a write, three times over, it restarts from a file that loads, losing nothing written before", async () => {
    let running = await start(file);
    try {
      // Enough people that each write takes a while, so that the kill lands inside one.
      for (let batch = 0; batch < 20; batch++) {
        const people = Array.from({ length: 1_000 }, (_, i) => ({
          id: `seed-${batch}-${i}`,
          email: `seed-${batch}-${i}@example.com`,
          attributes: { plan: "basic" },
        }));
        const response = await fetch(`${running.url}/__simulator/people`, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/json" },
          body: JSON.stringify({ people }),
        });
        expect(response.status).toBe(201);
      }
      await until(() => existsSync(file) && readFileSync(file, "utf8").includes('"seed-19-999"'));
      let expected = 20_000;

      for (let round = 0; round < 3; round++) {
        const pid = running.child.pid ?? 0;
        const tmp = join(dir, `state.json.${pid}.tmp`);
        // Changes keep coming, so writes keep happening; kill the moment a temporary file exists (mid-write).
        let stop = false;
        let sent = 0;
        const load = (async () => {
          while (!stop) {
            await put(running.url, `round-${round}-${sent}`, { plan: "pro" }).catch(() => undefined);
            sent++;
          }
        })();
        await new Promise<void>((resolve) => {
          const poll = setInterval(() => {
            if (existsSync(tmp)) {
              running.child.kill("SIGKILL");
              clearInterval(poll);
              resolve();
            }
          }, 1);
        });
        await running.exited;
        stop = true;
        await load;
        expect(existsSync(tmp)).toBe(true);
        // The file there loads as JSON, and the restarted simulator holds at least what was saved before this round.
        expect(JSON.parse(readFileSync(file, "utf8"))).toMatchObject({ format: STATE_FORMAT });
        running = await start(file);
        const people = await count(running.url);
        expect(people).toBeGreaterThanOrEqual(expected);
        expect(people).toBeLessThanOrEqual(expected + sent);
        expected = people;
        // The crashed writer's temporary file is gone.
        expect(existsSync(tmp)).toBe(false);
      }
    } finally {
      running.child.kill("SIGTERM");
      await running.exited;
    }
  }, 240_000);
});
