/**
 * The refusal table of docs/simulator.md is the list in src/simulator/refusals.ts, row for row: a refusal added,
 * changed or given another source or mode there fails this test until the page says the same.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { refusalTableRows } from "../../src/simulator/refusals.js";

const START = "<!-- refusals:start -->";
const END = "<!-- refusals:end -->";

/** How the table between the markers differs from the module's rows, in order; [] when they are equal. */
function refusalTableProblems(markdown: string, expected: readonly string[]): string[] {
  const start = markdown.indexOf(START);
  const end = markdown.indexOf(END);
  if (start < 0 || end < start) return [`no table between ${START} and ${END}`];
  const rows = markdown
    .slice(start + START.length, end)
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| refusal |") && !line.startsWith("| ---"));
  const problems: string[] = [];
  for (const row of expected) if (!rows.includes(row)) problems.push(`missing: ${row}`);
  for (const row of rows) if (!expected.includes(row)) problems.push(`not in refusals.ts: ${row}`);
  if (problems.length === 0 && rows.join("\n") !== expected.join("\n")) problems.push("rows in another order");
  return problems;
}

describe("the refusal table of docs/simulator.md", () => {
  it("equals the list in src/simulator/refusals.ts", () => {
    const page = readFileSync(join(import.meta.dirname, "..", "..", "docs", "simulator.md"), "utf8");
    expect(refusalTableProblems(page, refusalTableRows())).toEqual([]);
  });

  it("the check finds a missing table, a missing row, a row too many and rows out of order", () => {
    const rows = ["| a | `a` | 400 | s | default |", "| b | `b` | 400 | s | strict |"];
    const table = (lines: string[]) =>
      [START, "| refusal | code | status | source | mode |", "| --- |", ...lines, END].join("\n");
    expect(refusalTableProblems("no table", rows)).toEqual([`no table between ${START} and ${END}`]);
    expect(refusalTableProblems(table([rows[0] ?? ""]), rows)).toEqual([`missing: ${rows[1]}`]);
    expect(refusalTableProblems(table([...rows, "| c | `c` | 400 | s | default |"]), rows)).toEqual([
      "not in refusals.ts: | c | `c` | 400 | s | default |",
    ]);
    expect(refusalTableProblems(table([...rows].reverse()), rows)).toEqual(["rows in another order"]);
    expect(refusalTableProblems(table(rows), rows)).toEqual([]);
  });
});
