/**
 * The choices the endpoint's description leaves open, one id each (OC1 …): every reading the simulator offers is
 * tested here, and the README's table and docs/simulator.md name exactly these ids, with the setting (if any)
 * whose every value has its own case here. So the docs cannot promise a reading that is not tested.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SETTING_VALUES } from "../../src/simulator/settings.js";
import type { WorkspaceSettings } from "../../src/simulator/types.js";
import { harness, lastRequestEntries, type Harness } from "./support.js";

let h: Harness;
afterEach(() => expect(h.errors).toEqual([]));

interface Case {
  /** The reading, as the test's name says it. */
  reading: string;
  /** The workspace setting that selects this reading, when the choice is a setting. */
  setting?: Partial<WorkspaceSettings>;
  run: (h: Harness) => Promise<void>;
}

const kinds = (entries: readonly { type: string; clause?: string; identifier?: string }[]) =>
  entries.map((entry) => `${entry.type} ${entry.clause ?? ""} ${entry.identifier ?? ""}`.trim());

/** Two people: `a` (an id, no email) and `b` (an email, no id); the body names both. */
async function bothNamed(h: Harness): Promise<void> {
  h.sim.seed([{ id: "a" }, { email: "b@example.com" }]);
  await h.put("p", { id: "a", email: "b@example.com", plan: "pro" });
}

