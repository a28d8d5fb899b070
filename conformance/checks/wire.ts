/**
 * Wire checks: what any server of the endpoint must do, judged from HTTP alone. They hold for the simulator, for a
 * team's own mock or proxy, and for anything else that claims to serve `PUT /api/v1/customers/{identifier}`.
 */
import type fc from "fast-check";
import document from "../../generated/customers.document.js";
import { MAX_ATTRIBUTES, MAX_ATTRIBUTE_VALUE_BYTES, MAX_IDENTIFIER_BYTES } from "../../src/spec/limits.js";
import { validateResponse } from "../../src/spec/validator.js";
import {
  collecting,
  type Findings,
  forAll,
  is2xx,
  isBadRequest,
  type CheckContext,
  type CheckDefinition,
} from "../check.js";
import type { CheckIdentity } from "../types.js";
import { AWKWARD_IDENTIFIERS, identifier, invalidBody, underRunPrefix, validBody } from "../generators.js";
import { utf8Length } from "../../src/spec/limits.js";

type Json = Record<string, unknown>;
const operation = ((document["paths"] as Json)["/api/v1/customers/{identifier}"] as Json)["put"] as Json;
const examples = (((operation["requestBody"] as Json)["content"] as Json)["application/json"] as Json)[
  "examples"
] as Record<string, { value: Json }>;

const expect2xx = "2xx (accepted)";
const expect4xx = "4xx other than 401 (refused as bad input)";

/** `prefix` followed by `char` up to exactly `bytes` bytes (ASCII `char`). */
function fill(prefix: string, char: string, bytes: number): string {
  return `${prefix}${char.repeat(bytes - utf8Length(prefix))}`;
}

/** Sends each case and expects a refusal; one finding per case the server accepted. */
async function refuses(findings: Findings, cases: [string, () => Promise<{ status: number }>][]): Promise<void> {
  for (const [label, send] of cases) {
    const answer = await send();
    if (!isBadRequest(answer.status)) findings.add(`${label}: status`, expect4xx, String(answer.status));
  }
}

