/**
 * Identity resolution, C1–C11, C23 and C24, through the real client in-process. Each test asserts the state the
 * call left behind and the activity log, since the wire answer is `200 {}` whatever happened.
 */
import { afterEach, describe, expect, it } from "vitest";
import { harness, lastRequestEntries, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

describe("identity resolution", () => {
  it("C1 create: nobody holds the path id or the body email → a person is created with both", async () => {
    h = harness();
    const result = await h.client.identify({ id: "u1" }, { email: "ada@example.com", plan: "premium" });
    expect(result.status).toBe(200);
    const people = h.sim.people();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({
      id: "u1",
      email: "ada@example.com",
      attributes: { plan: "premium" },
      deleted: false,
    });
    expect(people[0]?.cio_id).toMatch(/^[0-9a-f]{16}$/);
    expect(h.sim.activity()).toEqual([
      expect.objectContaining({
        seq: 1,
        type: "person_created",
        clause: "C1",
        cio_id: people[0]?.cio_id,
        identifier: "path",
      }),
    ]);
  });

  it("C1 create by email: an email path creates a person holding that email and no id", async () => {
    h = harness();
    await h.client.identify({ email: "ada@example.com" }, { plan: "basic" });
    expect(h.sim.people()).toEqual([
      expect.objectContaining({ email: "ada@example.com", attributes: { plan: "basic" } }),
    ]);
    expect(h.sim.people()[0]?.id).toBeUndefined();
  });

  it("C2 update by path: the person holding the path id is updated and keeps their other attributes", async () => {
    h = harness({ people: [{ id: "u1", email: "ada@example.com", attributes: { plan: "premium", seats: 3 } }] });
    const before = h.sim.person({ id: "u1" });
    await h.client.identify({ id: "u1" }, { plan: "enterprise" });
    expect(h.sim.people()).toHaveLength(1);
    expect(h.sim.person({ id: "u1" })).toMatchObject({
      cio_id: before?.cio_id,
      attributes: { plan: "enterprise", seats: 3 },
    });
    expect(lastRequestEntries(h.sim)).toEqual([
      expect.objectContaining({
        type: "attributes_updated",
        clause: "C2",
        cio_id: before?.cio_id,
        reason: expect.stringContaining("plan"),
      }),
    ]);
  });

  it("C3 adopt: the path id is unknown but the body email names a person → that person is updated and gets the id", async () => {
    h = harness({ people: [{ email: "ada@example.com" }] });
    const ada = h.sim.person({ email: "ada@example.com" });
    await h.client.identify({ id: "u-new" }, { email: "ada@example.com", plan: "premium" });
    expect(h.sim.people()).toHaveLength(1);
    expect(h.sim.person({ id: "u-new" })).toMatchObject({
      cio_id: ada?.cio_id,
      email: "ada@example.com",
      attributes: { plan: "premium" },
    });
    expect(lastRequestEntries(h.sim)).toEqual([
      expect.objectContaining({ type: "attributes_updated", clause: "C3", cio_id: ada?.cio_id }),
      expect.objectContaining({ type: "attributes_updated", clause: "C3", identifier: "path" }),
    ]);
  });

  it("C3 adopt: the email path is unknown but the body id names a person → that person gets the email", async () => {
    h = harness({ people: [{ id: "u1" }] });
    await h.client.identify({ email: "ada@example.com" }, { id: "u1" });
    expect(h.sim.people()).toEqual([expect.objectContaining({ id: "u1", email: "ada@example.com" })]);
  });

  it("C3 adopt refuses to overwrite: the person found through the body already has another id → C5 failure for the path", async () => {
    h = harness({ people: [{ id: "old", email: "ada@example.com" }] });
    await h.client.identify({ id: "new" }, { email: "ada@example.com", plan: "x" });
    expect(h.sim.people()).toEqual([expect.objectContaining({ id: "old", attributes: { plan: "x" } })]);
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C5", identifier: "path" }),
    );
  });

  it("C4 conflict: path id names A, body email belongs to B → 200, A updated without the email, failure logged", async () => {
    h = harness({
      people: [
        { id: "a", email: "a@example.com" },
        { id: "b", email: "b@example.com" },
      ],
    });
    const [a, b] = h.sim.people();
    const result = await h.client.identify({ id: "a" }, { email: "b@example.com", plan: "x" });
    expect(result.status).toBe(200);
    expect(h.sim.person({ id: "a" })).toMatchObject({ email: "a@example.com", attributes: { plan: "x" } });
    expect(h.sim.person({ id: "b" })).toMatchObject({ email: "b@example.com", attributes: {} });
    expect(lastRequestEntries(h.sim)).toContainEqual({
      seq: expect.any(Number),
      at: expect.any(Number),
      request: expect.any(Number),
      type: "attribute_update_failure",
      clause: "C4",
      identifier: "email",
      cio_id: a?.cio_id,
      conflicting_cio_id: b?.cio_id,
      reason: "The identifier is already associated with a different profile.",
    });
  });

  it("C4 conflict: path email names A, body id belongs to B → the id is not applied", async () => {
    h = harness({ people: [{ email: "a@example.com" }, { id: "b" }] });
    await h.client.identify({ email: "a@example.com" }, { id: "b" });
    expect(h.sim.person({ email: "a@example.com" })?.id).toBeUndefined();
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C4", identifier: "id" }),
    );
  });

  it("C5 changing a set identifier needs cio_: a new email by id, and a new id by email, are refused", async () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }] });
    await h.client.identify({ id: "a" }, { email: "new@example.com" });
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C5", identifier: "email" }),
    );
    await h.client.identify({ email: "a@example.com" }, { id: "a2" });
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C5", identifier: "id" }),
    );
    expect(h.sim.people()).toEqual([expect.objectContaining({ id: "a", email: "a@example.com" })]);
  });

  it("C6 email by id: with allowEmailUpdatesById on, a person referenced by id gets the new email", async () => {
    h = harness({ workspace: { allowEmailUpdatesById: true }, people: [{ id: "a", email: "a@example.com" }] });
    await h.client.identify({ id: "a" }, { email: "new@example.com" });
    expect(h.sim.person({ id: "a" })?.email).toBe("new@example.com");
    expect(h.sim.person({ email: "a@example.com" })).toBeUndefined();
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attributes_updated", clause: "C6", identifier: "email" }),
    );
    // The exception covers email only: the id still needs cio_.
    await h.client.identify({ email: "new@example.com" }, { id: "a2" });
    expect(lastRequestEntries(h.sim)).toContainEqual(expect.objectContaining({ clause: "C5", identifier: "id" }));
  });

  it("C6 email by id: turning the setting on at run time takes effect on the next call", async () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }] });
    await h.client.identify({ id: "a" }, { email: "new@example.com" });
    expect(h.sim.person({ id: "a" })?.email).toBe("a@example.com");
    h.sim.updateSettings({ allowEmailUpdatesById: true });
    await h.client.identify({ id: "a" }, { email: "new@example.com" });
    expect(h.sim.person({ id: "a" })?.email).toBe("new@example.com");
  });

  it("C7 cio_ reference updates identifiers: id and email both change, with or without the prefix given", async () => {
    h = harness({ people: [{ id: "a", email: "a@example.com" }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id ?? "";
    await h.client.identify({ cioId }, { id: "a2", email: "a2@example.com", plan: "x" });
    expect(h.sim.person({ cioId })).toMatchObject({ id: "a2", email: "a2@example.com", attributes: { plan: "x" } });
    expect(h.sim.person({ id: "a" })).toBeUndefined();
    const entries = lastRequestEntries(h.sim);
    expect(entries[0]).toMatchObject({ type: "attributes_updated", clause: "C7", cio_id: cioId });
    expect(entries.filter((e) => e.clause === "C7" && e.identifier !== "path").map((e) => e.identifier)).toEqual([
      "id",
      "email",
    ]);
    await h.client.identify({ cioId: `cio_${cioId}` }, { id: "a3" });
    expect(h.sim.person({ cioId: `cio_${cioId}` })?.id).toBe("a3");
  });

  it("C7 cio_ reference still refuses an identifier another person holds (C4)", async () => {
    h = harness({ people: [{ id: "a" }, { id: "b" }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id ?? "";
    await h.client.identify({ cioId }, { id: "b" });
    expect(h.sim.person({ cioId })?.id).toBe("a");
    expect(lastRequestEntries(h.sim)).toContainEqual(expect.objectContaining({ clause: "C4", identifier: "id" }));
  });

  it("C8 unknown cio_: the request is dropped (200), nothing is created, request_dropped is logged", async () => {
    h = harness();
    const result = await h.client.identify({ cioId: "ffffffffffffffff" }, { id: "x", plan: "y" });
    expect(result.status).toBe(200);
    expect(h.sim.people({ includeDeleted: true })).toEqual([]);
    expect(h.sim.activity()).toEqual([
      expect.objectContaining({
        type: "request_dropped",
        clause: "C8",
        identifier: "path",
        cio_id: "ffffffffffffffff",
      }),
    ]);
  });

  it("C8 deleted cio_: a request to a deleted person is dropped and their record is left as it was", async () => {
    h = harness({ people: [{ id: "a", attributes: { plan: "old" } }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id ?? "";
    expect(h.sim.deletePerson({ cioId })).toBe(true);
    const before = h.sim.person({ cioId });
    await h.client.identify({ cioId }, { plan: "new", id: "a" });
    expect(h.sim.person({ cioId })).toEqual(before);
    expect(before).toMatchObject({ deleted: true, attributes: { plan: "old" } });
    expect(lastRequestEntries(h.sim)).toEqual([
      expect.objectContaining({ type: "request_dropped", clause: "C8", cio_id: cioId }),
    ]);
    // The deleted person's id is free again: the same id now creates someone new (C1).
    await h.client.identify({ id: "a" });
    expect(h.sim.person({ id: "a" })?.cio_id).not.toBe(cioId);
  });

  it("C9 email is case-insensitive: PERSON@EXAMPLE.COM reaches person@example.com, whose address keeps its case", async () => {
    h = harness();
    await h.client.identify({ email: "Ada@Example.com" }, { plan: "a" });
    await h.client.identify({ email: "ADA@EXAMPLE.COM" }, { plan: "b" });
    await h.client.identify({ id: "u1" }, { email: "ada@example.com" });
    expect(h.sim.people()).toEqual([
      expect.objectContaining({ email: "Ada@Example.com", id: "u1", attributes: { plan: "b" } }),
    ]);
    expect(h.sim.person({ email: "aDa@eXample.com" })?.id).toBe("u1");
  });

  it("C10 identifier forms: cio_ prefix → cio_id, an address → email, anything else (a phone number) → id", async () => {
    h = harness();
    await h.client.identify({ email: "ada@example.com" });
    await h.client.identify({ id: "+15551234567" });
    const [ada, phone] = h.sim.people();
    expect(ada).toMatchObject({ email: "ada@example.com" });
    expect(ada?.id).toBeUndefined();
    expect(phone).toMatchObject({ id: "+15551234567" });
    await h.client.identify(`cio_${ada?.cio_id ?? ""}`, { plan: "x" });
    expect(h.sim.person({ email: "ada@example.com" })?.attributes).toEqual({ plan: "x" });
  });

  it("C10 a cio_id must carry the prefix: the bare value is read as an id and creates someone else", async () => {
    h = harness({ people: [{ id: "a" }] });
    const cioId = h.sim.person({ id: "a" })?.cio_id ?? "";
    await h.client.identify({ id: cioId }, { plan: "x" });
    expect(h.sim.people()).toHaveLength(2);
    expect(h.sim.person({ id: cioId })?.cio_id).not.toBe(cioId);
    expect(h.sim.person({ id: "a" })?.attributes).toEqual({});
  });

  it("C10 in a workspace identified by id only, an email-shaped path is an id (case-sensitive) and email is an attribute", async () => {
    h = harness({ workspace: { identifiedBy: "id" } });
    await h.client.identify({ email: "ada@example.com" }, { email: "ada@example.com" });
    await h.client.identify({ email: "ADA@example.com" }, { email: "ada@example.com" });
    expect(h.sim.people().map((p) => [p.id, p.email])).toEqual([
      ["ada@example.com", "ada@example.com"],
      ["ADA@example.com", "ada@example.com"],
    ]);
  });

  it("C11 setting an id by email: a person referenced by email gets an id once; changing it needs cio_", async () => {
    h = harness({ people: [{ email: "ada@example.com" }] });
    const cioId = h.sim.person({ email: "ada@example.com" })?.cio_id ?? "";
    await h.client.identify({ email: "ada@example.com" }, { id: "a1" });
    expect(h.sim.person({ cioId })?.id).toBe("a1");
    await h.client.identify({ email: "ada@example.com" }, { id: "a2" });
    expect(h.sim.person({ cioId })?.id).toBe("a1");
    expect(lastRequestEntries(h.sim)).toContainEqual(
      expect.objectContaining({ type: "attribute_update_failure", clause: "C5", identifier: "id" }),
    );
    await h.client.identify({ cioId }, { id: "a2" });
    expect(h.sim.person({ cioId })?.id).toBe("a2");
  });

  it("C23 no create: update() for an unknown id creates nobody, and updates an existing person normally", async () => {
    h = harness({ people: [{ id: "a" }] });
    await h.client.update({ id: "ghost" }, { plan: "x" });
    expect(h.sim.people().map((p) => p.id)).toEqual(["a"]);
    await h.client.update({ id: "a" }, { plan: "y" });
    expect(h.sim.person({ id: "a" })?.attributes).toEqual({ plan: "y" });
    expect(lastRequestEntries(h.sim)).toEqual([expect.objectContaining({ type: "attributes_updated", clause: "C2" })]);
  });

  it("C23 no create: update() with an unknown path but a known body email updates (adopts) instead of failing", async () => {
    h = harness({ people: [{ email: "ada@example.com" }] });
    await h.client.update({ id: "u1" }, { email: "ada@example.com" });
    expect(h.sim.people()).toEqual([expect.objectContaining({ id: "u1", email: "ada@example.com" })]);
  });

  it("C24 failed attribute change: update() whose identifiers match nobody logs failed_attribute_change", async () => {
    h = harness();
    const result = await h.client.update({ id: "ghost" }, { email: "nobody@example.com", plan: "x" });
    expect(result.status).toBe(200);
    expect(h.sim.people({ includeDeleted: true })).toEqual([]);
    expect(h.sim.activity()).toEqual([
      expect.objectContaining({
        type: "failed_attribute_change",
        clause: "C24",
        identifier: "path",
        reason: expect.stringContaining("C23"),
      }),
    ]);
  });
});

describe("an address several live people share (identifiedBy switched to id and back)", () => {
  /** a, b and c give one address in a workspace identified by id; then email identifies people again. */
  async function sharing(): Promise<Record<"a" | "b" | "c", string>> {
    h = harness({ workspace: { identifiedBy: "id" } });
    await h.client.identify({ id: "a" }, { email: "same@example.com" });
    await h.client.identify({ id: "b" }, { email: "Same@example.com" });
    await h.client.identify({ id: "c" }, { email: "SAME@example.com" });
    h.sim.updateSettings({ identifiedBy: "email_or_id" });
    const cio = (id: string) => h.sim.person({ id })?.cio_id ?? "";
    return { a: cio("a"), b: cio("b"), c: cio("c") };
  }

  it("deleting the person the address finds hands it to the earliest created live one of the others", async () => {
    const { a, b, c } = await sharing();
    expect(h.sim.person({ email: "same@example.com" })?.cio_id).toBe(a);
    h.sim.deletePerson({ id: "a" });
    expect(h.sim.person({ email: "same@example.com" })?.cio_id).toBe(b);
    // A call by the address updates b: nobody is created, nothing is refused.
    await h.client.identify({ email: "SAME@example.com" }, { plan: "premium" });
    expect(h.sim.people().map((p) => [p.id, p.attributes])).toEqual([
      ["b", { plan: "premium" }],
      ["c", {}],
    ]);
    h.sim.deletePerson({ cioId: b });
    expect(h.sim.person({ email: "same@example.com" })?.cio_id).toBe(c);
    h.sim.deletePerson({ cioId: c });
    expect(h.sim.person({ email: "same@example.com" })).toBeUndefined();
    // The address is free: a call by it creates a new person.
    await h.client.identify({ email: "same@example.com" }, {});
    expect(h.sim.people().map((p) => [p.email, p.id])).toEqual([["same@example.com", undefined]]);
  });

  it("the holder moving to another address through cio_ hands the old one on too; a change of case keeps it", async () => {
    const { a, b } = await sharing();
    await h.client.identify({ cioId: a }, { email: "SAME@EXAMPLE.COM" });
    expect(h.sim.person({ email: "same@example.com" })?.cio_id).toBe(a);
    await h.client.identify({ cioId: a }, { email: "elsewhere@example.com" });
    expect(h.sim.person({ email: "elsewhere@example.com" })?.id).toBe("a");
    expect(h.sim.person({ email: "same@example.com" })?.cio_id).toBe(b);
    expect(h.sim.people({ q: "same@example.com" }).map((p) => p.id)).toEqual(["b", "c"]);
  });
});
