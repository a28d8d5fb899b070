/**
 * Derives everything in generated/ from the hand-written OpenAPI documents in openapi/.
 *
 *   npm run generate          writes generated/
 *   npm run generate -- --check   exits 1 when generated/ differs from what the documents produce
 *
 * The types come from openapi-typescript, the dereferenced bundles from `redocly bundle --dereferenced`, the
 * limits modules from the documents' `x-limits`. Each output gets a header naming its source and this command, so nobody edits it by hand.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);

interface Source {
  /** The hand-written document, relative to the project root. */
  spec: string;
  /** Base name of the outputs in generated/. */
  name: string;
}

const sources: Source[] = [
  { spec: "openapi/customers.yaml", name: "customers" },
  { spec: "openapi/simulator.yaml", name: "simulator" },
].filter((s) => existsSync(join(root, s.spec)));

const notice = (spec: string) =>
  `Generated from ${spec} by \`npm run generate\`. Do not edit: change the document and regenerate.`;

function run(command: string, args: string[]): void {
  execFileSync(command, args, {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
  });
}

function produce(source: Source, scratch: string): Map<string, string> {
  const out = new Map<string, string>();

  const typesFile = join(scratch, `${source.name}.ts`);
  run(bin("openapi-typescript"), [
    source.spec,
    "-o",
    typesFile,
    "--root-types",
    "--root-types-no-schema-prefix",
    "--default-non-nullable",
    "false",
  ]);
  const types = readFileSync(typesFile, "utf8").replace(/^\/\*\*[\s\S]*?\*\/\n\n?/, "");
  out.set(
    `${source.name}.ts`,
    `/**\n * ${notice(source.spec)}\n * Types produced by openapi-typescript.\n */\n\n${types}`,
  );

  const bundleFile = join(scratch, `${source.name}.json`);
  run(bin("redocly"), ["bundle", source.spec, "--dereferenced", "--ext", "json", "-o", bundleFile]);
  const bundle = JSON.parse(readFileSync(bundleFile, "utf8")) as Record<string, unknown>;
  const document = { "x-generated": notice(source.spec), ...bundle };
  out.set(
    `${source.name}.document.ts`,
    `/**\n * ${notice(source.spec)}\n * The document with every $ref resolved, for runtime validation.\n */\n\n` +
      `import type { OpenApiDocument } from "./document-type.js";\n\n` +
      `const document: OpenApiDocument = ${JSON.stringify(document, null, 2)};\n\nexport default document;\n`,
  );
  const limits = bundle["x-limits"];
  if (limits !== undefined) out.set(`${source.name}.limits.ts`, limitsModule(source.spec, limits));
  return out;
}

/**
 * The document's `x-limits` as a small module of numbers, so that the client can read the documented limits
 * without carrying the whole document in its bundle. One constant each, so that a bundler writes the number where
 * it is used.
 */
function limitsModule(spec: string, limits: unknown): string {
  if (typeof limits !== "object" || limits === null) throw new Error(`${spec}: x-limits must be an object`);
  const lines = Object.entries(limits as Record<string, unknown>).map(([name, entry]) => {
    const { value, description } = (entry ?? {}) as { value?: unknown; description?: unknown };
    if (typeof value !== "number" || !Number.isInteger(value) || typeof description !== "string") {
      throw new Error(`${spec}: x-limits.${name} needs an integer value and a description`);
    }
    return `/** ${description} */\nexport const ${name} = ${value};\n`;
  });
  return `/**\n * ${notice(spec)}\n * The limits the document lists in x-limits.\n */\n\n${lines.join("\n")}`;
}

const check = process.argv.includes("--check");
const scratch = mkdtempSync(join(tmpdir(), "cio-generate-"));
try {
  const stale: string[] = [];
  for (const source of sources) {
    for (const [file, text] of produce(source, scratch)) {
      const target = join(root, "generated", file);
      const current = existsSync(target) ? readFileSync(target, "utf8") : undefined;
      if (current === text) continue;
      if (check) stale.push(`generated/${file}`);
      else writeFileSync(target, text);
    }
  }
  if (check && stale.length > 0) {
    console.error(`generated/ is stale: ${stale.join(", ")}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  console.log(
    check ? "generated/ is up to date." : `generated/ written from ${sources.map((s) => s.spec).join(", ")}.`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
