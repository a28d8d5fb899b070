/**
 * The package as users install it, each time into a fresh folder of its own: from a git URL (npm clones the
 * repository, installs it and runs its prepare script) and from the tarball `npm pack` makes in a fresh clone. In
 * each folder the `cio-customers` command runs, every entry point imports, and the README's quick starts run as
 * written: their TypeScript type-checks against the installed declarations and runs, and their shell commands run
 * against a simulator the installed command serves.
 *
 * It installs from the registry's packages (npm's cache first) and takes a few minutes, so it runs as its own
 * step (`npm run test:install`, part of .ci/run), not inside `npm test`. It tests what is committed: the clone
 * holds HEAD, not uncommitted changes.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { Marked, type Tokens } from "marked";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ciJobs, runCiJob } from "./ci-jobs.js";

const run = promisify(execFile);
const root = new URL("../..", import.meta.url).pathname;
const quiet = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
// Installing on a loaded two-core machine can take minutes; no duration is asserted.
const SLOW = { timeout: 600_000 };

let dir = "";
const folders: { name: string; path: string }[] = [];

/** A fresh folder holding nothing but a package.json, as `npm init` leaves it. */
function freshFolder(name: string): string {
  const path = join(dir, name);
  mkdirSync(path);
  writeFileSync(
    join(path, "package.json"),
    `${JSON.stringify({ name: `fresh-${name}`, private: true, type: "module" }, null, 2)}\n`,
  );
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cio-install-"));
  const clone = join(dir, "clone");
  await run("git", ["clone", "--quiet", root, clone]);

  const fromGit = freshFolder("git");
  const fromTarball = freshFolder("tarball");
  await Promise.all([
    run("npm", ["install", ...quiet, `git+file://${clone}`], { cwd: fromGit }),
    (async () => {
      // A fresh clone: dependencies without running any script, then npm pack, whose prepare builds dist/.
      await run("npm", ["ci", ...quiet, "--ignore-scripts"], { cwd: clone });
      const { stdout } = await run("npm", ["pack", "--json", "--loglevel=error", "--pack-destination", dir], {
        cwd: clone,
      });
      const [packed] = JSON.parse(stdout.slice(stdout.indexOf("["))) as { filename: string }[];
      await run("npm", ["install", ...quiet, join(dir, packed!.filename)], { cwd: fromTarball });
    })(),
  ]);
  folders.push({ name: "git URL", path: fromGit }, { name: "tarball", path: fromTarball });
}, SLOW.timeout);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface QuickStart {
  title: string;
  lang: string;
  code: string;
}

/** The code blocks under the README's "Quick starts", each with the heading it sits under. */
function quickStarts(): QuickStart[] {
  const tokens = new Marked().lexer(readFileSync(join(root, "README.md"), "utf8"));
  const blocks: QuickStart[] = [];
  let inside = false;
  let title = "";
  for (const token of tokens) {
    if (token.type === "heading") {
      const h = token as Tokens.Heading;
      if (h.depth <= 2) inside = h.text === "Quick starts";
      if (h.depth === 3) title = h.text;
    } else if (inside && token.type === "code") {
      const c = token as Tokens.Code;
      blocks.push({ title, lang: c.lang ?? "", code: c.text });
    }
  }
  return blocks;
}

