/**
 * The rules behind the inspector's rule links: read from the spec wherever it lists them, with the fragment of the
 * rendered reference that shows them.
 */
import { describe, expect, it } from "vitest";
import { specRules } from "../../src/simulator/inspector/rules.js";

const list = [
  "Intro.",
  "",
  "- **C1 create.** A new person is",
  "  created.",
  "- **C4 conflict.** The call can still answer `200`.",
  "",
  "**Known limits.** Not a rule.",
].join("\n");

describe("specRules", () => {
  it("finds C1–C24 in the project's spec, each with a name, its text and where the reference shows it", () => {
    const rules = specRules();
    expect(rules.map((r) => r.id)).toEqual(Array.from({ length: 24 }, (_, i) => `C${i + 1}`));
    for (const rule of rules) {
      expect(rule.name.length, rule.id).toBeGreaterThan(2);
      expect(rule.text.length, rule.id).toBeGreaterThan(20);
      expect(rule.anchor, rule.id).toMatch(/^tag\/\w+/);
    }
    expect(rules.find((r) => r.id === "C4")?.name).toBe("conflict");
  });

  it("follows the list from a tag's description to an operation's", () => {
    const inTag = specRules({ tags: [{ name: "People", description: list }], paths: {} });
    expect(inTag).toEqual([
      { id: "C1", name: "create", text: "A new person is created.", anchor: "tag/People" },
      { id: "C4", name: "conflict", text: "The call can still answer `200`.", anchor: "tag/People" },
    ]);
    const inOperation = specRules({
      paths: { "/a": { put: { operationId: "identify", tags: ["People"], description: list } } },
    });
    expect(inOperation.map((r) => r.anchor)).toEqual([
      "tag/People/operation/identify",
      "tag/People/operation/identify",
    ]);
  });

  it("finds nothing in a document without the list", () => {
    expect(specRules({ info: { description: "**C4** is mentioned, not listed." }, paths: {} })).toEqual([]);
    expect(specRules("not a document")).toEqual([]);
  });
});
