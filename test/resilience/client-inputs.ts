/**
 * Bad input on the client's side: calls the client must refuse with a ValidationError before anything is sent.
 * Each case is tried against a client whose fetch counts requests; a case survives when the call throws a
 * ValidationError naming the expected field and nothing was sent.
 *
 * No vitest here: scripts/resilience.ts runs the same cases.
 */
import { createCustomersClient, ValidationError, type Attributes, type Person } from "../../src/index.js";

export interface ClientInputCase {
  name: string;
  person: unknown;
  attributes?: unknown;
  /** Use update() instead of identify(). */
  update?: boolean;
  /** The start of the field the ValidationError names. */
  field: string;
}

export interface ClientInputResult {
  name: string;
  survived: boolean;
  problem?: string;
}

const cycle: Record<string, unknown> = { name: "loop" };
cycle["self"] = cycle;
class Money {
  constructor(readonly cents: number) {}
}
const manyAttributes = Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`a${i}`, i]));

export function clientInputCases(): ClientInputCase[] {
  const id = { id: "user-1" };
  return [
    // Who the call is about.
    { name: "an empty id", person: { id: "" }, field: "person.id" },
    { name: "a blank id", person: { id: "   " }, field: "person.id" },
    { name: "an id of '.'", person: { id: "." }, field: "person.id" },
    { name: "an id of '..'", person: { id: ".." }, field: "person.id" },
    { name: "an id of 151 bytes", person: { id: "x".repeat(151) }, field: "person.id" },
    { name: "an id of 76 two-byte characters (152 bytes)", person: { id: "é".repeat(76) }, field: "person.id" },
    { name: "an id starting with cio_", person: { id: "cio_0300000000000001" }, field: "person.id" },
    { name: "a fractional numeric id", person: { id: 1.5 }, field: "person.id" },
    { name: "an unsafe integer id", person: { id: 2 ** 60 }, field: "person.id" },
    { name: "an id that is a boolean", person: { id: true }, field: "person.id" },
    { name: "an email that is not an address", person: { email: "not-an-email" }, field: "person.email" },
    { name: "an empty email", person: { email: "" }, field: "person.email" },
    { name: "an empty cioId", person: { cioId: "" }, field: "person.cioId" },
    { name: "a cioId of only the prefix", person: { cioId: "cio_" }, field: "person.cioId" },
    { name: "two person forms at once", person: { id: "a", email: "a@example.com" }, field: "person" },
    { name: "no person form", person: {}, field: "person" },
    { name: "null as the person", person: null, field: "person" },
    { name: "an empty string as the person", person: "", field: "person" },
    // Attribute names and counts.
    { name: "an attribute name of 151 bytes", person: id, attributes: { ["n".repeat(151)]: 1 }, field: "attributes" },
    { name: "an empty attribute name", person: id, attributes: { "": 1 }, field: "attributes" },
    { name: "301 attributes", person: id, attributes: manyAttributes, field: "attributes" },
    {
      name: "a __proto__ attribute",
      person: id,
      attributes: JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
      field: "attributes.__proto__",
    },
    {
      name: "a constructor attribute",
      person: id,
      attributes: { constructor: { prototype: {} } },
      field: "attributes.constructor",
    },
    { name: "a prototype attribute", person: id, attributes: { prototype: 1 }, field: "attributes.prototype" },
    { name: "_update passed by hand", person: id, attributes: { _update: true }, field: "attributes._update" },
    { name: "attributes that are an array", person: id, attributes: [1, 2], field: "attributes" },
    { name: "attributes that are a Map", person: id, attributes: new Map([["a", 1]]), field: "attributes" },
    // Values.
    { name: "a value of 1001 bytes", person: id, attributes: { note: "x".repeat(1001) }, field: "attributes.note" },
    {
      name: "an array value over 1000 bytes as JSON",
      person: id,
      attributes: { tags: Array.from({ length: 200 }, () => "abcd") },
      field: "attributes.tags",
    },
    { name: "NaN", person: id, attributes: { score: Number.NaN }, field: "attributes.score" },
    { name: "Infinity", person: id, attributes: { score: Number.POSITIVE_INFINITY }, field: "attributes.score" },
    { name: "-Infinity", person: id, attributes: { score: Number.NEGATIVE_INFINITY }, field: "attributes.score" },
    { name: "a function value", person: id, attributes: { callback: () => 1 }, field: "attributes.callback" },
    { name: "a symbol value", person: id, attributes: { tag: Symbol("x") }, field: "attributes.tag" },
    { name: "a bigint value", person: id, attributes: { big: 10n }, field: "attributes.big" },
    { name: "a cyclic object", person: id, attributes: { loop: cycle }, field: "attributes.loop" },
    { name: "a class instance", person: id, attributes: { price: new Money(100) }, field: "attributes.price" },
    { name: "undefined inside an array", person: id, attributes: { tags: ["a", undefined] }, field: "attributes.tags" },
    {
      name: "a __proto__ key nested in a value",
      person: id,
      attributes: { profile: JSON.parse('{"__proto__":{"x":1}}') as unknown },
      field: "attributes.profile",
    },
    // Declared fields.
    {
      name: "created_at in milliseconds",
      person: id,
      attributes: { created_at: 1_700_000_000_000 },
      field: "attributes.created_at",
    },
    {
      name: "a fractional created_at",
      person: id,
      attributes: { created_at: 1_700_000_000.5 },
      field: "attributes.created_at",
    },
    { name: "a negative created_at", person: id, attributes: { created_at: -1 }, field: "attributes.created_at" },
    {
      name: "created_at as an ISO string",
      person: id,
      attributes: { created_at: "2023-11-14T22:13:20Z" },
      field: "attributes.created_at",
    },
    {
      name: "_timestamp in milliseconds",
      person: id,
      attributes: { _timestamp: 1_700_000_000_000 },
      field: "attributes._timestamp",
    },
    {
      name: "an invalid Date as created_at",
      person: id,
      attributes: { created_at: new Date("not a date") },
      field: "attributes.created_at",
    },
    {
      name: "an email attribute that is not an address",
      person: id,
      attributes: { email: "nope" },
      field: "attributes.email",
    },
    {
      name: "an id attribute of 151 bytes",
      person: { email: "a@example.com" },
      attributes: { id: "x".repeat(151) },
      field: "attributes.id",
    },
    {
      name: "unsubscribed as a string",
      person: id,
      attributes: { unsubscribed: "yes" },
      field: "attributes.unsubscribed",
    },
    {
      name: "a topic key without a number",
      person: id,
      attributes: { "cio_subscription_preferences.topics.topic_x": true },
      field: "attributes.cio_subscription_preferences",
    },
    {
      name: "topic preferences that are not booleans",
      person: id,
      attributes: { cio_subscription_preferences: { topics: { topic_1: "yes" } } },
      field: "attributes.cio_subscription_preferences",
    },
    {
      name: "an unknown relationship action",
      person: id,
      attributes: { cio_relationships: { action: "merge", relationships: [] } },
      field: "attributes.cio_relationships",
    },
    {
      name: "a relationship without object_id",
      person: id,
      attributes: {
        cio_relationships: { action: "add_relationships", relationships: [{ identifiers: { object_type_id: "1" } }] },
      },
      field: "attributes.cio_relationships",
    },
    {
      name: "an object_type_id of 0",
      person: id,
      attributes: {
        cio_relationships: {
          action: "add_relationships",
          relationships: [{ identifiers: { object_type_id: "0", object_id: "a" } }],
        },
      },
      field: "attributes.cio_relationships",
    },
    { name: "update() with a blank id", person: { id: " " }, update: true, field: "person.id" },
  ];
}

