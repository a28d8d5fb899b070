import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { traceability, traceabilityMarkdown } from "../../conformance/traceability.js";

const root = new URL("../..", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("traceability of C1–C24", () => {
  const rows = traceability();

  it("covers all 24 rules, each with a behaviour check and at least one more check where the wire can show it", () => {
    expect(rows.map((r) => r.clause)).toEqual(Array.from({ length: 24 }, (_, i) => `C${i + 1}`));
    for (const row of rows) {
      expect(row.checks.length, `${row.clause} has no check`).toBeGreaterThan(0);
      expect(
        row.checks.some((c) => c.startsWith(`behaviour.${row.clause}.`)),
        `${row.clause} has no behaviour check`,
      ).toBe(true);
    }
  });

  it("names simulator files that implement the rule (they cite its id)", () => {
    for (const row of rows)
      expect(read(row.simulator), `${row.simulator} does not cite ${row.clause}`).toMatch(
        new RegExp(`\\b${row.clause}\\b`),
      );
  });

  it("every rule is stated in the spec (in the People tag's description)", () => {
    const spec = read("openapi/customers.yaml");
    for (const row of rows) expect(spec, `the spec does not state ${row.clause}`).toContain(`**${row.clause} `);
  });

  it("docs/conformance.md carries the current table (regenerate with npm run trace)", () => {
    expect(read("docs/conformance.md")).toContain(traceabilityMarkdown());
  });
});
