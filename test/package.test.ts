/**
 * The package as a user installs it: the build emits JS and declarations, the exports resolve, and the tarball
 * holds only what a user needs.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { serveSimulator as serveFromSource } from "../src/simulator/server.js";

const root = new URL("..", import.meta.url).pathname;
let files: string[] = [];
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  license?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  scripts?: Record<string, string>;
};

beforeAll(() => {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "pipe" });
  // The build has just run; --ignore-scripts keeps npm pack from running it again (prepare).
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--silent", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
    }),
  ) as {
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((f) => f.path);
});

describe("the published package", () => {
  it("holds dist, the spec, the README and package.json, and nothing else", () => {
    const outside = files.filter(
      (f) => !/^(dist\/(src|generated|conformance)\/|openapi\/|README\.md$|LICENSE$|package\.json$)/.test(f),
    );
    expect(outside).toEqual([]);
    expect(files).toContain("dist/src/index.js");
    expect(files).toContain("dist/src/index.d.ts");
    expect(files).toContain("openapi/customers.yaml");
    expect(files.some((f) => f.includes(".test."))).toBe(false);
  });

  it("holds the MIT license, the command with its shebang, and every file its exports name", () => {
    expect(files).toContain("LICENSE");
    expect(readFileSync(`${root}LICENSE`, "utf8")).toMatch(/^MIT License\n/);
    expect(pkg.license).toBe("MIT");
    const bin = pkg.bin?.["cio-customers"];
    expect(bin).toBe("dist/src/cli.js");
    expect(files).toContain(bin);
    expect(readFileSync(`${root}${bin}`, "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    const targets = Object.values(pkg.exports ?? {}).flatMap((e) => (typeof e === "string" ? [e] : Object.values(e)));
    expect(targets.length).toBeGreaterThan(4);
    for (const target of targets) expect(files, target).toContain(target.replace(/^\.\//, ""));
  });

  it("is built on install from git and on npm pack (prepare), and names no URL", () => {
    expect(pkg.scripts?.["prepare"]).toBe("npm run build");
    // No repository, homepage or bugs address until there is one that exists.
    const urls = JSON.stringify(pkg).match(/\b(?:https?|git|ssh)(?:\+\w+)?:\/\/[^"]*/g) ?? [];
    expect(urls).toEqual([]);
  });

  it("its main export loads from dist and exposes the client", async () => {
    const entry = (await import(`${root}dist/src/index.js`)) as Record<string, unknown>;
    expect(typeof entry["createCustomersClient"]).toBe("function");
    expect(typeof entry["setTopics"]).toBe("function");
    expect(typeof entry["ValidationError"]).toBe("function");
  });

  it("the client's entry point does not load ajv or any node: module", async () => {
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

  it("serves the simulator's inspector page from dist/, with its script and style", async () => {
    expect(files).toContain("dist/src/simulator/inspector/assets.js");
    const { serveSimulator } = (await import(`${root}dist/src/simulator/server.js`)) as {
      serveSimulator: typeof serveFromSource;
    };
    const served = await serveSimulator({ port: 0 });
    try {
      const headers = { authorization: `Basic ${btoa("sim-site:sim-key")}` };
      const page = await fetch(`${served.url}/__simulator/`, { headers });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('src="/__simulator/inspector/inspector.js"');
      for (const file of ["inspector.js", "inspector.css", "rules.json"]) {
        expect((await fetch(`${served.url}/__simulator/inspector/${file}`, { headers })).status, file).toBe(200);
      }
    } finally {
      await served.close();
    }
  });
});
