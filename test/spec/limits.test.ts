/**
 * The limits Customer.io documents are written once, in the spec's `x-limits`. The schemas repeat them as keywords,
 * src/spec/limits.ts reads them (through the generated module), and the client and the simulator enforce them:
 * all of these must agree, at the boundary and one byte past it.
 */
import { describe, expect, it } from "vitest";
import document from "../../generated/customers.document.js";
import { toWireCall } from "../../src/client/validate.js";
import { ValidationError } from "../../src/client/errors.js";
import type { Attributes } from "../../src/client/attributes.js";
import { createSimulator } from "../../src/simulator/index.js";
import {
  MAX_ATTRIBUTES,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_IDENTIFIER_BYTES,
  utf8Length,
} from "../../src/spec/limits.js";

type Json = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((current, key) => (current as Json | undefined)?.[key], value);

const xLimits = at(document, "x-limits") as Record<string, { value: number }>;
const schemas = at(document, "components", "schemas") as Json;
const limit = (name: string) => xLimits[name]?.value;

describe("x-limits, the schemas and src/spec/limits.ts", () => {
  it("limits.ts exports the numbers of x-limits", () => {
    expect({ MAX_IDENTIFIER_BYTES, MAX_ATTRIBUTE_NAME_BYTES, MAX_ATTRIBUTE_VALUE_BYTES, MAX_ATTRIBUTES }).toEqual({
      MAX_IDENTIFIER_BYTES: limit("personIdBytes"),
      MAX_ATTRIBUTE_NAME_BYTES: limit("attributeNameBytes"),
      MAX_ATTRIBUTE_VALUE_BYTES: limit("attributeValueBytes"),
      MAX_ATTRIBUTES: limit("attributesPerCall"),
    });
  });

  it("the schema keywords repeat x-limits (as characters, the nearest JSON Schema has to bytes)", () => {
    const operation = at(document, "paths", "/api/v1/customers/{identifier}", "put") as Json;
    const parameter = (operation["parameters"] as Json[]).find((p) => p["name"] === "identifier");
    const declared = at(schemas, "DeclaredAttributes", "properties") as Json;
    const custom = schemas["CustomAttributes"] as Json;
    const valueString = (at(schemas, "CustomAttributeValue", "anyOf") as Json[]).find((s) => s["type"] === "string");
    expect({
      path: at(parameter, "schema", "maxLength"),
      id: at(declared, "id", "maxLength"),
      email: at(declared, "email", "maxLength"),
      anonymousId: at(declared, "anonymous_id", "maxLength"),
      names: at(custom, "propertyNames", "maxLength"),
      count: custom["maxProperties"],
      value: valueString?.["maxLength"],
    }).toEqual({
      path: limit("personIdBytes"),
      id: limit("personIdBytes"),
      email: limit("attributeValueBytes"),
      anonymousId: limit("attributeValueBytes"),
      names: limit("attributeNameBytes"),
      count: limit("attributesPerCall"),
      value: limit("attributeValueBytes"),
    });
  });
});

/** A string of exactly `bytes` UTF-8 bytes, made of two-byte characters where it can (so characters ≠ bytes). */
function ofBytes(bytes: number): string {
  const value = "é".repeat(Math.floor(bytes / 2)) + "e".repeat(bytes % 2);
  expect(utf8Length(value)).toBe(bytes);
  return value;
}

function clientAccepts(person: string, attributes: Attributes): boolean {
  try {
    toWireCall(person, attributes, false);
    return true;
  } catch (error) {
    if (error instanceof ValidationError) return false;
    throw error;
  }
}

async function simulatorAccepts(person: string, attributes: Attributes): Promise<boolean> {
  const sim = createSimulator();
  const response = await sim.fetch(
    new Request(`https://track.customer.io/api/v1/customers/${encodeURIComponent(person)}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Basic ${btoa(`${sim.siteId}:${sim.apiKey}`)}` },
      body: JSON.stringify(attributes),
    }),
  );
  await response.text();
  if (response.status !== 200 && response.status !== 400) throw new Error(`unexpected status ${response.status}`);
  return response.status === 200;
}

const many = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, i]));

/** [case, path identifier, attributes, accepted] */
const cases: [string, string, Attributes, boolean][] = [
  ["path id at the person-id limit", ofBytes(MAX_IDENTIFIER_BYTES), {}, true],
  ["path id one byte over", ofBytes(MAX_IDENTIFIER_BYTES + 1), {}, false],
  ["id at the person-id limit", "u1", { id: ofBytes(MAX_IDENTIFIER_BYTES) }, true],
  ["id one byte over", "u1", { id: ofBytes(MAX_IDENTIFIER_BYTES + 1) }, false],
  ["attribute name at the limit", "u1", { [ofBytes(MAX_ATTRIBUTE_NAME_BYTES)]: "x" }, true],
  ["attribute name one byte over", "u1", { [ofBytes(MAX_ATTRIBUTE_NAME_BYTES + 1)]: "x" }, false],
  ["attribute value at the limit", "u1", { bio: ofBytes(MAX_ATTRIBUTE_VALUE_BYTES) }, true],
  ["attribute value one byte over", "u1", { bio: ofBytes(MAX_ATTRIBUTE_VALUE_BYTES + 1) }, false],
  ["as many attributes as allowed", "u1", many(MAX_ATTRIBUTES), true],
  ["one attribute too many", "u1", many(MAX_ATTRIBUTES + 1), false],
  // email and anonymous_id are values: the person-id limit does not apply to them, the value limit does.
  ["anonymous_id longer than an id may be", "u1", { anonymous_id: ofBytes(MAX_IDENTIFIER_BYTES + 1) }, true],
  ["anonymous_id at the value limit", "u1", { anonymous_id: ofBytes(MAX_ATTRIBUTE_VALUE_BYTES) }, true],
  ["anonymous_id one byte over the value limit", "u1", { anonymous_id: ofBytes(MAX_ATTRIBUTE_VALUE_BYTES + 1) }, false],
  ["email longer than an id may be", "u1", { email: `${"a".repeat(MAX_IDENTIFIER_BYTES)}@example.com` }, true],
  ["email over the value limit", "u1", { email: `${"a".repeat(MAX_ATTRIBUTE_VALUE_BYTES)}@example.com` }, false],
];

describe("the client and the simulator enforce the same limits", () => {
  it.each(cases)("%s", async (_name, person, attributes, accepted) => {
    expect({
      client: clientAccepts(person, attributes),
      simulator: await simulatorAccepts(person, attributes),
    }).toEqual({
      client: accepted,
      simulator: accepted,
    });
  });
});
