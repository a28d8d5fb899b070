/**
 * Attributes, C13–C22, custom attributes (null and "" remove), `_timestamp` ordering, reserved keys and
 * prototype safety. Through the real client where it can express the call; raw bodies where the client would
 * (rightly) refuse to send them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { addRelationships, deleteRelationships, replaceTopics, setTopics, unixSeconds } from "../../src/index.js";
import { harness, lastRequestEntries, refusalOf, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

describe("attributes", () => {
  it("C13 email attribute: body email becomes the person's email, not a custom attribute", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, { email: "ada@example.com" });
    expect(h.sim.person({ id: "u1" })).toMatchObject({ email: "ada@example.com", attributes: {} });
    expect(h.sim.person({ email: "ada@example.com" })?.id).toBe("u1");
  });

  it("C14 subscription preferences object: replaces the topics; topics left out revert to default (removed)", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, replaceTopics({ 1: true, 7: false }));
    expect(h.sim.person({ id: "u1" })?.topics).toEqual({ topic_1: true, topic_7: false });
    await h.client.identify({ id: "u1" }, replaceTopics({ 3: true }));
    expect(h.sim.person({ id: "u1" })?.topics).toEqual({ topic_3: true });
    await h.put("u1", { cio_subscription_preferences: {} });
    expect(h.sim.person({ id: "u1" })?.topics).toEqual({});
  });

  it("C15 topic by dot notation: one topic changes and the others are kept", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, replaceTopics({ 1: true, 7: false }));
    await h.client.identify({ id: "u1" }, setTopics({ 7: true, 9: false }));
    expect(h.sim.person({ id: "u1" })?.topics).toEqual({ topic_1: true, topic_7: true, topic_9: false });
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual({});
  });

  it("C15 object and dot notation in one body: the object applies first, then the dot key on top", async () => {
    h = harness();
    await h.put("u1", {
      cio_subscription_preferences: { topics: { topic_1: true } },
      "cio_subscription_preferences.topics.topic_2": false,
    });
    expect(h.sim.person({ id: "u1" })?.topics).toEqual({ topic_1: true, topic_2: false });
  });

  it("C16 anonymous_id: unique; another person cannot take it, not even after its holder moved on", async () => {
    h = harness({ people: [{ id: "a", anonymous_id: "anon-1" }, { id: "b" }] });
    const a = h.sim.person({ id: "a" });
    await h.client.identify({ id: "b" }, { anonymous_id: "anon-1" });
    expect(h.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({
        type: "attribute_update_failure",
        clause: "C16",
        identifier: "anonymous_id",
        conflicting_cio_id: a?.cio_id,
      }),
    );
    await h.client.identify({ id: "a" }, { anonymous_id: "anon-2" });
    expect(h.sim.person({ id: "a" })?.anonymous_id).toBe("anon-2");
    await h.client.identify({ id: "b" }, { anonymous_id: "anon-1" });
    expect(h.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
    // Deleting the holder keeps their values reserved (the default), unless the workspace releases them.
    h.sim.deletePerson({ id: "a" });
    await h.client.identify({ id: "b" }, { anonymous_id: "anon-1" });
    expect(h.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
    h.sim.updateSettings({ deletedAnonymousIds: "released" });
    await h.client.identify({ id: "b" }, { anonymous_id: "anon-1" });
    expect(h.sim.person({ id: "b" })?.anonymous_id).toBe("anon-1");
  });

  it("C17 unsubscribed: true unsubscribes, false re-subscribes, absent leaves it alone", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, { unsubscribed: true });
    expect(h.sim.person({ id: "u1" })?.unsubscribed).toBe(true);
    await h.client.identify({ id: "u1" }, { plan: "x" });
    expect(h.sim.person({ id: "u1" })?.unsubscribed).toBe(true);
    await h.client.identify({ id: "u1" }, { unsubscribed: false });
    expect(h.sim.person({ id: "u1" })?.unsubscribed).toBe(false);
  });

  it.each([
    [true, true],
    ["true", true],
    ["TRUE", true],
    ["True", true],
    [1, true],
    ["1", true],
    [false, false],
    ["false", false],
    ["yes", false],
    ["", false],
    [0, false],
    [2, false],
    ["0", false],
    [" true", false],
  ])("C17 unsubscribed truthy forms: %j → %s", async (value, expected) => {
    h = harness({ people: [{ id: "u1", unsubscribed: !expected }] });
    const { response } = await h.raw.PUT("/api/v1/customers/{identifier}", {
      params: { path: { identifier: "u1" } },
      body: { unsubscribed: value },
    });
    expect(response.status).toBe(200);
    expect(h.sim.person({ id: "u1" })?.unsubscribed).toBe(expected);
  });

  it("C18 relationships action: add_relationships adds, delete_relationships removes, no action means add", async () => {
    h = harness();
    await h.client.identify(
      { id: "u1" },
      addRelationships([
        { type: 1, id: "acme" },
        { type: 1, id: "globex" },
      ]),
    );
    expect(h.sim.person({ id: "u1" })?.relationships.map((r) => r.object_id)).toEqual(["acme", "globex"]);
    await h.client.identify(
      { id: "u1" },
      deleteRelationships([
        { type: 1, id: "acme" },
        { type: 2, id: "never-related" },
      ]),
    );
    expect(h.sim.person({ id: "u1" })?.relationships.map((r) => r.object_id)).toEqual(["globex"]);
    await h.put("u1", {
      cio_relationships: { relationships: [{ identifiers: { object_type_id: "2", object_id: "initech" } }] },
    });
    expect(h.sim.person({ id: "u1" })?.relationships.map((r) => `${r.object_type_id}/${r.object_id}`)).toEqual([
      "1/globex",
      "2/initech",
    ]);
  });

  it("C19 relationship identifiers: type + id name one object; relating again updates that relationship", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, addRelationships([{ type: 1, id: "acme", attributes: { role: "admin" } }]));
    await h.client.identify(
      { id: "u1" },
      addRelationships([
        { type: 1, id: "acme", attributes: { since: 2020 } },
        { type: 2, id: "acme" },
      ]),
    );
    await h.client.identify({ id: "u2" }, addRelationships([{ type: 1, id: "acme" }]));
    expect(h.sim.person({ id: "u1" })?.relationships).toEqual([
      { object_type_id: "1", object_id: "acme", attributes: { role: "admin", since: 2020 } },
      { object_type_id: "2", object_id: "acme", attributes: {} },
    ]);
    expect(h.sim.objects()).toEqual([
      { object_type_id: "1", object_id: "acme" },
      { object_type_id: "2", object_id: "acme" },
    ]);
  });

  it.each(["0", "01", "abc", "-1", "1.5", ""])(
    "C20 object type ids: %j is refused with 400 in strict mode, naming the field",
    async (typeId) => {
      h = harness({ people: [{ id: "u1" }], strict: true });
      const reply = await h.put("u1", {
        cio_relationships: { relationships: [{ identifiers: { object_type_id: typeId, object_id: "acme" } }] },
      });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual(
        refusalOf({
          errors: [expect.stringContaining("cio_relationships.relationships[0].identifiers.object_type_id")],
        }),
      );
      expect(h.sim.person({ id: "u1" })?.relationships).toEqual([]);
      expect(h.sim.activity()).toEqual([]);
    },
  );

  it('C20 object type ids: a number instead of a string is refused in strict mode; "12" is accepted', async () => {
    h = harness({ strict: true });
    const bad = await h.put("u1", {
      cio_relationships: { relationships: [{ identifiers: { object_type_id: 1, object_id: "acme" } }] },
    });
    expect(bad.status).toBe(400);
    expect(h.sim.people()).toEqual([]);
    await h.client.identify({ id: "u1" }, addRelationships([{ type: "12", id: "acme" }]));
    expect(h.sim.person({ id: "u1" })?.relationships[0]?.object_type_id).toBe("12");
  });

  it('C21 relationship attributes: stored; null or "" removes one and keeps the rest', async () => {
    h = harness();
    await h.client.identify(
      { id: "u1" },
      addRelationships([{ type: 1, id: "acme", attributes: { role: "admin", seats: 3, owner: true } }]),
    );
    await h.client.identify(
      { id: "u1" },
      addRelationships([{ type: 1, id: "acme", attributes: { role: null, seats: "" } }]),
    );
    expect(h.sim.person({ id: "u1" })?.relationships).toEqual([
      { object_type_id: "1", object_id: "acme", attributes: { owner: true } },
    ]);
  });

  it("C22 created_at: stored as whole Unix seconds; a Date given to the client arrives as seconds", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, { created_at: 1_700_000_000 });
    expect(h.sim.person({ id: "u1" })?.created_at).toBe(1_700_000_000);
    await h.client.identify({ id: "u1" }, { created_at: new Date("2024-01-02T03:04:05.678Z") });
    expect(h.sim.person({ id: "u1" })?.created_at).toBe(unixSeconds(new Date("2024-01-02T03:04:05Z")));
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual({});
    // A fraction is stored as sent by default (Customer.io stores what it gets); strict mode refuses it.
    expect((await h.put("u1", { created_at: 1.5 })).status).toBe(200);
    expect(h.sim.person({ id: "u1" })?.created_at).toBe(1.5);
    const fraction = await harness({ strict: true }).put("u1", { created_at: 1.5 });
    expect(fraction.status).toBe(400);
    expect(fraction.json).toEqual(refusalOf({ errors: ["attribute 'created_at' must be integer"] }));
  });
});

describe("custom attributes, reserved keys, _timestamp", () => {
  it("custom attributes: strings, numbers, booleans, arrays and objects are stored as sent", async () => {
    h = harness();
    const attributes = {
      plan: "premium",
      seats: 12,
      ratio: 0.5,
      trial: false,
      tags: ["a", "b"],
      address: { city: "Paris" },
    };
    await h.client.identify({ id: "u1" }, attributes);
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual(attributes);
  });

  it('null or "" removes a person attribute (and removing one that is absent changes nothing)', async () => {
    h = harness({ people: [{ id: "u1", attributes: { plan: "premium", seats: 3, trial: true } }] });
    await h.client.identify({ id: "u1" }, { plan: null, seats: "", never_set: null });
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual({ trial: true });
    expect(lastRequestEntries(h.sim)[0]?.reason).toContain("changed: plan, seats)");
  });

  it("reserved keys are not stored: _update, _timestamp, and a cio_id in the body (which cannot change the cio_id)", async () => {
    h = harness({ people: [{ id: "u1" }] });
    const cioId = h.sim.person({ id: "u1" })?.cio_id;
    await h.put("u1", { _update: true, _timestamp: 1_700_000_000, cio_id: "abc", plan: "x" });
    expect(h.sim.person({ id: "u1" })).toMatchObject({
      cio_id: cioId,
      attributes: { plan: "x" },
      last_timestamp: 1_700_000_000,
    });
  });

  it("_timestamp: an older update does not overwrite newer values, but sets what was never timestamped; it is logged", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, { _timestamp: 200, plan: "new", unsubscribed: true });
    await h.client.identify({ id: "u1" }, { _timestamp: 100, plan: "old", unsubscribed: false, city: "Paris" });
    expect(h.sim.person({ id: "u1" })).toMatchObject({
      attributes: { plan: "new", city: "Paris" },
      unsubscribed: true,
      last_timestamp: 200,
    });
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({
        type: "attribute_update_failure",
        reason: expect.stringContaining("unsubscribed, plan"),
      }),
    );
    // The same or a newer stamp applies; a call without _timestamp always applies.
    await h.client.identify({ id: "u1" }, { _timestamp: 200, plan: "same-time" });
    expect(h.sim.person({ id: "u1" })?.attributes["plan"]).toBe("same-time");
    await h.client.identify({ id: "u1" }, { plan: "unstamped" });
    expect(h.sim.person({ id: "u1" })?.attributes["plan"]).toBe("unstamped");
    await h.client.identify({ id: "u1" }, { _timestamp: 150, plan: "stale" });
    expect(h.sim.person({ id: "u1" })?.attributes["plan"]).toBe("unstamped");
  });

  it("_timestamp orders topics and removals too", async () => {
    h = harness();
    await h.client.identify({ id: "u1" }, { _timestamp: 300, ...setTopics({ 1: true }), plan: "x" });
    await h.client.identify({ id: "u1" }, { _timestamp: 299, ...replaceTopics({}), plan: null });
    expect(h.sim.person({ id: "u1" })).toMatchObject({ topics: { topic_1: true }, attributes: { plan: "x" } });
  });

  it("__proto__ and constructor keys are stored as plain attributes and pollute no prototype", async () => {
    h = harness();
    const reply = await h.put(
      "u1",
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"nested":{"__proto__":{"polluted":true}},' +
        '"cio_relationships":{"relationships":[{"identifiers":{"object_type_id":"1","object_id":"__proto__"},"relationship_attributes":{"__proto__":"x"}}]}}',
    );
    expect(reply.status).toBe(200);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const person = h.sim.person({ id: "u1" });
    expect(Object.hasOwn(person?.attributes ?? {}, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(person?.attributes)).toBe(Object.prototype);
    expect(Object.hasOwn(person?.relationships[0]?.attributes ?? {}, "__proto__")).toBe(true);
  });

  it("a seeded person's attributes read back as given, and identify calls change them one at a time", async () => {
    const given = { b: "text", "10": 10, a: true, "2": 2.5, negativeZero: -0 };
    const nested = { plan: "basic", nested: { list: [1, "x"] } };
    h = harness({
      people: [
        { id: "u1", attributes: given },
        { id: "u2", attributes: { plan: "basic", __proto__x: 1 } },
        { id: "u3", attributes: nested },
      ],
    });
    const seeded = h.sim.person({ id: "u1" })?.attributes;
    expect(seeded).toEqual(given);
    expect(Object.is(seeded?.["negativeZero"], -0)).toBe(true);
    expect(h.sim.person({ id: "u3" })?.attributes).toEqual(nested);
    await h.client.identify({ id: "u2" }, { plan: "premium", added: 1 });
    await h.client.identify({ id: "u2" }, { __proto__x: null });
    expect(JSON.stringify(h.sim.person({ id: "u2" })?.attributes)).toBe('{"plan":"premium","added":1}');
    // A seeded value that is not changed is still the one given, after another person's attributes changed.
    expect(h.sim.person({ id: "u1" })?.attributes).toEqual(given);
  });

  it("a person holds at most 300 attributes: new names past that are not stored, and the refusal is logged", async () => {
    const full = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`a${i}`, i]));
    h = harness({ people: [{ id: "u1", attributes: full }] });
    await h.client.identify({ id: "u1" }, { a0: "changed", extra: 1 });
    const attributes = h.sim.person({ id: "u1" })?.attributes ?? {};
    expect(Object.keys(attributes)).toHaveLength(300);
    expect(attributes["a0"]).toBe("changed");
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", reason: expect.stringContaining("extra") }),
    );
  });
});