/** `cio-customers simulate` from the installed package, on a free port; resolves with its base URL. */
async function serve(cwd: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(join(cwd, "node_modules", ".bin", "cio-customers"), ["simulate", "--port", "0"], {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`cio-customers simulate exited with ${code}`)));
    lines.on("line", (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  return { url, child };
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

describe("the CI jobs of docs/conformance.md, in the folder installed from the tarball", () => {
  it.each(ciJobs(readFileSync(join(root, "docs", "conformance.md"), "utf8")).map((job) => [job.name, job] as const))(
    "%s runs as written and passes",
    SLOW,
    async (_name, job) => {
      const cwd = folders[1]!.path;
      const ran = await runCiJob(job, cwd, { CIO_SITE_ID: "sim-site", CIO_API_KEY: "sim-key" });
      expect(ran.length).toBeGreaterThanOrEqual(1);
      const report = /--out (\S+)/.exec(ran.join("\n"))?.[1] ?? "";
      const xml = readFileSync(join(cwd, report), "utf8");
      expect(xml).toMatch(/<testsuites name="cio-customers conformance" tests="\d+" failures="0"/);
    },
  );
});

describe.each([0, 1])("installed into a fresh folder (%#: git URL, then tarball)", (index) => {
  const folder = () => folders[index]!;

  it("gives the cio-customers command", async () => {
    const { stdout } = await run(join(folder().path, "node_modules", ".bin", "cio-customers"), ["--help"], {
      cwd: folder().path,
    });
    expect(stdout).toMatch(/^Usage: cio-customers <command>/);
    expect(stdout).toContain("simulate");
  });

  it("has dist/, the LICENSE and the spec, and no sources or tests", () => {
    const pkg = join(folder().path, "node_modules", "cio-customers");
    for (const file of [
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/cli.js",
      "LICENSE",
      "openapi/customers.yaml",
    ]) {
      expect(existsSync(join(pkg, file)), `${folder().name}: ${file}`).toBe(true);
    }
    for (const file of ["src", "test", "bench", "scripts"])
      expect(existsSync(join(pkg, file)), `${folder().name}: ${file}`).toBe(false);
  });

  it("imports the client, the simulator and the conformance suite", async () => {
    const script = `
      const client = await import("cio-customers");
      const simulator = await import("cio-customers/simulator");
      const conformance = await import("cio-customers/conformance");
      console.log([typeof client.createCustomersClient, typeof simulator.createSimulator, typeof conformance.runConformance].join(" "));`;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: folder().path });
    expect(stdout.trim()).toBe("function function function");
  });

  it("gives each bundler the build its platform resolves: browser, Node, and the universal one elsewhere", async () => {
    const cwd = folder().path;
    const resolved = async (platform: "browser" | "node" | "neutral", conditions: string[] = []) => {
      const result = await build({
        stdin: { contents: 'export { createCustomersClient } from "cio-customers";', resolveDir: cwd },
        bundle: true,
        platform,
        conditions,
        mainFields: ["module", "main"],
        external: ["undici"],
        format: "esm",
        write: false,
        metafile: true,
        logLevel: "silent",
        absWorkingDir: cwd,
      });
      // What the import statement resolved to: the first import of the stdin module.
      return result.metafile.inputs["<stdin>"]?.imports[0]?.path;
    };
    expect(await resolved("browser")).toMatch(/dist\/src\/browser\.js$/);
    expect(await resolved("node")).toMatch(/dist\/src\/node\/index\.js$/);
    expect(await resolved("neutral", ["deno"])).toMatch(/dist\/src\/index\.js$/);
    expect(await resolved("neutral", ["worker"])).toMatch(/dist\/src\/index\.js$/);
  });

  it("runs the README's quick starts as written", SLOW, async () => {
    const cwd = folder().path;
    const blocks = quickStarts();
    expect(blocks.map((b) => b.title)).toEqual(
      expect.arrayContaining(["Send calls", "The simulator in your tests", "Contract checks in CI", "Import a file"]),
    );

    // TypeScript: type-checked against the installed package's declarations, then run.
    const ts = blocks.filter((b) => b.lang === "ts");
    expect(ts.length).toBeGreaterThanOrEqual(3);
    const files = ts.map((b, i) => {
      const file = join(cwd, `quick-start-${i + 1}.ts`);
      writeFileSync(file, `${b.code}\n\nexport {};\n`);
      return file;
    });
    writeFileSync(
      join(cwd, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          noEmit: true,
          types: ["node"],
          typeRoots: [join(root, "node_modules", "@types")],
        },
        files,
      }),
    );
    await run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], {
      cwd,
    });
    // Calls to Customer.io's hosts go to an in-process simulator (the same preload the README's own check uses).
    const tsx = pathToFileURL(join(root, "node_modules", "tsx", "dist", "esm", "index.mjs")).href;
    const preload = pathToFileURL(join(root, "test", "docs", "readme-preload.ts")).href;
    for (const file of files) {
      await run(process.execPath, ["--import", tsx, "--import", preload, file], {
        cwd,
        env: { ...process.env, README_EXAMPLE_REPORT: `${file}.json` },
      });
      expect(JSON.parse(readFileSync(`${file}.json`, "utf8")), file).toHaveProperty("simulatedRequests");
    }

    // Shell: against the installed command's simulator, credentials and address from the environment.
    const sh = blocks.filter((b) => b.lang === "sh");
    expect(sh.length).toBeGreaterThanOrEqual(2);
    const { url, child } = await serve(cwd);
    try {
      const env = { ...process.env, CIO_SITE_ID: "sim-site", CIO_API_KEY: "sim-key", CIO_BASE_URL: url, NO_COLOR: "1" };
      for (const b of sh) {
        const script = `set -e\n${b.code.replaceAll("http://127.0.0.1:4010", url)}`;
        await run("bash", ["-c", script], { cwd, env, timeout: 300_000 });
      }
      expect(readFileSync(join(cwd, "conformance.xml"), "utf8")).toContain("<testsuite");
      // The import reached the simulator: both people of the file exist there.
      for (const id of ["user-1", "user-2"]) {
        const answer = await fetch(`${url}/__simulator/people/lookup?id=${id}`, {
          headers: { authorization: `Basic ${btoa("sim-site:sim-key")}` },
        });
        expect(answer.status, id).toBe(200);
      }
    } finally {
      await stop(child);
    }
  });
});
