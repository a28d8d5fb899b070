/**
 * The generator matrix (`npm run generators`): generates a client from openapi/customers.yaml with each client
 * generator a spec-first team is likely to use, each in a temporary folder, and checks the result the way that
 * team would:
 *
 *   generate    the generator exits 0 and prints no warning or error about the document
 *   typecheck   the output compiles under `strict` with `skipLibCheck: false`
 *   body types  the request-body type keeps the declared fields (`created_at: "yesterday"` does not compile) and
 *               accepts custom attributes, the dot-notation topic key, topics as a map of booleans and
 *               cio_relationships
 *   zod         (where the generator makes zod schemas) every named example of the spec parses, and a
 *               wrong-typed created_at is refused
 *   call        a small program with the generated client sends two people, with identifiers that need
 *               encoding, to a simulator served by this process; the simulator must then hold exactly those
 *               people with those attributes (so the identifier was encoded exactly once)
 *
 * Prints a table (generator × step) and exits 1 when any step fails. The generators live in generators/, a
 * package of their own with a committed lockfile, installed here on first run so that the project's `npm ci`
 * stays lean.
 *
 *   npm run generators [-- --only orval,hey-api] [--steps generate,typecheck] [--spec path/to/other.yaml]
 *
 * `CIO_GENERATOR_TOOLS=<folder>` uses the node_modules of another folder (which must hold the tools the chosen
 * generators need) instead of installing generators/.
 */
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs, stripVTControlCharacters } from "node:util";
import { serveSimulator } from "../src/simulator/server.js";
import type { PersonRecord } from "../src/simulator/index.js";
import { people } from "../generators/cases/people.js";

const root = resolve(import.meta.dirname, "..");
const generatorsDir = join(root, "generators");
const casesDir = join(generatorsDir, "cases");

export const STEPS = ["generate", "typecheck", "body types", "zod", "call"] as const;
export type Step = (typeof STEPS)[number];
type Outcome = "pass" | "FAIL" | "n/a" | "skipped";

interface Generator {
  name: string;
  /** Writes the generated client into `out/` of the work folder. Returns the command's combined output. */
  generate(work: string, spec: string, bin: (name: string) => string): { status: number | null; output: string };
  /** Lines of the generator's output that are not about the document, each with the reason. */
  benign?: { pattern: RegExp; why: string }[];
  /** How the body-types check imports the request-body type, and its name there. */
  bodyType: { imports: string; type: string };
  /** How the zod check imports the request-body schema, when the generator makes one. */
  zod?: { imports: string; schema: string };
}