/** Tries every case; a case survives when a ValidationError names the expected field and nothing was sent. */
export async function runClientInputs(
  cases: readonly ClientInputCase[] = clientInputCases(),
): Promise<{ results: ClientInputResult[]; sent: number }> {
  let sent = 0;
  const client = createCustomersClient({
    siteId: "client-inputs-site",
    apiKey: "client-inputs-key",
    baseUrl: "http://client-inputs.invalid",
    fetch: () => {
      sent += 1;
      return Promise.resolve(new Response("{}", { status: 200, headers: { "content-type": "application/json" } }));
    },
  });
  const results: ClientInputResult[] = [];
  for (const input of cases) {
    const before = sent;
    const call = input.update === true ? client.update : client.identify;
    let problem: string | undefined;
    try {
      await call(input.person as Person, input.attributes as Attributes | undefined);
      problem = "accepted";
    } catch (error) {
      if (!(error instanceof ValidationError))
        problem = `threw ${error instanceof Error ? error.name : typeof error}, not a ValidationError`;
      else if (!error.field.startsWith(input.field))
        problem = `named the field ${error.field}, expected ${input.field}`;
    }
    if (sent !== before) problem = `${problem === undefined ? "" : `${problem}; `}a request was sent`;
    results.push({ name: input.name, survived: problem === undefined, ...(problem !== undefined && { problem }) });
  }
  return { results, sent };
}
