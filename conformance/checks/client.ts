/**
 * Client checks: does a client send what the spec says, and behave as documented for every response the spec
 * declares? The client under test gets a recording `fetch` that answers with canned responses, so nothing leaves
 * the process. By default the client is this package's own; pass another factory to check a wrapper or a fork.
 */
import fc from "fast-check";
import {
  addRelationships,
  deleteRelationships,
  replaceTopics,
  setTopics,
  type Attributes,
  type Person,
} from "../../src/index.js";
import { validateIdentifier, validatePersonBody } from "../../src/spec/validator.js";
import { collecting, forAll, show, type CheckContext, type CheckDefinition, type Findings } from "../check.js";
import { AWKWARD_IDENTIFIERS, identifier, validClientBody } from "../generators.js";
import type { CheckIdentity, Exchange } from "../types.js";

/** What the checks need of a client. */
export interface ClientUnderTest {
  identify(person: Person, attributes?: Attributes): Promise<unknown>;
  update(person: Person, attributes?: Attributes): Promise<unknown>;
}

export interface ClientFactoryOptions {
  siteId: string;
  apiKey: string;
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
}

export type ClientFactory = (options: ClientFactoryOptions) => ClientUnderTest;

interface Canned {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

const BASE = "http://client-check.invalid";
const SITE = "conformance-site";
const KEY = "conformance-key";
const PREFIX = "/api/v1/customers/";

/** Runs one call of the client against a recording fetch and returns what was sent and how the call ended. */
async function exercise(
  factory: ClientFactory,
  call: (client: ClientUnderTest) => Promise<unknown>,
  reply: Canned = { status: 200, body: "{}" },
) {
  const sent: { request: Request; body: string }[] = [];
  const client = factory({
    siteId: SITE,
    apiKey: KEY,
    baseUrl: BASE,
    fetch: async (request) => {
      sent.push({ request, body: await request.clone().text() });
      return new Response(reply.status === 204 ? null : reply.body, {
        status: reply.status,
        headers: reply.headers ?? { "content-type": "application/json; charset=utf-8" },
      });
    },
  });
  let outcome: { resolved: true; value: unknown } | { resolved: false; error: unknown };
  try {
    outcome = { resolved: true, value: await call(client) };
  } catch (error) {
    outcome = { resolved: false, error };
  }
  const exchanges: Exchange[] = sent.map(({ request, body }) => ({
    request: {
      method: request.method,
      url: request.url,
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      body,
    },
  }));
  return { sent, outcome, exchanges };
}

/** The path identifier of a recorded request, decoded once, and the raw segment. */
function pathIdentifier(url: string): { raw: string; decoded: string } | undefined {
  const path = new URL(url).pathname;
  if (!path.startsWith(PREFIX)) return undefined;
  const raw = path.slice(PREFIX.length);
  try {
    return { raw, decoded: decodeURIComponent(raw) };
  } catch {
    return { raw, decoded: raw };
  }
}

/** Decodes until nothing changes: which identifier was meant, whatever the encoding. */
function fullyDecoded(raw: string): string {
  let current = raw;
  for (let i = 0; i < 5; i++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current;
}

interface FormCase {
  label: string;
  call: (client: ClientUnderTest) => Promise<unknown>;
  identifier: string;
  body: Record<string, unknown>;
}

/** Checks one request form: one PUT, to the right person, with a spec-valid body equal to `body`. */
async function checkForm(factory: ClientFactory, findings: Findings, form: FormCase, exchanges: Exchange[]) {
  const { sent, outcome, exchanges: seen } = await exercise(factory, form.call);
  exchanges.push(...seen);
  if (!outcome.resolved)
    findings.add(`${form.label}: outcome`, "resolves on 200 {}", `threw ${describeError(outcome.error)}`);
  if (sent.length !== 1) {
    findings.add(`${form.label}: requests`, "exactly 1", String(sent.length));
    return;
  }
  const [{ request, body }] = sent as [(typeof sent)[0]];
  findings.equal(`${form.label}: method`, request.method, "PUT");
  const path = pathIdentifier(request.url);
  if (!path) {
    findings.add(`${form.label}: path`, `${PREFIX}{identifier}`, new URL(request.url).pathname);
    return;
  }
  findings.equal(`${form.label}: identifier`, fullyDecoded(path.raw), form.identifier);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body) as unknown;
  } catch {
    findings.add(`${form.label}: body`, "JSON", body.slice(0, 100));
    return;
  }
  for (const finding of validatePersonBody(parsed))
    findings.add(`${form.label}: body${finding.path}`, finding.message, show(parsed).slice(0, 200));
  findings.equal(`${form.label}: body`, parsed, form.body);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/** A check of the client: `judge` adds its findings. */
function clientCheck(
  identity: Omit<CheckIdentity, "kind">,
  judge: (context: CheckContext, findings: Findings) => Promise<void>,
): CheckDefinition {
  return collecting({ ...identity, kind: "client" }, judge);
}

function formCheck(
  id: string,
  title: string,
  clauses: CheckDefinition["clauses"],
  specElement: string,
  forms: FormCase[],
): (factory: ClientFactory) => CheckDefinition {
  return (factory) =>
    clientCheck({ id, title, clauses, specElement }, async (context, findings) => {
      for (const form of forms) await checkForm(factory, findings, form, context.session.exchanges);
    });
}

const when = new Date("2023-11-14T22:13:20.500Z");

/** Attributes of every kind, a fresh copy each time: what the client is given must be what the wire carries. */
const sampleAttributes = () => ({
  email: "ada@example.com",
  anonymous_id: "anon-1",
  unsubscribed: true,
  plan: "x",
  score: 9.5,
  tags: ["a"],
  gone: null,
});

const responses: [string, Canned, "resolve" | "reject"][] = [
  ["200 {}", { status: 200, body: "{}" }, "resolve"],
  ["200 with an empty body", { status: 200, body: "", headers: {} }, "resolve"],
  ["204", { status: 204, body: "" }, "resolve"],
  ["400 meta.error", { status: 400, body: '{"meta":{"error":"bad request"}}' }, "reject"],
  [
    "400 meta.errors[]",
    { status: 400, body: '{"meta":{"errors":["value for attribute \'bio\' cannot be longer than 1000 bytes"]}}' },
    "reject",
  ],
  ["401 as text", { status: 401, body: "Unauthorized request", headers: { "content-type": "text/plain" } }, "reject"],
  ["401 as JSON", { status: 401, body: '{"meta":{"error":"Unauthorized request"}}' }, "reject"],
  ["413", { status: 413, body: '{"meta":{"error":"request body is too large"}}' }, "reject"],
  ["429 with Retry-After", { status: 429, body: "", headers: { "retry-after": "1" } }, "reject"],
  ["500 as JSON", { status: 500, body: '{"meta":{"error":"internal"}}' }, "reject"],
  [
    "502 as HTML",
    { status: 502, body: "<html><title>502 Bad Gateway</title></html>", headers: { "content-type": "text/html" } },
    "reject",
  ],
  ["503 as text", { status: 503, body: "Service Unavailable", headers: { "content-type": "text/plain" } }, "reject"],
];

/** The client checks, bound to a client factory. */
// eslint-disable-next-line max-lines-per-function -- a declarative table: one entry per check, each a few lines.
export function clientChecks(factory: ClientFactory): CheckDefinition[] {
  return [
    formCheck(
      "client.person-forms",
      "Each person form addresses the right identifier",
      ["C7", "C10"],
      "components.parameters.Identifier",
      [
        { label: "{ id }", call: (c) => c.identify({ id: "user-5678" }), identifier: "user-5678", body: {} },
        { label: "{ id } as a number", call: (c) => c.identify({ id: 42 }), identifier: "42", body: {} },
        {
          label: "{ email }",
          call: (c) => c.identify({ email: "ada@example.com" }),
          identifier: "ada@example.com",
          body: {},
        },
        {
          label: "{ cioId }",
          call: (c) => c.identify({ cioId: "03000001a2b3" }),
          identifier: "cio_03000001a2b3",
          body: {},
        },
        {
          label: "{ cioId } already prefixed",
          call: (c) => c.identify({ cioId: "cio_03000001a2b3" }),
          identifier: "cio_03000001a2b3",
          body: {},
        },
        { label: "a plain string", call: (c) => c.identify("user-5678"), identifier: "user-5678", body: {} },
        {
          label: "identifiers changed through cio_",
          call: (c) => c.identify({ cioId: "03000001a2b3" }, { id: "user-9999", email: "new@example.com" }),
          identifier: "cio_03000001a2b3",
          body: { id: "user-9999", email: "new@example.com" },
        },
      ],
    )(factory),
    clientCheck(
      {
        id: "client.path-encoding",
        title: "The identifier is URL-encoded exactly once",
        clauses: ["C10"],
        specElement: "components.parameters.Identifier",
      },
      async (context, findings) => {
        const check = async (value: string) => {
          const { sent, exchanges } = await exercise(factory, (c) => c.identify(value));
          context.session.exchanges.push(...exchanges);
          const path = sent[0] ? pathIdentifier(sent[0].request.url) : undefined;
          if (path?.decoded !== value) {
            findings.add(
              `identifier ${JSON.stringify(value)}`,
              `the path decodes once to it (${encodeURIComponent(value)})`,
              path ? path.raw : "no request",
            );
            return false;
          }
          return validateIdentifier(path.decoded).length === 0;
        };
        for (const value of AWKWARD_IDENTIFIERS) await check(value);
        const result = await fc.check(fc.asyncProperty(identifier("", "enc"), check), {
          seed: context.seed,
          numRuns: context.runs,
        });
        if (result.failed && findings.list.length === 0)
          findings.add("identifier", "encoded once", JSON.stringify(result.counterexample?.[0]));
      },
    ),
    clientCheck(
      {
        id: "client.headers",
        title: "Requests carry Basic auth (site ID, API key) and Content-Type application/json",
        clauses: ["C12"],
        specElement: "components.securitySchemes.trackBasicAuth; identify requestBody content",
      },
      async (context, findings) => {
        const { sent, exchanges } = await exercise(factory, (c) => c.identify({ id: "user-5678" }, { plan: "x" }));
        context.session.exchanges.push(...exchanges);
        const request = sent[0]?.request;
        const expected = `Basic ${btoa(`${SITE}:${KEY}`)}`;
        if (request?.headers.get("authorization") !== expected)
          findings.add(
            "authorization",
            "Basic base64(site ID:API key)",
            request?.headers.get("authorization") ? "another value" : "absent",
          );
        if (!/^application\/json\b/.test(request?.headers.get("content-type") ?? ""))
          findings.add("content-type", "application/json", request?.headers.get("content-type") ?? "absent");
      },
    ),
    formCheck("client.update", "update() sends _update: true", ["C23", "C24"], "PersonAttributes._update", [
      {
        label: "update()",
        call: (c) => c.update({ id: "user-5678" }, { plan: "enterprise" }),
        identifier: "user-5678",
        body: { plan: "enterprise", _update: true },
      },
    ])(factory),
    formCheck(
      "client.attributes",
      "Attributes reach the wire unchanged: email, anonymous_id, unsubscribed, custom values",
      ["C13", "C16", "C17"],
      "components.schemas.PersonAttributes",
      [
        {
          label: "attributes",
          call: (c) => c.identify({ id: "u" }, sampleAttributes()),
          identifier: "u",
          body: sampleAttributes(),
        },
      ],
    )(factory),
    formCheck(
      "client.topics",
      "Topic helpers produce the object form and the dot-notation form",
      ["C14", "C15"],
      "PersonAttributes.cio_subscription_preferences",
      [
        {
          label: "setTopics",
          call: (c) => c.identify({ id: "u" }, setTopics({ 3: false })),
          identifier: "u",
          body: { "cio_subscription_preferences.topics.topic_3": false },
        },
        {
          label: "replaceTopics",
          call: (c) => c.identify({ id: "u" }, replaceTopics({ 1: true })),
          identifier: "u",
          body: { cio_subscription_preferences: { topics: { topic_1: true } } },
        },
      ],
    )(factory),
    formCheck(
      "client.relationships",
      "Relationship helpers produce cio_relationships with the action",
      ["C18", "C19", "C20", "C21"],
      "PersonAttributes.cio_relationships",
      [
        {
          label: "addRelationships",
          call: (c) =>
            c.identify(
              { id: "u" },
              addRelationships([{ type: 1, id: "acme", attributes: { role: "admin", old: null } }]),
            ),
          identifier: "u",
          body: {
            cio_relationships: {
              action: "add_relationships",
              relationships: [
                {
                  identifiers: { object_type_id: "1", object_id: "acme" },
                  relationship_attributes: { role: "admin", old: null },
                },
              ],
            },
          },
        },
        {
          label: "deleteRelationships",
          call: (c) => c.identify({ id: "u" }, deleteRelationships([{ type: "2", id: "course" }])),
          identifier: "u",
          body: {
            cio_relationships: {
              action: "delete_relationships",
              relationships: [{ identifiers: { object_type_id: "2", object_id: "course" } }],
            },
          },
        },
      ],
    )(factory),
    formCheck(
      "client.timestamps",
      "Dates become whole Unix seconds in created_at and _timestamp",
      ["C22"],
      "PersonAttributes.created_at",
      [
        {
          label: "Dates",
          call: (c) => c.identify({ id: "u" }, { created_at: when, _timestamp: when }),
          identifier: "u",
          body: { created_at: 1700000000, _timestamp: 1700000000 },
        },
      ],
    )(factory),
    clientCheck(
      {
        id: "client.generated-bodies",
        title: "Bodies generated from PersonAttributes are sent unchanged and valid",
        clauses: [],
        specElement: "components.schemas.PersonAttributes",
      },
      async (context, findings) => {
        const sentAsGiven = async (body: Record<string, unknown>) => {
          const { sent } = await exercise(factory, (c) => c.identify({ id: "u" }, body as Attributes));
          const wire = sent[0] ? (JSON.parse(sent[0].body) as unknown) : undefined;
          return wire !== undefined && validatePersonBody(wire).length === 0 && show(wire) === show(body);
        };
        await forAll(context, findings, validClientBody, sentAsGiven, {
          path: "body",
          expected: "sent unchanged and valid",
          got: "changed or refused",
        });
      },
    ),
    clientCheck(
      {
        id: "client.responses",
        title: "Every declared response is handled as documented: 2xx resolves, others reject with the status",
        clauses: [],
        specElement: "paths./api/v1/customers/{identifier}.put.responses",
      },
      async (context, findings) => {
        for (const [label, reply, expected] of responses) {
          const { outcome, exchanges } = await exercise(factory, (c) => c.identify({ id: "u" }), reply);
          context.session.exchanges.push(...exchanges);
          if (expected === "resolve" && !outcome.resolved)
            findings.add(label, "resolves", `threw ${describeError(outcome.error)}`);
          if (expected === "reject") {
            if (outcome.resolved) {
              findings.add(label, `rejects with status ${reply.status}`, "resolved");
              continue;
            }
            const status = (outcome.error as { status?: unknown } | null)?.status;
            if (status !== reply.status) findings.add(`${label}: error.status`, String(reply.status), String(status));
            if (outcome.error instanceof Error && outcome.error.message.includes(KEY))
              findings.add(`${label}: error.message`, "no API key", "contains the API key");
          }
        }
      },
    ),
  ];
}
