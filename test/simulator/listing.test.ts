/**
 * Paged listings: GET /__simulator/people and GET /__simulator/activity, and the in-process peoplePage() and
 * activityPage() that answer them. Route responses are checked against openapi/simulator.yaml by the harness.
 */
import { afterEach, describe, expect, it } from "vitest";
import { ListingQueryError, MAX_PAGE_LIMIT, type PersonRecord } from "../../src/simulator/index.js";
import { PEOPLE_SCAN_BUDGET } from "../../src/simulator/workspace.js";
import { harness, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

const people = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ id: `u${from + i}`, email: `U${from + i}@Example.com` }));

/** Every page of a listing over HTTP, following next_cursor. */
async function allPages(
  path: string,
  key: "people" | "activity",
): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = path.includes("?") ? "&" : "?";
    const reply = await h.inspect("GET", cursor === null ? path : `${path}${sep}cursor=${encodeURIComponent(cursor)}`);
    expect(reply.status).toBe(200);
    items.push(...(reply.json[key] as Record<string, unknown>[]));
    cursor = reply.json["next_cursor"] as string | null;
    pages++;
  } while (cursor !== null);
  return { items, pages };
}

describe("GET /__simulator/people, paged", () => {
  it("pages oldest first with limit and cursor, never repeating or skipping anyone, and ends with next_cursor null", async () => {
    h = harness({ people: people(25) });
    const first = await h.inspect("GET", "/__simulator/people?limit=10");
    expect((first.json["people"] as PersonRecord[]).map((p) => p.id)).toEqual(people(10).map((p) => p.id));
    expect(first.json["next_cursor"]).toEqual(expect.any(String));
    const { items, pages } = await allPages("/__simulator/people?limit=10", "people");
    expect(pages).toBe(3);
    expect(items.map((p) => p["id"])).toEqual(people(25).map((p) => p.id));
    // Default limit: 100, so 25 people are one page.
    expect((await h.inspect("GET", "/__simulator/people")).json).toEqual({ people: h.sim.people(), next_cursor: null });
  });

  it("people created between pages appear on later pages; deleted people only with include_deleted=true", async () => {
    h = harness({ people: people(4) });
    h.sim.deletePerson({ id: "u1" });
    const first = await h.inspect("GET", "/__simulator/people?limit=2");
    expect((first.json["people"] as PersonRecord[]).map((p) => p.id)).toEqual(["u0", "u2"]);
    h.sim.seed(people(1, 4));
    const next = await h.inspect("GET", `/__simulator/people?limit=2&cursor=${String(first.json["next_cursor"])}`);
    expect((next.json["people"] as PersonRecord[]).map((p) => p.id)).toEqual(["u3", "u4"]);
    const all = await allPages("/__simulator/people?limit=2&include_deleted=true", "people");
    expect(all.items.map((p) => [p["id"], p["deleted"]])).toEqual([
      ["u0", false],
      ["u1", true],
      ["u2", false],
      ["u3", false],
      ["u4", false],
    ]);
  });

  it("q finds by exact cio_id (with or without cio_), id, or email in any case; not by prefix", async () => {
    h = harness({
      people: [
        { id: "ada", email: "Ada@Example.com" },
        { id: "ada@example.com" },
        { id: "bob", email: "bob@example.com" },
      ],
    });
    const ada = h.sim.person({ id: "ada" });
    const ids = async (q: string, extra = "") =>
      (
        (await h.inspect("GET", `/__simulator/people?q=${encodeURIComponent(q)}${extra}`)).json[
          "people"
        ] as PersonRecord[]
      ).map((p) => p.id);
    expect(await ids("ada")).toEqual(["ada"]);
    expect(await ids(ada?.cio_id ?? "")).toEqual(["ada"]);
    expect(await ids(`cio_${ada?.cio_id ?? ""}`)).toEqual(["ada"]);
    // One address, two people: the one whose email it is, and the one whose id it is (ids are case-sensitive).
    expect(await ids("ada@example.com")).toEqual(["ada", "ada@example.com"]);
    expect(await ids("ADA@example.COM")).toEqual(["ada"]);
    expect(await ids("ad")).toEqual([]);
    expect(await ids("nobody")).toEqual([]);
    h.sim.deletePerson({ id: "bob" });
    expect(await ids("bob")).toEqual([]);
    expect(await ids("bob", "&include_deleted=true")).toEqual(["bob"]);
    expect(await ids("BOB@example.com", "&include_deleted=true")).toEqual(["bob"]);
    expect(h.sim.people({ q: "ada" }).map((p) => p.id)).toEqual(["ada"]);
  });

  it("q finds an email where the workspace identifies people by id, several people sharing it included", async () => {
    h = harness({
      workspace: { identifiedBy: "id" },
      people: [
        { id: "a", email: "same@example.com" },
        { id: "b", email: "Same@example.com" },
      ],
    });
    const first = await h.inspect("GET", "/__simulator/people?q=same%40example.com&limit=1");
    expect((first.json["people"] as PersonRecord[]).map((p) => p.id)).toEqual(["a"]);
    const next = await h.inspect(
      "GET",
      `/__simulator/people?q=same%40example.com&limit=1&cursor=${String(first.json["next_cursor"])}`,
    );
    expect(next.json).toEqual({ people: [expect.objectContaining({ id: "b" })], next_cursor: null });
    expect(h.sim.person({ email: "SAME@example.com" })?.id).toBe("a");
  });

  it("q finds everyone who gave an address through deletes, a new holder and identifiedBy switched both ways", async () => {
    h = harness({ people: [{ id: "old", email: "x@example.com" }] });
    const ids = (includeDeleted = true) => h.sim.people({ q: "X@example.com", includeDeleted }).map((p) => p.id);
    h.sim.deletePerson({ id: "old" });
    // The address is free again: a new person takes it.
    await h.client.identify({ email: "x@example.com" }, { plan: "new" });
    const holder = h.sim.person({ email: "x@example.com" });
    expect(holder?.attributes).toEqual({ plan: "new" });
    expect(ids()).toEqual(["old", undefined]);
    h.sim.updateSettings({ identifiedBy: "id" });
    h.sim.seed([{ id: "third", email: "x@example.com" }]);
    expect(ids()).toEqual(["old", undefined, "third"]);
    h.sim.updateSettings({ identifiedBy: "email_or_id" });
    // The oldest live holder keeps the address; nobody is lost from search, the deleted person included.
    expect(h.sim.person({ email: "x@example.com" })?.cio_id).toBe(holder?.cio_id);
    expect(ids()).toEqual(["old", undefined, "third"]);
    expect(ids(false)).toEqual([undefined, "third"]);
    h.sim.deletePerson({ cioId: holder?.cio_id ?? "" });
    expect(ids()).toEqual(["old", undefined, "third"]);
    expect(h.sim.people({ q: "x@example.com", includeDeleted: false }).map((p) => p.id)).toEqual(["third"]);
  });

  it("a page looks at a bounded number of people: one over mostly deleted people ends early with a cursor", () => {
    h = harness({ people: people(PEOPLE_SCAN_BUDGET + 5) });
    for (let i = 0; i < PEOPLE_SCAN_BUDGET; i++) h.sim.deletePerson({ id: `u${i}` });
    const first = h.sim.peoplePage({ limit: 10 });
    expect(first.people).toEqual([]);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = h.sim.peoplePage({ limit: 10, cursor: first.next_cursor ?? "" });
    expect(second.people.map((p) => p.id)).toEqual(people(5, PEOPLE_SCAN_BUDGET).map((p) => p.id));
    expect(second.next_cursor).toBeNull();
  });

  it("refuses a bad limit, a cursor it did not give and a cursor from before a reset (400 naming the parameter)", async () => {
    h = harness({ people: people(3) });
    const cursor = h.sim.peoplePage({ limit: 1 }).next_cursor ?? "";
    for (const query of [
      "limit=0",
      `limit=${MAX_PAGE_LIMIT + 1}`,
      "limit=ten",
      "limit=1.5",
      "cursor=",
      "cursor=bm9wZQ",
      "q=",
      "include_deleted=yes",
    ]) {
      const reply = await h.inspect("GET", `/__simulator/people?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.text, query).toContain(`query ${query.split("=")[0] ?? ""}`);
    }
    expect((await h.inspect("GET", `/__simulator/people?cursor=${cursor}`)).status).toBe(200);
    h.sim.reset();
    const stale = await h.inspect("GET", `/__simulator/people?cursor=${cursor}`);
    expect(stale).toMatchObject({ status: 400, json: { meta: { errors: [expect.stringContaining("reset")] } } });
    // An activity cursor is not a people cursor.
    expect(() =>
      h.sim.peoplePage({ cursor: h.sim.activityPage({ limit: 1 }).next_cursor ?? "YWN0aXZpdHk6MTphc2M6MQ" }),
    ).toThrow(ListingQueryError);
    expect(() => h.sim.peoplePage({ limit: 0 })).toThrow(/limit must be a whole number from 1 to 1000/);
  });
});

describe("GET /__simulator/activity, paged", () => {
  async function makeLog(): Promise<void> {
    h = harness();
    for (let i = 0; i < 5; i++) await h.client.identify({ id: `p${i}` });
    await h.client.update({ id: "ghost" });
    await h.client.update({ id: "ghost2" });
  }

  it("pages oldest first, or newest first with order=desc, and filters by type and clause", async () => {
    await makeLog();
    const asc = await allPages("/__simulator/activity?limit=2", "activity");
    expect(asc.items.map((e) => e["seq"])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(asc.pages).toBe(4);
    const desc = await allPages("/__simulator/activity?limit=3&order=desc", "activity");
    expect(desc.items.map((e) => e["seq"])).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const since = await allPages("/__simulator/activity?limit=2&order=desc&since=4", "activity");
    expect(since.items.map((e) => e["seq"])).toEqual([7, 6, 5]);
    const misses = await allPages("/__simulator/activity?clause=C24", "activity");
    expect(misses.items.map((e) => e["seq"])).toEqual([6, 7]);
    const created = await allPages("/__simulator/activity?type=person_created&limit=1", "activity");
    expect(created.items).toHaveLength(5);
    expect(h.sim.activity({ order: "desc", type: "failed_attribute_change" }).map((e) => e.seq)).toEqual([7, 6]);
    const page = await h.inspect("GET", "/__simulator/activity?limit=1");
    expect(page.json).toEqual({
      activity: [expect.objectContaining({ seq: 1 })],
      last_seq: 7,
      next_cursor: expect.any(String),
    });
  });

  it("refuses bad parameters and a cursor given for the other order", async () => {
    await makeLog();
    for (const query of ["since=-1", "order=up", "type=created", "clause=4", "limit=0", "cursor=abc"]) {
      const reply = await h.inspect("GET", `/__simulator/activity?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.text, query).toContain(`query ${query.split("=")[0] ?? ""}`);
    }
    const asc = h.sim.activityPage({ limit: 1 }).next_cursor ?? "";
    expect(() => h.sim.activityPage({ order: "desc", cursor: asc })).toThrow(ListingQueryError);
    expect(h.sim.activityPage({ cursor: asc }).activity[0]?.seq).toBe(2);
  });

  it("entries the log dropped between pages are skipped, not an error", async () => {
    h = harness({ activityLimit: 2 });
    await h.client.identify({ id: "a" });
    await h.client.identify({ id: "b" });
    const first = h.sim.activityPage({ limit: 1 });
    for (let i = 0; i < 40; i++) await h.client.identify({ id: `c${i}` });
    const next = h.sim.activityPage({ limit: 1, cursor: first.next_cursor ?? "" });
    expect(next.activity[0]?.seq).toBeGreaterThan(2);
  });
});