const CHOICES: Readonly<Record<string, readonly Case[]>> = {
  OC1: [
    {
      reading: "the body's id finds the person; the email is a C4 conflict",
      setting: { bodyIdentifierPrecedence: "id" },
      run: async (h) => {
        await bothNamed(h);
        expect(h.sim.person({ id: "a" })?.attributes).toEqual({ plan: "pro" });
        expect(h.sim.person({ email: "b@example.com" })?.attributes).toEqual({});
        expect(kinds(lastRequestEntries(h.sim))).toContain("attribute_update_failure C4 email");
      },
    },
    {
      reading: "the body's email finds the person; the id is a C4 conflict",
      setting: { bodyIdentifierPrecedence: "email" },
      run: async (h) => {
        await bothNamed(h);
        expect(h.sim.person({ email: "b@example.com" })?.attributes).toEqual({ plan: "pro" });
        expect(h.sim.person({ id: "a" })?.attributes).toEqual({});
        expect(kinds(lastRequestEntries(h.sim))).toContain("attribute_update_failure C4 id");
      },
    },
  ],
  OC2: [
    {
      reading: "C5 wins: the person keeps their id, nobody holds the path identifier",
      setting: { pathReplacesSetIdentifier: false },
      run: async (h) => {
        h.sim.seed([{ id: "old", email: "ada@example.com" }]);
        await h.put("new", { email: "ada@example.com", plan: "pro" });
        expect(h.sim.person({ id: "old" })?.attributes).toEqual({ plan: "pro" });
        expect(h.sim.person({ id: "new" })).toBeUndefined();
        expect(kinds(lastRequestEntries(h.sim))).toEqual([
          "attributes_updated C3 path",
          "attribute_update_failure C5 path",
        ]);
      },
    },
    {
      reading: "C3 wins: the person found through the body takes the path identifier",
      setting: { pathReplacesSetIdentifier: true },
      run: async (h) => {
        h.sim.seed([{ id: "old", email: "ada@example.com" }]);
        await h.put("new", { email: "ada@example.com", plan: "pro" });
        expect(h.sim.person({ id: "new" })).toMatchObject({ email: "ada@example.com", attributes: { plan: "pro" } });
        expect(h.sim.person({ id: "old" })).toBeUndefined();
        expect(h.sim.people()).toHaveLength(1);
      },
    },
  ],
  OC3: [
    {
      reading: "a body cio_id is neither a reference nor an attribute: the path decides",
      run: async (h) => {
        const [a] = h.sim.seed([{ id: "a" }]);
        await h.put("b", { cio_id: a?.cio_id, plan: "pro" });
        expect(h.sim.person({ id: "a" })?.attributes).toEqual({});
        expect(h.sim.person({ id: "b" })?.attributes).toEqual({ plan: "pro" });
        expect(kinds(lastRequestEntries(h.sim))).toEqual(["person_created C1 path"]);
      },
    },
  ],
  OC4: [
    {
      reading: "an email-shaped path is an email: an email-shaped id is reached only through cio_",
      setting: { identifiedBy: "email_or_id" },
      run: async (h) => {
        const [a] = h.sim.seed([{ id: "ada@example.com" }]);
        await h.put("ada@example.com", { plan: "pro" });
        expect(h.sim.people().map((person) => [person.id, person.email])).toEqual([
          ["ada@example.com", undefined],
          [undefined, "ada@example.com"],
        ]);
        await h.put(`cio_${a?.cio_id}`, { plan: "team" });
        expect(h.sim.person({ id: "ada@example.com" })?.attributes).toEqual({ plan: "team" });
      },
    },
    {
      reading: "where only ids identify people, an email-shaped path is an id",
      setting: { identifiedBy: "id" },
      run: async (h) => {
        h.sim.seed([{ id: "ada@example.com" }]);
        await h.put("ada@example.com", { plan: "pro" });
        expect(h.sim.people()).toEqual([
          expect.objectContaining({ id: "ada@example.com", attributes: { plan: "pro" } }),
        ]);
      },
    },
  ],
  OC5: [
    {
      reading: "a deleted person's anonymous_id stays reserved: C16 refuses it to anyone else",
      setting: { deletedAnonymousIds: "reserved" },
      run: async (h) => {
        h.sim.seed([{ id: "a", anonymous_id: "anon-1" }, { id: "b" }]);
        h.sim.deletePerson({ id: "a" });
        await h.put("b", { anonymous_id: "anon-1" });
        expect(h.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
        expect(kinds(lastRequestEntries(h.sim))).toContain("attribute_update_failure C16 anonymous_id");
      },
    },
    {
      reading: "a deleted person's anonymous_id is released: another person takes it",
      setting: { deletedAnonymousIds: "released" },
      run: async (h) => {
        h.sim.seed([{ id: "a", anonymous_id: "anon-1" }, { id: "b" }]);
        h.sim.deletePerson({ id: "a" });
        await h.put("b", { anonymous_id: "anon-1" });
        expect(h.sim.person({ id: "b" })?.anonymous_id).toBe("anon-1");
      },
    },
  ],
  OC6: [
    {
      reading: "the object applies first, then each dot-notation topic, whatever their order in the body",
      run: async (h) => {
        h.sim.seed([{ id: "a", topics: { topic_1: true, topic_2: true } }]);
        // The dot-notation key comes first in the JSON text: the order of keys does not matter.
        const body = `{"cio_subscription_preferences.topics.topic_3":true,"cio_subscription_preferences":{"topics":{"topic_1":false}}}`;
        await h.put("a", body);
        expect(h.sim.person({ id: "a" })?.topics).toEqual({ topic_1: false, topic_3: true });
      },
    },
  ],
  OC7: [
    {
      reading: "_update with an unknown cio_ is dropped under C8, not logged as a C24 Failed Attribute Change",
      run: async (h) => {
        await h.put("cio_03ffffffffffffff", { _update: true, plan: "pro" });
        expect(h.sim.people()).toEqual([]);
        expect(kinds(h.sim.activity())).toEqual(["request_dropped C8 path"]);
      },
    },
  ],
  OC8: [
    {
      reading: "anonymous_id names nobody: a body anonymous_id never finds its holder",
      run: async (h) => {
        h.sim.seed([{ id: "a", anonymous_id: "anon-1" }]);
        await h.put("b", { anonymous_id: "anon-1", plan: "pro" });
        expect(h.sim.person({ id: "a" })?.attributes).toEqual({});
        expect(h.sim.person({ id: "b" })).toMatchObject({ attributes: { plan: "pro" } });
        expect(h.sim.person({ id: "b" })?.anonymous_id).toBeUndefined();
      },
    },
  ],
};

for (const [id, cases] of Object.entries(CHOICES)) {
  describe(`open choice ${id}`, () => {
    for (const { reading, setting, run } of cases) {
      it(`${id}${setting === undefined ? "" : ` ${JSON.stringify(setting)}`}: ${reading}`, async () => {
        h = harness(setting === undefined ? {} : { workspace: setting });
        await run(h);
      });
    }
  });
}

/**
 * What is wrong between a document and the tested choices: a table row (README) or entry (docs) per id, and for a
 * row that names a setting, one case per value of it. `rows` are the table's lines that start with `| OC`.
 */
function choiceTableProblems(
  markdown: string,
  choices: Readonly<Record<string, readonly Case[]>>,
  form: "table" | "entries",
): string[] {
  const problems: string[] = [];
  const pattern = form === "table" ? /^\| (OC\d+) \|(.*)\|\s*$/gm : /^- \*\*(OC\d+)\b/gm;
  const found = new Map<string, string>();
  for (const match of markdown.matchAll(pattern)) {
    const id = match[1] ?? "";
    if (found.has(id)) problems.push(`${id} appears twice`);
    found.set(id, match[2] ?? "");
  }
  for (const id of Object.keys(choices)) if (!found.has(id)) problems.push(`${id} is tested but not documented`);
  for (const [id, row] of found) {
    const cases = choices[id];
    if (cases === undefined) {
      problems.push(`${id} is documented but has no test`);
      continue;
    }
    if (form !== "table") continue;
    const setting = /`(\w+)`\s*$/.exec(row.split("|").at(-1)?.trim() ?? "")?.[1];
    if (setting === undefined) continue;
    if (!(setting in SETTING_VALUES)) {
      problems.push(`${id} names ${setting}, which is not a workspace setting`);
      continue;
    }
    const values: readonly unknown[] = SETTING_VALUES[setting as keyof WorkspaceSettings];
    for (const value of values) {
      const tested = cases.some((c) => (c.setting as Record<string, unknown> | undefined)?.[setting] === value);
      if (!tested) problems.push(`${id}: ${setting} = ${JSON.stringify(value)} has no test`);
    }
  }
  return problems;
}

describe("the open-choices tables agree with the tests", () => {
  const root = join(import.meta.dirname, "..", "..");
  it("README.md: one row per tested choice, and every value of a row's setting tested", () => {
    expect(choiceTableProblems(readFileSync(join(root, "README.md"), "utf8"), CHOICES, "table")).toEqual([]);
  });

  it("docs/simulator.md: one entry per tested choice", () => {
    expect(choiceTableProblems(readFileSync(join(root, "docs/simulator.md"), "utf8"), CHOICES, "entries")).toEqual([]);
  });

  it("the check finds a missing row, an untested row, an unknown setting and an untested value", () => {
    const doc = [
      "| id | choice | reading | setting |",
      "| --- | --- | --- | --- |",
      "| OC1 | x | y | `bodyIdentifierPrecedence` |",
      "| OC9 | x | y | — |",
      "| OC2 | x | y | `noSuchSetting` |",
    ].join("\n");
    const one = (reading: string, setting?: Partial<WorkspaceSettings>): Case => ({
      reading,
      ...(setting && { setting }),
      run: async () => undefined,
    });
    const choices = {
      OC1: [one("id", { bodyIdentifierPrecedence: "id" })],
      OC2: [one("x")],
      OC3: [one("y")],
    };
    expect(choiceTableProblems(doc, choices, "table")).toEqual([
      "OC3 is tested but not documented",
      'OC1: bodyIdentifierPrecedence = "email" has no test',
      "OC9 is documented but has no test",
      "OC2 names noSuchSetting, which is not a workspace setting",
    ]);
    expect(choiceTableProblems("- **OC1** a\n- **OC1** again", { OC1: [one("x")] }, "entries")).toEqual([
      "OC1 appears twice",
    ]);
  });
});
