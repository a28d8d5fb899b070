/**
 * The CI jobs of docs/conformance.md ("CI jobs"), run as written in a folder where the package is installed: each
 * job's `run:` steps in order, each in a shell of its own as GitHub Actions runs them, with the job's `env:`. Three
 * kinds of step are not run as written: `Install dependencies` (the folder is installed already, the same way),
 * and the `Your …` steps, where a user's own server or tests go, which get stand-ins: the installed simulator as
 * the server, and a correct call sent with curl as the application's tests. Fixed ports become free ones.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface CiStep {
  name: string;
  run: string;
}
export interface CiJob {
  name: string;
  env: Record<string, string>;
  steps: CiStep[];
}

/** The jobs of the first ```yaml block under "### CI jobs" in the page. */
export function ciJobs(page: string): CiJob[] {
  const section = page.slice(page.indexOf("### CI jobs"));
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const jobs: CiJob[] = [];
  let job: CiJob | undefined;
  let step: Partial<CiStep> | undefined;
  let inEnv = false;
  for (const line of yaml.split("\n")) {
    let m: RegExpExecArray | null;
    if ((m = /^ {2}([a-z][\w-]*):$/.exec(line))) {
      job = { name: m[1]!, env: {}, steps: [] };
      jobs.push(job);
      inEnv = false;
    } else if (job && /^ {4}env:$/.test(line)) {
      inEnv = true;
    } else if (job && inEnv && (m = /^ {6}([A-Z_]+): (.*)$/.exec(line))) {
      job.env[m[1]!] = m[2]!;
    } else if (job && (m = /^ {6}- (?:name: (.*)|uses: .*)$/.exec(line))) {
      inEnv = false;
      step = { name: m[1] ?? "" };
    } else if (job && step && (m = /^ {8}run: (.*)$/.exec(line))) {
      job.steps.push({ name: step.name ?? "", run: m[1]! });
    }
  }
  return jobs;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 0;
}

/**
 * Runs one job in `cwd`. Returns the commands run, for messages. Background processes the job starts are
 * stopped by the job's own steps, or, for stand-ins, by their process ids.
 */
export async function runCiJob(job: CiJob, cwd: string, env: Record<string, string>): Promise<string[]> {
  const ran: string[] = [];
  const ports = new Map<string, string>();
  const port = async (fixed: string) => {
    if (!ports.has(fixed)) ports.set(fixed, String(await freePort()));
    return ports.get(fixed)!;
  };
  const pids: string[] = [];
  try {
    for (const step of job.steps) {
      if (step.name === "Install dependencies") continue;
      let command = step.run;
      for (const fixed of command.match(/127\.0\.0\.1:\d+|--port \d+/g) ?? []) {
        const number = /\d+$/.exec(fixed)![0];
        command = command.replaceAll(`:${number}`, `:${await port(number)}`);
        command = command.replaceAll(`--port ${number}`, `--port ${await port(number)}`);
      }
      if (step.name.startsWith("Your server")) {
        const server = /127\.0\.0\.1:(\d+)/.exec(step.name)?.[1] ?? "";
        command = `node_modules/.bin/cio-customers simulate --port ${await port(server)} > server.log 2>&1 & echo $! > standin-server.pid`;
      } else if (step.name.startsWith("Your application")) {
        const at = /http:\/\/127\.0\.0\.1:(\d+)/.exec(step.name)?.[1] ?? "";
        command = `curl -s -f -u sim-site:sim-key -X PUT -H 'Content-Type: application/json' -d '{"email":"ada@example.com","plan":"basic"}' http://127.0.0.1:${await port(at)}/api/v1/customers/user-1 > /dev/null`;
      }
      ran.push(command);
      await run("bash", ["-e", "-c", command], {
        cwd,
        env: { ...process.env, ...env, NO_COLOR: "1" },
        timeout: 300_000,
      });
      for (const file of ["standin-server.pid", "simulator.pid"]) {
        const pid = existsSync(join(cwd, file)) ? readFileSync(join(cwd, file), "utf8").trim() : "";
        if (pid !== "" && !pids.includes(pid)) pids.push(pid);
      }
    }
  } finally {
    for (const pid of pids) {
      try {
        process.kill(Number(pid), "SIGTERM");
      } catch {
        // Already stopped by the job's own step.
      }
    }
  }
  return ran;
}
