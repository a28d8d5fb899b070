/**
 * The README's TypeScript examples type-check against the source and run against the reference simulator.
 * Conventions (standalone blocks, credentials from CIO_SITE_ID / CIO_API_KEY, and the opt-out comment
 * `<!-- example: typecheck-only -->` before a block that should not run) are described in ./readme-harness.ts.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkExamples, describeFindings, extractBlocks, TYPECHECK_ONLY } from "./readme-harness.js";

const root = join(import.meta.dirname, "..", "..");
const work = join(root, "test-results", "readme");
// Each block runs in a Node process of its own; on a loaded two-core CI machine that can pass vitest's default 60 s.
const RUNS_EXAMPLES = { timeout: 300_000 };

// The README and every page of docs/ (the docs site renders the same files).
const documents = [
  "README.md",
  ...(existsSync(join(root, "docs"))
    ? readdirSync(join(root, "docs"))
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => `docs/${f}`)
    : []),
];

describe("the examples of README.md and docs/*.md", () => {
  it.each(documents)(
    "every ```ts block of %s type-checks and, unless marked typecheck-only, runs against the simulator",
    RUNS_EXAMPLES,
    async (doc) => {
      const report = await checkExamples(readFileSync(join(root, doc), "utf8"), join(work, doc.replace(/\W+/g, "-")));
      expect(report.findings, describeFindings(doc, report.findings)).toEqual([]);
      if (doc === "README.md") {
        expect(report.blocks.length, "README.md has no ```ts blocks").toBeGreaterThan(0);
        // The examples that call the API did call it: at least one request reached the simulator.
        expect(report.ran.reduce((sum, r) => sum + r.simulatedRequests, 0)).toBeGreaterThan(0);
      }
    },
  );
});

describe("the harness fails bad examples", () => {
  // A small document of its own, each block wrong in one way, one block right, and the opt-out.
  const doc = [
    "# Fixture", //                                                                  1
    "", //                                                                           2
    "```ts", //                                                                      3  type error
    'import { createCustomersClient } from "cio-customers";', //                     4
    'createCustomersClient({ siteId: 42, apiKey: "k" });', //                         5
    "```", //                                                                        6
    "", //                                                                           7
    "```typescript", //                                                              8  refused by the server: throws
    'import { createCustomersClient } from "cio-customers";', //                     9
    'const c = createCustomersClient({ siteId: "wrong", apiKey: "wrong" });', //     10
    'await c.identify({ id: "user-1" });', //                                         11
    "```", //                                                                        12
    "", //                                                                           13
    TYPECHECK_ONLY, //                                                               14
    "", //                                                                           15
    "```ts", //                                                                      16 same, but not run
    'import { createCustomersClient } from "cio-customers";', //                     17
    'const c = createCustomersClient({ siteId: "wrong", apiKey: "wrong" });', //     18
    'await c.identify({ id: "user-1" });', //                                         19
    "```", //                                                                        20
    "", //                                                                           21
    "```ts", //                                                                      22 another host
    'await fetch("https://example.com/");', //                                        23
    "```", //                                                                        24
    "", //                                                                           25
    "```ts", //                                                                      26 right
    'import { createCustomersClient } from "cio-customers";', //                     27
    'const c = createCustomersClient({ siteId: process.env["CIO_SITE_ID"] ?? "", apiKey: process.env["CIO_API_KEY"] ?? "" });', // 28
    'await c.identify({ id: "user-1" }, { plan: "basic" });', //                     29
    "```", //                                                                        30
    "", //                                                                           31
    "```sh", //                                                                      32 not TypeScript
    "npm test", //                                                                   33
    "```", //                                                                        34
  ].join("\n");

  it("finds the blocks, their lines and the opt-out", () => {
    expect(extractBlocks(doc).map((b) => [b.line, b.typecheckOnly])).toEqual([
      [3, false],
      [8, false],
      [16, true],
      [22, false],
      [26, false],
    ]);
  });

  it(
    "reports exactly the type error (with its README line), the refused call and the outside request",
    RUNS_EXAMPLES,
    async () => {
      const report = await checkExamples(doc, join(work, "fixture"));
      const summary = report.findings.map((f) => ({ block: f.block, line: f.line, stage: f.stage }));
      expect(summary, describeFindings("fixture.md", report.findings)).toEqual([
        { block: 3, line: 5, stage: "typecheck" },
        { block: 8, line: 8, stage: "run" },
        { block: 22, line: 22, stage: "run" },
      ]);
      const [typeError, refused, outside] = report.findings;
      expect(typeError?.message).toMatch(/^TS2322: Type 'number' is not assignable to type 'string'/);
      expect(refused?.message).toMatch(/401/);
      expect(outside?.message).toMatch(/https:\/\/example\.com/);
      // The type-broken block is not run; the typecheck-only block is not run; the good one ran and was served.
      expect(report.ran.map((r) => r.block).toSorted((a, b) => a - b)).toEqual([8, 22, 26]);
      expect(report.ran.find((r) => r.block === 26)?.simulatedRequests).toBe(1);
    },
  );
});
