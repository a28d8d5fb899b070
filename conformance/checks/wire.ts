/**
 * Wire checks: what any server of the endpoint must do, judged from HTTP alone. They hold for the simulator, for a
 * team's own mock or proxy, and for anything else that claims to serve `PUT /api/v1/customers/{identifier}`.
 */
import fc from "fast-check";
import document from "../../generated/customers.document.js";
import { MAX_ATTRIBUTES, MAX_ATTRIBUTE_VALUE_BYTES, MAX_IDENTIFIER_BYTES } from "../../src/spec/limits.js";
import { validateResponse } from "../../src/spec/validator.js";
import { Findings, is2xx, isBadRequest, type CheckContext, type CheckDefinition } from "../check.js";
import { identifier, invalidBody, underRunPrefix, validBody } from "../generators.js";
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
async function refuses(check: string, cases: [string, () => Promise<{ status: number }>][]) {
  const findings = new Findings(check);
  for (const [label, send] of cases) {
    const answer = await send();
    if (!isBadRequest(answer.status)) findings.add(`${label}: status`, expect4xx, String(answer.status));
  }
  return findings.list;
}

export const wireChecks: CheckDefinition[] = [
  {
    id: "wire.accepts-spec-examples",
    source: "seed",
    title: "Every named request example of the spec is accepted",
    kind: "wire",
    clauses: [],
    specElement: "identify requestBody examples",
    async run(context) {
      const findings = new Findings(this.id);
      for (const [name, example] of Object.entries(examples)) {
        const answer = await context.session.put(
          context.unique(`example-${name}`),
          underRunPrefix(example.value, context.runPrefix),
        );
        findings.status(`example ${name}`, answer, is2xx, expect2xx);
      }
      return findings.list;
    },
  },
  {
    id: "wire.accepts-generated-bodies",
    source: "seed",
    title: "Bodies generated from PersonAttributes are accepted",
    kind: "wire",
    clauses: [],
    specElement: "components.schemas.PersonAttributes",
    async run(context) {
      const findings = new Findings(this.id);
      const result = await fc.check(
        fc.asyncProperty(validBody, async (body) => {
          const answer = await context.session.put(
            context.unique("generated"),
            underRunPrefix(body, context.runPrefix),
          );
          return is2xx(answer.status);
        }),
        { seed: context.seed, numRuns: context.runs },
      );
      if (result.failed)
        findings.add("body", expect2xx, `refused ${JSON.stringify(result.counterexample?.[0]).slice(0, 300)}`);
      return findings.list;
    },
  },
  {
    id: "wire.accepts-identifier-forms",
    source: "seed",
    title: "Identifiers of every shape (Unicode, +, /, %, near 150 bytes) are accepted and encoded once",
    kind: "wire",
    clauses: ["C10"],
    specElement: "components.parameters.Identifier",
    async run(context) {
      const findings = new Findings(this.id);
      const fixed = [
        `${context.unique("a+b")}@example.com`,
        `${context.unique("ünï")}@exämple.com`,
        context.unique("with space/and%slash"),
        fill(context.runPrefix, "9", MAX_IDENTIFIER_BYTES),
      ];
      for (const value of fixed)
        findings.status(
          `identifier of ${value.length} characters`,
          await context.session.put(value, {}),
          is2xx,
          expect2xx,
        );
      const result = await fc.check(
        fc.asyncProperty(
          identifier(context.runPrefix, context.unique("id").slice(context.runPrefix.length)),
          async (value) => is2xx((await context.session.put(value, {})).status),
        ),
        { seed: context.seed, numRuns: context.runs },
      );
      if (result.failed)
        findings.add("identifier", expect2xx, `refused identifier ${JSON.stringify(result.counterexample?.[0])}`);
      return findings.list;
    },
  },
  {
    id: "wire.rejects-wrong-types",
    source: "lint",
    title: "Bodies the schema refuses (wrong types, bad enums, bad patterns) are rejected with a 4xx",
    kind: "wire",
    clauses: ["C18", "C20", "C22"],
    specElement: "components.schemas.PersonAttributes",
    async run(context) {
      const findings = new Findings(this.id);
      const result = await fc.check(
        fc.asyncProperty(invalidBody, async (body) =>
          isBadRequest((await context.session.put(context.unique("invalid"), body)).status),
        ),
        { seed: context.seed, numRuns: context.runs },
      );
      if (result.failed)
        findings.add("body", expect4xx, `accepted ${JSON.stringify(result.counterexample?.[0]).slice(0, 300)}`);
      return findings.list;
    },
  },
  {
    id: "wire.rejects-over-limits",
    source: "customerio",
    title: "Known limits are enforced: 150-byte ids and names, 1000-byte values, 300 attributes",
    kind: "wire",
    clauses: [],
    specElement: "x-limits",
    run(context) {
      const path = () => context.unique("limits");
      const many = Object.fromEntries(Array.from({ length: MAX_ATTRIBUTES + 1 }, (_, i) => [`attr_${i}`, i]));
      // Fewer characters than the limit, more bytes: two-byte characters after the prefix.
      const wide = `${context.runPrefix}${"é".repeat(Math.floor((MAX_IDENTIFIER_BYTES - utf8Length(context.runPrefix)) / 2) + 1)}`;
      return refuses(this.id, [
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
  },
  {
    id: "wire.rejects-malformed-json",
    source: "seed",
    title: "A body that is not JSON is rejected with a 4xx",
    kind: "wire",
    clauses: ["C12"],
    specElement: "identify requestBody (application/json)",
    run(context) {
      const send = (rawBody: string) => () => context.session.put(context.unique("malformed"), undefined, { rawBody });
      return refuses(this.id, [
        ["truncated JSON", send('{"email":"a@example.com"')],
        ["not JSON at all", send("email=a@example.com")],
        ["an empty body", send("")],
      ]);
    },
  },
  {
    id: "wire.rejects-non-object-body",
    source: "seed",
    title: "A JSON body that is not an object is rejected with a 4xx",
    kind: "wire",
    clauses: [],
    specElement: "components.schemas.PersonAttributes (type: object)",
    run(context) {
      const send = (rawBody: string) => () => context.session.put(context.unique("non-object"), undefined, { rawBody });
      return refuses(this.id, [
        ["an array", send("[]")],
        ["a string", send('"text"')],
        ["a number", send("42")],
        ["null", send("null")],
      ]);
    },
  },
  {
    id: "wire.content-type",
    source: "seed",
    title: "Content-Type application/json is required; another media type is rejected with a 4xx",
    kind: "wire",
    clauses: ["C12"],
    specElement: "identify requestBody content",
    async run(context) {
      const findings = new Findings(this.id);
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
      return findings.list;
    },
  },
  {
    id: "wire.requires-credentials",
    source: "customerio",
    title: "Missing, wrong or malformed Basic credentials are rejected with 401",
    kind: "wire",
    clauses: [],
    specElement: "components.securitySchemes.trackBasicAuth",
    async run(context) {
      const findings = new Findings(this.id);
      for (const auth of ["missing", "wrong", "malformed"] as const) {
        const answer = await context.session.put(context.unique("auth"), { plan: "x" }, { auth });
        findings.status(`${auth} credentials`, answer, (s) => s === 401, "401");
      }
      return findings.list;
    },
  },
  // Run-wide checks: they judge every response of the run, whatever check sent the request.
  {
    id: "wire.declared-status",
    source: "customerio",
    title: "Every response status is one the spec declares",
    kind: "wire",
    clauses: [],
    specElement: "paths./api/v1/customers/{identifier}.put.responses",
    runWide: true,
    async run(context) {
      return judgeAll(context, this.id, (status, type, body) =>
        validateResponse(status, type, body).filter((f) => f.keyword === "status"),
      );
    },
  },
  {
    id: "wire.declared-content-type",
    source: "customerio",
    title: "Every response has a content type the spec declares for its status",
    kind: "wire",
    clauses: [],
    specElement: "responses.*.content",
    runWide: true,
    async run(context) {
      return judgeAll(context, this.id, (status, type, body) =>
        validateResponse(status, type, body).filter((f) => f.keyword === "content-type"),
      );
    },
  },
  {
    id: "wire.response-schema",
    source: "customerio",
    title: "Every response body matches the schema of its status and content type",
    kind: "wire",
    clauses: [],
    specElement: "responses.*.content.*.schema",
    runWide: true,
    async run(context) {
      return judgeAll(context, this.id, (status, type, body) =>
        validateResponse(status, type, body).filter((f) => f.keyword !== "status" && f.keyword !== "content-type"),
      );
    },
  },
  {
    id: "wire.no-5xx",
    source: "customerio",
    title: "No input, valid or not, makes the server answer 5xx",
    kind: "wire",
    clauses: [],
    specElement: "responses.default",
    runWide: true,
    async run(context) {
      return judgeAll(context, this.id, (status) =>
        status >= 500 ? [{ path: "status", keyword: "5xx", message: "a status below 500" }] : [],
      );
    },
  },
];

/** Applies a judgement to every response of the run; reports each failing exchange once, with its check. */
function judgeAll(
  context: CheckContext,
  check: string,
  judge: (status: number, contentType: string | null, body: string) => { path: string; message: string }[],
) {
  const findings = new Findings(check);
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
  return Promise.resolve(findings.list);
}
