// Code lint. The spec is linted by Redocly (npm run lint:spec).
import { includeIgnoreFile } from "@eslint/compat";
import js from "@eslint/js";
import { builtinModules } from "node:module";
import { join } from "node:path";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // What git ignores (build outputs, bench results, installed peers) is never linted: .gitignore is the one list.
  includeIgnoreFile(join(import.meta.dirname, ".gitignore"), "Files git ignores"),
  // Generated from the spec and checked by `npm run generate:check`, but committed, so not in .gitignore.
  { ignores: ["generated/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // One job per function: none longer than 60 lines, counted without blank lines and comment lines (a doc
    // comment explains, it does not add work). A declarative table is exempted where it stands, by a disable
    // comment for this rule that says why.
    files: ["src/**/*.ts", "conformance/**/*.ts"],
    rules: {
      "max-lines-per-function": ["error", { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  {
    // The runtime smoke suite is plain JavaScript that Deno, Bun and Node run as it is.
    files: ["test/runtimes/**/*.mjs"],
    languageOptions: { globals: { console: "readonly", process: "readonly" } },
  },
  {
    // Tests index recorded requests they have just asserted on.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The simulator's handler and rules run wherever fetch does (sim.fetch needs no socket); only its server,
    // command and entry use Node, and the state file that the server keeps.
    files: ["src/simulator/**/*.ts"],
    ignores: ["src/simulator/server.ts", "src/simulator/state.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "Of the simulator only server.ts and state.ts may use Node modules; its command is in src/cli/.",
          })),
          patterns: [
            {
              group: ["node:*"],
              message: "Of the simulator only server.ts and state.ts may use Node modules; its command is in src/cli/.",
            },
          ],
        },
      ],
    },
  },
  {
    // The command line sits on top: it reaches the conformance suite only through the package's public name.
    files: ["src/cli.ts", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["../conformance/*", "../../conformance/*"],
              message: "Import the suite as cio-customers/conformance.",
            },
          ],
        },
      ],
    },
  },
  {
    // The client runs on any runtime with fetch: no Node-only modules, no server-side libraries.
    files: [
      "src/client/**/*.ts",
      "src/rules/**/*.ts",
      "src/index.ts",
      "src/spec/limits.ts",
      "src/problem.ts",
      "src/version.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: builtinModules.map((name) => ({
            name,
            message: "Node-only modules belong to the simulator, CLI and tests.",
          })),
          patterns: [
            {
              group: ["node:*"],
              message:
                "The client runs on every fetch runtime; Node-only modules belong to the simulator, CLI and tests.",
            },
            {
              group: ["ajv", "ajv/*", "../simulator/*", "../../conformance/*"],
              message: "The client depends on openapi-fetch alone.",
            },
            {
              group: ["undici", "undici/*"],
              message: "undici is the Node transport's (src/node/); the universal client sends with fetch.",
            },
          ],
        },
      ],
    },
  },
);
