import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  ValidationError,
  addRelationships,
  createCustomersClient,
  replaceTopics,
  setTopics,
  type Attributes,
  type CustomersClientOptions,
  type Person,
} from "../../src/index.js";
import { formatPath, type Problem } from "../../src/problem.js";
import { bodyProblems } from "../../src/simulator/validation.js";
import { validatePersonBody } from "../../src/spec/validator.js";
import { guardNetwork, interceptPut, nock } from "../support/wire.js";
import { expectNoSecrets } from "../support/secrets.js";
import { registerCredentials } from "../support/secrets.js";

const US = "https://track.customer.io";
const credentials = { siteId: "site-123", apiKey: "key-secret-456" };
registerCredentials(credentials.siteId, credentials.apiKey);

beforeAll(guardNetwork);
afterEach(() => nock.cleanAll());

const SECRET_VALUE = "S3cr3t-Personal-Value";
const long = (bytes: number, unit = "a") => unit.repeat(bytes);
const cycle: Record<string, unknown> = { a: 1 };
cycle["self"] = cycle;
const withProto = JSON.parse(`{"__proto__": {"x": 1}}`) as Record<string, unknown>;

/** [case, person, attributes, field the error must name] */
const cases: [string, unknown, unknown, string][] = [
  ["empty identifier", "", undefined, "person"],
  ["blank identifier", "   ", undefined, "person"],
  ["empty id", { id: "" }, undefined, "person.id"],
  ["blank email form", { email: " " }, undefined, "person.email"],
  ["empty cioId", { cioId: "cio_" }, undefined, "person.cioId"],
  ["no form at all", {}, undefined, "person"],
  ["identifier of 151 bytes", long(151), undefined, "person"],
  ["id of 151 bytes in multibyte characters", { id: long(76, "é") }, undefined, "person.id"],
  ["identifier '..'", "..", undefined, "person"],
  ["a cio_ value passed as { id }", { id: "cio_03000001" }, undefined, "person.id"],
  ["{ email } that is not an address", { email: "not-an-email" }, undefined, "person.email"],
  ["both id and email", { id: "u", email: "ada@example.com" }, undefined, "person"],
  ["an unsafe integer id", { id: 2 ** 60 }, undefined, "person.id"],
  ["attribute name over 150 bytes", { id: "u" }, { [long(151)]: "x" }, `attributes.${long(151)}`],
  ["string value over 1000 bytes", { id: "u" }, { bio: long(1001) }, "attributes.bio"],
  ["string value over 1000 bytes in multibyte characters", { id: "u" }, { bio: long(501, "é") }, "attributes.bio"],
  ["an object value over 1000 bytes as JSON", { id: "u" }, { prefs: { text: long(995) } }, "attributes.prefs"],
  [
    "more than 300 attributes",
    { id: "u" },
    Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i])),
    "attributes",
  ],
  ["created_at with a fraction", { id: "u" }, { created_at: 1700000000.5 }, "attributes.created_at"],
  ["created_at negative", { id: "u" }, { created_at: -1 }, "attributes.created_at"],
  ["created_at in milliseconds", { id: "u" }, { created_at: 1700000000000 }, "attributes.created_at"],
  ["created_at as a string", { id: "u" }, { created_at: "2023-11-14" }, "attributes.created_at"],
  ["_timestamp in milliseconds", { id: "u" }, { _timestamp: 1700000000000 }, "attributes._timestamp"],
  ["_timestamp NaN", { id: "u" }, { _timestamp: Number.NaN }, "attributes._timestamp"],
  ["an invalid Date", { id: "u" }, { created_at: new Date("nope") }, "attributes.created_at"],
  ["NaN", { id: "u" }, { score: Number.NaN }, "attributes.score"],
  ["Infinity", { id: "u" }, { score: Number.POSITIVE_INFINITY }, "attributes.score"],
  ["-Infinity nested", { id: "u" }, { stats: { min: Number.NEGATIVE_INFINITY } }, "attributes.stats.min"],
  ["key __proto__", { id: "u" }, withProto, "attributes.__proto__"],
  ["key constructor", { id: "u" }, { constructor: "x" }, "attributes.constructor"],
  ["key prototype nested", { id: "u" }, { a: { prototype: 1 } }, "attributes.a.prototype"],
  ["undefined inside an array", { id: "u" }, { tags: ["a", undefined] }, "attributes.tags[1]"],
  ["a function", { id: "u" }, { fn: () => 1 }, "attributes.fn"],
  ["a symbol", { id: "u" }, { s: Symbol("x") }, "attributes.s"],
  ["a bigint", { id: "u" }, { big: 10n }, "attributes.big"],
  ["a cycle", { id: "u" }, { data: cycle }, "attributes.data.self"],
  ["a class instance", { id: "u" }, { when: new Map() }, "attributes.when"],
  ["_update passed to identify", { id: "u" }, { _update: true }, "attributes._update"],
  ["email attribute not an address", { id: "u" }, { email: "nope" }, "attributes.email"],
  ["id attribute over 150 bytes", { email: "ada@example.com" }, { id: long(151) }, "attributes.id"],
  ["unsubscribed as a string", { id: "u" }, { unsubscribed: "true" }, "attributes.unsubscribed"],
  [
    "a malformed topic key",
    { id: "u" },
    { "cio_subscription_preferences.topics.topic_x": true },
    "attributes.cio_subscription_preferences.topics.topic_x",
  ],
  [
    "a topic that is not a boolean",
    { id: "u" },
    { cio_subscription_preferences: { topics: { topic_1: "yes" } } },
    "attributes.cio_subscription_preferences.topics.topic_1",
  ],
  [
    "an unknown relationship action",
    { id: "u" },
    { cio_relationships: { action: "merge", relationships: [] } },
    "attributes.cio_relationships.action",
  ],
  [
    "a relationship without object_id",
    { id: "u" },
    { cio_relationships: { relationships: [{ identifiers: { object_type_id: "1" } }] } },
    "attributes.cio_relationships.relationships[0].identifiers.object_id",
  ],
  [
    "object_type_id 0",
    { id: "u" },
    { cio_relationships: { relationships: [{ identifiers: { object_type_id: "0", object_id: "a" } }] } },
    "attributes.cio_relationships.relationships[0].identifiers.object_type_id",
  ],
  [
    "a nested relationship attribute",
    { id: "u" },
    {
      cio_relationships: {
        relationships: [
          { identifiers: { object_type_id: "1", object_id: "a" }, relationship_attributes: { x: { y: 1 } } },
        ],
      },
    },
    "attributes.cio_relationships.relationships[0].relationship_attributes.x",
  ],
  [
    "an unknown key in cio_relationships",
    { id: "u" },
    { cio_relationships: { relationships: [], mode: "x" } },
    "attributes.cio_relationships.mode",
  ],
  ["relationships missing", { id: "u" }, { cio_relationships: {} }, "attributes.cio_relationships.relationships"],
  [
    "a relationship without identifiers",
    { id: "u" },
    { cio_relationships: { relationships: [{}] } },
    "attributes.cio_relationships.relationships[0].identifiers",
  ],
  [
    "object_type_id beside cio_object_id",
    { id: "u" },
    { cio_relationships: { relationships: [{ identifiers: { cio_object_id: "c1", object_type_id: "1" } }] } },
    "attributes.cio_relationships.relationships[0].identifiers.object_type_id",
  ],
  [
    "an unknown subscription preference",
    { id: "u" },
    { cio_subscription_preferences: { channels: {} } },
    "attributes.cio_subscription_preferences.channels",
  ],
  ["attributes that are not an object", { id: "u" }, [1, 2], "attributes"],
];

