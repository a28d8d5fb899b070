/**
 * Vitest setup file (vitest.config.ts `setupFiles`): in every test worker, records what tests print through
 * `console.log/info/warn/error/debug` and `process.stdout.write`/`process.stderr.write` (printing still happens,
 * except inside unprinted()),
 * and fails the test in `afterEach` when a secret registered with `registerSecret()` (test/support/secrets.ts)
 * appears in it. The failure names the test and the channel, never the secret. Output of file-level hooks is
 * checked after the last test of the file.
 */
import { inspect } from "node:util";
import { afterAll, afterEach } from "vitest";
import { registeredSecrets, secretsIn } from "./secrets.js";

/** One thing printed, and where. */
export interface Printed {
  channel: string;
  text: string;
}

const printed: Printed[] = [];

/** The leaks in `prints`: one line per channel and secret, without the secret. Empty when there is none. */
export function leaksIn(prints: readonly Printed[], secrets: readonly string[] = registeredSecrets()): string[] {
  const leaks: string[] = [];
  for (const { channel, text } of prints) {
    for (const found of secretsIn(text, secrets)) leaks.push(`${channel} printed ${found}`);
  }
  return [...new Set(leaks)];
}

/** Takes (and forgets) what was printed since the last check: for the guard's own tests. */
export function takePrinted(): Printed[] {
  return printed.splice(0);
}

/** Fails with a message naming `where` when anything printed since the last check contains a registered secret. */
export function checkPrinted(where: string): void {
  const leaks = leaksIn(takePrinted());
  if (leaks.length > 0)
    throw new Error(`${where} printed a registered secret: ${leaks.join("; ")}. Redact it before printing.`);
}

/** What console would print for these values (inspect copes with cycles and null-prototype objects). */
function textOf(values: readonly unknown[]): string {
  return values
    .map((value) => {
      if (typeof value === "string") return value;
      if (value instanceof Uint8Array) return Buffer.from(value).toString("utf8");
      try {
        return inspect(value, { depth: 6, showHidden: false });
      } catch {
        return "";
      }
    })
    .join(" ");
}

const INSTALLED = Symbol.for("cio-customers.test.print-guard");

let silenced = 0;

/**
 * Runs work with what it prints recorded but not printed: the guard's own tests leak a fake key on purpose, and
 * even a fake key or Basic header never reaches the log.
 */
export function unprinted<T>(work: () => T): T {
  silenced++;
  try {
    return work();
  } finally {
    silenced--;
  }
}

function install(): void {
  const holder = globalThis as { [INSTALLED]?: boolean };
  if (holder[INSTALLED]) return;
  holder[INSTALLED] = true;
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const original = console[method].bind(console);
    console[method] = (...values: unknown[]) => {
      printed.push({ channel: `console.${method}`, text: textOf(values) });
      if (silenced === 0) original(...values);
    };
  }
  for (const name of ["stdout", "stderr"] as const) {
    const stream = process[name];
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      printed.push({ channel: `process.${name}.write`, text: textOf([chunk]) });
      return silenced === 0 ? original(chunk, ...rest) : true;
    }) as typeof stream.write;
  }
}

install();

afterEach((context) => {
  const file = context.task.file?.name;
  checkPrinted(`Test "${context.task.name}"${file === undefined ? "" : ` (${file})`}`);
});

afterAll(() => checkPrinted("A beforeAll/afterAll hook of this file"));
