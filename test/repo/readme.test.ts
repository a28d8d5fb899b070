/**
 * The README starts where users start and stays short: the two commands of a checkout first, then install and the
 * quick starts, and under 15 KB, with the long material in docs/.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

describe("the README", () => {
  it("is under 15 KB (15,000 bytes)", () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(15_000);
  });

  it("opens with the two commands of a checkout, then install, then the quick starts", () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    expect(firstBlock).toMatch(/^npm ci && npm start\b/m);
    expect(firstBlock).toMatch(/^npm ci && npm test\b/m);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 2)).toEqual(["Install", "Quick starts"]);
  });

  it("names every dependency in its list, at the version package.json pins, saying why", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const list = readme.slice(readme.indexOf("## Dependencies")).replace(/\s+/g, " ");
    const named = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })
      // Type packages and ESLint's own rule set go with the package they describe.
      .filter(([name]) => !name.startsWith("@types/") && name !== "@eslint/js")
      .map(([name, version]) => `**${name}** ${version}`);
    expect(named.filter((entry) => !list.includes(entry))).toEqual([]);
  });
});