describe("bad input is refused before anything is sent", () => {
  it.each(cases)("%s", async (_name, person, attributes, field) => {
    const { requests } = interceptPut(US);
    const client = createCustomersClient(credentials);
    const values =
      typeof attributes === "object" &&
      attributes !== null &&
      !Array.isArray(attributes) &&
      Object.getPrototypeOf(attributes) === Object.prototype
        ? { ...attributes, secret: SECRET_VALUE }
        : attributes;
    const error = await client.identify(person as Person, values as Attributes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
    expect((error as ValidationError).message).toContain(field === "attributes" ? "attributes" : field);
    expect((error as ValidationError).message).toContain("Nothing was sent");
    expect(requests).toHaveLength(0);
    expectNoSecrets(error, [credentials.apiKey, SECRET_VALUE, "ada@example.com", "not-an-email", "2023-11-14"]);
  });

  it("update() is validated the same way", async () => {
    const { requests } = interceptPut(US);
    const error = await createCustomersClient(credentials)
      .update({ id: "" })
      .catch((e: unknown) => e);
    expect((error as ValidationError).field).toBe("person.id");
    expect(requests).toHaveLength(0);
  });

  it("the milliseconds message says seconds", async () => {
    const error = await createCustomersClient(credentials)
      .identify({ id: "u" }, { created_at: Date.now() })
      .catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/milliseconds.*seconds/);
  });

  it("what a helper built from a bad topic or object id is refused by the call, naming where it went", async () => {
    const { requests } = interceptPut(US);
    const client = createCustomersClient(credentials);
    const refusal = (attributes: Attributes) =>
      client.identify({ id: "u" }, attributes).then(
        () => undefined,
        (error: unknown) => error instanceof ValidationError && error.problems.map((p) => [p.code, formatPath(p.path)]),
      );
    expect(await refusal(setTopics({ 0: true }))).toEqual([
      ["bad_topic_key", "attributes.cio_subscription_preferences.topics.topic_0"],
    ]);
    expect(await refusal(replaceTopics({ "07": false }))).toEqual([
      ["bad_topic_key", "attributes.cio_subscription_preferences.topics.topic_07"],
    ]);
    expect(
      await refusal(
        addRelationships([
          { type: 0, id: "acme" },
          { type: 1, id: " " },
        ]),
      ),
    ).toEqual([
      ["bad_object_type_id", "attributes.cio_relationships.relationships[0].identifiers.object_type_id"],
      ["blank", "attributes.cio_relationships.relationships[1].identifiers.object_id"],
    ]);
    expect(requests).toHaveLength(0);
  });

  it("every problem of a call is reported at once, the first in the message, none quoting a value", async () => {
    const { requests } = interceptPut(US);
    const error = await createCustomersClient(credentials)
      .identify({ id: "" }, {
        bio: long(1001, SECRET_VALUE),
        created_at: 1_700_000_000_000,
        tags: ["a", undefined],
        constructor: SECRET_VALUE,
        cio_relationships: { relationships: [{ identifiers: { object_type_id: "0", object_id: SECRET_VALUE } }] },
      } as Attributes)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const { problems, field, message } = error as ValidationError;
    expect(problems.map((problem) => formatPath(problem.path))).toEqual([
      "person.id",
      "attributes.bio",
      "attributes.created_at",
      "attributes.tags[1]",
      "attributes.constructor",
      "attributes.cio_relationships.relationships[0].identifiers.object_type_id",
    ]);
    expect(field).toBe("person.id");
    expect(message).toContain("Invalid person.id");
    expect(message).toContain("(+5 more)");
    for (const problem of problems) expect(problem.code).toMatch(/^[a-z_]+$/);
    expect(requests).toHaveLength(0);
    expectNoSecrets(error, [credentials.apiKey, SECRET_VALUE]);
  });

  it("the client refuses with the simulator's own rules: same code and message for the same value", async () => {
    const body = { bio: long(1001), score: 1, created_at: 1.5 };
    const error = await createCustomersClient(credentials)
      .identify({ id: "u" }, body)
      .catch((e: unknown) => e);
    const strip = (problem: Problem) => ({ code: problem.code, message: problem.message, at: problem.path.at(-1) });
    const simulator = bodyProblems(body, false).map(strip);
    const client = (error as ValidationError).problems.map(strip);
    expect(simulator).toEqual([{ code: "too_long", message: expect.stringContaining("1000 bytes"), at: "bio" }]);
    expect(client).toContainEqual(simulator[0]);
    expect(client).toContainEqual({ code: "not_an_integer", message: expect.any(String), at: "created_at" });
  });

  it("a person is checked by the shared identifier rules: the same codes and messages as any identifier", async () => {
    const codes = async (person: unknown) => {
      const error = await createCustomersClient(credentials)
        .identify(person as Person)
        .catch((e: unknown) => e);
      return (error as ValidationError).problems.map(({ code, path, message }) => [code, formatPath(path), message]);
    };
    expect(await codes({ id: " " })).toEqual([["blank", "person.id", "id must not be empty or blank"]]);
    expect(await codes({ email: 5 })).toEqual([
      ["not_a_string", "person.email", "email must be a string, not a number"],
    ]);
    expect(await codes(long(151))).toEqual([["too_long", "person", "person cannot be longer than 150 bytes"]]);
    expect(await codes({ cioId: "cio_" })).toEqual([["blank", "person.cioId", "cioId must not be empty or blank"]]);
    expect(await codes({ id: 2 ** 60 })).toEqual([["unsafe_integer", "person.id", "id must be a safe integer"]]);
    expect((await codes({})).map(([code]) => code)).toEqual(["no_form"]);
    expect((await codes({ id: "a", email: "a@b.co" })).map(([code]) => code)).toEqual(["several_forms"]);
    expect((await codes("..")).map(([code]) => code)).toEqual(["dot_segment"]);
    expect((await codes({ id: "cio_1" })).map(([code]) => code)).toEqual(["cio_prefix"]);
    expect((await codes({ email: "nope" })).map(([code]) => code)).toEqual(["not_an_email"]);
  });

  it("nested objects are checked by their table of keys: each problem names its key, with a stable code", async () => {
    const error = await createCustomersClient(credentials)
      .identify({ id: "u" }, {
        cio_subscription_preferences: { topics: { topic_0: true }, channels: {} },
        cio_relationships: { action: "merge", relationships: [{ identifiers: "x" }, 5] },
      } as unknown as Attributes)
      .catch((e: unknown) => e);
    const found = (error as ValidationError).problems.map(({ code, path, message }) => [
      code,
      formatPath(path),
      message,
    ]);
    const at = "attributes.cio_relationships";
    expect(found).toEqual([
      ["unknown_key", "attributes.cio_subscription_preferences.channels", "channels is not one of topics"],
      ["bad_topic_key", "attributes.cio_subscription_preferences.topics.topic_0", expect.stringMatching(/^topic_0 /)],
      ["bad_action", `${at}.action`, "action must be add_relationships or delete_relationships"],
      [
        "missing_identifiers",
        `${at}.relationships[0].identifiers`,
        expect.stringMatching(/^identifiers needs object_type_id/),
      ],
      ["not_an_object", `${at}.relationships[1]`, "relationships[1] must be an object, not a number"],
    ]);
  });

  it("text options take the same rule; other options are refused with code invalid", () => {
    const problemOf = (options: Partial<CustomersClientOptions>) => {
      try {
        createCustomersClient({ ...credentials, ...options });
      } catch (error) {
        return (error as ValidationError).problems[0];
      }
      return undefined;
    };
    expect(problemOf({ siteId: " " })).toEqual({
      code: "blank",
      path: ["options", "siteId"],
      message: "siteId must not be empty or blank",
    });
    expect(problemOf({ timeoutMs: 0 })).toEqual({
      code: "invalid",
      path: ["options", "timeoutMs"],
      message: "must be over 0 ms",
    });
  });

  it("limits are inclusive: exactly 150-byte names and ids, 1000-byte values and 300 attributes pass", async () => {
    const { requests } = interceptPut(US);
    const attributes: Attributes = Object.fromEntries(Array.from({ length: 299 }, (_, i) => [`a${i}`, i]));
    attributes[long(150)] = long(1000);
    await createCustomersClient(credentials).identify({ id: long(150) }, attributes);
    expect(requests).toHaveLength(1);
    expect(validatePersonBody(JSON.parse(requests[0]!.body))).toEqual([]);
  });

  it("bad options are refused when the client is created", () => {
    expect(() => createCustomersClient({ siteId: "", apiKey: "k" })).toThrow(/options\.siteId/);
    expect(() => createCustomersClient({ siteId: "s", apiKey: " " })).toThrow(/options\.apiKey/);
    expect(() => createCustomersClient({ ...credentials, baseUrl: "not a url" })).toThrow(/options\.baseUrl/);
    expect(() => createCustomersClient({ ...credentials, baseUrl: "https://u:p@example.com" })).toThrow(/credentials/);
    expect(() => createCustomersClient({ ...credentials, region: "ap" as "us" })).toThrow(/options\.region/);
    expect(() => createCustomersClient({ ...credentials, timeoutMs: 0 })).toThrow(/options\.timeoutMs/);
  });
});

