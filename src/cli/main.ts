/**
 * The `cio-customers` command line: finds the command and runs it with the given I/O. Each command is loaded only
 * when asked for, so `cio-customers simulate` does not load the conformance suite and vice versa.
 */
import { closestMatch } from "leven";
import { VERSION } from "../version.js";
import { BIN, type Command } from "./command.js";
import type { CliIo } from "./io.js";

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  identify: {
    summary: "add or update one person",
    load: async () => (await import("./identify.js")).identifyCommand("identify"),
  },
  update: {
    summary: "update one person, never creating one (_update: true)",
    load: async () => (await import("./identify.js")).identifyCommand("update"),
  },
  import: {
    summary: "add or update many people from an NDJSON or CSV file",
    load: async () => (await import("./import.js")).importCommand,
  },
  conformance: {
    summary: "check a client and a server against the spec and rules C1–C24",
    load: async () => (await import("./conformance.js")).conformanceCommand,
  },
  simulate: {
    summary: "serve the stateful simulator of the endpoint on a local port",
    load: async () => (await import("./simulate.js")).simulateCommand,
  },
};

export const HELP = `Usage: ${BIN} <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join("\n")}

Options:
  -h, --help    show this help
  --version     print the version

Run ${BIN} <command> --help for a command's options.
Exit codes: 0 success, 1 the command ran and found failures, 2 usage, file or connection error.
`;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(HELP);
    return 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === undefined) return usage(io, `give a command: ${Object.keys(commands).join(", ")}`);
  const command = commands[name];
  if (!command) {
    const close = closestMatch(name, Object.keys(commands), { maxDistance: Math.max(2, Math.floor(name.length / 3)) });
    return usage(
      io,
      `${name.startsWith("-") ? "unknown option" : "unknown command"} ${JSON.stringify(name)}${close ? ` (did you mean ${close}?)` : ""}`,
    );
  }
  return (await command.load()).run(rest, io);
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`${BIN}: ${message}\nRun ${BIN} --help for the commands.\n`);
  return 2;
}
