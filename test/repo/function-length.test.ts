/**
 * The lint's limit on function length: 60 lines in src/ and conformance/, blank lines and comment lines not
 * counted. Checked on probe text through the project's own ESLint configuration.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: new URL("../..", import.meta.url).pathname });

/** A function whose body has `statements` lines, each line with a `// note` and a blank line after it. */
function probe(statements: number): string {
  const body = Array.from({ length: statements }, (_, i) => `  total += ${i}; // step ${i}\n\n  // why\n`).join("");
  return `export function probe(): number {\n  let total = 0;\n${body}  return total;\n}\n`;
}

async function lengthErrors(text: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === "max-lines-per-function")
    .map((message) => message.message);
}

describe("no function over 60 lines", () => {
  it("refuses 61 counted lines in src/ and conformance/, and names the function", async () => {
    // Declaration, `let`, 57 statements, `return`, closing brace: 61.
    for (const filePath of ["src/probe.ts", "conformance/probe.ts"]) {
      expect(await lengthErrors(probe(57), filePath)).toEqual([
        "Function 'probe' has too many lines (61). Maximum allowed is 60.",
      ]);
    }
  });

  it("passes 60, however many blank and comment lines stand between them", async () => {
    expect(await lengthErrors(probe(56), "src/probe.ts")).toEqual([]);
  });
});
