/**
 * The built binary, as the package ships it: the sources compiled with the build's tsconfig into a temporary
 * package folder (its own package.json, a link to node_modules), then run with plain `node` and no loader. The
 * problems an import had are checked here once more, on the JavaScript a user runs.
 */
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveSimulator, type ServedSimulator } from "../../src/simulator/server.js";
import { registerSecret } from "../support/secrets.js";
import { NODE_NOISE, ROOT, type Ran } from "./support.js";

const KEY = "built-secret-key-8080";
registerSecret(KEY);
let served: ServedSimulator;
let pkg: string;
let bin: string;

beforeAll(async () => {
  served = await serveSimulator({ port: 0, apiKey: KEY });
  pkg = mkdtempSync(join(tmpdir(), "cio-built-"));
  copyFileSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"), "dir");
  execFileSync(
    process.execPath,
    [
      join(ROOT, "node_modules", "typescript", "bin", "tsc"),
      "-p",
      join(ROOT, "tsconfig.build.json"),
      "--outDir",
      join(pkg, "dist"),
    ],
    { stdio: "pipe" },
  );
  bin = join(pkg, "dist", "src", "cli.js");
}, 300_000);
afterAll(async () => {
  await served.close();
  rmSync(pkg, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, ...args],
      {
        cwd: pkg,
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
    const file = join(pkg, "people.csv");
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
    const ragged = join(pkg, "ragged.csv");
    writeFileSync(ragged, "id,name,n\nrag-1,Smith, John,1\nok-2,Ann,2\n");
    const first = await cli(["import", ragged, "--rate", "0"]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/2 records read: 1 accepted, 1 refused/);
    expect(served.simulator.person({ id: "rag-1" })).toBeUndefined();
    const duplicate = join(pkg, "duplicate.csv");
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
