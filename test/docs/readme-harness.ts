/**
 * Keeps the TypeScript examples of a Markdown document (README.md) true: each ```ts / ```typescript block is
 * type-checked against the source under the project's strict compiler options, then run against the reference
 * simulator.
 *
 * Conventions for the README's authors:
 * - Every block stands alone: it imports what it uses from "cio-customers", "cio-customers/simulator" or
 *   "cio-customers/conformance" (mapped to src/index.ts, src/simulator/index.ts, conformance/index.ts), and
 *   reads credentials from process.env.CIO_SITE_ID / CIO_API_KEY. Top-level await is fine (blocks are ES modules).
 * - A block runs in its own Node process where globalThis.fetch sends https://track.customer.io and
 *   https://track-eu.customer.io to an in-process simulator and refuses every other host
 *   (test/docs/readme-preload.ts). The block passes when it type-checks and its process exits with status 0.
 * - A block preceded by the HTML comment `<!-- example: typecheck-only -->` (blank lines between are allowed) is
 *   type-checked but not run: for fragments that need a real workspace, a server, or input the harness has not got.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";

const root = resolve(import.meta.dirname, "..", "..");

export const TYPECHECK_ONLY = "<!-- example: typecheck-only -->";

export interface Block {
  /** README line of the opening fence (1-based). */
  line: number;
  lang: string;
  code: string;
  typecheckOnly: boolean;
}

export interface ExampleFinding {
  /** README line of the block's opening fence. */
  block: number;
  /** README line the problem is on (for a type error), else the block's line. */
  line: number;
  stage: "typecheck" | "run";
  message: string;
}

export interface ExampleReport {
  blocks: Block[];
  findings: ExampleFinding[];
  /** The blocks that ran, with the requests each sent to the simulator. */
  ran: { block: number; simulatedRequests: number }[];
}

const TS_LANGS = new Set(["ts", "typescript", "mts"]);

/** The fenced TypeScript blocks of a Markdown text, with their lines and the typecheck-only marker. */
export function extractBlocks(markdown: string): Block[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)/.exec(lines[i]!);
    if (open === null) continue;
    const fence = open[1]!;
    const lang = open[2]!.toLowerCase();
    let end = i + 1;
    while (end < lines.length && !new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[end]!)) end++;
    if (TS_LANGS.has(lang)) {
      let before = i - 1;
      while (before >= 0 && lines[before]!.trim() === "") before--;
      blocks.push({
        line: i + 1,
        lang,
        code: lines.slice(i + 1, end).join("\n"),
        typecheckOnly: before >= 0 && lines[before]!.trim() === TYPECHECK_ONLY,
      });
    }
    i = end;
  }
  return blocks;
}

const fileOf = (workDir: string, block: Block) => join(workDir, `block-L${block.line}.ts`);

const parsed = new Map<string, ts.SourceFile>();

