/**
 * The package as a user installs it: the build emits JS and declarations, the exports resolve, and the tarball
 * holds only what a user needs.
 */
import { execFileSync } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url).pathname;
let files: string[] = [];

beforeAll(() => {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "pipe" });
  const packed = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--json", "--silent"], { cwd: root, encoding: "utf8" })) as {
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((f) => f.path);
});

describe("the published package", () => {
  it("holds dist, the spec, the README and package.json, and nothing else", () => {
    const outside = files.filter((f) => !/^(dist\/(src|generated|conformance)\/|openapi\/|README\.md$|LICENSE$|package\.json$)/.test(f));
    expect(outside).toEqual([]);
    expect(files).toContain("dist/src/index.js");
    expect(files).toContain("dist/src/index.d.ts");
    expect(files).toContain("openapi/customers.yaml");
    expect(files.some((f) => f.includes(".test."))).toBe(false);
  });

  it("its main export loads from dist and exposes the client", async () => {
    const entry = (await import(`${root}dist/src/index.js`)) as Record<string, unknown>;
    expect(typeof entry["createCustomersClient"]).toBe("function");
    expect(typeof entry["setTopics"]).toBe("function");
    expect(typeof entry["ValidationError"]).toBe("function");
  });

  it("the client's entry point does not load ajv or any node: module", async () => {
    const { readFileSync } = await import("node:fs");
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, "utf8");
      for (const [, spec] of source.matchAll(/(?:import|export)[^"']*?from\s*["']([^"']+)["']/g)) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^(node:|ajv)/);
        if (spec!.startsWith(".")) visit(new URL(spec!, `file://${file}`).pathname);
      }
    };
    visit(`${root}dist/src/index.js`);
    expect(seen.size).toBeGreaterThan(5);
  });
});
