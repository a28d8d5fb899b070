/**
 * What a rendered OpenAPI document must show, read from the document itself (never a hand-kept list): the title,
 * every server URL, every operation's summary and path, every parameter, every request body property at any
 * depth, every security scheme with its description, the summary of every named example of parameters,
 * request bodies and responses (for a response, where it has several), and every code sample with the first line
 * of its source.
 */
import type { JsonValue, OpenApiDocument } from "../../generated/document-type.js";
import type { Expectation } from "./browser.js";

type JsonObject = { [key: string]: JsonValue };

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const objectAt = (v: JsonValue | undefined): JsonObject => (isObject(v) ? v : {});
const arrayAt = (v: JsonValue | undefined): JsonValue[] => (Array.isArray(v) ? v : []);
const stringAt = (v: JsonValue | undefined): string | undefined => (typeof v === "string" ? v : undefined);

const methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** The name Redoc gives a code sample in its language menu: its label, or its lang without one. */
const codeSampleLabel = (sample: JsonObject): string | undefined =>
  stringAt(sample["label"]) ?? stringAt(sample["lang"]);

/** The label of every code sample of the document, each once: the entries of Redoc's language menu. */
export function codeSampleLabels(doc: OpenApiDocument): string[] {
  const labels = new Set<string>();
  for (const item of Object.values(objectAt(doc["paths"])).map(objectAt))
    for (const method of methods)
      for (const sample of arrayAt(objectAt(item[method])["x-codeSamples"]).map(objectAt)) {
        const label = codeSampleLabel(sample);
        if (label !== undefined) labels.add(label);
      }
  return [...labels];
}

/** The names of a schema's properties, nested objects, array items and alternatives included, in document order. */
export function propertyNames(schema: JsonValue | undefined, seen = new Set<JsonObject>()): string[] {
  if (!isObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const names: string[] = [];
  for (const [name, sub] of Object.entries(objectAt(schema["properties"])))
    names.push(name, ...propertyNames(sub, seen));
  names.push(...propertyNames(schema["items"], seen));
  for (const key of ["allOf", "anyOf", "oneOf"])
    for (const sub of arrayAt(schema[key])) names.push(...propertyNames(sub, seen));
  return [...new Set(names)];
}

/** The first sentence of a Markdown description, as plain text. */
function firstSentence(markdown: string): string {
  const plain = markdown
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
  const end = plain.indexOf(". ");
  return end === -1 ? plain : plain.slice(0, end + 1);
}

function exampleSummaries(examples: JsonValue | undefined): string[] {
  return Object.values(objectAt(examples))
    .map((e) => stringAt(objectAt(e)["summary"]))
    .filter((s): s is string => s !== undefined);
}

export function specExpectations(doc: OpenApiDocument): Expectation[] {
  const out: Expectation[] = [];
  const info = objectAt(doc["info"]);
  const title = stringAt(info["title"]);
  if (title !== undefined) out.push({ kind: "text", label: `title "${title}"`, text: title });
  for (const server of arrayAt(doc["servers"])) {
    const url = stringAt(objectAt(server)["url"]);
    if (url !== undefined) out.push({ kind: "text", label: `server ${url}`, text: url });
  }
  for (const [path, item] of Object.entries(objectAt(doc["paths"]))) {
    out.push({ kind: "text", label: `path ${path}`, text: path });
    for (const method of methods) {
      const op = objectAt(item)[method];
      if (!isObject(op)) continue;
      const summary = stringAt(op["summary"]);
      if (summary !== undefined) out.push({ kind: "text", label: `operation summary "${summary}"`, text: summary });
      const parameters = [...arrayAt(objectAt(item)["parameters"]), ...arrayAt(op["parameters"])].map(objectAt);
      for (const p of parameters) {
        const name = stringAt(p["name"]);
        if (name !== undefined) out.push({ kind: "name", label: `parameter ${name}`, name });
        for (const s of exampleSummaries(p["examples"]))
          out.push({ kind: "text", label: `parameter example "${s}"`, text: s });
      }
      for (const media of Object.values(objectAt(objectAt(op["requestBody"])["content"])).map(objectAt)) {
        for (const name of propertyNames(media["schema"]))
          out.push({ kind: "name", label: `request body property ${name}`, name });
        for (const s of exampleSummaries(media["examples"]))
          out.push({ kind: "text", label: `request body example "${s}"`, text: s });
      }
      // Code samples (x-codeSamples): Redoc shows one at a time, chosen in a menu bearing its label.
      for (const sample of arrayAt(op["x-codeSamples"]).map(objectAt)) {
        const sampleLabel = codeSampleLabel(sample);
        const firstLine = (stringAt(sample["source"]) ?? "").split("\n")[0]?.replace(/\\$/, "").trim();
        if (sampleLabel === undefined || !firstLine) continue;
        out.push({ kind: "text", label: `code sample "${sampleLabel}"`, text: sampleLabel });
        out.push({ kind: "text", label: `code sample "${sampleLabel}" source`, text: firstLine });
      }
      for (const [status, response] of Object.entries(objectAt(op["responses"]))) {
        for (const media of Object.values(objectAt(objectAt(response)["content"])).map(objectAt)) {
          // Redoc names a response example only where there is a choice of several (a menu); a lone one is just shown.
          const summaries = exampleSummaries(media["examples"]);
          if (summaries.length < 2) continue;
          for (const s of summaries) out.push({ kind: "text", label: `response ${status} example "${s}"`, text: s });
        }
      }
    }
  }
  for (const [name, scheme] of Object.entries(objectAt(objectAt(doc["components"])["securitySchemes"]))) {
    out.push({ kind: "text", label: `security scheme ${name}`, text: name });
    const description = stringAt(objectAt(scheme)["description"]);
    if (description !== undefined) {
      out.push({ kind: "text", label: `security scheme ${name} description`, text: firstSentence(description) });
    }
  }
  // One expectation per distinct check: shared parameters or repeated paths are asked for once.
  const unique = new Map(out.map((e) => [e.label, e]));
  return [...unique.values()];
}
