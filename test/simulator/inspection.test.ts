/**
 * Inspection, in code and over the `/__simulator/` routes (in-process; server.test.ts repeats them over a socket).
 * Route responses are checked against openapi/simulator.yaml by the harness.
 */
import { DEFAULT_SETTINGS } from "../../src/simulator/settings.js";
import { afterEach, describe, expect, it } from "vitest";
import { createSimulator, SeedConflictError } from "../../src/simulator/index.js";
import { BASE, harness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

describe("inspection in code", () => {
  it("person() finds by id, email (any case) and cio_id with or without the prefix; a copy each time", async () => {
    h = harness({ people: [{ id: "a", email: "Ada@Example.com", attributes: { tags: ["x"] } }] });
    const byId = h.sim.person({ id: "a" });
    expect(h.sim.person({ email: "ada@example.com" })).toEqual(byId);
    expect(h.sim.person({ cioId: byId?.cio_id ?? "" })).toEqual(byId);
    expect(h.sim.person({ cioId: `cio_${byId?.cio_id ?? ""}` })).toEqual(byId);
    expect(h.sim.person({ id: "A" })).toBeUndefined();
    (byId?.attributes["tags"] as string[]).push("mutated");
    expect(h.sim.person({ id: "a" })?.attributes).toEqual({ tags: ["x"] });
  });

  it("deletePerson() marks deleted, frees identifiers, logs person_deleted; people() hides it unless asked", () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }, { id: "b" }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id;
    expect(h.sim.deletePerson({ email: "a@example.com" })).toBe(true);
    expect(h.sim.deletePerson({ id: "a" })).toBe(false);
    expect(h.sim.deletePerson({ cioId: "nobody" })).toBe(false);
    expect(h.sim.people().map((p) => p.id)).toEqual(["b"]);
    expect(h.sim.people({ includeDeleted: true }).map((p) => [p.id, p.deleted])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(h.sim.person({ cioId: cioId ?? "" })?.deleted).toBe(true);
    expect(h.sim.activity()).toEqual([expect.objectContaining({ type: "person_deleted", cio_id: cioId })]);
    expect(h.sim.seed([{ id: "a", email: "a@example.com" }])).toHaveLength(1);
  });

  it("activity({ since }) returns only later entries, by seq", async () => {
    h = harness();
    await h.client.identify({ id: "a" });
    await h.client.identify({ id: "b" });
    await h.client.identify({ id: "c" });
    expect(h.sim.activity().map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(h.sim.activity({ since: 1 }).map((e) => e.seq)).toEqual([2, 3]);
    expect(h.sim.activity({ since: 3 })).toEqual([]);
    expect(h.sim.activity()[0]).toMatchObject({ at: 1_700_000_000_000, request: 1 });
  });

  it("the log keeps the newest entries when it grows past activityLimit; seq keeps counting", async () => {
    h = harness({ activityLimit: 5 });
    for (let i = 0; i < 40; i++) await h.client.identify({ id: `p${i}` });
    const entries = h.sim.activity();
    expect(entries.length).toBeGreaterThanOrEqual(5);
    expect(entries.length).toBeLessThanOrEqual(21);
    expect(entries.at(-1)?.seq).toBe(40);
    expect(h.sim.activity({ since: 38 }).map((e) => e.seq)).toEqual([39, 40]);
    expect(h.sim.activity({ since: 1 }).at(0)?.seq).toBe(entries[0]?.seq);
  });

  it("reset() empties people and log, restarts cio_ids, restores the settings given at creation", async () => {
    h = harness({ workspace: { allowEmailUpdatesById: true }, people: [{ id: "seeded" }] });
    await h.client.identify({ id: "a" });
    const firstCioId = h.sim.person({ id: "a" })?.cio_id;
    h.sim.updateSettings({ identifiedBy: "id", allowEmailUpdatesById: false });
    h.sim.reset();
    expect(h.sim.people({ includeDeleted: true })).toEqual([]);
    expect(h.sim.activity()).toEqual([]);
    expect(h.sim.settings()).toEqual({ ...DEFAULT_SETTINGS, identifiedBy: "email_or_id", allowEmailUpdatesById: true });
    await h.client.identify({ id: "b" });
    expect(firstCioId).toBe("0300000000000002");
    expect(h.sim.person({ id: "b" })?.cio_id).toBe("0300000000000001");
  });

  it("seed() adds all or nothing, and refuses identifiers already held or held twice", () => {
    h = harness({
      people: [{ id: "a", email: "a@example.com", anonymous_id: "anon", cio_id: "cio_00000000000000aa" }],
    });
    expect(h.sim.person({ cioId: "00000000000000aa" })?.id).toBe("a");
    const attempt = () =>
      h.sim.seed([
        { id: "new" },
        { id: "a" },
        { email: "A@EXAMPLE.COM" },
        { anonymous_id: "anon" },
        { cio_id: "00000000000000aa" },
        { id: "twice" },
        { id: "twice" },
      ]);
    expect(attempt).toThrow(SeedConflictError);
    try {
      attempt();
    } catch (error) {
      const taken = (index: number, kind: string) => ({
        code: "identifier_taken",
        path: ["people", index, kind],
        message: `people[${index}].${kind} is already held by another person`,
      });
      expect((error as SeedConflictError).problems).toEqual([
        taken(1, "id"),
        taken(2, "email"),
        taken(3, "anonymous_id"),
        taken(4, "cio_id"),
        taken(6, "id"),
      ]);
    }
    expect(h.sim.people()).toHaveLength(1);
    const [added] = h.sim.seed([
      {
        id: "b",
        topics: { topic_1: true },
        unsubscribed: true,
        created_at: 5,
        attributes: { plan: "x", gone: null, blank: "" },
      },
    ]);
    expect(added).toMatchObject({
      id: "b",
      topics: { topic_1: true },
      unsubscribed: true,
      created_at: 5,
      attributes: { plan: "x" },
    });
  });

  it("generated cio_ids skip one a seed already took", async () => {
    h = harness({ people: [{ cio_id: "0300000000000001", id: "seeded" }] });
    await h.client.identify({ id: "a" });
    expect(h.sim.person({ id: "a" })?.cio_id).toBe("0300000000000002");
  });

  it("updateSettings() changes what identifies people; switching to email indexes existing emails", async () => {
    h = harness({ workspace: { identifiedBy: "id" } });
    await h.client.identify({ id: "a" }, { email: "a@example.com" });
    expect(h.sim.updateSettings({ identifiedBy: "email_or_id" })).toEqual(DEFAULT_SETTINGS);
    await h.client.identify({ email: "A@example.com" }, { plan: "x" });
    expect(h.sim.people()).toHaveLength(1);
    expect(h.sim.person({ id: "a" })?.attributes).toEqual({ plan: "x" });
    expect(() => h.sim.updateSettings({ identifiedBy: "phone" as never })).toThrow(/identifiedBy/);
  });

  it("options are checked: empty credentials, a colon in the site ID, bad settings", () => {
    h = harness();
    expect(() => createSimulator({ apiKey: "" })).toThrow();
    expect(() => createSimulator({ siteId: "a:b" })).toThrow();
    expect(() => createSimulator({ workspace: { allowEmailUpdatesById: "yes" as never } })).toThrow();
    expect(createSimulator()).toMatchObject({ siteId: "sim-site", apiKey: "sim-key" });
  });
});

describe("inspection over HTTP (/__simulator/, in-process)", () => {
  it("GET /__simulator/people lists live people; include_deleted=true adds deleted ones", async () => {
    h = harness({ people: [{ id: "a" }, { id: "b" }] });
    h.sim.deletePerson({ id: "b" });
    expect((await h.inspect("GET", "/__simulator/people")).json).toEqual({
      people: [h.sim.person({ id: "a" })],
      next_cursor: null,
    });
    const all = await h.inspect("GET", "/__simulator/people?include_deleted=true");
    expect((all.json["people"] as unknown[]).length).toBe(2);
    const bad = await h.inspect("GET", "/__simulator/people?include_deleted=yes");
    expect(bad.status).toBe(400);
  });

  it("POST /__simulator/people seeds (201), refuses taken identifiers (409) and bad bodies (400)", async () => {
    h = harness();
    const created = await h.inspect("POST", "/__simulator/people", {
      people: [{ id: "a", email: "a@example.com", attributes: { plan: "x" } }],
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ people: [h.sim.person({ id: "a" })] });
    const conflict = await h.inspect("POST", "/__simulator/people", { people: [{ id: "a" }] });
    expect(conflict).toMatchObject({
      status: 409,
      json: { meta: { errors: ["people[0].id is already held by another person"] } },
    });
    const invalid = await h.inspect("POST", "/__simulator/people", { people: [{ id: 1, email: "nope", extra: true }] });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain("/people/0/id");
    expect(invalid.text).toContain("extra");
    expect((await h.inspect("POST", "/__simulator/people", "{")).status).toBe(400);
    expect((await h.inspect("POST", "/__simulator/people", { people: [{ cio_id: "cio_" }] })).status).toBe(400);
    expect(() => h.sim.seed([{ cio_id: "cio_" }])).toThrow(/cio_id is empty/);
    expect(h.sim.people()).toHaveLength(1);
  });

  it("GET /__simulator/people/lookup finds by exactly one of id, email, cio_id; 404 when nobody", async () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }] });
    const person = h.sim.person({ id: "a" });
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a")).json).toEqual(person);
    expect((await h.inspect("GET", "/__simulator/people/lookup?email=A%40example.com")).json).toEqual(person);
    expect((await h.inspect("GET", `/__simulator/people/lookup?cio_id=cio_${person?.cio_id ?? ""}`)).json).toEqual(
      person,
    );
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=zz")).status).toBe(404);
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a&email=a%40example.com")).status).toBe(400);
    expect((await h.inspect("GET", "/__simulator/people/lookup")).status).toBe(400);
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=")).status).toBe(400);
  });

  it("GET /__simulator/people/lookup?include_deleted=true also finds a deleted person by id or email", async () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }] });
    h.sim.deletePerson({ id: "a" });
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a")).status).toBe(404);
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a&include_deleted=true")).json).toMatchObject({
      id: "a",
      deleted: true,
    });
    expect(
      (await h.inspect("GET", "/__simulator/people/lookup?email=A%40example.com&include_deleted=true")).json,
    ).toMatchObject({ deleted: true });
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a&include_deleted=maybe")).status).toBe(400);
    await h.client.identify({ id: "a" });
    expect((await h.inspect("GET", "/__simulator/people/lookup?id=a&include_deleted=true")).json).toMatchObject({
      id: "a",
      deleted: false,
    });
  });

  it("DELETE /__simulator/people/{cio_id} deletes (200 with the record), then 404", async () => {
    h = harness({ people: [{ id: "a" }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id ?? "";
    const deleted = await h.inspect("DELETE", `/__simulator/people/cio_${cioId}`);
    expect(deleted).toMatchObject({ status: 200, json: { cio_id: cioId, id: "a", deleted: true } });
    expect((await h.inspect("DELETE", `/__simulator/people/${cioId}`)).status).toBe(404);
    expect((await h.inspect("DELETE", "/__simulator/people/%E0%A4%A")).status).toBe(404);
  });

  it("GET /__simulator/activity?since=N pages through the log with last_seq", async () => {
    h = harness();
    await h.client.identify({ id: "a" });
    await h.client.update({ id: "ghost" });
    const all = await h.inspect("GET", "/__simulator/activity");
    expect(all.json).toEqual({ activity: h.sim.activity(), last_seq: 2, next_cursor: null });
    const later = await h.inspect("GET", "/__simulator/activity?since=1");
    expect(later.json).toEqual({
      activity: [expect.objectContaining({ seq: 2, type: "failed_attribute_change", clause: "C24" })],
      last_seq: 2,
      next_cursor: null,
    });
    expect((await h.inspect("GET", "/__simulator/activity?since=-1")).status).toBe(400);
    expect((await h.inspect("GET", "/__simulator/activity?since=abc")).status).toBe(400);
  });

  it("POST /__simulator/reset empties the workspace", async () => {
    h = harness({ people: [{ id: "a" }] });
    expect(await h.inspect("POST", "/__simulator/reset")).toMatchObject({ status: 200, json: {} });
    expect(h.sim.people()).toEqual([]);
  });

  it("GET and PATCH /__simulator/settings read and change the settings; a bad patch is 400", async () => {
    h = harness();
    expect((await h.inspect("GET", "/__simulator/settings")).json).toEqual(DEFAULT_SETTINGS);
    const patched = await h.inspect("PATCH", "/__simulator/settings", { allowEmailUpdatesById: true });
    expect(patched.json).toEqual({ ...DEFAULT_SETTINGS, identifiedBy: "email_or_id", allowEmailUpdatesById: true });
    expect(h.sim.settings().allowEmailUpdatesById).toBe(true);
    const bad = await h.inspect("PATCH", "/__simulator/settings", { identifiedBy: "phone", other: 1 });
    expect(bad.status).toBe(400);
    expect(h.sim.settings()).toEqual({ ...DEFAULT_SETTINGS, identifiedBy: "email_or_id", allowEmailUpdatesById: true });
    // The settings of the open choices go the same way.
    const choices = {
      bodyIdentifierPrecedence: "email",
      pathReplacesSetIdentifier: true,
      deletedAnonymousIds: "released",
    };
    expect((await h.inspect("PATCH", "/__simulator/settings", choices)).json).toMatchObject(choices);
    expect(h.sim.settings()).toMatchObject(choices);
    for (const wrong of [
      { bodyIdentifierPrecedence: "anonymous_id" },
      { deletedAnonymousIds: "kept" },
      { pathReplacesSetIdentifier: "yes" },
    ]) {
      expect((await h.inspect("PATCH", "/__simulator/settings", wrong)).status, JSON.stringify(wrong)).toBe(400);
    }
    expect(h.sim.settings()).toMatchObject(choices);
    expect(() => h.sim.updateSettings({ deletedAnonymousIds: "kept" as "reserved" })).toThrow(
      /workspace\.deletedAnonymousIds must be "reserved" or "released"/,
    );
  });

  it("every route needs the credentials: 401 with the envelope", async () => {
    h = harness();
    for (const [method, path] of [
      ["GET", "/__simulator/people"],
      ["POST", "/__simulator/people"],
      ["GET", "/__simulator/people/lookup?id=a"],
      ["DELETE", "/__simulator/people/x"],
      ["GET", "/__simulator/activity"],
      ["POST", "/__simulator/reset"],
      ["GET", "/__simulator/settings"],
      ["PATCH", "/__simulator/settings"],
    ] as const) {
      const response = await h.fetch(new Request(`${BASE}${path}`, { method }));
      expect(response.status, `${method} ${path}`).toBe(401);
      expect(await response.json()).toEqual({ meta: { error: "Unauthorized request" } });
    }
  });
});
