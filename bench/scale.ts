/**
 * The simulator at scale, in a child process of its own (bench/serve.ts): people seeded over HTTP in batches,
 * then the people listing walked page by page, exact searches, and a reset, while a probe in a third process
 * (bench/scale-probe.ts) keeps asking for the settings, one call at a time. The probe's latency is what any other
 * client would see: a request that blocked the simulator's event loop shows up in it.
 *
 * Figures: people created per second, resident memory per stored person (the child's VmRSS after seeding minus
 * before, divided by the people), and per phase the probe's p50, p99 and worst latency and the slowest call of
 * the phase itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Children } from "./children.js";
import { ROOT } from "./paths.js";
import { percentile, round } from "./stats.js";

export interface ScaleConfig {
  people: number;
  /** People per POST /__simulator/people (at most 1000, the route's limit). */
  batch: number;
  /** Pages of 1000 people walked from the start of the listing. */
  pages: number;
  /** Exact searches (by id, email in another case, cio_id). */
  searches: number;
}

export interface PhaseFigures {
  /** Calls of the phase itself (seed batches, pages, searches, the reset). */
  calls: number;
  slowestCallMs: number;
  /** Probe calls answered during the phase. */
  probes: number;
  probeP50Ms: number;
  probeP99Ms: number;
  probeMaxMs: number;
}

export interface ScaleResult {
  people: number;
  peoplePerSec: number;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssPerPersonBytes: number;
  phases: { seed: PhaseFigures; list: PhaseFigures; search: PhaseFigures; reset: PhaseFigures };
  /** The worst probe latency over every phase: the longest any other request waited. */
  worstProbeMs: number;
}

const AUTH = `Basic ${Buffer.from("sim-site:sim-key").toString("base64")}`;

/** The child's resident set, from /proc (Linux); NaN elsewhere. */
function rssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? Number.NaN : Number(kb) * 1024;
  } catch {
    return Number.NaN;
  }
}

async function call(url: string, init: RequestInit = {}): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  const response = await fetch(url, {
    ...init,
    headers: { authorization: AUTH, "content-type": "application/json", ...init.headers },
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok)
    throw new Error(
      `${init.method ?? "GET"} ${new URL(url).pathname} answered ${response.status}: ${text.slice(0, 200)}`,
    );
  return { ms, body: JSON.parse(text) as unknown };
}

/** The probe (bench/scale-probe.ts): a process of its own that times one settings call after another. */
interface Probe {
  /** The times since the last take, in milliseconds. */
  take(): Promise<number[]>;
  stop(): Promise<void>;
}

async function startProbe(url: string, children: Children): Promise<Probe> {
  const child = children.spawn(process.execPath, ["--import", "tsx", join(ROOT, "bench", "scale-probe.ts"), url], {
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let stopping = false;
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code, signal) => {
      if (!stopping) reject(new Error(`the probe exited (${code ?? signal})`));
    }),
  );
  const next = <T>(key: string) =>
    Promise.race([
      new Promise<T>((resolve) => {
        const listen = (message: unknown) => {
          if (typeof message !== "object" || message === null || !(key in message)) return;
          child.off("message", listen);
          resolve((message as Record<string, T>)[key] as T);
        };
        child.on("message", listen);
      }),
      exited,
    ]);
  await next<boolean>("ready");
  return {
    take() {
      const probes = next<number[]>("probes");
      child.send("take");
      return probes;
    },
    async stop() {
      stopping = true;
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.disconnect();
      await gone;
    },
  };
}

/** Runs `work` while the probe times the settings call; returns the work's call times and the probe's. */
async function phase(probe: Probe, work: (timed: (ms: number) => void) => Promise<void>): Promise<PhaseFigures> {
  await probe.take();
  const calls: number[] = [];
  await work((ms) => calls.push(ms));
  const probes = await probe.take();
  return {
    calls: calls.length,
    slowestCallMs: round(Math.max(...calls), 1),
    probes: probes.length,
    probeP50Ms: round(percentile(probes, 50), 2),
    probeP99Ms: round(percentile(probes, 99), 2),
    probeMaxMs: round(Math.max(...probes), 2),
  };
}

const person = (i: number) => ({
  id: `user-${i}`,
  email: `user.${i}@example.com`,
  attributes: { plan: i % 3 === 0 ? "premium" : "basic", first_name: "Ada" },
});

export async function measureScale(
  options: ScaleConfig & { children: Children },
  log: (line: string) => void = () => undefined,
): Promise<ScaleResult> {
  const served = await options.children.server("simulator");
  let probe: Probe | undefined;
  try {
    const { url, pid } = served;
    probe = await startProbe(url, options.children);
    const rssBefore = rssBytes(pid);
    const seedStarted = performance.now();
    const seed = await phase(probe, async (timed) => {
      for (let from = 0; from < options.people; from += options.batch) {
        const people = Array.from({ length: Math.min(options.batch, options.people - from) }, (_, k) =>
          person(from + k),
        );
        timed((await call(`${url}/__simulator/people`, { method: "POST", body: JSON.stringify({ people }) })).ms);
        if ((from / options.batch) % 20 === 0) log(`  seeded ${from + people.length} people …`);
      }
    });
    const seedSec = (performance.now() - seedStarted) / 1000;
    // Let the collector catch up before reading the resident set.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const rssAfter = rssBytes(pid);

    const list = await phase(probe, async (timed) => {
      let cursor: string | null = null;
      for (let page = 0; page < options.pages; page++) {
        const query: string = `limit=1000${cursor === null ? "" : `&cursor=${cursor}`}`;
        const answer = await call(`${url}/__simulator/people?${query}`);
        timed(answer.ms);
        cursor = (answer.body as { next_cursor: string | null }).next_cursor;
        if (cursor === null) break;
      }
    });

    const search = await phase(probe, async (timed) => {
      for (let k = 0; k < options.searches; k++) {
        const i = Math.floor(((k + 0.5) / options.searches) * options.people);
        const q = [`user-${i}`, `USER.${i}@EXAMPLE.COM`][k % 2] ?? "";
        const answer = await call(`${url}/__simulator/people?q=${encodeURIComponent(q)}`);
        timed(answer.ms);
        if ((answer.body as { people: unknown[] }).people.length !== 1)
          throw new Error(`search for person ${i} did not find exactly one`);
      }
    });

    const reset = await phase(probe, async (timed) => {
      timed((await call(`${url}/__simulator/reset`, { method: "POST" })).ms);
      // Keep probing a little after the reset: the collector frees the people then.
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });

    const phases = { seed, list, search, reset };
    return {
      people: options.people,
      peoplePerSec: round(options.people / seedSec, 0),
      rssBeforeMb: round(rssBefore / 2 ** 20, 1),
      rssAfterMb: round(rssAfter / 2 ** 20, 1),
      rssPerPersonBytes: round((rssAfter - rssBefore) / options.people, 0),
      phases,
      worstProbeMs: Math.max(...Object.values(phases).map((p) => p.probeMaxMs)),
    };
  } finally {
    await probe?.stop();
    await served.stop();
  }
}
