/**
 * Deliberately broken simulators (test/support/broken-rules.ts), which the conformance suite uses to prove its
 * checks can fail.
 * Each test runs one scenario against a correct simulator and a broken one and shows the difference is observable.
 */
import { afterEach, describe, expect, it } from "vitest";
import { addRelationships, setTopics } from "../../src/index.js";
import type { SeedPerson } from "../../src/simulator/index.js";
import { brokenSimulator, type BrokenRule } from "../support/broken-rules.js";
import { harness, type Harness } from "./support.js";

let harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses) expect(h.errors).toEqual([]);
  harnesses = [];
});

/** A correct and a broken simulator with the same people. */
function pair(rule: BrokenRule, people: SeedPerson[] = [], workspace = {}) {
  const good = harness({ people, workspace });
  const broken = harness({ people, workspace }, (options) => brokenSimulator([rule], options));
  harnesses.push(good, broken);
  return { good, broken };
}

describe("deliberately broken rules", () => {
  it("C3 off: adoption does not happen; a new person is created and the body email is a conflict", async () => {
    const { good, broken } = pair("C3", [{ email: "ada@example.com" }]);
    for (const h of [good, broken]) await h.client.identify({ id: "u1" }, { email: "ada@example.com" });
    expect(good.sim.people()).toEqual([expect.objectContaining({ id: "u1", email: "ada@example.com" })]);
    expect(broken.sim.people().map((p) => [p.id, p.email])).toEqual([
      [undefined, "ada@example.com"],
      ["u1", undefined],
    ]);
    expect(broken.sim.activity().map((e) => e.clause)).toEqual(["C1", "C4"]);
  });

  it("C8 off: an unknown cio_ creates a person with that cio_id; a deleted one is updated", async () => {
    const { good, broken } = pair("C8", [{ id: "gone", cio_id: "00000000000000dd", attributes: { plan: "old" } }]);
    for (const h of [good, broken]) {
      h.sim.deletePerson({ id: "gone" });
      await h.client.identify({ cioId: "00000000000000ff" }, { plan: "x" });
      await h.client.identify({ cioId: "00000000000000dd" }, { plan: "new" });
    }
    expect(good.sim.people({ includeDeleted: true })).toEqual([
      expect.objectContaining({ cio_id: "00000000000000dd", attributes: { plan: "old" } }),
    ]);
    expect(good.sim.activity().filter((e) => e.type === "request_dropped")).toHaveLength(2);
    expect(broken.sim.person({ cioId: "00000000000000ff" })).toMatchObject({
      deleted: false,
      attributes: { plan: "x" },
    });
    expect(broken.sim.person({ cioId: "00000000000000dd" })).toMatchObject({
      deleted: true,
      attributes: { plan: "new" },
    });
    expect(broken.sim.activity().filter((e) => e.type === "request_dropped")).toEqual([]);
  });

  it("C15 off: a dot-notation topic replaces every topic instead of merging", async () => {
    const { good, broken } = pair("C15", [{ id: "u1", topics: { topic_1: true, topic_2: true } }]);
    for (const h of [good, broken]) await h.client.identify({ id: "u1" }, setTopics({ 3: false }));
    expect(good.sim.person({ id: "u1" })?.topics).toEqual({ topic_1: true, topic_2: true, topic_3: false });
    expect(broken.sim.person({ id: "u1" })?.topics).toEqual({ topic_3: false });
  });

  it("C5 off: a set email changes by id without cio_", async () => {
    const { good, broken } = pair("C5", [{ id: "a", email: "a@example.com" }]);
    for (const h of [good, broken]) await h.client.identify({ id: "a" }, { email: "b@example.com" });
    expect(good.sim.person({ id: "a" })?.email).toBe("a@example.com");
    expect(broken.sim.person({ id: "a" })?.email).toBe("b@example.com");
  });

  it("C9 off: email matches case-sensitively, so a differently cased address creates a second person", async () => {
    const { good, broken } = pair("C9", [{ email: "ada@example.com" }]);
    for (const h of [good, broken]) await h.client.identify({ email: "ADA@example.com" });
    expect(good.sim.people()).toHaveLength(1);
    expect(broken.sim.people()).toHaveLength(2);
  });

  it("C16 off: an anonymous_id held by another person is taken over", async () => {
    const { good, broken } = pair("C16", [{ id: "a", anonymous_id: "anon" }, { id: "b" }]);
    for (const h of [good, broken]) await h.client.identify({ id: "b" }, { anonymous_id: "anon" });
    expect(good.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
    expect(broken.sim.person({ id: "b" })?.anonymous_id).toBe("anon");
  });

  it('C17 off: only the boolean true unsubscribes; "TRUE" and 1 do not', async () => {
    const { good, broken } = pair("C17", [{ id: "u1" }]);
    for (const h of [good, broken]) await h.put("u1", { unsubscribed: "TRUE" });
    expect(good.sim.person({ id: "u1" })?.unsubscribed).toBe(true);
    expect(broken.sim.person({ id: "u1" })?.unsubscribed).toBe(false);
  });

  it('C21 off: "" is stored on the relationship instead of removing the attribute', async () => {
    const { good, broken } = pair("C21");
    for (const h of [good, broken]) {
      await h.client.identify(
        { id: "u1" },
        addRelationships([{ type: 1, id: "acme", attributes: { role: "admin", seats: 2 } }]),
      );
      await h.client.identify(
        { id: "u1" },
        addRelationships([{ type: 1, id: "acme", attributes: { role: "", seats: null } }]),
      );
    }
    expect(good.sim.person({ id: "u1" })?.relationships[0]?.attributes).toEqual({});
    expect(broken.sim.person({ id: "u1" })?.relationships[0]?.attributes).toEqual({ role: "", seats: 2 });
  });

  it("C23 off: _update: true creates a person like any other call", async () => {
    const { good, broken } = pair("C23");
    for (const h of [good, broken]) await h.client.update({ id: "ghost" }, { plan: "x" });
    expect(good.sim.people()).toEqual([]);
    expect(broken.sim.people()).toEqual([expect.objectContaining({ id: "ghost", attributes: { plan: "x" } })]);
  });
});
