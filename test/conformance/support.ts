/**
 * The conformance command as CI runs it: the real binary with the caller's environment, a server on loopback that
 * answers `{}` to everything and offers no observer, and `simulate --record` in a process of its own.
 */
import { execFile, spawn } from "node:child_process";
import { createServer } from "node:http";
import { promisify } from "node:util";
import { binaryArgs, ROOT } from "../cli/support.js";

/** Runs the real CLI; resolves with its exit code and output whatever the code. */
export async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...binaryArgs(), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, NO_COLOR: "1" },
      maxBuffer: 20 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `conformance --target|--traffic URL --site-id SITE --api-key KEY`: the arguments that name what is judged. */
export function against(option: "--target" | "--traffic", url: string, siteId: string, apiKey: string): string[] {
  return ["conformance", option, url, "--site-id", siteId, "--api-key", apiKey];
}

/** A server on a free loopback port that answers 200 `{}` to every request: its URL, and a way to close it. */
export async function serveStateless(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** `cio-customers simulate --record FILE` on a free port with the site `sim-site`: its URL, and a way to stop it. */
export async function simulate(record: string, apiKey: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [...binaryArgs(), "simulate", "--port", "0", "--api-key", apiKey, "--record", record],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  const stop = async () => {
    child.kill("SIGTERM");
    if (child.exitCode === null && child.signalCode === null)
      await new Promise((resolve) => child.once("exit", resolve));
  };
  let stdout = "";
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", () => reject(new Error(`simulate exited: ${stdout}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
