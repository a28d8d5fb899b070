/**
 * Running `cio-customers` as its users do: the binary's entry as a child process with its own environment, and
 * in-process through `main` with captured I/O.
 */
import { spawn } from "node:child_process";

export const ROOT = new URL("../..", import.meta.url).pathname;

/**
 * What follows `node` to start the binary: the entry the run transpiled once (test/support/cli-build.ts), or the
 * source through tsx when the run made none.
 */
export function binaryArgs(): string[] {
  const built = process.env["CIO_TEST_CLI"];
  return built === undefined ? ["--import", "tsx", "src/cli.ts"] : [built];
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `cio-customers …` as a child process; `stdin` is piped in when given. */
export function runBinary(
  args: string[],
  env: Record<string, string>,
  options: { stdin?: string; during?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...binaryArgs(), ...args], {
      cwd: ROOT,
      env: { PATH: process.env["PATH"] ?? "", HOME: process.env["HOME"] ?? "", ...env },
      stdio: [options.stdin === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
    options.during?.(child);
  });
}

/** No stack trace, no Node warning: what a user should never see. */
export const NODE_NOISE = /\n\s+at |Warning:|MaxListeners|Unhandled|ERR_[A-Z_]+/;