export const wireChecks: CheckDefinition[] = [
  wireCheck(
    {
      id: "wire.accepts-spec-examples",
      source: "seed",
      title: "Every named request example of the spec is accepted",
      clauses: [],
      specElement: "identify requestBody examples",
    },
    async (context, findings) => {
      for (const [name, example] of Object.entries(examples)) {
        const answer = await context.session.put(
          context.unique(`example-${name}`),
          underRunPrefix(example.value, context.runPrefix),
        );
        findings.status(`example ${name}`, answer, is2xx, expect2xx);
      }
    },
  ),
  answersGenerated(
    {
      id: "wire.accepts-generated-bodies",
      source: "seed",
      title: "Bodies generated from PersonAttributes are accepted",
      clauses: [],
      specElement: "components.schemas.PersonAttributes",
    },
    (runPrefix) => validBody.map((body) => underRunPrefix(body, runPrefix)),
    { status: is2xx, expected: expect2xx, got: "refused" },
  ),
  wireCheck(
    {
      id: "wire.accepts-identifier-forms",
      source: "seed",
      title: "Identifiers of every shape (Unicode, +, /, %, near 150 bytes) are accepted and encoded once",
      clauses: ["C10"],
      specElement: "components.parameters.Identifier",
    },
    async (context, findings) => {
      const fixed = [
        ...AWKWARD_IDENTIFIERS.map((form) => `${context.runPrefix}${form}`),
        fill(context.runPrefix, "9", MAX_IDENTIFIER_BYTES),
      ];
      for (const value of fixed)
        findings.status(
          `identifier of ${value.length} characters`,
          await context.session.put(value, {}),
          is2xx,
          expect2xx,
        );
      const values = identifier(context.runPrefix, context.unique("id").slice(context.runPrefix.length));
      const accepted = async (value: string) => is2xx((await context.session.put(value, {})).status);
      await forAll(context, findings, values, accepted, {
        path: "identifier",
        expected: expect2xx,
        got: "refused identifier",
      });
    },
  ),
  answersGenerated(
    {
      id: "wire.rejects-wrong-types",
      source: "lint",
      title: "Bodies the schema refuses (wrong types, bad enums, bad patterns) are rejected with a 4xx",
      clauses: ["C18", "C20", "C22"],
      specElement: "components.schemas.PersonAttributes",
    },
    () => invalidBody,
    { status: isBadRequest, expected: expect4xx, got: "accepted" },
  ),
  wireCheck(
    {
      id: "wire.rejects-over-limits",
      source: "customerio",
      title: "Known limits are enforced: 150-byte ids and names, 1000-byte values, 300 attributes",
      clauses: [],
      specElement: "x-limits",
    },
    async (context, findings) => {
      const path = () => context.unique("limits");
      const many = Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES + 1 }, (_, i) => [`attr_${i}`, i]));
      // Fewer characters than the limit, more bytes: two-byte characters after the prefix.
      const wide = `${context.runPrefix}${"é".repeat(Math.floor((MAX_IDENTIFIER_BYTES - utf8Length(context.runPrefix)) / 2) + 1)}`;
      await refuses(findings, [
        [
          "path identifier of 151 bytes",
          () => context.session.put(fill(context.runPrefix, "i", MAX_IDENTIFIER_BYTES + 1), {}),
        ],
        [
          `path identifier of ${utf8Length(wide)} bytes in ${wide.length} characters`,
          () => context.session.put(wide, {}),
        ],
        [
          "id of 151 bytes",
          () => context.session.put(path(), { id: fill(context.runPrefix, "i", MAX_IDENTIFIER_BYTES + 1) }),
        ],
        ["attribute name of 151 bytes", () => context.session.put(path(), { ["n".repeat(151)]: "x" })],
        [
          "attribute value of 1001 bytes",
          () => context.session.put(path(), { bio: "v".repeat(MAX_ATTRIBUTE_VALUE_BYTES + 1) }),
        ],
        [
          "attribute value of 1002 bytes in 501 characters",
          () => context.session.put(path(), { bio: "é".repeat(501) }),
        ],
        [`${MAX_ATTRIBUTES + 1} attributes`, () => context.session.put(path(), many)],
      ]);
    },
  ),
  refusesRawBodies(
    {
      id: "wire.rejects-malformed-json",
      title: "A body that is not JSON is rejected with a 4xx",
      clauses: ["C12"],
      specElement: "identify requestBody (application/json)",
    },
    { "truncated JSON": '{"email":"a@example.com"', "not JSON at all": "email=a@example.com", "an empty body": "" },
  ),
  refusesRawBodies(
    {
      id: "wire.rejects-non-object-body",
      title: "A JSON body that is not an object is rejected with a 4xx",
      clauses: [],
      specElement: "components.schemas.PersonAttributes (type: object)",
    },
    { "an array": "[]", "a string": '"text"', "a number": "42", null: "null" },
  ),
  wireCheck(
    {
      id: "wire.content-type",
      source: "seed",
      title: "Content-Type application/json is required; another media type is rejected with a 4xx",
      clauses: ["C12"],
      specElement: "identify requestBody content",
    },
    async (context, findings) => {
      const ok = await context.session.put(
        context.unique("ct"),
        { plan: "x" },
        { contentType: "application/json; charset=utf-8" },
      );
      findings.status("application/json; charset=utf-8", ok, is2xx, expect2xx);
      for (const type of ["text/plain", "application/x-www-form-urlencoded"]) {
        const answer = await context.session.put(context.unique("ct"), { plan: "x" }, { contentType: type });
        findings.status(type, answer, isBadRequest, expect4xx);
      }
    },
  ),
  wireCheck(
    {
      id: "wire.requires-credentials",
      source: "customerio",
      title: "Missing, wrong or malformed Basic credentials are rejected with 401",
      clauses: [],
      specElement: "components.securitySchemes.trackBasicAuth",
    },
    async (context, findings) => {
      for (const auth of ["missing", "wrong", "malformed"] as const) {
        const answer = await context.session.put(context.unique("auth"), { plan: "x" }, { auth });
        findings.status(`${auth} credentials`, answer, (s) => s === 401, "401");
      }
    },
  ),
  // Run-wide checks: they judge every response of the run, whatever check sent the request. The response
  // validator's findings are split by keyword, so that a report names the rule a response broke.
  runWide(
    "wire.declared-status",
    "Every response status is one the spec declares",
    "paths./api/v1/customers/{identifier}.put.responses",
    validated((keyword) => keyword === "status"),
  ),
  runWide(
    "wire.declared-content-type",
    "Every response has a content type the spec declares for its status",
    "responses.*.content",
    validated((keyword) => keyword === "content-type"),
  ),
  runWide(
    "wire.response-schema",
    "Every response body matches the schema of its status and content type",
    "responses.*.content.*.schema",
    validated((keyword) => keyword !== "status" && keyword !== "content-type"),
  ),
  runWide("wire.no-5xx", "No input, valid or not, makes the server answer 5xx", "responses.default", (status) =>
    status >= 500 ? [{ path: "status", message: "a status below 500" }] : [],
  ),
];

