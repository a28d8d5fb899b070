/**
 * Where recorded traffic comes from: an NDJSON file (`cio-customers simulate --record FILE`, one request a line),
 * a running simulator's `GET /__simulator/requests` (read page by page), or an array already in memory.
 */
import { readFileSync } from "node:fs";
import { basic } from "./http.js";
import type { TrafficRequest } from "./checks/traffic.js";

/** The traffic could not be read: the command prints the one-line message and exits 2. */
export class TrafficSourceError extends Error {
  override name = "TrafficSourceError";
  readonly code = "traffic_unreadable";
}

export async function loadTraffic(
  source: string | readonly TrafficRequest[],
  options: {
    siteId?: string | undefined;
    apiKey?: string | undefined;
    fetch?: (request: Request) => Promise<Response>;
  } = {},
): Promise<{ name: string; requests: TrafficRequest[] }> {
  if (typeof source !== "string") return { name: "recorded traffic", requests: [...source] };
  if (/^https?:\/\//i.test(source)) return { name: source, requests: await fromSimulator(source, options) };
  let text: string;
  try {
    text = readFileSync(source, "utf8");
  } catch (error) {
    throw new TrafficSourceError(
      `cannot read the traffic file ${source}: ${error instanceof Error && "code" in error ? String(error.code) : String(error)}`,
    );
  }
  const requests: TrafficRequest[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      throw new TrafficSourceError(`${source} line ${index + 1} is not JSON (expected one recorded request a line)`);
    }
    if (!isRecorded(value))
      throw new TrafficSourceError(
        `${source} line ${index + 1} is not a recorded request (seq, method, path, headers, body)`,
      );
    requests.push(value);
  });
  return { name: source, requests };
}

async function fromSimulator(
  base: string,
  options: {
    siteId?: string | undefined;
    apiKey?: string | undefined;
    fetch?: (request: Request) => Promise<Response>;
  },
): Promise<TrafficRequest[]> {
  const { siteId, apiKey } = options;
  if (!siteId || !apiKey)
    throw new TrafficSourceError(
      "reading traffic from a simulator needs its credentials: --site-id and --api-key, or CIO_SITE_ID and CIO_API_KEY",
    );
  const fetcher = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const origin = base.replace(/\/+$/, "");
  const out: TrafficRequest[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const url = `${origin}/__simulator/requests?limit=1000${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
    let response: Response;
    try {
      response = await fetcher(new Request(url, { headers: { authorization: basic(siteId, apiKey) } }));
    } catch (error) {
      throw new TrafficSourceError(
        `cannot reach ${new URL(origin).origin}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!response.ok)
      throw new TrafficSourceError(
        `${new URL(origin).origin}/__simulator/requests answered ${response.status}; is it a cio-customers simulator, and are the credentials right?`,
      );
    const body = (await response.json()) as { requests?: unknown; next_cursor?: unknown };
    if (!Array.isArray(body.requests))
      throw new TrafficSourceError(`${new URL(origin).origin}/__simulator/requests did not answer a page of requests`);
    for (const value of body.requests as unknown[]) if (isRecorded(value)) out.push(value);
    cursor = typeof body.next_cursor === "string" ? body.next_cursor : null;
    if (cursor === null) break;
  }
  return out;
}

function isRecorded(value: unknown): value is TrafficRequest {
  if (value === null || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  return (
    typeof r["seq"] === "number" &&
    typeof r["method"] === "string" &&
    typeof r["path"] === "string" &&
    typeof r["headers"] === "object" &&
    r["headers"] !== null &&
    (r["body"] === null || typeof r["body"] === "string") &&
    typeof r["received_at"] === "string"
  );
}
