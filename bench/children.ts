/**
 * Child processes of a benchmark: the servers under test and the CLI being measured. Every child is registered
 * here when it starts and stopped by `stopAll()`, which the harness calls in a `finally`, so that none outlives
 * the benchmark, also when it fails. Children run in their own process group, so that stopping one stops what it
 * started too (e.g. /usr/bin/time and the node process under it), and nothing else.
 */
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { PEERS_MODULES, ROOT, SERVE_PATH, SPEC_PATH } from "./paths.js";
import type { ServedKind } from "./serve.js";

/** A server running in a child process. */
export interface ServedChild {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The end of stderr. */
  stderr: string;
  /** Lines of stderr that name a Node warning (e.g. `MaxListenersExceededWarning`), counted over the whole run. */
  warnings: { count: number; kinds: Record<string, number> };
}

/** Keeps the last `limit` characters of a stream, for error messages. */
function tail(limit = 8_000): { push(chunk: Buffer): void; text(): string } {
  let text = "";
  return {
    push(chunk) {
      text += chunk.toString();
      if (text.length > limit * 2) text = text.slice(-limit);
    },
    text: () => text.slice(-limit),
  };
}

/** Sends a signal to a child's process group (it leads one: spawned detached), or to the child alone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (exited(child)) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}

/** A free TCP port on 127.0.0.1 (the OS picks it; a tiny window remains before the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export class Children {
  private readonly live = new Set<ChildProcess>();

  /** Starts a child in its own process group and registers it. */
  spawn(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { cwd: ROOT, detached: true, ...options });
    this.live.add(child);
    child.once("exit", () => this.live.delete(child));
    return child;
  }

  /** How many children are still running. */
  get running(): number {
    return this.live.size;
  }

  /** `tsx bench/serve.ts <kind>`: resolves once the server listens. */
  async server(kind: ServedKind, readyTimeoutMs = 60_000): Promise<ServedChild> {
    const child = this.spawn(process.execPath, ["--import", "tsx", SERVE_PATH, kind], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    const stderr = tail();
    child.stderr?.on("data", (chunk: Buffer) => stderr.push(chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the ${kind} server did not start within ${readyTimeoutMs} ms\n${stderr.text()}`)),
          readyTimeoutMs,
        );
        child.once("message", (message: unknown) => {
          clearTimeout(timer);
          const url = (message as { url?: unknown } | null)?.url;
          if (typeof url === "string") resolve(url);
          else reject(new Error(`the ${kind} server sent ${JSON.stringify(message)}`));
        });
        child.once("exit", (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`the ${kind} server exited before listening (${code ?? signal})\n${stderr.text()}`));
        });
        child.once("error", (error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
      return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  }

  /**
   * Prism 5 mocking the project's OpenAPI document on a loopback port, logging warnings only (its per-request
   * info lines would cost it throughput). Ready once it answers an authorized identify call.
   */
  async prism(readyTimeoutMs = 90_000): Promise<ServedChild> {
    const port = await freePort();
    const bin = join(PEERS_MODULES, "@stoplight", "prism-cli", "dist", "index.js");
    const child = this.spawn(
      process.execPath,
      [bin, "mock", "--host", "127.0.0.1", "--port", String(port), "--verboseLevel", "warn", SPEC_PATH],
      {
        stdio: ["ignore", "pipe", "pipe"],
        // Prism's dependencies include a usage-analytics package; this machine has no network for it anyway.
        env: { ...process.env, SCARF_ANALYTICS: "false", DO_NOT_TRACK: "1" },
      },
    );
    const output = tail();
    child.stdout?.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => output.push(chunk));
    const url = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + readyTimeoutMs;
      for (;;) {
        if (exited(child))
          throw new Error(`Prism exited before it was ready (${child.exitCode ?? child.signalCode})\n${output.text()}`);
        if (Date.now() > deadline) throw new Error(`Prism was not ready within ${readyTimeoutMs} ms\n${output.text()}`);
        const status = await probe(`${url}/api/v1/customers/ready-check`);
        if (status === 200) break;
        if (status !== undefined)
          throw new Error(`Prism answered the readiness probe with ${status}\n${output.text()}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return { url, pid: child.pid ?? 0, stop: () => stopChild(child) };
    } catch (error) {
      await stopChild(child);
      throw error;
    }
  }

  /** Runs a command to its end (killed after `timeoutMs`), collecting its output. */
  run(
    command: string,
    args: readonly string[],
    options: { env?: NodeJS.ProcessEnv; timeoutMs: number; onStart?: (child: ChildProcess) => void },
  ): Promise<Finished> {
    const child = this.spawn(command, args, {
      stdio: ["ignore", "pipe", "pipe"],
      ...(options.env ? { env: options.env } : {}),
    });
    let stdout = "";
    const stderr = tail(64_000);
    const warnings = { count: 0, kinds: {} as Record<string, number> };
    let partial = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr.push(chunk);
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const kind = /\b([A-Za-z]*Warning)\b:/.exec(line)?.[1];
        if (kind === undefined) continue;
        warnings.count++;
        warnings.kinds[kind] = (warnings.kinds[kind] ?? 0) + 1;
      }
    });
    options.onStart?.(child);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        void stopChild(child);
        reject(new Error(`${command} ${args.join(" ")} did not finish within ${options.timeoutMs} ms`));
      }, options.timeoutMs);
      child.once("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once("close", (code, signal) => {
        clearTimeout(timer);
        resolve({ code, signal, stdout, stderr: stderr.text(), warnings });
      });
    });
  }

  /** Stops every child still running. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.live].map((child) => stopChild(child)));
  }
}

/** The status of an authorized identify call, or undefined when nothing listens yet. */
async function probe(url: string): Promise<number | undefined> {
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers: {
        authorization: `Basic ${Buffer.from("bench-site:bench-key").toString("base64")}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ email: "ready@example.com" }),
      signal: AbortSignal.timeout(2_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return undefined;
  }
}
