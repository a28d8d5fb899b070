/**
 * Traffic checks: what an application actually sent, judged request by request. The traffic is recorded by the
 * simulator (`cio-customers simulate --record`, `GET /__simulator/requests`), so the application can be written
 * in any language and use any SDK. Each check names one mistake; each finding names the request (`seq`) at fault.
 *
 * Two rules need the order of the traffic rather than one request:
 * - Overlapping calls for one person (the race the endpoint's description warns about): a request that arrived
 *   while an earlier one for the same person was still unanswered. The simulator records, for each request, the
 *   newest seq received when it was answered (`last_seq_at_answer`); without it, the recorded times are compared.
 * - `_update` where the call must not create: the judge cannot see intent, so it takes the traffic's own word. Once
 *   a call for a person has been answered 2xx, the application knows the profile exists; a call for that person
 *   sent after that answer without `_update: true` could create a duplicate profile if the first is not applied yet (or the person
 *   was merged away), which is what `_update` prevents.
 */
import { CIO_ID_PREFIX, MAX_UNIX_SECONDS } from "../../src/spec/limits.js";
import { validateIdentifier, validatePersonBody } from "../../src/spec/validator.js";
import type { RecordedRequest } from "../../src/simulator/index.js";
import { finding, type CheckDefinition } from "../check.js";
import type { ClauseId, Exchange, Finding } from "../types.js";

/** A request as the simulator records it (`RecordedRequest`, described in openapi/simulator.yaml). */
export type TrafficRequest = RecordedRequest;

const PREFIX = "/api/v1/customers/";
const REGION = "/api/v1/accounts/region";

/** What every traffic check reads: each request with its identifier and body worked out once. */
export interface ReadRequest {
  request: TrafficRequest;
  /** The raw path segment after /api/v1/customers/, when the path is an identify path of one segment. */
  segment?: string;
  /** The segment decoded once, when it decodes. */
  identifier?: string;
  /** Who the call is about, for grouping: the identifier, emails in lower case. */
  person?: string;
  /** The body parsed as JSON, when it parses. */
  json?: unknown;
}

export function readRequest(request: TrafficRequest): ReadRequest {
  const out: ReadRequest = { request };
  if (request.path.startsWith(PREFIX)) {
    const segment = request.path.slice(PREFIX.length);
    out.segment = segment;
    if (!segment.includes("/")) {
      try {
        out.identifier = decodeURIComponent(segment);
        out.person = out.identifier.includes("@") ? out.identifier.toLowerCase() : out.identifier;
      } catch {
        // Reported by traffic.identifier-encoding.
      }
    }
  }
  if (request.body !== null && request.body_truncated !== true) {
    try {
      out.json = JSON.parse(request.body) as unknown;
    } catch {
      // Reported by traffic.body-schema.
    }
  }
  return out;
}

export interface TrafficContext {
  requests: readonly ReadRequest[];
}

type Judge = (
  read: ReadRequest,
  all: readonly ReadRequest[],
) => [code: string, path: (string | number)[], expected: string, actual: string][];

const isIdentify = (r: ReadRequest) => r.request.method === "PUT" && r.segment !== undefined;
const bodyObject = (r: ReadRequest): Record<string, unknown> | undefined =>
  r.json !== null && typeof r.json === "object" && !Array.isArray(r.json)
    ? (r.json as Record<string, unknown>)
    : undefined;

function trafficCheck(
  id: string,
  title: string,
  clauses: ClauseId[],
  specElement: string,
  judge: Judge,
): CheckDefinition & { judge: Judge } {
  return {
    id,
    title,
    kind: "traffic",
    clauses,
    specElement,
    judge,
    run: () => Promise.resolve([]),
  };
}

/** Runs one traffic check over the traffic: its findings, and the requests behind them as exchanges. */
export function judgeTraffic(
  check: (typeof trafficChecks)[number],
  requests: readonly ReadRequest[],
): { findings: Finding[]; exchanges: Exchange[] } {
  const findings: Finding[] = [];
  const exchanges: Exchange[] = [];
  for (const read of requests) {
    const found = check.judge(read, requests);
    for (const [code, path, expected, actual] of found)
      findings.push(
        finding(check.id, code, [`request ${read.request.seq}`, ...path], expected, actual, read.request.seq),
      );
    if (found.length > 0 && exchanges.length < 5) exchanges.push(toExchange(read.request));
  }
  return { findings, exchanges };
}

function toExchange(request: TrafficRequest): Exchange {
  const exchange: Exchange = {
    request: {
      method: request.method,
      url: `${request.path}${request.query === "" ? "" : `?${request.query}`} (request ${request.seq})`,
      headers: request.headers,
      body: request.body === null ? "" : request.body.slice(0, 2048),
    },
  };
  if (request.response) {
    exchange.response = {
      status: request.response.status,
      headers: request.response.content_type ? { "content-type": request.response.content_type } : {},
      body: request.response.body.slice(0, 2048),
    };
  } else if (request.error !== undefined) {
    exchange.error = request.error;
  }
  return exchange;
}

