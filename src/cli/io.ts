/**
 * What a command may touch of the outside world, passed in rather than taken from `process`, so that every
 * command runs the same in the real binary and in-process under a test (with captured output, an environment of
 * its own, a pretend terminal, and a signal standing in for Ctrl-C).
 */
import { PassThrough, Writable, type Readable } from "node:stream";

/** An output stream: text goes to `write`; `isTTY` says whether a person is watching (bars, colour). */
export type Output = Writable & { isTTY?: boolean; columns?: number };

export interface CliIo {
  stdout: Output;
  stderr: Output;
  stdin: Readable;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Stops a long-running command (a served simulator, an import) as the first Ctrl-C does. Without it, commands
   * listen to SIGINT and SIGTERM themselves.
   */
  signal?: AbortSignal;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** True when `out` is a terminal a person reads: bars and colour are drawn; NO_COLOR turns colour off only. */
export function isInteractive(out: Output): boolean {
  return out.isTTY === true;
}

/** Colour is used only on a terminal, and never when NO_COLOR is set to anything non-empty (no-color.org). */
export function useColour(io: CliIo, out: Output): boolean {
  const noColour = io.env["NO_COLOR"];
  return isInteractive(out) && (noColour === undefined || noColour === "");
}

/** An in-memory I/O for running commands in-process: what they printed is in `stdout()` and `stderr()`. */
export function memoryIo(
  options: { env?: Record<string, string | undefined>; tty?: boolean; stdin?: string; signal?: AbortSignal } = {},
) {
  const capture = () => {
    let text = "";
    const stream: Output = new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        text += chunk.toString();
        done();
      },
    });
    if (options.tty) {
      stream.isTTY = true;
      stream.columns = 100;
    }
    return { stream, text: () => text };
  };
  const out = capture();
  const err = capture();
  const stdin = new PassThrough();
  stdin.end(options.stdin ?? "");
  const io: CliIo = { stdout: out.stream, stderr: err.stream, stdin, env: options.env ?? {} };
  if (options.signal) io.signal = options.signal;
  return { io, stdout: out.text, stderr: err.text };
}
