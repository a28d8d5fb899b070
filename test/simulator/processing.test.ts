/**
 * Processing modes. Immediate: applied before the answer. Eventual: answered `200 {}` when accepted, applied on
 * settle() (or after a delay) as parallel queue workers would, so the duplicate profiles that the `_update`
 * field's description warns about can be reproduced, exactly and every time, and shown to go away with update().
 */
import { afterEach, describe, expect, it } from "vitest";
import { createCustomersClient } from "../../src/index.js";
import { createSimulator, isSimulatorOptionError, type SimulatorOptions } from "../../src/simulator/index.js";
import { BASE, harness, NOW, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

const eventual = (options: SimulatorOptions["eventual"] = {}): SimulatorOptions => ({
  processing: "eventual",
  eventual: { delayMs: Infinity, ...options },
});

describe("eventual processing", () => {
  it("two identify calls for one new person, in one window, create two people", async () => {
    h = harness(eventual());
    const a = await h.put("user-1", { plan: "free" });
    const b = await h.put("user-1", { first_name: "Ada" });
    expect([a.status, a.text, b.status, b.text]).toEqual([200, "{}", 200, "{}"]);
    expect(h.sim.people()).toEqual([]);
    expect(h.sim.pending()).toBe(2);
    expect(h.sim.settle()).toBe(2);
    expect(h.sim.pending()).toBe(0);
    const people = h.sim.people();
    expect(people.map((person) => person.id)).toEqual(["user-1", "user-1"]);
    expect(
      people.map((person) => person.attributes).toSorted((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))),
    ).toEqual([{ first_name: "Ada" }, { plan: "free" }]);
    expect(h.sim.activity().map((entry) => [entry.type, entry.clause])).toEqual([
      ["person_created", "C1"],
      ["person_created", "C1"],
    ]);
  });

  it("with update() on the later call, the workspace ends with one person and a Failed Attribute Change (C23, C24)", async () => {
    h = harness(eventual());
    await h.client.identify({ id: "user-1" }, { plan: "free" });
    await h.client.update({ id: "user-1" }, { first_name: "Ada" });
    h.sim.settle();
    expect(h.sim.people()).toEqual([expect.objectContaining({ id: "user-1", attributes: { plan: "free" } })]);
    expect(
      h.sim
        .activity()
        .map((entry) => entry.type)
        .toSorted(),
    ).toEqual(["failed_attribute_change", "person_created"]);
  });

  it("calls in later groups see what earlier groups applied: with one worker, no duplicate", async () => {
    h = harness(eventual({ workers: 1 }));
    await h.put("user-1", { plan: "free" });
    await h.put("user-1", { first_name: "Ada" });
    h.sim.settle();
    expect(h.sim.people()).toEqual([
      expect.objectContaining({ id: "user-1", attributes: { plan: "free", first_name: "Ada" } }),
    ]);
  });

  it("activity entries say when each request was received and when it was applied", async () => {
    let clock = NOW;
    h = harness({ ...eventual(), now: () => clock });
    await h.put("user-1", {});
    clock += 250;
    await h.put("user-2", {});
    clock += 1000;
    h.sim.settle();
    const entries = h.sim.activity();
    expect(entries.map((entry) => [entry.received_at, entry.at]).toSorted()).toEqual([
      [NOW, NOW + 1250],
      [NOW + 250, NOW + 1250],
    ]);
    const immediate = harness();
    await immediate.put("user-1", {});
    expect(immediate.sim.activity()[0]).not.toHaveProperty("received_at");
  });

  it("is deterministic under a seed: the same calls give the same workspace and log every time", async () => {
    const run = async (seed: number) => {
      const sim = createSimulator({ ...eventual({ seed, workers: 8 }), now: () => NOW });
      const client = createCustomersClient({
        siteId: sim.siteId,
        apiKey: sim.apiKey,
        baseUrl: BASE,
        fetch: sim.fetch,
        now: () => NOW,
      });
      for (let i = 0; i < 8; i++) await client.identify({ id: `user-${i % 3}` }, { n: i });
      sim.settle();
      return JSON.stringify([sim.people(), sim.activity()]);
    };
    h = harness();
    const first = await run(7);
    expect(await run(7)).toBe(first);
    expect(await run(8)).not.toBe(first);
  });

  it("a delay applies the waiting calls without settle()", async () => {
    h = harness({ processing: "eventual", eventual: { delayMs: 5 } });
    await h.put("user-1", { plan: "free" });
    expect(h.sim.people()).toEqual([]);
    await expect.poll(() => h.sim.people().length).toBe(1);
  });

  it("POST /__simulator/settle applies the waiting calls and says how many", async () => {
    h = harness(eventual());
    await h.put("user-1", {});
    await h.put("user-1", {});
    const reply = await h.inspect("POST", "/__simulator/settle");
    expect(reply).toMatchObject({ status: 200, json: { applied: 2, pending: 0 } });
    expect(h.sim.people()).toHaveLength(2);
    expect((await h.inspect("POST", "/__simulator/settle")).json).toEqual({ applied: 0, pending: 0 });
  });

  it("reset() forgets calls still waiting; stats count a call when it is applied", async () => {
    h = harness(eventual());
    await h.put("user-1", {});
    expect(h.sim.stats().applied).toBe(0);
    h.sim.reset();
    expect(h.sim.settle()).toBe(0);
    await h.put("user-1", {});
    h.sim.settle();
    expect(h.sim.stats().applied).toBe(1);
  });

  it("immediate processing (the default) applies before answering; settle() has nothing to do", async () => {
    h = harness();
    await h.put("user-1", {});
    await h.put("user-1", {});
    expect(h.sim.people()).toHaveLength(1);
    expect(h.sim.settle()).toBe(0);
  });

  it("options are checked, with a stable code", () => {
    h = harness();
    const bad: SimulatorOptions[] = [
      { processing: "later" as never },
      { processing: "eventual", eventual: { workers: 0 } },
      { processing: "eventual", eventual: { delayMs: -1 } },
      { processing: "eventual", eventual: { seed: 1.5 } },
    ];
    for (const options of bad) {
      let caught: unknown;
      try {
        createSimulator(options);
      } catch (error) {
        caught = error;
      }
      expect(isSimulatorOptionError(caught)).toBe(true);
      expect((caught as { code: string }).code).toBe("invalid_option");
    }
  });
});
