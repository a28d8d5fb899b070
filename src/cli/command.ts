/**
 * How every command is declared, parsed, helped and failed, so the conventions hold for each flag without being
 * written again: a flag is one entry (type, value name, one line of help); its help line, the "did you mean" for a
 * mistyped flag, and the way a bad value is reported all follow from that entry.
 *
 * Conventions: `--help`/`-h` prints the help on stdout and exits 0; a usage error prints
 * `cio-customers <command>: <message>` and one line pointing to `--help` on stderr and exits 2; a file that cannot be
 * read or written is one line and exit 2; nothing prints a stack trace.
 */
import { parseArgs } from "node:util";
import { closestMatch } from "leven";
import { CustomersError, ValidationError } from "../client/errors.js";
import type { CliIo } from "./io.js";
import { errorGuard } from "../error-guard.js";
import { isUsageError, UsageError } from "./values.js";

export const BIN = "cio-customers";

export interface Flag {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in the help, e.g. `N` or `FILE` (string flags). */
  value?: string;
  /** The help text; a second line starts with `\n`. */
  help: string;
  /** The heading the flag is listed under; default "Options". */
  group?: string;
}

export type Flags = Record<string, Flag>;

type ParseConfig<F extends Flags> = { args: string[]; options: F; strict: true; allowPositionals: true };
/** The parsed flags, typed from their declarations (a string flag is `string | undefined`, and so on). */
export type Values<F extends Flags> = ReturnType<typeof parseArgs<ParseConfig<F>>>["values"];

export interface CommandSpec<F extends Flags> {
  name: string;
  /** What follows the command's name in the usage line, e.g. `<file> [options]`. */
  synopsis: string;
  /** What the command does, shown under the usage line. */
  description: string;
  flags: F;
  /** Positional arguments: how many, and what one is called in messages. Default: none. */
  positionals?: { min: number; max: number; name: string };
  /** Sections after the flags: environment, exit codes. */
  notes?: string;
  run(context: { values: Values<F>; positionals: string[]; io: CliIo }): Promise<number>;
}

