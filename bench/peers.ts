/**
 * The peers the benchmark compares against live in bench/peers, a package of their own with a committed lockfile,
 * so that the project's `npm ci` stays lean. `npm run bench` installs them (`npm ci`) when they are missing; the
 * smoke test never installs anything and skips the peers' parts when they are absent.
 *
 * They are loaded with a require rooted in bench/peers and described here by the few members the benchmark uses.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PEERS_DIR, PEERS_MODULES } from "./paths.js";

/** The part of customerio-node's TrackClient the benchmark calls. */
export interface TrackClientLike {
  identify(customerId: string, data: Record<string, unknown>): Promise<unknown>;
}
export type TrackClientConstructor = new (siteId: string, apiKey: string, defaults: { url: string }) => TrackClientLike;

/** The part of autocannon's options and results the benchmark uses. */
export interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
export interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  method: string;
  headers: Record<string, string>;
  requests: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
  timeout?: number;
}
export interface AutocannonHistogram {
  average: number;
  p50: number;
  p99: number;
  total: number;
}
export interface AutocannonResult {
  requests: AutocannonHistogram;
  latency: AutocannonHistogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
}
/** A running autocannon: an event emitter that is also a promise of its results. */
export interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  /** `response`: one answer, with its latency in milliseconds (fractional, from process.hrtime). */
  on(
    event: "response",
    listener: (client: unknown, statusCode: number, bytes: number, latencyMs: number) => void,
  ): unknown;
}
export type Autocannon = (options: AutocannonOptions) => AutocannonInstance;

export const PEER_VERSIONS = {
  "customerio-node": "5.2.0",
  "@stoplight/prism-cli": "5.16.0",
  autocannon: "8.0.0",
} as const;

/** Whether bench/peers has been installed (its node_modules holds all three peers). */
export function peersInstalled(): boolean {
  return ["customerio-node", join("@stoplight", "prism-cli"), "autocannon"].every((name) =>
    existsSync(join(PEERS_MODULES, name, "package.json")),
  );
}

/** `npm ci --prefix bench/peers` (install scripts off: none of the peers needs one). Throws when it fails. */
export function installPeers(log: (line: string) => void): void {
  log("Installing the peers (npm ci --prefix bench/peers) …");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["ci", "--prefix", PEERS_DIR, "--ignore-scripts", "--no-audit", "--no-fund"], {
    stdio: ["ignore", "inherit", "inherit"],
    timeout: 600_000,
  });
  if (result.status !== 0 || !peersInstalled())
    throw new Error(`npm ci --prefix bench/peers failed (${result.status ?? result.signal ?? result.error?.message})`);
}

const peerRequire = () => createRequire(join(PEERS_DIR, "package.json"));

/** The installed version of a peer, read from its package.json. */
export function peerVersion(name: keyof typeof PEER_VERSIONS): string {
  // Read from the file: customerio-node's `exports` does not expose its package.json.
  const manifest = JSON.parse(readFileSync(join(PEERS_MODULES, name, "package.json"), "utf8")) as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}

export function loadTrackClient(): TrackClientConstructor {
  const mod = peerRequire()("customerio-node") as { TrackClient?: unknown };
  if (typeof mod.TrackClient !== "function") throw new Error("customerio-node has no TrackClient");
  return mod.TrackClient as TrackClientConstructor;
}

export function loadAutocannon(): Autocannon {
  const mod = peerRequire()("autocannon") as unknown;
  if (typeof mod !== "function") throw new Error("autocannon did not load as a function");
  return mod as Autocannon;
}

/** The file customerio-node's package resolves to (its entry), for the size comparison. */
export function customerioNodeEntry(): string {
  return peerRequire().resolve("customerio-node");
}
