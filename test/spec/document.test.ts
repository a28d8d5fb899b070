/**
 * The shape of openapi/customers.yaml that generators other than this project's depend on, and the sourcing
 * rules it follows. Each check reads the document itself; each is shown failing on a broken copy.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import document from "../../generated/customers.document.js";
import { validatePersonBody } from "../../src/spec/validator.js";

type Json = Record<string, unknown>;
const root = new URL("../..", import.meta.url);
const packageVersion = (JSON.parse(readFileSync(new URL("package.json", root), "utf8")) as { version: string }).version;
const source = readFileSync(new URL("openapi/customers.yaml", root), "utf8");

/** Every (pointer, object) pair of a JSON value, depth first. */
function* walk(value: unknown, pointer = ""): Generator<[string, Json]> {
  if (typeof value !== "object" || value === null) return;
  if (!Array.isArray(value)) yield [pointer, value as Json];
  for (const [key, child] of Object.entries(value)) yield* walk(child, `${pointer}/${key}`);
}

/** What this suite finds wrong with a document (its dereferenced bundle) and its YAML text. */
export function documentProblems(doc: Json, yaml: string): string[] {
  const problems: string[] = [];
  const operation =
    (doc["paths"] as Record<string, Record<string, Json>>)["/api/v1/customers/{identifier}"]?.["put"] ?? {};
  const info = doc["info"] as Json;
  if (info["version"] !== packageVersion)
    problems.push(`info.version ${String(info["version"])} is not the package's ${packageVersion}`);
  if ("contact" in info) problems.push("info.contact names no address that exists");

  // Portability.
  for (const [pointer, node] of walk(doc)) {
    if (pointer.endsWith("/responses") && Object.keys(node).some((k) => /^\dXX$/.test(k)))
      problems.push(`${pointer} uses a range key (use default)`);
    if (node["items"] === true) problems.push(`${pointer} has items: true (use {})`);
    if ("patternProperties" in node && "properties" in node)
      problems.push(`${pointer} mixes declared properties with patternProperties`);
    if ("properties" in node && typeof node["additionalProperties"] === "object")
      problems.push(`${pointer} mixes declared properties with a map`);
  }
  if (/\n\s+requestBody:\s*\n\s+\$ref/.test(yaml)) problems.push("the request body is a $ref; write it inline");
  if (/\n\s+'200':\s*\n\s+\$ref/.test(yaml)) problems.push("a 200 response is a $ref; write it inline");
  const description = String(operation["description"] ?? "");
  if (description.length > 700)
    problems.push(`the operation's description is ${description.length} characters; keep it to a paragraph`);
  if (/\*\*C\d+ /.test(description))
    problems.push("the operation's description lists rules; they belong to the People tag");

  // Rules, once each, where a reader looks.
  const people =
    ((doc["tags"] as Json[]).find((t) => t["name"] === "People")?.["description"] as string | undefined) ?? "";
  for (let i = 1; i <= 24; i++) {
    const count = yaml.split(`**C${i} `).length - 1;
    if (count !== 1 || !people.includes(`**C${i} `))
      problems.push(
        `rule C${i} is stated ${count} times, ${people.includes(`**C${i} `) ? "" : "not "}in the People tag`,
      );
  }

  // Sources: invented items gone, observations marked.
  const schemas = (doc["components"] as Json)["schemas"] as Record<string, Json>;
  const relationships = schemas["Relationships"] ?? {};
  if ("required" in relationships && !String(relationships["description"] ?? "").includes("a choice")) {
    problems.push("Relationships.required is not documented by any source, nor called a choice");
  }
  for (const [pointer, node] of walk(doc)) {
    if ("maxItems" in node) problems.push(`${pointer}: maxItems is not documented by any source`);
    if ("default" in node && typeof node["type"] === "string")
      problems.push(`${pointer}: a default value is not documented by any source`);
    const evidence = node["x-evidence"];
    if (evidence !== undefined) {
      const word = evidence === "observed" ? "**Observed**" : evidence === "unverified" ? "**Unverified**" : undefined;
      if (word === undefined)
        problems.push(`${pointer}: x-evidence is "${String(evidence)}", not observed or unverified`);
      else if (!String(node["description"] ?? "").includes(word))
        problems.push(`${pointer}: x-evidence ${String(evidence)} without the word ${word} in its description`);
    }
  }
  if (/1048576|\b413\b/.test(yaml))
    problems.push("the document states a body limit (413) that Customer.io does not document");
  for (const url of yaml.match(/https?:\/\/[^\s'"`)]+/g) ?? []) {
    if (!KNOWN_URLS.some((known) => url.startsWith(known))) problems.push(`the URL ${url} is not one known to exist`);
  }
  return problems;
}

/** The addresses the document may use: Customer.io's two Track API hosts and its published reference. */
const KNOWN_URLS = ["https://track.customer.io", "https://track-eu.customer.io", "https://docs.customer.io/api/track/"];

describe("openapi/customers.yaml", () => {
  it("is portable, states each rule once under People, and says only what a source supports", () => {
    expect(documentProblems(document as unknown as Json, source)).toEqual([]);
  });

  it("every named request example is valid under the project's own validator", () => {
    const media = (document["paths"] as Record<string, Record<string, Json>>)["/api/v1/customers/{identifier}"]?.[
      "put"
    ]?.["requestBody"] as Json;
    const examples = ((media["content"] as Json)["application/json"] as Json)["examples"] as Record<
      string,
      { value: unknown }
    >;
    expect(Object.keys(examples).length).toBeGreaterThan(5);
    for (const [name, example] of Object.entries(examples)) expect(validatePersonBody(example.value), name).toEqual([]);
  });

  it("the checks fail on a document with the old shape and the invented items", () => {
    const broken = structuredClone(document) as unknown as Json;
    (broken["info"] as Json)["version"] = "1.0.0";
    (broken["info"] as Json)["contact"] = { url: "https://github.com/cio-customers/cio-customers" };
    const schemas = (broken["components"] as Json)["schemas"] as Record<string, Json>;
    schemas["Relationships"]!["description"] = "Relationships.";
    ((schemas["Relationships"]!["properties"] as Json)["action"] as Json)["default"] = "add_relationships";
    ((schemas["CustomAttributeValue"]!["anyOf"] as Json[]).find((s) => s["type"] === "array") as Json)["items"] = true;
    const responses = (broken["paths"] as Record<string, Record<string, Json>>)["/api/v1/customers/{identifier}"]![
      "put"
    ]!["responses"] as Json;
    responses["5XX"] = responses["default"];
    (schemas["Topics"] as Json)["x-evidence"] = "observed";
    const yaml = `${source.replace("- **C7 ", "- C7 ")}\n# request body is larger than 1048576 bytes, see https://example.com/limits\n`;
    const problems = documentProblems(broken, yaml);
    for (const expected of [
      "info.version 1.0.0",
      "info.contact",
      "Relationships.required",
      "a default value",
      "items: true",
      "uses a range key",
      "x-evidence observed without",
      "rule C7 is stated 0 times",
      "413",
      "https://example.com/limits",
    ]) {
      expect(
        problems.some((p) => p.includes(expected)),
        `no problem mentions "${expected}" in ${JSON.stringify(problems)}`,
      ).toBe(true);
    }
  });
});