/** Type-checks every block in one program; returns the findings, keyed to README lines. */
function typecheck(blocks: readonly Block[], workDir: string): ExampleFinding[] {
  const source = (f: string) => join(root, f);
  writeFileSync(
    join(workDir, "tsconfig.json"),
    JSON.stringify(
      {
        extends: source("tsconfig.json"),
        compilerOptions: {
          noEmit: true,
          typeRoots: [source("node_modules/@types")],
          paths: {
            "cio-customers": [source("src/index.ts")],
            "cio-customers/raw": [source("src/raw.ts")],
            "cio-customers/simulator": [source("src/simulator/index.ts")],
            "cio-customers/conformance": [source("conformance/index.ts")],
          },
        },
        include: [],
        files: blocks.map((b) => fileOf(workDir, b)),
      },
      null,
      2,
    ),
  );
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const config = ts.getParsedCommandLineOfConfigFile(join(workDir, "tsconfig.json"), {}, host);
  if (config === undefined) throw new Error(`could not read ${join(workDir, "tsconfig.json")}`);
  const compilerHost = ts.createCompilerHost(config.options);
  const read = compilerHost.getSourceFile.bind(compilerHost);
  // The project's sources and the declarations of Node and the standard library are parsed once per worker, not
  // once per document: only the blocks change between programs.
  compilerHost.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (shouldCreate === true || resolve(fileName).startsWith(resolve(workDir)))
      return read(fileName, languageVersion, onError, shouldCreate);
    const key = `${String(JSON.stringify(languageVersion))}:${fileName}`;
    const cached = parsed.get(key);
    if (cached !== undefined) return cached;
    const file = read(fileName, languageVersion, onError, shouldCreate);
    if (file !== undefined) parsed.set(key, file);
    return file;
  };
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host: compilerHost });
  const byFile = new Map(blocks.map((b) => [resolve(fileOf(workDir, b)), b]));
  const findings: ExampleFinding[] = [];
  // What tsc would report for the blocks: the program's own diagnostics, then each block's. The project's sources
  // are checked only as far as a block uses them (their own errors are npm run typecheck's business).
  const diagnostics = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...[...byFile.keys()].flatMap((fileName) => {
      const file = program.getSourceFile(fileName);
      return file === undefined
        ? []
        : [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    }),
  ];
  for (const d of diagnostics) {
    const message = `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    // Problems in the project's own sources are tsc's business (npm run typecheck), not the README's.
    if (d.file === undefined) {
      findings.push({ block: 0, line: 0, stage: "typecheck", message });
      continue;
    }
    const block = byFile.get(resolve(d.file.fileName));
    if (block === undefined) continue;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    findings.push({ block: block.line, line: block.line + 1 + line, stage: "typecheck", message });
  }
  return findings;
}

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const preload = pathToFileURL(join(import.meta.dirname, "readme-preload.ts")).href;

function run(block: Block, workDir: string): Promise<{ finding?: ExampleFinding; simulatedRequests: number }> {
  const file = fileOf(workDir, block);
  const reportFile = `${file}.report.json`;
  rmSync(reportFile, { force: true });
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, "--import", preload, file], {
      cwd: workDir,
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: join(workDir, "tsconfig.json"),
        README_EXAMPLE_REPORT: reportFile,
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code, signal) => {
      const report = existsSync(reportFile)
        ? (JSON.parse(readFileSync(reportFile, "utf8")) as { simulatedRequests: number })
        : undefined;
      const simulatedRequests = report?.simulatedRequests ?? 0;
      if (code === 0) return done({ simulatedRequests });
      const tail = output.trim().split("\n").slice(-8).join("\n");
      done({
        simulatedRequests,
        finding: {
          block: block.line,
          line: block.line,
          stage: "run",
          message: `exited with ${signal ?? `status ${code}`}\n${tail}`,
        },
      });
    });
  });
}

/**
 * Type-checks, then runs, the TypeScript blocks of markdown. workDir (a folder inside the project, emptied first)
 * receives one file per block; a block is run only when it type-checks and is not marked typecheck-only.
 */
export async function checkExamples(markdown: string, workDir: string): Promise<ExampleReport> {
  const blocks = extractBlocks(markdown);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  // The blocks are ES modules (top-level await), as in a project with "type": "module".
  writeFileSync(join(workDir, "package.json"), `${JSON.stringify({ type: "module", private: true })}\n`);
  for (const b of blocks) writeFileSync(fileOf(workDir, b), `${b.code}\n\nexport {};\n`);
  if (blocks.length === 0) return { blocks, findings: [], ran: [] };

  const findings = typecheck(blocks, workDir);
  const broken = new Set(findings.map((f) => f.block));
  const runnable = blocks.filter((b) => !b.typecheckOnly && !broken.has(b.line));
  const ran: ExampleReport["ran"] = [];
  // Two at a time: the machine has two cores.
  for (let i = 0; i < runnable.length; i += 2) {
    const batch = runnable.slice(i, i + 2);
    const results = await Promise.all(batch.map((b) => run(b, workDir)));
    results.forEach((r, j) => {
      ran.push({ block: batch[j]!.line, simulatedRequests: r.simulatedRequests });
      if (r.finding !== undefined) findings.push(r.finding);
    });
  }
  findings.sort((a, b) => a.line - b.line || a.stage.localeCompare(b.stage));
  return { blocks, findings, ran };
}

/** One line per finding, as a failing test prints them. */
export const describeFindings = (source: string, findings: readonly ExampleFinding[]) =>
  findings.map((f) => `${source}:${f.line} (block at line ${f.block}, ${f.stage}) ${f.message}`).join("\n");