describe("the problem codes docs/client.md lists", () => {
  it("are exactly the codes bad input produces", async () => {
    const listed = new Set<string>();
    const page = readFileSync(new URL("../../docs/client.md", import.meta.url), "utf8");
    const table = page.slice(page.indexOf("| problem `code` |"));
    for (const row of table.split("\n").slice(2)) {
      if (!row.startsWith("| `")) break;
      for (const match of row.split("|")[1]!.matchAll(/`([a-z_]+)`/g)) listed.add(match[1]!);
    }
    const produced = new Set<string>();
    const collect = (error: unknown) => {
      for (const problem of (error as ValidationError).problems) produced.add(problem.code);
    };
    const client = createCustomersClient(credentials);
    const inputs: [unknown, unknown][] = [
      ...cases.map(([, person, attributes]): [unknown, unknown] => [person, attributes]),
      [{ id: "u" }, { "": 1, cio_relationships: { relationships: {} }, tags: { x: () => 1 }, _timestamp: -1 }],
      [{ id: "u" }, { a: 1.5e12, cio_subscription_preferences: { topics: [] }, anonymous_id: 5 }],
      [
        { id: "u" },
        { created_at: "x", cio_relationships: { relationships: [{ identifiers: { cio_object_id: " " } }] } },
      ],
    ];
    for (const [person, attributes] of inputs) {
      collect(await client.identify(person as Person, attributes as Attributes).catch((e: unknown) => e));
    }
    for (const options of [{ siteId: "" }, { apiKey: 5 }, { timeoutMs: -1 }]) {
      try {
        createCustomersClient({ ...credentials, ...options } as CustomersClientOptions);
      } catch (error) {
        collect(error);
      }
    }
    expect([...produced].sort()).toEqual([...listed].sort());
  });
});

