/**
 * Property-based inputs derived from the spec's schemas (fast-check): valid bodies, bodies the schema refuses,
 * and identifiers of every shape the path must carry (Unicode, `+`, `/`, values near the 150-byte limit).
 *
 * Valid and invalid are decided by the spec's own validator, so the generators cannot drift from the document:
 * an arbitrary proposes, `validatePersonBody` disposes.
 */
import fc from "fast-check";
import document from "../generated/customers.document.js";
import { CIO_ID_PREFIX, MAX_IDENTIFIER_BYTES, utf8Length } from "../src/spec/limits.js";
import { validatePersonBody } from "../src/spec/validator.js";
import { unsubscribes } from "../src/simulator/attributes.js";

type Schema = Record<string, unknown>;

/** `PersonAttributes` as one object schema: the parts of its `allOf` (declared fields, custom attributes) merged. */
const personSchema = merged(((document["components"] as Schema)["schemas"] as Schema)["PersonAttributes"] as Schema);
function merged(schema: Schema): Schema {
  const parts = schema["allOf"];
  if (!Array.isArray(parts)) return schema;
  const { allOf: _allOf, ...own } = schema;
  return Object.assign({}, ...(parts as Schema[]).map(merged), own) as Schema;
}
const declared = personSchema["properties"] as Record<string, Schema>;
const patternKeys = Object.keys((personSchema["patternProperties"] as Schema | undefined) ?? {});

/** The declared fields of `PersonAttributes`, read from the spec. */
export const declaredFields: readonly string[] = Object.keys(declared);

/** Any Unicode scalar value from space upwards: no control characters, no lone surrogates. */
const codePoint = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0xa0, max: 0xd7ff }),
    fc.integer({ min: 0xe000, max: 0x10ffff }),
  )
  .map((cp) => String.fromCodePoint(cp));

/** A string of at most `max` code points (so at most 4·max bytes of UTF-8). */
const text = (min: number, max: number) => fc.string({ unit: codePoint, minLength: min, maxLength: max });

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9+._-]{1,20}$/),
    fc.stringMatching(/^[a-z0-9-]{1,12}$/),
    fc.constantFrom("com", "io", "example", "co.uk"),
  )
  .map(([local, domain, tld]) => `${local}@${domain}.${tld}`)
  .filter((value) => !value.startsWith(".") && !value.includes("..") && !value.includes(".@"));

function fromSchema(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (Array.isArray(schema["enum"])) return fc.constantFrom(...(schema["enum"] as unknown[]));
  if (Array.isArray(schema["anyOf"]))
    return fc.oneof(...(schema["anyOf"] as Schema[]).map((s) => fromSchema(s, depth)));
  switch (schema["type"]) {
    case "string": {
      if (schema["format"] === "email") return email;
      if (typeof schema["pattern"] === "string") return fc.stringMatching(new RegExp(schema["pattern"]));
      const min = (schema["minLength"] as number | undefined) ?? 0;
      const max = Math.min((schema["maxLength"] as number | undefined) ?? 40, 30);
      return text(Math.min(min, max), max).filter((s) => s.trim().length >= min);
    }
    case "integer":
      return fc.integer({ min: (schema["minimum"] as number | undefined) ?? -1e9, max: 2e9 });
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return depth > 1
        ? fc.constant([])
        : fc.array(fc.oneof(text(0, 10), fc.integer(), fc.boolean()), { maxLength: 4 });
    case "object":
      return objectFromSchema(schema, depth);
  }
  return fc.constant(null);
}

function objectFromSchema(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema["properties"] as Record<string, Schema> | undefined) ?? {};
  const required = new Set((schema["required"] as string[] | undefined) ?? []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(properties)) record[name] = fromSchema(sub, depth + 1);
  const fixed = fc.record(record, { requiredKeys: [...required] });
  const patterns = Object.entries((schema["patternProperties"] as Record<string, Schema> | undefined) ?? {});
  const extras: fc.Arbitrary<[string, unknown]>[] = patterns.map(([pattern, sub]) =>
    fc.tuple(fc.stringMatching(new RegExp(pattern)), fromSchema(sub, depth + 1)),
  );
  const additional = schema["additionalProperties"];
  if (additional && typeof additional === "object" && depth < 2) {
    extras.push(fc.tuple(customName, fromSchema(additional as Schema, depth + 1)));
  }
  if (extras.length === 0) return fixed;
  return fc
    .tuple(fixed, fc.array(fc.oneof(...extras), { maxLength: 4 }))
    .map(([base, pairs]) => Object.assign(Object.create(null) as object, base, Object.fromEntries(pairs)));
}

/** A custom attribute name: never a declared one, never reserved (`_…`), never a JavaScript property trap. */
const customName = fc
  .stringMatching(/^[a-zA-Z][a-zA-Z0-9_ .-]{0,30}$/)
  .filter(
    (name) =>
      !(name in declared) && !name.startsWith("cio_") && !["constructor", "prototype", "toString"].includes(name),
  );

/** Bodies the spec accepts, generated from `PersonAttributes`. Identifiers are left out; scenarios own those. */
export const validBody: fc.Arbitrary<Record<string, unknown>> = objectFromSchema(personSchema, 0)
  .map((body) => {
    const { id: _id, email: _email, anonymous_id: _anonymous, _update: _u, ...rest } = body as Record<string, unknown>;
    return rest;
  })
  .filter((body) => validatePersonBody(body).length === 0 && JSON.stringify(body).length < 8000);

