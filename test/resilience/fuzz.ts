/**
 * A seeded fuzz run against the simulator: random requests, valid and invalid (methods, paths with encoded
 * junk, credentials, content types, bodies from valid identify calls to random JSON and random bytes), most sent
 * in-process to `sim.fetch` and a share over a loopback socket. Counted: 5xx answers, crashes (a rejected
 * fetch, a broken connection), Track API answers the spec does not declare; afterwards, the workspace's
 * invariants (no two live people share an id, an email ignoring case, an anonymous_id; cio_ids are unique).
 *
 * No vitest here: scripts/resilience.ts runs the same code.
 */
import { Agent, request as httpRequest } from "node:http";
import fc from "fast-check";
import type { Simulator } from "../../src/simulator/index.js";
import { validateResponse } from "../../src/spec/validator.js";
import { basicHeader } from "./loopback.js";

export interface FuzzOptions {
  seed: number;
  /** Requests sent in-process. */
  runs: number;
  /** Requests sent over the socket of `url` (a served simulator whose `simulator` is `sim`). */
  socketRuns: number;
  url?: string;
}

export interface FuzzFigures {
  seed: number;
  /** Requests sent, in-process and over the socket (shrinking included, if a check failed). */
  sent: number;
  inProcess: number;
  overSocket: number;
  byStatus: Record<string, number>;
  serverErrors: number;
  crashes: number;
  /** Answers that break the spec (Track API) or the error envelope (other routes). */
  violations: number;
  invariantViolations: string[];
  /** The first few problems, described. */
  samples: string[];
  /** fast-check's counterexample, when a property failed. */
  counterexample?: string;
}

interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
}

const ENCODER = new TextEncoder();
const SOCKET_SAFE_PATH = /^\/[\x21-\x7e]*$/;

const identifiers = [
  "a",
  "b",
  "c",
  "Ada@Example.com",
  "ada@example.com",
  "bob@example.com",
  "cio_0300000000000001",
  "cio_03000000000000ff",
  "cio_",
  "x y",
  "../../__simulator/reset",
  "é😀",
];
const junkSegments = [
  "%zz",
  "%C0%AF",
  "%2e%2e",
  "%2F",
  "%00",
  "%ff",
  "a/b",
  "",
  "%",
  "..",
  ".",
  "%2e",
  "a%2Fb%2F..%2F..",
  "%E2%82",
];

