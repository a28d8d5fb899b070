/**
 * Load generators for the server benchmark. Both send the same request: `PUT /api/v1/customers/<prefix>-<n>`
 * with valid Basic credentials and a JSON body, every request naming a new person.
 *
 * - autocannon (bench/peers), duration-bound: the real measurement.
 * - a small built-in loop on node:http with keep-alive, count-bound: used when the peers are not installed (the
 *   smoke test), so the harness's own paths always run.
 */
import { Agent, request } from "node:http";
import type { Autocannon, AutocannonRequest } from "./peers.js";
import { percentile } from "./stats.js";

export type Generator = "autocannon" | "builtin";

export interface LoadStats {
  generator: Generator;
  /** Requests answered (any status). */
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  /** Answers with a status outside 2xx: a server under test that refuses the request measures nothing. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  durationSec: number;
}

export interface LoadTarget {
  url: string;
  /** Keeps ids apart between runs against one stateful server. */
  idPrefix: string;
  authorization: string;
  connections: number;
}

const pathOf = (prefix: string, n: number) => `/api/v1/customers/${prefix}-${n}`;
const bodyOf = (prefix: string, n: number) =>
  JSON.stringify({ email: `${prefix}-${n}@example.com`, plan: "pro", seats: 3 });

export async function autocannonLoad(
  autocannon: Autocannon,
  target: LoadTarget,
  durationSec: number,
): Promise<LoadStats> {
  let n = 0;
  const instance = autocannon({
    url: target.url,
    connections: target.connections,
    duration: durationSec,
    timeout: 10,
    method: "PUT",
    headers: { authorization: target.authorization, "content-type": "application/json" },
    requests: [
      {
        setupRequest: (req: AutocannonRequest) => {
          n++;
          return { ...req, path: pathOf(target.idPrefix, n), body: bodyOf(target.idPrefix, n) };
        },
      },
    ],
  });
  // autocannon's own histogram keeps whole milliseconds; its response events carry the fractional latency.
  const latencies: number[] = [];
  instance.on("response", (_client, _status, _bytes, latencyMs) => void latencies.push(latencyMs));
  const result = await instance;
  const answered = result["2xx"] + result.non2xx;
  return {
    generator: "autocannon",
    requests: answered,
    reqPerSec: result.duration > 0 ? answered / result.duration : 0,
    p50Ms: latencies.length ? percentile(latencies, 50) : result.latency.p50,
    p99Ms: latencies.length ? percentile(latencies, 99) : result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationSec: result.duration,
  };
}

/** Sends `count` requests with `connections` in flight on keep-alive sockets. */
export async function builtinLoad(target: LoadTarget, count: number): Promise<LoadStats> {
  const url = new URL(target.url);
  const agent = new Agent({ keepAlive: true, maxSockets: target.connections });
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let next = 0;
  const one = (n: number) =>
    new Promise<void>((resolve) => {
      const body = bodyOf(target.idPrefix, n);
      const started = performance.now();
      let settled = false;
      const settle = (status: number | "error") => {
        if (settled) return;
        settled = true;
        if (status === "error") errors++;
        else {
          latencies.push(performance.now() - started);
          if (status < 200 || status > 299) non2xx++;
        }
        resolve();
      };
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: "PUT",
          path: pathOf(target.idPrefix, n),
          headers: {
            authorization: target.authorization,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
          },
          timeout: 10_000,
        },
        (res) => {
          res.on("end", () => settle(res.statusCode ?? 0));
          res.on("error", () => settle("error"));
          res.resume();
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", () => settle("error"));
      req.end(body);
    });
  const worker = async () => {
    while (next < count) await one(++next);
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(target.connections, count) }, worker));
  } finally {
    agent.destroy();
  }
  const durationSec = (performance.now() - started) / 1000;
  return {
    generator: "builtin",
    requests: latencies.length,
    reqPerSec: durationSec > 0 ? latencies.length / durationSec : 0,
    p50Ms: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99Ms: latencies.length ? percentile(latencies, 99) : Number.NaN,
    non2xx,
    errors,
    durationSec,
  };
}
