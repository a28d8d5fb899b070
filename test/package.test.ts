/**
 * The package as a user installs it: the build (`npm run build`, what `prepare` runs) emits JS and declarations, the
 * exports resolve, the tarball holds only what a user needs, and the built binary runs with plain `node` and no
 * loader, where the problems an import had are checked once more on the JavaScript a user runs. One build serves
 * all of it (the one `npm ci` made, or a new one when a source is newer than dist/): tests that rebuild dist/ must
 * not run beside each other.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../src/simulator/server.js";
import { NODE_NOISE, type Ran } from "./cli/support.js";
import { registerSecret } from "./support/secrets.js";

const root = new URL("..", import.meta.url).pathname;
let files: string[] = [];
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  license?: string;
  bin?: Record<string, string>;
  exports?: Record<string, string | Record<string, string>>;
  scripts?: Record<string, string>;
};

const KEY = "built-secret-key-8080";
registerSecret(KEY);
let served: ServedSimulator;
let work: string;
let bin: string;

/** Newest modification time of the files under `dir` (recursively) that `keep` accepts; 0 when there are none. */
function newest(dir: string, keep: (file: string) => boolean, pick = Math.max, start = 0): number {
  if (!existsSync(dir)) return start;
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter(keep)
    .reduce((time, file) => pick(time, statSync(join(dir, file)).mtimeMs), start);
}

/**
 * Whether dist/ is older than what it is built from. `npm ci` and `npm install` build it (prepare), so a fresh
 * checkout has it whole and current; a checkout edited since is rebuilt, and the checks read what the sources make.
 */
function distIsStale(): boolean {
  const built = newest(join(root, "dist"), (f) => f.endsWith(".js") || f.endsWith(".d.ts"), Math.min, Infinity);
  if (built === Infinity) return true;
  const inputs = Math.max(
    ...["src", "generated", "conformance"].map((d) => newest(join(root, d), (f) => f.endsWith(".ts"))),
    ...["package.json", "tsconfig.json", "tsconfig.build.json"].map((f) => statSync(join(root, f)).mtimeMs),
  );
  return inputs > built;
}

beforeAll(async () => {
  if (distIsStale()) execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: "pipe" });
  bin = join(root, "dist", "src", "cli.js");
  work = mkdtempSync(join(tmpdir(), "cio-built-"));
  served = await serveSimulator({ port: 0, apiKey: KEY });
  // dist/ is current; --ignore-scripts keeps npm pack from building it again (prepare).
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--dry-run", "--json", "--silent", "--ignore-scripts"], {
      cwd: root,
      encoding: "utf8",
    }),
  ) as {
    files: { path: string }[];
  }[];
  files = packed[0]!.files.map((f) => f.path);
}, 300_000);
afterAll(async () => {
  await served.close();
  rmSync(work, { recursive: true, force: true });
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
    const built = (await import(`${root}dist/src/simulator/server.js`)) as {
      serveSimulator: typeof serveSimulator;
    };
    const fromDist = await built.serveSimulator({ port: 0 });
    try {
      const headers = { authorization: `Basic ${btoa("sim-site:sim-key")}` };
      const page = await fetch(`${fromDist.url}/__simulator/`, { headers });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('src="/__simulator/inspector/inspector.js"');
      for (const file of ["inspector.js", "inspector.css", "rules.json"]) {
        expect((await fetch(`${fromDist.url}/__simulator/inspector/${file}`, { headers })).status, file).toBe(200);
      }
    } finally {
      await fromDist.close();
    }
  });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: work,
        env: {
          PATH: process.env["PATH"] ?? "",
          CIO_SITE_ID: served.simulator.siteId,
          CIO_API_KEY: KEY,
          CIO_BASE_URL: served.url,
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? ((error as { code?: number }).code ?? 1) : 0;
        expect(stdout + stderr).not.toContain(KEY);
        expect(stderr).not.toMatch(NODE_NOISE);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("the built cio-customers", () => {
  it("is plain JavaScript", () => {
    expect(existsSync(bin)).toBe(true);
  });

  it("wrong key: stops at once with exit 2; fixed key with --resume: every record in", async () => {
    served.simulator.reset();
    const file = join(work, "people.csv");
    writeFileSync(file, `id,n\n${Array.from({ length: 200 }, (_, i) => `b${i + 1},${i + 1}`).join("\n")}\n`);
    const wrong = await cli(["import", file, "--rate", "0"], { CIO_API_KEY: "built-wrong-key" });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^cio-customers import: stopped: the API refused the credentials \(HTTP 401\)/);
    const fixed = await cli(["import", file, "--rate", "0", "--resume"]);
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/200 records read: 200 accepted, 0 refused, 0 not sent/);
    expect(served.simulator.people()).toHaveLength(200);
  });

  it("a ragged row is refused with its counts; a duplicate header is a usage error", async () => {
    served.simulator.reset();
    const ragged = join(work, "ragged.csv");
    writeFileSync(ragged, "id,name,n\nrag-1,Smith, John,1\nok-2,Ann,2\n");
    const first = await cli(["import", ragged, "--rate", "0"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 records read: 1 accepted, 1 refused/);
    expect(served.simulator.person({ id: "rag-1" })).toBeUndefined();
    const duplicate = join(work, "duplicate.csv");
    writeFileSync(duplicate, "email,n,email\na@example.com,1,b@example.com\n");
    const second = await cli(["import", duplicate, "--rate", "0"]);
    expect(second.code).toBe(2);
    expect(second.stderr).toMatch(/the CSV header names "email" twice/);
  });

  it("keeps the conventions: usage errors, suggestions, --version in the help", async () => {
    const port = await cli(["simulate", "--port", "abc"]);
    expect(port).toMatchObject({ code: 2, stdout: "" });
    expect(port.stderr).toBe(
      'cio-customers simulate: --port must be a whole number from 0 to 65535, not "abc"\nRun cio-customers simulate --help for the options.\n',
    );
    expect((await cli(["identfy"])).stderr).toMatch(/did you mean identify\?/);
    expect((await cli(["--help"])).stdout).toMatch(/--version/);
  });

  it("reaches the conformance suite through the package's own export", async () => {
    const ran = await cli(["conformance", "--only", "C1", "--no-client"]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(/checks: \d+ passed, 0 failed/);
  });
});
