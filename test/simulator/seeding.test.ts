/**
 * Seeding a large batch over HTTP: the batch is checked and added in slices with turns of the event loop between
 * them, so that other requests are answered meanwhile; requests that read or change people wait for the batch,
 * so that each sees all of it or none of it, and a 409 still adds nobody.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSimulator } from "../../src/simulator/core.js";
import { serveSimulator } from "../../src/simulator/server.js";
import { StateFile } from "../../src/simulator/state.js";
import type { PersonRecord } from "../../src/simulator/index.js";
import { DEFAULT_SETTINGS } from "../../src/simulator/settings.js";
import { SEED_SLICE, SEED_SLICE_MS, Workspace } from "../../src/simulator/workspace.js";
import { harness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `u${from + i}`, email: `u${from + i}@example.com` }));

/** Counts turns of the event loop until `done` settles. */
async function turnsUntil(done: Promise<unknown>): Promise<number> {
  let settled = false;
  void done.finally(() => (settled = true));
  let turns = 0;
  while (!settled) {
    await new Promise((resolve) => setImmediate(resolve));
    turns++;
  }
  return turns;
}

describe("POST /__simulator/people with a large batch", () => {
  it("lets the event loop turn between slices, and answers every person as stored", async () => {
    h = harness();
    const size = SEED_SLICE * 10;
    const seeding = h.inspect("POST", "/__simulator/people", { people: people(size) });
    // A batch added in one stretch would settle within a turn or two; in slices it takes one turn per slice.
    expect(await turnsUntil(seeding)).toBeGreaterThanOrEqual(10);
    const reply = await seeding;
    expect(reply.status).toBe(201);
    expect((reply.json["people"] as PersonRecord[]).map((p) => p.id)).toEqual(people(size).map((p) => p.id));
    expect(h.sim.people()).toEqual(reply.json["people"]);
  });

  it("a listing or an identify call that arrives during the batch waits for all of it", async () => {
    h = harness();
    const seeding = h.inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 5) });
    // Let the batch start: its body is read and its first slices checked.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    const listing = h.inspect("GET", `/__simulator/people?limit=1000`);
    const identify = h.put("u0", { plan: "pro" });
    const [seeded, listed, identified] = await Promise.all([seeding, listing, identify]);
    expect(seeded.status).toBe(201);
    expect((listed.json["people"] as PersonRecord[]).length).toBe(SEED_SLICE * 5);
    expect(identified.status).toBe(200);
    // The identify call found the seeded person instead of creating one (or taking the id first).
    expect(h.sim.person({ id: "u0" })?.attributes).toEqual({ plan: "pro" });
    expect(h.sim.people()).toHaveLength(SEED_SLICE * 5);
  });

  it("a reset, a settings change, a delete and the activity log asked for during the batch wait for all of it", async () => {
    h = harness({ processing: "eventual", eventual: { delayMs: Infinity } });
    const seeding = h.inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 5) });
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    const [seeded, lookup] = await Promise.all([
      seeding,
      h.inspect("GET", "/__simulator/people/lookup?id=u499"),
      h.inspect("PATCH", "/__simulator/settings", { identifiedBy: "id" }),
      h.inspect("GET", "/__simulator/activity"),
      h.inspect("POST", "/__simulator/settle"),
    ]);
    expect(seeded.status).toBe(201);
    expect(lookup.status).toBe(200);
    const found = await h.inspect("GET", `/__simulator/people?limit=1000`);
    expect((found.json["people"] as PersonRecord[]).length).toBe(SEED_SLICE * 5);
    const cioId = (lookup.json as unknown as PersonRecord).cio_id;
    const again = h.inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 5, 1000) });
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    const [added, deleted, reset] = await Promise.all([
      again,
      h.inspect("DELETE", `/__simulator/people/${cioId}`),
      h.inspect("POST", "/__simulator/reset"),
    ]);
    // The second batch was added whole before the delete and the reset, which then emptied the workspace.
    expect([added.status, deleted.status, reset.status]).toEqual([201, 200, 200]);
    expect(h.sim.people()).toEqual([]);
  });

  it("a conflict found in a late slice still adds nobody", async () => {
    h = harness({ people: [{ id: "taken" }] });
    const batch = [...people(SEED_SLICE * 3), { id: "taken" }];
    const reply = await h.inspect("POST", "/__simulator/people", { people: batch });
    expect(reply.status).toBe(409);
    expect(reply.json["problems"]).toEqual([
      expect.objectContaining({ code: "identifier_taken", path: ["body", "people", SEED_SLICE * 3, "id"] }),
    ]);
    expect(h.sim.people().map((p) => p.id)).toEqual(["taken"]);
    // Nothing is left waiting: the next call is answered.
    expect((await h.inspect("GET", "/__simulator/people")).status).toBe(200);
  });

  it("a reset from code while a batch is being added ends the batch with a 409, keeping nobody from it", async () => {
    h = harness({ people: [{ id: "before" }] });
    // Ten slices of adding at least, however fast the machine; the check's slices come first.
    let answered = false;
    const seeding = h
      .inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 10) })
      .finally(() => (answered = true));
    while (!answered && h.sim.people().length < 2) await new Promise((resolve) => setImmediate(resolve));
    h.sim.reset();
    const reply = await seeding;
    expect(reply.status).toBe(409);
    expect(reply.json["problems"]).toEqual([
      expect.objectContaining({ code: "workspace_reset", path: ["body", "people"] }),
    ]);
    expect(h.sim.people()).toEqual([]);
    expect((await h.inspect("POST", "/__simulator/people", { people: people(2) })).status).toBe(201);
    expect(h.sim.people().map((p) => p.id)).toEqual(["u0", "u1"]);
  });

  it("a write at exit during a batch saves the workspace without any of the batch", async () => {
    h = harness();
    const folder = mkdtempSync(join(tmpdir(), "cio-seeding-"));
    const file = join(folder, "state.json");
    const core = buildSimulator({ people: [{ id: "before" }] });
    const state = StateFile.open(core, file, { debounceMs: 60_000 });
    try {
      let pauses = 0;
      const saved = () => (JSON.parse(readFileSync(file, "utf8")) as { people: { id: string }[] }).people;
      const seeding = core.workspace.seedInSlices(
        people(SEED_SLICE * 3),
        async () => {
          // Once the adding has begun (after the check's slices), as an exit handler would.
          if (++pauses === 4) state.flushSync();
        },
        () => 0,
      );
      await seeding;
      expect(saved().map((p) => p.id)).toEqual(["before"]);
      await state.close();
      expect(saved()).toHaveLength(1 + SEED_SLICE * 3);
    } finally {
      await state.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("two batches sent together are applied one after the other, neither interleaved with the other", async () => {
    h = harness();
    const [a, b] = await Promise.all([
      h.inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 2) }),
      h.inspect("POST", "/__simulator/people", { people: people(SEED_SLICE * 2, SEED_SLICE * 2) }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    // In order of creation: one batch whole, then the other whole (whichever was read first).
    const order = h.sim.people().map((p) => Number(p.id?.slice(1)));
    const run = (from: number) => Array.from({ length: SEED_SLICE * 2 }, (_, i) => from + i);
    expect([
      [...run(0), ...run(SEED_SLICE * 2)],
      [...run(SEED_SLICE * 2), ...run(0)],
    ]).toContainEqual(order);
  });

  it("the state file never holds part of a batch: its write waits for the whole of it", async () => {
    h = harness();
    const folder = mkdtempSync(join(tmpdir(), "cio-seeding-"));
    const file = join(folder, "state.json");
    const served = await serveSimulator({ port: 0, state: file, stateDebounceMs: 0 });
    try {
      const authorization = `Basic ${btoa(`${served.simulator.siteId}:${served.simulator.apiKey}`)}`;
      const seen = new Set<number>();
      let done = false;
      const watching = (async () => {
        while (!done) {
          if (existsSync(file))
            seen.add((JSON.parse(readFileSync(file, "utf8")) as { people: unknown[] }).people.length);
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      for (const from of [0, 1000]) {
        const reply = await fetch(`${served.url}/__simulator/people`, {
          method: "POST",
          headers: { authorization, "content-type": "application/json" },
          body: JSON.stringify({ people: people(SEED_SLICE * 5, from) }),
        });
        expect(reply.status).toBe(201);
      }
      // The write after the second batch comes; until then the watch keeps reading the file.
      while (!seen.has(SEED_SLICE * 10)) await new Promise((resolve) => setTimeout(resolve, 5));
      done = true;
      await watching;
      expect([...seen].filter((count) => count % (SEED_SLICE * 5) !== 0)).toEqual([]);
    } finally {
      await served.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("ends a slice after SEED_SLICE_MS milliseconds even when it holds fewer than SEED_SLICE people", async () => {
    /** Seeds SEED_SLICE people, each taking `msPerPerson` of the clock to add; returns the pauses taken. */
    const pausesFor = async (msPerPerson: number) => {
      const workspace = new Workspace({ ...DEFAULT_SETTINGS }, true);
      let now = 0;
      let pauses = 0;
      const batch = people(SEED_SLICE).map((person) => ({
        ...person,
        // Read once for each person added.
        get attributes() {
          now += msPerPerson;
          return {};
        },
      }));
      await workspace.seedInSlices(
        batch,
        async () => void pauses++,
        () => now,
      );
      expect(workspace.find({ id: `u${SEED_SLICE - 1}` })).toBeDefined();
      return pauses;
    };
    // Quick people: the check and the adding each fit in one slice.
    expect(await pausesFor(0)).toBe(0);
    // Each person takes the whole budget: a pause after every one of them but the last.
    expect(await pausesFor(SEED_SLICE_MS)).toBe(SEED_SLICE - 1);
  });
});
