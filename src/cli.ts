#!/usr/bin/env node
/**
 * `cio-customers`: one command-line entry for the toolkit. Each command lives with the part it serves and is
 * loaded only when asked for, so `cio-customers simulate` does not load the conformance suite and vice versa.
 */
import { VERSION } from "./version.js";

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  identify: {
    summary: "add or update one person",
    load: async () => {
      const { identifyCommand } = await import("./cli/identify.js");
      return (argv) => identifyCommand("identify", argv);
    },
  },
  update: {
    summary: "update one person, never creating one (_update: true)",
    load: async () => {
      const { identifyCommand } = await import("./cli/identify.js");
      return (argv) => identifyCommand("update", argv);
    },
  },
  import: {
    summary: "add or update many people from an NDJSON or CSV file",
    load: async () => (await import("./cli/import.js")).importCommand,
  },
  conformance: {
    summary: "check a client and a server against the spec and rules C1–C24",
    load: async () => (await import("../conformance/command.js")).conformanceCommand,
  },
  simulate: {
    summary: "serve the stateful simulator of the endpoint on a local port",
    load: async () => (await import("./simulator/command.js")).simulateCommand,
  },
};

export const HELP = `Usage: cio-customers <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join("\n")}

Run cio-customers <command> --help for a command's options.
Exit codes: 0 success, 1 the command ran and found failures, 2 usage or connection error.
`;

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`cio-customers: unknown command ${JSON.stringify(name)}\n\n${HELP}`);
    return 2;
  }
  return (await command.load())([...rest]);
}

process.exitCode = await main(process.argv.slice(2));