/**
 * Valid bodies in the form a typed client takes them: `unsubscribed` as a boolean only. The server also reads the
 * legacy string and number forms (the spec allows them), but a client may refuse to send them; a legacy value
 * becomes the boolean the server reads it as (C17), so the body keeps its meaning.
 */
export const validClientBody: fc.Arbitrary<Record<string, unknown>> = validBody.map((body) =>
  typeof body["unsubscribed"] === "boolean" || !("unsubscribed" in body)
    ? body
    : { ...body, unsubscribed: unsubscribes(body["unsubscribed"]) },
);

/**
 * Values of `unsubscribed` that behaviour.C17 sends, one after another to one person: of every kind the spec's
 * schema allows (boolean, string, integer), each kind both read as true and as false, strings in several cases.
 * Ordered so that each value changes what the one before left. What each one should do is `unsubscribes(value)`.
 */
export const UNSUBSCRIBED_FORMS: readonly (boolean | string | number)[] = [
  true,
  false,
  "TRUE",
  "false",
  1,
  0,
  "1",
  "0",
  "True",
  "yes",
  "true",
  2,
];

const anyJson = fc.jsonValue({ maxDepth: 2 });

/** Bodies the spec refuses: one field (declared, a topic key, or inside a relationship) with a value of the wrong kind. */
export const invalidBody: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof(
    fc.tuple(fc.constantFrom(...declaredFields), anyJson).map(([name, value]) => ({ [name]: value })),
    fc
      .tuple(fc.constantFrom(...patternKeys.map(() => "cio_subscription_preferences.topics.topic_7")), anyJson)
      .map(([name, value]) => ({ [name]: value })),
    fc.tuple(anyJson, anyJson).map(([typeId, objectId]) => ({
      cio_relationships: { relationships: [{ identifiers: { object_type_id: typeId, object_id: objectId } }] },
    })),
    fc
      .tuple(fc.constantFrom("add", "remove", "", "ADD_RELATIONSHIPS"))
      .map(([action]) => ({ cio_relationships: { action, relationships: [] } })),
  )
  .filter((body) => validatePersonBody(body).length > 0);

/** Identifiers with characters a URL treats specially (and an email and an id among them), for fixed cases. */
export const AWKWARD_IDENTIFIERS: readonly string[] = [
  "a+b@example.com",
  "ünï@exämple.com",
  "has space",
  "a/b",
  "100%",
  "tag#1",
  "what?",
  "a&b=c",
  "%2F",
  "12345",
];

/**
 * Path identifiers that the spec accepts: any Unicode (letters, `+`, `/`, `%`, `?`, `#`, spaces, emoji), up to the
 * 150-byte limit, never blank, never `.`/`..`, never `cio_`-prefixed (which would address a cio_id). They start
 * with `prefix` (the run prefix) and end with `suffix`, both kept whole within the limit.
 */
export function identifier(prefix: string, suffix: string): fc.Arbitrary<string> {
  const tricky = fc.constantFrom("+", "/", "%", "?", "#", "&", " ", "@", "é", "ü", "ß", "中", "😀", "%2F", "..");
  return fc
    .tuple(fc.array(fc.oneof(text(1, 6), tricky), { minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 3 }))
    .map(([parts, pad]) => {
      const middle = Array.from(`${parts.join("")}${"x".repeat(pad * 40)}`);
      while (middle.length > 0 && utf8Length(`${prefix}${middle.join("")}-${suffix}`) > MAX_IDENTIFIER_BYTES)
        middle.shift();
      return `${prefix}${middle.join("")}-${suffix}`;
    })
    .filter(
      (value) =>
        value.trim() !== "" &&
        value !== "." &&
        value !== ".." &&
        !value.startsWith(CIO_ID_PREFIX) &&
        isWellFormed(value),
    );
}

/**
 * A body with every identifier that could create something (`id`, `email`, `anonymous_id`, relationship
 * `object_id`s) moved under the run prefix, so that a run against a real workspace leaves only findable people
 * and objects. Other values are kept as they are.
 */
export function underRunPrefix(body: Readonly<Record<string, unknown>>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const key of ["id", "anonymous_id"]) {
    const value = out[key];
    if (typeof value === "string" && !value.startsWith(prefix)) out[key] = `${prefix}${value}`;
  }
  const email = out["email"];
  if (typeof email === "string" && !email.startsWith(prefix)) out["email"] = `${prefix}${email}`;
  const relationships = out["cio_relationships"];
  if (
    relationships &&
    typeof relationships === "object" &&
    Array.isArray((relationships as Record<string, unknown>)["relationships"])
  ) {
    const list = (relationships as { relationships: unknown[] }).relationships.map((entry) => {
      if (!entry || typeof entry !== "object") return entry;
      const identifiers = (entry as Record<string, unknown>)["identifiers"];
      if (!identifiers || typeof identifiers !== "object") return entry;
      const objectId = (identifiers as Record<string, unknown>)["object_id"];
      if (typeof objectId !== "string" || objectId.startsWith(prefix)) return entry;
      return { ...entry, identifiers: { ...identifiers, object_id: `${prefix}${objectId}` } };
    });
    out["cio_relationships"] = { ...relationships, relationships: list };
  }
  return out;
}

function isWellFormed(value: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);
}
