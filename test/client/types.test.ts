/**
 * Type tests: `npm run typecheck` compiles this file, and every `@ts-expect-error` line must be an error, or tsc
 * fails with TS2578. The runtime test only keeps the file in the suite; the checks are the compile errors.
 */
import { createRawClient } from "../../src/raw.js";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  addRelationships,
  createCustomersClient,
  setTopics,
  type Attributes,
  type CustomersClient,
  type IdentifyResult,
  type Person,
} from "../../src/index.js";

function compileOnly(client: CustomersClient): void {
  // Each person form compiles.
  void client.identify({ id: "u" });
  void client.identify({ id: 42 });
  void client.identify({ email: "ada@example.com" });
  void client.identify({ cioId: "03000001" });
  void client.identify("raw-identifier");

  // Known fields keep their declared types; custom attributes are open.
  void client.identify(
    { id: "u" },
    {
      email: "ada@example.com",
      created_at: 1700000000,
      _timestamp: new Date(),
      unsubscribed: false,
      plan: "premium",
      score: 9.5,
      tags: ["a", "b"],
      address: { city: "London" },
      cleared: null,
      ...setTopics({ 3: false }),
      ...addRelationships([{ type: 1, id: "acme" }]),
    },
  );

  // @ts-expect-error a person is required
  void client.identify();
  // @ts-expect-error a person needs one of id, email or cioId
  void client.identify({});
  // @ts-expect-error only one form at a time
  void client.identify({ id: "u", email: "ada@example.com" });
  // @ts-expect-error created_at is Unix seconds or a Date, not a string
  void client.identify({ id: "u" }, { created_at: "yesterday" });
  // @ts-expect-error email is a string
  void client.identify({ id: "u" }, { email: 42 });
  // @ts-expect-error unsubscribed is a boolean in this client
  void client.identify({ id: "u" }, { unsubscribed: "true" });
  // @ts-expect-error _update is set by update(), not passed in
  void client.identify({ id: "u" }, { _update: true });
  // @ts-expect-error the relationship action is add_relationships or delete_relationships
  void client.identify({ id: "u" }, { cio_relationships: { action: "merge_relationships", relationships: [] } });
  const numericTypeId = { relationships: [{ identifiers: { object_type_id: 1, object_id: "a" } }] };
  // @ts-expect-error object_type_id is a string holding a whole number (the runtime check also needs object_id with it)
  void client.identify({ id: "u" }, { cio_relationships: numericTypeId });
  // @ts-expect-error functions are not attribute values
  void client.identify({ id: "u" }, { callback: () => 1 });

  // The raw client is typed from the spec.
  const raw = createRawClient({ siteId: "s", apiKey: "k" });
  void raw.PUT("/api/v1/customers/{identifier}", { params: { path: { identifier: "u" } }, body: { plan: "x" } });
  // @ts-expect-error the path parameter is required
  void raw.PUT("/api/v1/customers/{identifier}", { params: { path: {} }, body: {} });
}

describe("types", () => {
  it("expose the documented shapes", () => {
    expectTypeOf(createCustomersClient).returns.toEqualTypeOf<CustomersClient>();
    expectTypeOf<CustomersClient["identify"]>().returns.toEqualTypeOf<Promise<IdentifyResult>>();
    expectTypeOf<{ cioId: string }>().toExtend<Person>();
    expectTypeOf<{ plan: string }>().toExtend<Attributes>();
    // Rows read from a file are plain records; they are accepted as they are.
    expectTypeOf<Record<string, string>>().toExtend<Attributes>();
    expect(typeof compileOnly).toBe("function");
  });
});
