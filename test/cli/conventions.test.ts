/**
 * The conventions every command keeps, checked for each command in-process (captured I/O) and for a few through
 * the binary: usage errors, --help, --version, "did you mean", numbers, NO_COLOR and terminals.
 */
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { HELP, main } from "../../src/cli/main.js";
import { VERSION } from "../../src/version.js";
import { NODE_NOISE, runBinary } from "./support.js";

const COMMANDS = ["identify", "update", "import", "conformance", "simulate"] as const;

async function run(args: string[], env: Record<string, string> = {}) {
  const captured = memoryIo({ env });
  const code = await main(args, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}

/** A usage error: exit 2, nothing on stdout, the prefixed message and one line pointing to --help. */
function expectUsage(
  ran: { code: number; stdout: string; stderr: string },
  command: string | undefined,
  message: RegExp,
) {
  expect(ran.code).toBe(2);
  expect(ran.stdout).toBe("");
  const lines = ran.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^cio-customers${command ? ` ${command}` : ""}: `));
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toBe(
    command ? `Run cio-customers ${command} --help for the options.` : "Run cio-customers --help for the commands.",
  );
}

describe("every command", () => {
  it.each(COMMANDS)("%s --help and -h: the help on stdout, exit 0", async (command) => {
    for (const flag of ["--help", "-h"]) {
      const ran = await run([command, flag]);
      expect(ran.code).toBe(0);
      expect(ran.stderr).toBe("");
      expect(ran.stdout).toMatch(new RegExp(`^Usage: cio-customers ${command} `));
      expect(ran.stdout).toMatch(/-h, --help +show this help/);
      expect(ran.stdout).toMatch(/Exit codes: 0 /);
    }
  });

  it.each(COMMANDS)("%s: an unknown flag is a usage error with a suggestion when one is close", async (command) => {
    expectUsage(await run([command, "--hepl"]), command, /unknown option --hepl \(did you mean --help\?\)/);
    expectUsage(await run([command, "--zzzzzzzz"]), command, /^cio-customers \S+: unknown option --zzzzzzzz$/);
  });

  it.each(COMMANDS)("%s: a flag that needs a value and gets none says so", async (command) => {
    const flag = { identify: "--id", update: "--email", import: "--rate", conformance: "--seed", simulate: "--port" }[
      command
    ];
    expectUsage(await run([command, flag]), command, new RegExp(`${flag} needs a value`));
  });

  it("every flag of every command appears in its help", async () => {
    for (const command of COMMANDS) {
      const help = (await run([command, "--help"])).stdout;
      const flags = [...help.matchAll(/^ {2}(?:-\w, )?(--[\w-]+)/gm)].map((m) => m[1]);
      expect(flags.length, command).toBeGreaterThan(3);
      expect(new Set(flags).size, command).toBe(flags.length);
    }
  });
});

describe("the top level", () => {
  it("no arguments: a usage error on stderr, exit 2", async () => {
    expectUsage(await run([]), undefined, /give a command: identify, update, import, conformance, simulate/);
  });

  it("a mistyped command gets a suggestion; a far one does not", async () => {
    expectUsage(await run(["identfy"]), undefined, /unknown command "identfy" \(did you mean identify\?\)/);
    expectUsage(await run(["simulat"]), undefined, /did you mean simulate\?/);
    expectUsage(await run(["frobnicate"]), undefined, /^cio-customers: unknown command "frobnicate"$/);
  });

  it("--help lists the commands and --version; --version prints it", async () => {
    const help = await run(["--help"]);
    expect(help).toEqual({ code: 0, stdout: HELP, stderr: "" });
    expect(HELP).toMatch(/--version +print the version/);
    for (const command of COMMANDS) expect(HELP).toContain(`  ${command} `);
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

describe("numbers", () => {
  it.each([
    [["import", "x.csv", "--rate", "-5"], "import", /--rate must be a whole number from 0, not "-5"/],
    [["import", "x.csv", "--rate", "fast"], "import", /--rate must be a whole number from 0, not "fast"/],
    [["import", "x.csv", "--concurrency", "0"], "import", /--concurrency must be a whole number from 1, not "0"/],
    [["import", "x.csv", "--concurrency", "2.5"], "import", /--concurrency must be a whole number from 1, not "2.5"/],
    [
      ["identify", "--id", "u", "--timeout-ms", "-1"],
      "identify",
      /--timeout-ms must be a whole number from 1, not "-1"/,
    ],
    [["conformance", "--runs", "1e3"], "conformance", /--runs must be a whole number from 0, not "1e3"/],
    [["simulate", "--port", "abc"], "simulate", /--port must be a whole number from 0 to 65535, not "abc"/],
  ])("%j: the flag, its range and what was given", async (args, command, message) => {
    expectUsage(await run(args, { CIO_SITE_ID: "s", CIO_API_KEY: "k" }), command, message);
  });
});

describe("through the binary", () => {
  it("simulate --port abc: one prefixed line and a pointer to --help, not the whole help", async () => {
    const ran = await runBinary(["simulate", "--port", "abc"], {});
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toBe(
      'cio-customers simulate: --port must be a whole number from 0 to 65535, not "abc"\nRun cio-customers simulate --help for the options.\n',
    );
  });

  it("no arguments and a mistyped command: stderr, exit 2, no stack trace", async () => {
    const none = await runBinary([], {});
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    const typo = await runBinary(["identfy"], {});
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/did you mean identify\?/);
    expect(none.stderr + typo.stderr).not.toMatch(NODE_NOISE);
  });

  it("output off a terminal and under NO_COLOR carries no escape sequences", async () => {
    for (const env of [{}, { NO_COLOR: "1" }]) {
      const ran = await runBinary(["import", "--help"], env);
      expect(ran.stdout + ran.stderr).not.toContain("\u001b[");
    }
  });
});