describe("the spec's own validator refuses bad bodies", () => {
  it.each([
    ["created_at as a string", { created_at: "x" }, "/created_at"],
    ["a fractional _timestamp", { _timestamp: 1.5 }, "/_timestamp"],
    [
      "an unknown relationship action",
      { cio_relationships: { action: "merge", relationships: [] } },
      "/cio_relationships/action",
    ],
    [
      "a missing object_id",
      { cio_relationships: { relationships: [{ identifiers: { object_type_id: "1" } }] } },
      "/cio_relationships/relationships/0/identifiers",
    ],
    [
      "object_type_id 0",
      { cio_relationships: { relationships: [{ identifiers: { object_type_id: "0", object_id: "a" } }] } },
      "/cio_relationships/relationships/0/identifiers/object_type_id",
    ],
    [
      "a topic that is not a boolean",
      { "cio_subscription_preferences.topics.topic_3": "no" },
      "/cio_subscription_preferences.topics.topic_3",
    ],
    ["an email that is not an address", { email: "nope" }, "/email"],
    ["a string value over 1000 characters", { bio: "a".repeat(1001) }, "/bio"],
    ["an id over 150 characters", { id: "a".repeat(151) }, "/id"],
  ])("%s", (_name, body, path) => {
    const findings = validatePersonBody(body);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.path)).toContain(path);
  });

  it("and accepts the spec's own examples", async () => {
    const { default: document } = await import("../../generated/customers.document.js");
    type Operation = {
      requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } };
    };
    const paths = document["paths"] as unknown as Record<string, { put: Operation }>;
    const examples = paths["/api/v1/customers/{identifier}"]!.put.requestBody.content["application/json"].examples;
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(12);
    for (const [name, example] of Object.entries(examples))
      expect([name, validatePersonBody(example.value)]).toEqual([name, []]);
  });
});
