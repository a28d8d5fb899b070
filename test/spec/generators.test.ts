/**
 * The generator matrix itself (scripts/generators.ts) must fail when the document breaks a generated client. The
 * full matrix runs in CI (`npm run generators`); here one cheap generator runs against a broken copy of the
 * document, with the project's own openapi-typescript and TypeScript, so nothing is installed.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { complaints, generators, stateProblems, table } from "../../scripts/generators.js";
import type { PersonRecord } from "../../src/simulator/index.js";

const root = new URL("../..", import.meta.url).pathname;

function matrix(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(join(root, "node_modules", ".bin", "tsx"), [join(root, "scripts", "generators.ts"), ...args], {
      cwd: root,
      env: { ...process.env, CIO_GENERATOR_TOOLS: root, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("npm run generators", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "cio-generators-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("fails, naming generator and step, when the document types created_at as a string", async () => {
    const spec = readFileSync(join(root, "openapi", "customers.yaml"), "utf8");
    const broken = spec.replace(/(\n {8}created_at:\n {10}type: )integer/, "$1string");
    expect(broken).not.toBe(spec);
    const file = join(scratch, "broken.yaml");
    writeFileSync(file, broken);
    const { status, output } = await matrix([
      "--only",
      "openapi-typescript",
      "--steps",
      "generate,typecheck,body types",
      "--spec",
      file,
    ]);
    expect(status).toBe(1);
    expect(output).toContain("| openapi-typescript | pass | pass | FAIL | skipped | skipped |");
    // The body-types program no longer compiles: created_at now refuses a number.
    expect(output).toMatch(/openapi-typescript · body types: body-types\.ts\(\d+,\d+\): error TS/);
  }, 600_000);

  it("counts any line a generator prints about the document, beyond its known banner and progress lines", () => {
    const zodClient = generators.find((g) => g.name === "openapi-zod-client")!;
    expect(
      complaints(zodClient, "Retrieving OpenAPI document from x.yaml\nDone generating <out/client.ts> !\n"),
    ).toEqual([]);
    expect(
      complaints(zodClient, "Retrieving OpenAPI document from x.yaml\nWarning: schema has an unsupported keyword\n"),
    ).toEqual(["Warning: schema has an unsupported keyword"]);
  });

  it("reads the simulator's state: a person missing, an identifier encoded twice, an attribute lost", () => {
    const person = (over: Partial<PersonRecord>): PersonRecord =>
      ({
        cio_id: "1",
        attributes: {},
        topics: {},
        unsubscribed: false,
        relationships: [],
        deleted: false,
        ...over,
      }) as PersonRecord;
    const good = [
      person({
        email: "a+b@example.com",
        created_at: 1700000000,
        attributes: { first_name: "Ada" },
        topics: { topic_3: false },
      }),
      person({
        id: "ops/team#1?q=%41",
        attributes: { plan: "premium", seats: 12 },
        topics: { topic_1: true },
        relationships: [{ object_type_id: "1", object_id: "acme", attributes: {} }],
      }),
    ];
    expect(stateProblems(good)).toEqual([]);
    expect(stateProblems(good.slice(0, 1))).toHaveLength(2);
    expect(stateProblems([good[0]!, { ...good[1]!, id: "ops%2Fteam%231%3Fq%3D%2541" }]).join("\n")).toContain(
      'nobody holds "ops/team#1?q=%41"',
    );
    expect(stateProblems([good[0]!, { ...good[1]!, attributes: { plan: "premium" } }]).join("\n")).toContain(
      "expected",
    );
  });

  it("prints one row per generator and one column per step", () => {
    const outcomes = { generate: "pass", typecheck: "pass", "body types": "FAIL", zod: "n/a", call: "pass" } as const;
    expect(table([{ generator: "g", outcomes, details: [] }]).split("\n")).toEqual([
      "| generator | generate | typecheck | body types | zod | call |",
      "| --- | --- | --- | --- | --- | --- |",
      "| g | pass | pass | FAIL | n/a | pass |",
    ]);
  });
});

describe("the generator table of the README", () => {
  // Each row's generator column starts with its package names ("openapi-typescript + openapi-fetch (…)"), and its
  // version column gives their versions in the same order ("7.13.0 / 0.17.0").
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## The spec in other generators"));
  const rows = section
    .slice(0, section.indexOf("\n## ", 1))
    .split("\n")
    .filter((line) => /^\| \S/.test(line) && !line.startsWith("| generator") && !line.startsWith("| ---"))
    .map((line) => line.split("|").map((cell) => cell.trim()))
    .filter((cells) => /^\d/.test(cells[2] ?? ""));
  const lock = JSON.parse(readFileSync(join(root, "generators", "package-lock.json"), "utf8")) as {
    packages: Record<string, { version?: string }>;
  };

  it("names every generator the matrix runs, at the version generators/ pins", () => {
    expect(rows.map((cells) => (cells[1] ?? "").split(/ [+(]/)[0]?.trim())).toEqual(generators.map((g) => g.name));
    for (const cells of rows) {
      const names = (cells[1] ?? "").replace(/\s*\(.*\)$/, "").split(" + ");
      const versions = (cells[2] ?? "").split(" / ");
      expect(versions, cells[1]).toHaveLength(names.length);
      names.forEach((name, i) =>
        expect(`${name}@${versions[i] ?? "?"}`).toBe(
          `${name}@${lock.packages[`node_modules/${name}`]?.version ?? "?"}`,
        ),
      );
    }
  });
});