/** Each key whose value is a timestamp by the spec (`created_at`, `_timestamp`) or by name (`…_at`). */
function timestampKeys(body: Record<string, unknown>): string[] {
  return Object.keys(body).filter((key) => key === "created_at" || key === "_timestamp" || /_at$/.test(key));
}

function overlaps(earlier: TrafficRequest, later: TrafficRequest): boolean {
  if (earlier.last_seq_at_answer !== undefined) return later.seq <= earlier.last_seq_at_answer;
  if (earlier.answered_at === undefined) return false;
  return Date.parse(later.received_at) < Date.parse(earlier.answered_at);
}

export const trafficChecks = [
  trafficCheck(
    "traffic.route",
    "Each request is PUT /api/v1/customers/{identifier} (or GET /api/v1/accounts/region)",
    [],
    "paths",
    (r) => {
      const { method, path } = r.request;
      if (path === REGION)
        return method === "GET" ? [] : [["wrong_method", ["method"], "GET for the region lookup", method]];
      if (!path.startsWith(PREFIX))
        return [["unknown_route", ["path"], "PUT /api/v1/customers/{identifier}", `${method} ${path.slice(0, 80)}`]];
      return method === "PUT" ? [] : [["wrong_method", ["method"], "PUT", method]];
    },
  ),
  trafficCheck(
    "traffic.identifier-encoding",
    "The identifier is URL-encoded exactly once: no %25xx where %xx was meant, no raw /",
    ["C10"],
    "components.parameters.Identifier",
    (r) => {
      if (r.segment === undefined) return [];
      if (r.segment === "") return [["identifier_missing", ["path"], "an identifier after /customers/", "nothing"]];
      if (r.segment.includes("/"))
        return [
          ["identifier_raw_slash", ["path"], "a / inside an identifier sent as %2F", "a raw / that splits the path"],
        ];
      if (r.identifier === undefined)
        return [
          ["identifier_bad_encoding", ["path"], "valid percent-encoded UTF-8", "a % escape that does not decode"],
        ];
      if (/%25[0-9A-Fa-f]{2}/.test(r.segment))
        return [
          [
            "identifier_double_encoded",
            ["path"],
            "each character encoded once (%40 for @)",
            "an escape encoded twice (%25 followed by hex)",
          ],
        ];
      return [];
    },
  ),
  trafficCheck(
    "traffic.identifier-form",
    "The identifier is an id, an email or cio_<cio_id>, within the spec's limits",
    ["C10"],
    "components.parameters.Identifier",
    (r) => {
      if (r.identifier === undefined || r.segment?.includes("/")) return [];
      return validateIdentifier(r.identifier).map(
        (f) =>
          ["identifier_invalid", ["identifier"], f.message, `an identifier the spec refuses (${f.keyword})`] as [
            string,
            string[],
            string,
            string,
          ],
      );
    },
  ),
  trafficCheck(
    "traffic.cio-value-as-id",
    "A cio_ value is never sent as an id",
    ["C5", "C7", "C10"],
    "PersonAttributes.id",
    (r) => {
      const body = bodyObject(r);
      const id = body?.["id"];
      return typeof id === "string" && id.startsWith(CIO_ID_PREFIX)
        ? [
            [
              "cio_value_as_id",
              ["body", "id"],
              "an id of the workspace's own (a cio_id is named in the path as cio_<cio_id>)",
              "an id starting with cio_",
            ],
          ]
        : [];
    },
  ),
  trafficCheck(
    "traffic.body-cio-id",
    "The body carries no cio_id (a person is referenced by cio_<cio_id> in the path)",
    ["C7"],
    "PersonAttributes",
    (r) => {
      const body = bodyObject(r);
      return body !== undefined && "cio_id" in body
        ? [
            [
              "body_cio_id",
              ["body", "cio_id"],
              "cio_<cio_id> in the path and no cio_id in the body",
              "a cio_id field in the body",
            ],
          ]
        : [];
    },
  ),
  trafficCheck(
    "traffic.body-schema",
    "The body is a JSON object that PersonAttributes accepts",
    [],
    "components.schemas.PersonAttributes",
    (r) => {
      if (!isIdentify(r)) return [];
      const { body, body_truncated: truncated } = r.request;
      if (body === null) return [];
      if (truncated === true) return [];
      if (r.json === undefined) return [["body_not_json", ["body"], "a JSON object", "a body that is not JSON"]];
      if (bodyObject(r) === undefined)
        return [
          [
            "body_not_object",
            ["body"],
            "a JSON object",
            Array.isArray(r.json) ? "an array" : r.json === null ? "null" : typeof r.json,
          ],
        ];
      return validatePersonBody(r.json).map(
        (f) =>
          [
            "body_schema",
            ["body", ...f.path.split("/").filter(Boolean)],
            f.message,
            `a value the spec refuses (${f.keyword})`,
          ] as [string, string[], string, string],
      );
    },
  ),
  trafficCheck(
    "traffic.content-type",
    "Content-Type is application/json",
    ["C12"],
    "requestBodies.Person.content",
    (r) => {
      if (!isIdentify(r)) return [];
      const type = r.request.headers["content-type"];
      if (type === undefined)
        return [["content_type_missing", ["headers", "content-type"], "application/json", "no Content-Type"]];
      return /^application\/json\s*(;|$)/i.test(type)
        ? []
        : [["content_type", ["headers", "content-type"], "application/json", type.slice(0, 60)]];
    },
  ),
  trafficCheck(
    "traffic.auth",
    "Requests carry HTTP Basic credentials that the server accepts",
    [],
    "components.securitySchemes.trackBasicAuth",
    (r) => {
      const authorization = r.request.headers["authorization"];
      if (authorization === undefined)
        return [["auth_missing", ["headers", "authorization"], "Basic site ID:API key", "no Authorization header"]];
      if (!/^basic\b/i.test(authorization))
        return [
          [
            "auth_not_basic",
            ["headers", "authorization"],
            "the Basic scheme",
            `the ${authorization.split(" ")[0] ?? ""} scheme`,
          ],
        ];
      if (r.request.response?.status === 401)
        return [["auth_refused", ["response", "status"], "credentials the server accepts", "401"]];
      return [];
    },
  ),
  trafficCheck(
    "traffic.timestamps",
    "Timestamps are Unix seconds, not milliseconds",
    ["C22"],
    "PersonAttributes.created_at",
    (r) => {
      const body = bodyObject(r);
      if (!body) return [];
      return timestampKeys(body)
        .filter((key) => typeof body[key] === "number" && (body[key] as number) >= MAX_UNIX_SECONDS)
        .map(
          (key) =>
            [
              "timestamp_milliseconds",
              ["body", key],
              "whole Unix seconds",
              "milliseconds (a value of 10^11 or more)",
            ] as [string, string[], string, string],
        );
    },
  ),
  trafficCheck(
    "traffic.attribute-deletion",
    'No attribute is sent as "" or null, which deletes it',
    ["C21"],
    "PersonAttributes (additionalProperties)",
    (r) => {
      const body = bodyObject(r);
      if (!body || !isIdentify(r)) return [];
      return Object.entries(body)
        .filter(([, value]) => value === null || value === "")
        .map(
          ([key, value]) =>
            [
              "attribute_deleted",
              ["body", key],
              "a value, or the attribute left out",
              value === null ? "null, which deletes the attribute" : '"", which deletes the attribute',
            ] as [string, string[], string, string],
        );
    },
  ),
  trafficCheck(
    "traffic.overlapping-calls",
    "Calls for one person never overlap (the race that creates duplicate profiles)",
    ["C1", "C23"],
    "PersonAttributes._update",
    (r, all) => {
      if (r.person === undefined || !isIdentify(r)) return [];
      const earlier = all.find(
        (e) =>
          e.request.seq < r.request.seq && e.person === r.person && isIdentify(e) && overlaps(e.request, r.request),
      );
      return earlier
        ? [
            [
              "overlapping_calls",
              ["path"],
              "one call for a person at a time",
              `sent while request ${earlier.request.seq} for the same person was unanswered`,
            ],
          ]
        : [];
    },
  ),
  trafficCheck(
    "traffic.update-flag",
    "A call for a person already identified carries _update: true, so it cannot create a second profile",
    ["C23"],
    "PersonAttributes._update",
    (r, all) => {
      if (r.person === undefined || !isIdentify(r) || bodyObject(r)?.["_update"] === true) return [];
      if (r.identifier?.startsWith(CIO_ID_PREFIX)) return [];
      const known = all.find(
        (e) =>
          e.request.seq < r.request.seq &&
          e.person === r.person &&
          isIdentify(e) &&
          (e.request.response?.status ?? 0) >= 200 &&
          (e.request.response?.status ?? 0) < 300 &&
          // Answered before this call was sent: only then could the application know the person exists.
          !overlaps(e.request, r.request),
      );
      return known
        ? [
            [
              "update_flag_missing",
              ["body", "_update"],
              "true: request " + known.request.seq + " already identified this person",
              "absent, so the call may create a profile",
            ],
          ]
        : [];
    },
  ),
];
