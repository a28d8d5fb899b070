/**
 * The rules C1–C24 as the spec words them, for the inspector's rule links: each rule's id, short name and text,
 * and where the rendered API reference (Redoc, built by `npm run docs`) shows it. The spec writes each rule as a
 * Markdown list item `- **C4 conflict.** text…`; the list is found wherever the document keeps it (a tag's
 * description, the operation's, or the document's own), so the page follows the spec when the list moves.
 */
import document from "../../../generated/customers.document.js";

export interface SpecRule {
  id: string;
  name: string;
  /** Markdown of the rule's text, as the spec writes it. */
  text: string;
  /** The fragment of the rendered reference where the rule is written, e.g. `tag/People`; "" when unknown. */
  anchor: string;
}

const RULE = /^[ \t]*- \*\*(C\d+) ([^*]+?)\.\*\*[ \t]*([\s\S]*?)(?=\n[ \t]*\n|\n[ \t]*- \*\*|$(?![\s\S]))/gm;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The descriptions that may hold the rule list, each with the reference's fragment for where it renders. */
function descriptions(doc: Json): { text: string; anchor: string }[] {
  const found: { text: string; anchor: string }[] = [];
  const info = doc["info"];
  if (isObject(info) && typeof info["description"] === "string") found.push({ text: info["description"], anchor: "" });
  const tags = Array.isArray(doc["tags"]) ? doc["tags"] : [];
  for (const tag of tags) {
    if (isObject(tag) && typeof tag["name"] === "string" && typeof tag["description"] === "string") {
      found.push({ text: tag["description"], anchor: `tag/${tag["name"]}` });
    }
  }
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation) || typeof operation["description"] !== "string") continue;
      const tag =
        Array.isArray(operation["tags"]) && typeof operation["tags"][0] === "string" ? operation["tags"][0] : "";
      const id = typeof operation["operationId"] === "string" ? operation["operationId"] : "";
      found.push({
        text: operation["description"],
        anchor: tag !== "" && id !== "" ? `tag/${tag}/operation/${id}` : "",
      });
    }
  }
  return found;
}

export function specRules(doc: unknown = document): SpecRule[] {
  if (!isObject(doc)) return [];
  const rules = new Map<string, SpecRule>();
  for (const { text, anchor } of descriptions(doc)) {
    for (const match of text.matchAll(RULE)) {
      const [, id = "", name = "", body = ""] = match;
      if (!rules.has(id)) rules.set(id, { id, name, text: body.replace(/\s+/g, " ").trim(), anchor });
    }
  }
  return [...rules.values()].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)));
}