/** What is wrong with one response: nothing, or where and what was expected instead. */
type Judge = (status: number, contentType: string | null, body: string) => { path: string; message: string }[];

/** The response validator's findings whose keyword `keeps` accepts. */
function validated(keeps: (keyword: string) => boolean): Judge {
  return (status, type, body) => validateResponse(status, type, body).filter((f) => keeps(f.keyword));
}

/**
 * A check that sends generated bodies, each to a new identifier, and expects every one answered with a status that
 * `status` accepts. `bodies` draws them for the run's identifier prefix.
 */
function answersGenerated(
  check: Omit<CheckIdentity, "kind">,
  bodies: (runPrefix: string) => fc.Arbitrary<Record<string, unknown>>,
  { status, expected, got }: { status: (status: number) => boolean; expected: string; got: string },
): CheckDefinition {
  return wireCheck(check, async (context, findings) => {
    const answered = async (body: Record<string, unknown>) =>
      status((await context.session.put(context.unique("generated"), body)).status);
    await forAll(context, findings, bodies(context.runPrefix), answered, { path: "body", expected, got });
  });
}

/** A check that sends each raw body (named by its label) and expects every one refused. */
function refusesRawBodies(check: Omit<CheckIdentity, "kind" | "source">, bodies: Record<string, string>) {
  return wireCheck({ ...check, source: "seed" }, async (context, findings) => {
    const put = (rawBody: string) => context.session.put(context.unique("raw-body"), undefined, { rawBody });
    await refuses(
      findings,
      Object.entries(bodies).map(([label, rawBody]) => [label, () => put(rawBody)]),
    );
  });
}

/** A check that runs after all others and judges every response of the run. */
function runWide(id: string, title: string, specElement: string, judge: Judge) {
  const identity = { id, source: "customerio" as const, title, clauses: [], specElement, runWide: true };
  return wireCheck(identity, (context, findings) => judgeAll(context, findings, judge));
}

/** A check of any server of the endpoint: `judge` adds its findings. */
function wireCheck(
  identity: Omit<CheckIdentity, "kind"> & Pick<CheckDefinition, "runWide">,
  judge: (context: CheckContext, findings: Findings) => Promise<void>,
): CheckDefinition {
  return collecting({ ...identity, kind: "wire" }, judge);
}

/** Applies a judgement to every response of the run; reports each failing exchange once, with its check. */
function judgeAll(context: CheckContext, findings: Findings, judge: Judge): Promise<void> {
  for (const { check: origin, exchange, responseBody } of context.log) {
    const response = exchange.response;
    if (!response) continue;
    const body = responseBody ?? response.body;
    for (const problem of judge(response.status, response.headers["content-type"] ?? null, body)) {
      findings.add(
        `${exchange.request.method} ${new URL(exchange.request.url).pathname} (sent by ${origin}) → ${problem.path}`,
        problem.message,
        `${response.status} ${response.headers["content-type"] ?? "(no content type)"} ${response.body.slice(0, 200)}`,
      );
      context.session.exchanges.push(exchange);
    }
  }
  return Promise.resolve();
}