const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...identifiers).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  { weight: 2, arbitrary: fc.constantFrom(...junkSegments) },
  { weight: 1, arbitrary: fc.stringMatching(/^[%A-Za-z0-9._~!$&'()*+,;=:@-]{0,24}$/) },
);

const inspectionPaths = [
  "/__simulator/people",
  "/__simulator/people?include_deleted=true",
  "/__simulator/people?include_deleted=maybe",
  "/__simulator/people/lookup?id=a",
  "/__simulator/people/lookup?email=ADA%40example.com&include_deleted=true",
  "/__simulator/people/lookup",
  "/__simulator/people/cio_0300000000000001",
  "/__simulator/activity?since=0",
  "/__simulator/activity?since=-1",
  "/__simulator/reset",
  "/__simulator/stats",
  "/__simulator/faults",
  "/__simulator/nope",
  "/__simulator",
];

const path = fc.oneof(
  { weight: 12, arbitrary: segment.map((s) => `/api/v1/customers/${s}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "/api/v1/accounts/region",
      "/api/v1/customers",
      "/api/v1/customers/",
      "/api/v2/entity",
      "/",
      "/api/v1/customers/a/b",
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...inspectionPaths) },
  { weight: 1, arbitrary: fc.stringMatching(/^\/[\x21-\x7e]{0,40}$/) },
);

const validBody = fc.record(
  {
    id: fc.constantFrom("a", "b", "c", "d"),
    email: fc.constantFrom("ada@example.com", "Ada@Example.com", "bob@example.com", "carol@example.com"),
    anonymous_id: fc.constantFrom("anon-1", "anon-2", "anon-3"),
    plan: fc.constantFrom("basic", "premium", null, ""),
    score: fc.integer(),
    tags: fc.array(fc.constantFrom("x", "y"), { maxLength: 3 }),
    _update: fc.boolean(),
    _timestamp: fc.integer({ min: 1_600_000_000, max: 1_700_000_000 }),
    created_at: fc.integer({ min: 0, max: 1_700_000_000 }),
    unsubscribed: fc.constantFrom(true, false, "true", "TRUE", "1", 1, 0),
    cio_subscription_preferences: fc.record({
      topics: fc.dictionary(fc.constantFrom("topic_1", "topic_2", "topic_30"), fc.boolean()),
    }),
    "cio_subscription_preferences.topics.topic_2": fc.boolean(),
    cio_relationships: fc.record({
      action: fc.constantFrom("add_relationships", "delete_relationships"),
      relationships: fc.array(
        fc.record({
          identifiers: fc.record({
            object_type_id: fc.constantFrom("1", "2"),
            object_id: fc.constantFrom("acme", "globex"),
          }),
        }),
        { maxLength: 2 },
      ),
    }),
  },
  { requiredKeys: [] },
);

const hostileBodies = [
  `{"a":${"[".repeat(2000)}${"]".repeat(2000)}}`,
  "{",
  "",
  '{"plan":"a","plan":"b"}',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  "[]",
  "null",
  '"text"',
  '{"id":"' + "x".repeat(200) + '"}',
];

const body = fc.oneof(
  { weight: 5, arbitrary: validBody.map((value) => ENCODER.encode(JSON.stringify(value))) },
  {
    weight: 2,
    arbitrary: fc.jsonValue({ maxDepth: 4 }).map((value) => ENCODER.encode(JSON.stringify(value) ?? "null")),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
      .map((value) => ENCODER.encode(JSON.stringify(value))),
  },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileBodies).map((text) => ENCODER.encode(text)) },
);

function requestArbitrary(siteId: string, apiKey: string): fc.Arbitrary<FuzzRequest> {
  const authorization = fc.oneof(
    { weight: 8, arbitrary: fc.constant<string | undefined>(basicHeader(siteId, apiKey)) },
    { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<string | undefined>(
        basicHeader(siteId, `${apiKey}x`),
        "Basic !!!",
        "Bearer token",
        "Basic",
        `basic ${btoa(siteId)}`,
      ),
    },
    { weight: 1, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,40}$/).map((text) => `Basic ${text}`.trim()) },
  );
  const contentType = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom<string | undefined>("application/json", "application/json; charset=utf-8"),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<string | undefined>(
        undefined,
        "text/plain",
        "APPLICATION/JSON",
        "application/jsonx",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        ";",
      ),
    },
  );
  const method = fc.oneof(
    { weight: 8, arbitrary: fc.constant("PUT") },
    { weight: 2, arbitrary: fc.constantFrom("GET", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS") },
  );
  return fc
    .record({ method, path, authorization, contentType, body })
    .map(({ method: m, path: p, authorization: a, contentType: c, body: b }) => {
      const headers: Record<string, string> = {};
      if (a !== undefined) headers["authorization"] = a;
      if (c !== undefined) headers["content-type"] = c;
      // PATCH /__simulator/settings would switch how emails are matched, which the invariants below assume fixed.
      const safeMethod = m === "PATCH" && p.startsWith("/__simulator/settings") ? "GET" : m;
      return {
        method: safeMethod,
        path: p,
        headers,
        body: safeMethod === "GET" || safeMethod === "HEAD" ? undefined : b,
      };
    });
}

/** Problems with one answer: a 5xx, or a shape the spec (Track API) or the error envelope does not allow. */
function judge(
  method: string,
  pathname: string,
  status: number,
  contentType: string | null,
  text: string,
): { serverError: boolean; violation?: string } {
  const where = `${method} ${pathname.slice(0, 60)} → ${status}`;
  if (status >= 500) return { serverError: true, violation: `${where}: server error` };
  if (method === "HEAD") return { serverError: false };
  const segment = pathname.startsWith("/api/v1/customers/") ? pathname.slice("/api/v1/customers/".length) : undefined;
  if (method === "PUT" && segment !== undefined && segment !== "" && !segment.includes("/")) {
    const findings = validateResponse(status, contentType, text);
    return findings.length === 0
      ? { serverError: false }
      : { serverError: false, violation: `${where}: ${findings.map((f) => f.message).join("; ")}` };
  }
  if (status >= 400) {
    if (!(contentType ?? "").startsWith("application/json"))
      return { serverError: false, violation: `${where}: error answered as ${String(contentType)}` };
    try {
      const meta = (JSON.parse(text) as { meta?: { error?: unknown; errors?: unknown } }).meta;
      if (typeof meta?.error !== "string" && !Array.isArray(meta?.errors))
        return { serverError: false, violation: `${where}: no error envelope` };
    } catch {
      return { serverError: false, violation: `${where}: error body is not JSON` };
    }
  }
  return { serverError: false };
}

/** Workspace invariants: violations described (empty when they hold). */
export function invariantViolations(sim: Simulator): string[] {
  const problems: string[] = [];
  const emailsIdentify = sim.settings().identifiedBy === "email_or_id";
  const all = sim.people({ includeDeleted: true });
  const seen = {
    id: new Set<string>(),
    email: new Set<string>(),
    anonymous_id: new Set<string>(),
    cio_id: new Set<string>(),
  };
  const claim = (kind: keyof typeof seen, value: string | undefined, who: string) => {
    if (value === undefined) return;
    if (seen[kind].has(value)) problems.push(`two people share a ${kind} (${who})`);
    seen[kind].add(value);
  };
  for (const person of all) {
    claim("cio_id", person.cio_id, person.cio_id);
    if (person.deleted) continue;
    claim("id", person.id, person.cio_id);
    if (emailsIdentify) claim("email", person.email?.toLowerCase(), person.cio_id);
    claim("anonymous_id", person.anonymous_id, person.cio_id);
  }
  return problems;
}

/** Runs the fuzz; never throws for what it finds (the figures say), only for a broken harness. */
export async function runFuzz(sim: Simulator, options: FuzzOptions): Promise<FuzzFigures> {
  const figures: FuzzFigures = {
    seed: options.seed,
    sent: 0,
    inProcess: 0,
    overSocket: 0,
    byStatus: {},
    serverErrors: 0,
    crashes: 0,
    violations: 0,
    invariantViolations: [],
    samples: [],
  };
  const note = (problem: string) => {
    if (figures.samples.length < 10) figures.samples.push(problem);
  };
  const record = (
    method: string,
    pathname: string,
    status: number,
    contentType: string | null,
    text: string,
  ): boolean => {
    figures.sent += 1;
    figures.byStatus[status] = (figures.byStatus[status] ?? 0) + 1;
    const verdict = judge(method, pathname, status, contentType, text);
    if (verdict.serverError) figures.serverErrors += 1;
    if (verdict.violation !== undefined) {
      if (!verdict.serverError) figures.violations += 1;
      note(verdict.violation);
      return false;
    }
    return true;
  };
  const arbitrary = requestArbitrary(sim.siteId, sim.apiKey);

  const inProcess = await fc.check(
    fc.asyncProperty(arbitrary, async (r) => {
      let request: Request;
      try {
        request = new Request(`http://simulator.local${r.path}`, {
          method: r.method,
          headers: r.headers,
          ...(r.body === undefined ? {} : { body: r.body.slice() }),
        });
      } catch {
        return true; // A request fetch itself cannot build says nothing about the simulator.
      }
      figures.inProcess += 1;
      let response: Response;
      try {
        response = await sim.fetch(request);
      } catch (error) {
        figures.sent += 1;
        figures.crashes += 1;
        note(
          `${r.method} ${r.path.slice(0, 60)}: sim.fetch rejected (${error instanceof Error ? error.name : typeof error})`,
        );
        return false;
      }
      return record(
        r.method,
        new URL(request.url).pathname,
        response.status,
        response.headers.get("content-type"),
        await response.text(),
      );
    }),
    { seed: options.seed, numRuns: options.runs, endOnFailure: true },
  );
  if (inProcess.failed) figures.counterexample = JSON.stringify(inProcess.counterexample)?.slice(0, 500);

  if (options.url !== undefined && options.socketRuns > 0) {
    const target = new URL(options.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    try {
      const overSocket = await fc.check(
        fc.asyncProperty(arbitrary, async (r) => {
          if (!SOCKET_SAFE_PATH.test(r.path)) return true;
          const reply = await sendOverSocket(agent, target, r);
          if ("skipped" in reply) return true;
          figures.overSocket += 1;
          if ("error" in reply) {
            figures.sent += 1;
            figures.crashes += 1;
            note(`${r.method} ${r.path.slice(0, 60)} over the socket: ${reply.error}`);
            return false;
          }
          const pathname = new URL(r.path, "http://x").pathname;
          return record(r.method, pathname, reply.status, reply.contentType, reply.text);
        }),
        { seed: options.seed + 1, numRuns: options.socketRuns, endOnFailure: true },
      );
      if (overSocket.failed) figures.counterexample ??= JSON.stringify(overSocket.counterexample)?.slice(0, 500);
    } finally {
      agent.destroy();
    }
  }
  figures.invariantViolations = invariantViolations(sim);
  return figures;
}

type SocketReply = { status: number; contentType: string | null; text: string } | { error: string } | { skipped: true };

function sendOverSocket(agent: Agent, target: URL, r: FuzzRequest): Promise<SocketReply> {
  return new Promise((resolve) => {
    const headers: Record<string, string> = { ...r.headers };
    if (r.body !== undefined) headers["content-length"] = String(r.body.byteLength);
    let req;
    try {
      req = httpRequest(
        { host: target.hostname, port: target.port, method: r.method, path: r.path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: res.headers["content-type"] ?? null,
              text: Buffer.concat(chunks).toString("utf8"),
            }),
          );
          res.on("error", (error) => resolve({ error: error.message }));
        },
      );
    } catch {
      // node:http refuses to build some requests (characters it will not put in a path): not the server's doing.
      resolve({ skipped: true });
      return;
    }
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(r.body === undefined ? undefined : Buffer.from(r.body));
  });
}