function run(command: string, args: string[], cwd: string): { status: number | null; output: string } {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true" },
    timeout: 300_000,
  });
  return {
    status: result.status,
    output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}`,
  };
}

function runAsync(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ status: number | null; output: string }> {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolvePromise({ status, output });
    });
  });
}

export const generators: Generator[] = [
  {
    name: "openapi-typescript",
    generate: (work, spec, bin) =>
      run(bin("openapi-typescript"), [spec, "-o", join(work, "out", "customers.ts")], work),
    benign: [
      { pattern: /^✨ openapi-typescript [\d.]+$/u, why: "the banner" },
      { pattern: /^🚀 .* → .*\[[\d.]+m?s\]$/u, why: "the result line" },
    ],
    bodyType: {
      imports: `import type { components } from "./out/customers";`,
      type: `components["schemas"]["PersonAttributes"]`,
    },
  },
  {
    name: "@hey-api/openapi-ts",
    generate(work, spec, bin) {
      writeFileSync(
        join(work, "openapi-ts.config.mjs"),
        `export default ${JSON.stringify({
          input: spec,
          output: "out",
          logs: { level: "warn", file: false },
          plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk", "zod"],
        })};\n`,
      );
      return run(bin("openapi-ts"), ["--file", "openapi-ts.config.mjs"], work);
    },
    benign: [
      { pattern: /^@hey-api\/openapi-ts v[\d.]+$/u, why: "the banner" },
      {
        pattern: /^\[Job \d+\] (⏳ Generating from \d+ inputs?:|\s*\[\d+\] .*|✅ Done! Your output is in .*)$/u,
        why: "progress lines",
      },
    ],
    bodyType: { imports: `import type { PersonAttributes } from "./out/types.gen";`, type: "PersonAttributes" },
    zod: { imports: `import { zPersonAttributes } from "./out/zod.gen";`, schema: "zPersonAttributes" },
  },
  {
    name: "orval",
    generate(work, spec, bin) {
      copyFileSync(join(casesDir, "orval.fetcher.ts"), join(work, "fetcher.ts"));
      writeFileSync(
        join(work, "orval.config.cjs"),
        `module.exports = ${JSON.stringify({
          client: {
            input: { target: spec },
            output: {
              target: "./out/client.ts",
              client: "fetch",
              mode: "single",
              override: { mutator: { path: "./fetcher.ts", name: "customFetch" } },
            },
          },
          zod: { input: { target: spec }, output: { target: "./out/zod.ts", client: "zod", mode: "single" } },
        })};\n`,
      );
      return run(bin("orval"), ["--config", "orval.config.cjs"], work);
    },
    benign: [
      { pattern: /^🍻 orval v[\d.]+ - A swagger client generator for typescript$/u, why: "the banner" },
      {
        pattern: /^🎉 (client|zod) - Your OpenAPI spec has been converted into ready to use orval!$/u,
        why: "the result line",
      },
    ],
    bodyType: { imports: `import type { PersonAttributes } from "./out/client";`, type: "PersonAttributes" },
    zod: { imports: `import { identifyBody } from "./out/zod";`, schema: "identifyBody" },
  },
  {
    name: "swagger-typescript-api",
    generate: (work, spec, bin) =>
      run(
        bin("swagger-typescript-api"),
        ["generate", "--path", spec, "--output", join(work, "out"), "--name", "api.ts"],
        work,
      ),
    benign: [
      { pattern: /^(ℹ|\[info\]) Code generator will use the default template for "\w+"$/u, why: "template choice" },
      { pattern: /^(ℹ|\[info\]) try to get swagger by path ".*"$/u, why: "progress line" },
      { pattern: /^(ℹ|\[info\]) start generating your typescript api$/u, why: "progress line" },
      { pattern: /^(✔|\[success\]) api file "api\.ts" created in .*$/u, why: "the result line" },
    ],
    bodyType: { imports: `import type { PersonAttributes } from "./out/api";`, type: "PersonAttributes" },
  },
  {
    name: "openapi-zod-client",
    generate: (work, spec, bin) => run(bin("openapi-zod-client"), [spec, "-o", join(work, "out", "client.ts")], work),
    benign: [
      { pattern: /^Retrieving OpenAPI document from .*$/u, why: "progress line" },
      { pattern: /^Done generating <.*> !$/u, why: "the result line" },
      {
        // Printed on every run, followed by the list of such endpoints: the list is empty (checked below).
        pattern:
          /^The following endpoints have no status code other than `default` and were ignored as the OpenAPI spec recommends\. However they could be added by setting `defaultStatusBehavior` to `auto-correct`:$/u,
        why: "an empty list of ignored endpoints",
      },
    ],
    bodyType: {
      imports: `import type { z } from "zod";\nimport { schemas } from "./out/client";`,
      type: "z.input<typeof schemas.PersonAttributes>",
    },
    zod: { imports: `import { schemas } from "./out/client";`, schema: "schemas.PersonAttributes" },
  },
];

/** Lines of a generator's output that say something about the document (warnings, errors, skipped parts). */
export function complaints(generator: Pick<Generator, "benign">, output: string): string[] {
  return output
    .split(/\r?\n/)
    .map((line) => stripVTControlCharacters(line).trim())
    .filter((line) => line !== "")
    .filter((line) => !(generator.benign ?? []).some((b) => b.pattern.test(line)));
}

const TSCONFIG = {
  compilerOptions: {
    strict: true,
    skipLibCheck: false,
    noEmit: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "Bundler",
    lib: ["ES2022", "DOM", "DOM.Iterable"],
    types: ["node"],
    allowImportingTsExtensions: false,
  },
};

function bodyTypesProgram(g: Generator): string {
  return `${g.bodyType.imports}

