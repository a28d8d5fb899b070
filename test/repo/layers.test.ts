/**
 * The direction of dependencies the README's layout section states: the spec's generated artefacts, then the rules,
 * then the client and the simulator (neither importing the other), then the conformance suite, then the command
 * line. Every relative import (type-only ones too) of src/ and conformance/ is read and placed in its layer.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");

/** Layers from the bottom; a file may import its own layer or one below, never one above or beside. */
const layers: { name: string; files: RegExp; rank: number }[] = [
  { name: "generated", files: /^generated\//, rank: 0 },
  { name: "shared", files: /^src\/(problem|error-guard|version)\.ts$|^src\/(rules|spec)\//, rank: 1 },
  { name: "client", files: /^src\/(index|browser|raw)\.ts$|^src\/(client|node)\//, rank: 2 },
  { name: "simulator", files: /^src\/simulator\//, rank: 2 },
  { name: "conformance", files: /^conformance\//, rank: 3 },
  { name: "cli", files: /^src\/cli(\.ts$|\/)/, rank: 4 },
];

function layerOf(file: string) {
  const layer = layers.find((l) => l.files.test(file));
  if (layer === undefined) throw new Error(`${file} belongs to no layer: name it in test/repo/layers.test.ts`);
  return layer;
}

/** Every import of one module, as project-relative paths of the files imported (relative specifiers only). */
function importsOf(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.[^"']+)["']/g)].map(
    (m) => m[1] ?? "",
  );
  const dynamic = [...source.matchAll(/\bimport\(\s*["'](\.[^"']+)["']\s*\)/g)].map((m) => m[1] ?? "");
  return [...specifiers, ...dynamic].map((s) =>
    relative(root, resolve(root, dirname(file), s)).replace(/\.js$/, ".ts"),
  );
}

/** Where an import goes against the layers, as "from → to" lines. */
function violations(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [file, source] of files) {
    const from = layerOf(file);
    for (const target of importsOf(file, source)) {
      const to = layerOf(target);
      if (to.rank > from.rank || (to.rank === from.rank && to.name !== from.name))
        found.push(`${file} (${from.name}) → ${target} (${to.name})`);
    }
  }
  return found;
}

function sources(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ["src", "conformance", "generated"]) {
    for (const file of readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      const path = `${folder}/${file}`;
      files.set(path, readFileSync(join(root, path), "utf8"));
    }
  }
  return files;
}

describe("dependencies point one way", () => {
  it("generated → rules → client and simulator → conformance → cli, in every file", () => {
    const files = sources();
    expect(files.size).toBeGreaterThan(50);
    // The scanner reads the imports there are (a check that found none would pass anything).
    expect([...files].flatMap(([file, source]) => importsOf(file, source)).length).toBeGreaterThan(200);
    expect(violations(files)).toEqual([]);
  });

  it("names an import of the simulator from the client, and of the command line from the suite", () => {
    const files = new Map([
      ["src/client/client.ts", 'import { createSimulator } from "../simulator/index.js";\n'],
      ["conformance/run.ts", 'import type { Io } from "../src/cli/io.js";\n'],
      ["src/rules/bytes.ts", 'export { x } from "../client/errors.js";\n'],
      ["src/cli/import.ts", 'import { runConformance } from "../../conformance/index.js";\n'],
    ]);
    expect(violations(files)).toEqual([
      "src/client/client.ts (client) → src/simulator/index.ts (simulator)",
      "conformance/run.ts (conformance) → src/cli/io.ts (cli)",
      "src/rules/bytes.ts (shared) → src/client/errors.ts (client)",
    ]);
  });
});