export interface Command {
  name: string;
  help(): string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const HELP_FLAG: Flag = { type: "boolean", short: "h", help: "show this help" };

export function defineCommand<F extends Flags>(spec: CommandSpec<F>): Command {
  const flags: Flags = { ...spec.flags, help: HELP_FLAG };
  const help = () => renderHelp(spec, flags);
  return {
    name: spec.name,
    help,
    async run(argv, io) {
      try {
        const { values, positionals } = parse(spec.name, flags, argv);
        if (values["help"] === true) {
          io.stdout.write(help());
          return 0;
        }
        const wanted = spec.positionals ?? { min: 0, max: 0, name: "argument" };
        if (positionals.length > wanted.max) {
          throw new UsageError(
            wanted.max === 0
              ? `unexpected argument ${JSON.stringify(positionals[wanted.max])}`
              : `give at most ${wanted.max} ${wanted.name}${wanted.max > 1 ? "s" : ""}, not ${positionals.length}`,
          );
        }
        if (positionals.length < wanted.min)
          throw new UsageError(
            `give ${wanted.min === 1 ? `the ${wanted.name}` : `${wanted.min} ${wanted.name}s`} to ${spec.name}`,
          );
        return await spec.run({ values: values as Values<F>, positionals, io });
      } catch (error) {
        return reportError(spec.name, error, io);
      }
    },
  };
}

/** parseArgs, with its messages rewritten for people and a suggestion for a mistyped flag. */
function parse(command: string, flags: Flags, argv: readonly string[]) {
  try {
    return parseArgs({ args: joinNegativeNumbers(flags, argv), options: flags, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(parseArgsMessage(flags, error) ?? (error instanceof Error ? error.message : String(error)));
  }
}

/**
 * `--rate -5` is read by parseArgs as a flag `-5` ("argument is ambiguous"); a negative number after a flag that
 * takes a value is meant as that value, so it is given to it, and the flag's own check then explains the range.
 */
function joinNegativeNumbers(flags: Flags, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (
      arg.startsWith("--") &&
      !arg.includes("=") &&
      flags[arg.slice(2)]?.type === "string" &&
      next !== undefined &&
      /^-[0-9.]/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function parseArgsMessage(flags: Flags, error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const given = /^Unknown option '([^']+)'/.exec(message)?.[1] ?? "";
    const name = given.replace(/^-+/, "").split("=")[0] ?? "";
    const candidates = Object.keys(flags);
    const close =
      closestMatch(name, candidates, { maxDistance: Math.max(2, Math.floor(name.length / 3)) }) ??
      candidates.find((c) => name.length >= 3 && c.startsWith(name));
    return `unknown option ${given}${close ? ` (did you mean --${close}?)` : ""}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /'(?:-\w, )?(--[\w-]+)/.exec(message)?.[1] ?? "an option";
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    if (/ambiguous/.test(message)) return `${flag} needs a value (to give one starting with '-', write ${flag}=VALUE)`;
    return `${flag} needs a value`;
  }
  return undefined;
}

function renderHelp(spec: CommandSpec<Flags>, flags: Flags): string {
  const label = (name: string, flag: Flag) =>
    `${flag.short ? `-${flag.short}, ` : ""}--${name}${flag.type === "string" ? ` ${flag.value ?? "VALUE"}` : ""}`;
  const entries = Object.entries(flags);
  const width = Math.max(20, ...entries.map(([name, flag]) => label(name, flag).length + 2));
  const groups = new Map<string, string[]>();
  for (const [name, flag] of entries) {
    const group = flag.group ?? "Options";
    const lines = flag.help.split("\n");
    const text = [
      `  ${label(name, flag).padEnd(width)} ${lines[0] ?? ""}`,
      ...lines.slice(1).map((line) => `  ${"".padEnd(width)} ${line}`),
    ];
    groups.set(group, [...(groups.get(group) ?? []), ...text]);
  }
  const sections = [...groups].map(([group, lines]) => `${group}:\n${lines.join("\n")}`);
  return (
    [
      `Usage: ${BIN} ${spec.name} ${spec.synopsis}`,
      spec.description.trim(),
      ...sections,
      ...(spec.notes ? [spec.notes.trim()] : []),
    ].join("\n\n") + "\n"
  );
}

/** Prints an error the way every command does, on one line (and a pointer to --help for usage); the exit code. */
export function reportError(command: string, error: unknown, io: CliIo): number {
  const prefix = `${BIN} ${command}:`;
  if (isUsageError(error) || error instanceof ValidationError) {
    io.stderr.write(`${prefix} ${error.message}\nRun ${BIN} ${command} --help for the options.\n`);
    return 2;
  }
  if (isFileError(error)) {
    io.stderr.write(`${prefix} ${error.message}\n`);
    return 2;
  }
  const file = fileProblem(error);
  if (file !== undefined) {
    io.stderr.write(`${prefix} ${file}\n`);
    return 2;
  }
  if (error instanceof CustomersError) {
    io.stderr.write(`${prefix} ${error.message}\n`);
    return 1;
  }
  io.stderr.write(`${prefix} unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** A file that could not be read or written, said in one line: exit code 2. */
export class FileError extends Error {
  override name = "FileError";
  readonly code = "file_unusable";
}

export const isFileError = errorGuard(FileError, "FileError", "file_unusable");

const FILE_REASONS: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is a file, not a folder",
  EEXIST: "already exists",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
};

/** A Node file-system error as one line ("cannot write x: permission denied"), or undefined if it is not one. */
export function fileProblem(error: unknown): string | undefined {
  const e = error as { code?: unknown; syscall?: unknown; path?: unknown } | null;
  if (typeof e?.code !== "string" || typeof e.path !== "string") return undefined;
  const reason =
    e.code === "EEXIST" && e.syscall === "mkdir" ? "is a file, not a folder" : (FILE_REASONS[e.code] ?? e.code);
  const verb =
    e.syscall === "write" || e.syscall === "mkdir"
      ? "cannot write"
      : e.syscall === "access"
        ? "cannot write to"
        : "cannot open";
  return `${verb} ${e.path}: ${reason}`;
}