type Body = ${g.bodyType.type};

export const accepted: Body[] = [
  { id: "user-5678", email: "ada@example.com", created_at: 1700000000, _update: true, unsubscribed: false },
  { first_name: "Ada", seats: 12, trial: false, tags: ["a", "b"], address: { city: "Paris" } },
  { "cio_subscription_preferences.topics.topic_3": false },
  { cio_subscription_preferences: { topics: { topic_1: true, topic_7: false } } },
  { cio_relationships: { action: "add_relationships", relationships: [{ identifiers: { object_type_id: "1", object_id: "acme" }, relationship_attributes: { role: "admin" } }] } },
];

// @ts-expect-error created_at is declared as Unix seconds, an integer
export const wrongCreatedAt: Body = { created_at: "yesterday" };
// @ts-expect-error a topic preference is a boolean
export const wrongTopic: Body = { cio_subscription_preferences: { topics: { topic_1: "yes" } } };
// @ts-expect-error the relationship action is one of two names
export const wrongAction: Body = { cio_relationships: { action: "merge", relationships: [] } };
`;
}

function zodProgram(g: NonNullable<Generator["zod"]>): string {
  return `import { readFileSync } from "node:fs";
${g.imports}

const examples = JSON.parse(readFileSync(new URL("./examples.json", import.meta.url), "utf8")) as Record<string, unknown>;
const problems: string[] = [];
for (const [name, value] of Object.entries(examples)) {
  const result = ${g.schema}.safeParse(value);
  if (!result.success) problems.push(\`example \${name} refused: \${result.error.message.slice(0, 300)}\`);
}
for (const wrong of [{ created_at: "yesterday" }, { created_at: null }]) {
  if (${g.schema}.safeParse(wrong).success) problems.push(\`accepted \${JSON.stringify(wrong)}\`);
}
if (problems.length > 0) {
  console.error(problems.join("\\n"));
  process.exit(1);
}
`;
}

/** The named request-body examples of the document, read from its dereferenced bundle. */
function examplesOf(spec: string, bin: (name: string) => string, work: string): Record<string, unknown> {
  const bundle = join(work, "bundle.json");
  const result = run(bin("redocly"), ["bundle", spec, "--dereferenced", "--ext", "json", "-o", bundle], work);
  if (result.status !== 0) throw new Error(`redocly bundle failed:\n${result.output}`);
  const doc = JSON.parse(readFileSync(bundle, "utf8")) as {
    paths: Record<
      string,
      { put?: { requestBody?: { content?: Record<string, { examples?: Record<string, { value: unknown }> }> } } }
    >;
  };
  const media = doc.paths["/api/v1/customers/{identifier}"]?.put?.requestBody?.content?.["application/json"];
  return Object.fromEntries(Object.entries(media?.examples ?? {}).map(([name, example]) => [name, example.value]));
}

/** What the simulator must hold after a program sent `people`: one person per identifier, with those attributes. */
export function stateProblems(held: PersonRecord[]): string[] {
  const problems: string[] = [];
  if (held.length !== people.length)
    problems.push(`the simulator holds ${held.length} people, expected ${people.length}`);
  for (const { identifier, attributes } of people) {
    const person = held.find((p) => p.id === identifier || p.email === identifier);
    if (person === undefined) {
      problems.push(
        `nobody holds ${JSON.stringify(identifier)} (held: ${held.map((p) => JSON.stringify(p.id ?? p.email)).join(", ")})`,
      );
      continue;
    }
    const expected: Record<string, unknown> = { attributes: {}, topics: {}, relationships: [] };
    const expectedAttributes: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "created_at") expected["created_at"] = value;
      else if (name === "cio_subscription_preferences")
        expected["topics"] = (value as { topics: Record<string, boolean> }).topics;
      else if (name.startsWith("cio_subscription_preferences.topics."))
        expected["topics"] = { [name.slice("cio_subscription_preferences.topics.".length)]: value };
      else if (name === "cio_relationships") {
        expected["relationships"] = (
          value as { relationships: { identifiers: { object_type_id: string; object_id: string } }[] }
        ).relationships.map((r) => ({
          ...r.identifiers,
          attributes: {},
        }));
      } else expectedAttributes[name] = value;
    }
    expected["attributes"] = expectedAttributes;
    const actual = {
      attributes: person.attributes,
      topics: person.topics,
      relationships: person.relationships,
      ...(person.created_at === undefined ? {} : { created_at: person.created_at }),
    };
    if (JSON.stringify(sortKeys(actual)) !== JSON.stringify(sortKeys(expected))) {
      problems.push(
        `${JSON.stringify(identifier)} holds ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
      );
    }
  }
  return problems;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}

function ensureInstalled(): string {
  const override = process.env["CIO_GENERATOR_TOOLS"];
  if (override !== undefined && override !== "") return resolve(override);
  const marker = join(generatorsDir, "node_modules", ".package-lock.json");
  if (!existsSync(marker)) {
    console.log("Installing the generators (npm ci --prefix generators) …");
    const result = spawnSync("npm", ["ci", "--prefix", generatorsDir, "--ignore-scripts", "--no-audit", "--no-fund"], {
      stdio: ["ignore", "inherit", "inherit"],
      timeout: 600_000,
    });
    if (result.status !== 0) throw new Error(`npm ci --prefix generators failed (${result.status ?? result.signal})`);
  }
  return generatorsDir;
}

export interface Row {
  generator: string;
  outcomes: Record<Step, Outcome>;
  details: string[];
}

async function runOne(
  g: Generator,
  spec: string,
  toolsDir: string,
  steps: readonly Step[],
  examples: () => Record<string, unknown>,
): Promise<Row> {
  const row: Row = {
    generator: g.name,
    outcomes: Object.fromEntries(STEPS.map((s) => [s, steps.includes(s) ? "n/a" : "skipped"])) as Record<Step, Outcome>,
    details: [],
  };
  const bin = (name: string) => join(toolsDir, "node_modules", ".bin", name);
  const tsx = join(root, "node_modules", ".bin", "tsx");
  // Inside generators/, so that generated code and programs resolve their runtime dependencies (zod, axios, …).
  const work = mkdtempSync(join(toolsDir === generatorsDir ? generatorsDir : toolsDir, ".work-"));
  const fail = (step: Step, detail: string) => {
    row.outcomes[step] = "FAIL";
    row.details.push(`${g.name} · ${step}: ${detail.trim().split("\n").slice(0, 20).join("\n    ")}`);
  };
  try {
    copyFileSync(join(casesDir, "people.ts"), join(work, "people.ts"));
    mkdirSync(join(work, "out"));
    const generated = g.generate(work, spec, bin);
    const noise = complaints(g, generated.output);
    if (generated.status !== 0) {
      fail("generate", `exit ${generated.status}\n${generated.output}`);
      return row;
    }
    if (steps.includes("generate")) {
      if (noise.length > 0) fail("generate", noise.join("\n"));
      else row.outcomes.generate = "pass";
    }

    const checked: string[] = [];
    if (steps.includes("body types")) {
      writeFileSync(join(work, "body-types.ts"), bodyTypesProgram(g));
      checked.push("body-types.ts");
    }
    const callFile = join(casesDir, `${g.name.replace(/^@hey-api\/openapi-ts$/, "hey-api")}.call.ts`);
    if (steps.includes("call")) {
      copyFileSync(callFile, join(work, "call.ts"));
      checked.push("call.ts");
    }
    if (g.zod && steps.includes("zod")) {
      writeFileSync(join(work, "zod-check.ts"), zodProgram(g.zod));
      writeFileSync(join(work, "examples.json"), JSON.stringify(examples()));
      checked.push("zod-check.ts");
    }
    writeFileSync(
      join(work, "tsconfig.json"),
      JSON.stringify({ ...TSCONFIG, include: ["out/**/*.ts", "*.ts"] }, null, 2),
    );
    const tsc = run(bin("tsc"), ["-p", "tsconfig.json"], work);
    const errors = tsc.output.split("\n").filter((line) => /error TS\d+/.test(line));
    const inGenerated = errors.filter(
      (line) => line.startsWith("out/") || line.startsWith("fetcher.ts") || line.startsWith("people.ts"),
    );
    if (steps.includes("typecheck")) {
      if (tsc.status !== 0 && (inGenerated.length > 0 || errors.length === 0))
        fail("typecheck", inGenerated.join("\n") || tsc.output);
      else row.outcomes.typecheck = "pass";
    }
    for (const [step, file] of [
      ["body types", "body-types.ts"],
      ["call", "call.ts"],
      ["zod", "zod-check.ts"],
    ] as const) {
      if (!checked.includes(file)) continue;
      const own = errors.filter((line) => line.startsWith(file));
      if (own.length > 0) fail(step, own.join("\n"));
    }
    if (steps.includes("body types") && row.outcomes["body types"] !== "FAIL") row.outcomes["body types"] = "pass";

    if (checked.includes("zod-check.ts") && row.outcomes.zod !== "FAIL") {
      const result = run(tsx, ["zod-check.ts"], work);
      if (result.status !== 0) fail("zod", result.output);
      else row.outcomes.zod = "pass";
    }

    if (checked.includes("call.ts") && row.outcomes.call !== "FAIL") {
      const served = await serveSimulator({ port: 0 });
      try {
        const { DEFAULT_API_KEY, DEFAULT_SITE_ID } = await import("../src/simulator/index.js");
        // Asynchronously: the simulator answers from this process's event loop while the program runs.
        const result = await runAsync(tsx, ["call.ts"], work, {
          CIO_SIM_URL: served.url,
          CIO_SIM_SITE_ID: DEFAULT_SITE_ID,
          CIO_SIM_API_KEY: DEFAULT_API_KEY,
        });
        const problems =
          result.status === 0 ? stateProblems(served.simulator.people()) : [`exit ${result.status}\n${result.output}`];
        if (problems.length > 0) fail("call", problems.join("\n"));
        else row.outcomes.call = "pass";
      } finally {
        await served.close();
      }
    }
    return row;
  } catch (error) {
    row.details.push(`${g.name}: ${error instanceof Error ? error.message : String(error)}`);
    for (const step of steps) if (row.outcomes[step] === "n/a") row.outcomes[step] = "FAIL";
    return row;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function table(rows: Row[]): string {
  const header = `| generator | ${STEPS.join(" | ")} |`;
  const rule = `| --- | ${STEPS.map(() => "---").join(" | ")} |`;
  return [header, rule, ...rows.map((r) => `| ${r.generator} | ${STEPS.map((s) => r.outcomes[s]).join(" | ")} |`)].join(
    "\n",
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { only: { type: "string" }, steps: { type: "string" }, spec: { type: "string" } },
  });
  const spec = resolve(values.spec ?? join(root, "openapi", "customers.yaml"));
  const only = values.only?.split(",").map((s) => s.trim());
  const steps = (values.steps?.split(",").map((s) => s.trim()) ?? [...STEPS]) as Step[];
  const unknownStep = steps.find((s) => !STEPS.includes(s));
  if (unknownStep !== undefined) throw new Error(`unknown step "${unknownStep}" (steps: ${STEPS.join(", ")})`);
  const chosen = generators.filter((g) => only === undefined || only.includes(g.name));
  if (chosen.length === 0)
    throw new Error(`no generator named ${values.only} (generators: ${generators.map((g) => g.name).join(", ")})`);

  const toolsDir = ensureInstalled();
  let examples: Record<string, unknown> | undefined;
  const examplesOnce = () => {
    if (examples) return examples;
    const scratch = mkdtempSync(join(toolsDir, ".work-"));
    try {
      examples = examplesOf(spec, (name) => join(root, "node_modules", ".bin", name), scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return examples;
  };
  const rows: Row[] = [];
  for (const g of chosen) {
    const started = Date.now();
    rows.push(await runOne(g, spec, toolsDir, steps, examplesOnce));
    console.log(`${g.name}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`\n${table(rows)}\n`);
  const details = rows.flatMap((r) => r.details);
  if (details.length > 0) console.log(details.join("\n"));
  const failed = rows.some((r) => Object.values(r.outcomes).includes("FAIL"));
  console.log(failed ? "The generator matrix FAILED." : "Every generator passed every step it takes.");
  process.exitCode = failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
