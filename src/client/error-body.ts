/**
 * Reads Customer.io's messages out of an error response, whatever shape it arrived in. Bodies met in practice:
 *
 * - Track API: `{"meta":{"error":"…"}}` and `{"meta":{"errors":["…", …]}}`
 * - App API and redirects: `{"errors":[{"detail":"…","status":"301"}]}`
 * - v2 endpoints: `{"errors":[{"reason":"…","field":"…","message":"…"}]}`
 * - plain text (`Unauthorized request`), an HTML page from a proxy, an empty or a truncated body
 *
 * It never throws: a body it cannot read yields no message, and the caller still has the status.
 */

import { isObject } from "../rules/index.js";

const MAX_MESSAGE_LENGTH = 300;

export function parseErrorMessages(text: string): string[] {
  const trimmed = text.trim();
  let found: string[];
  if (/^[[{]/.test(trimmed)) {
    try {
      found = fromJson(JSON.parse(trimmed)).slice(0, 20);
    } catch {
      // Truncated or otherwise broken JSON: no message can be trusted from it.
      found = [];
    }
  } else if (trimmed.startsWith("<")) {
    // Markup, whatever the content type says: the first title or h1 (a page's title comes before its body), as
    // written (an entity such as `&amp;` is not decoded).
    const title = /<(title|h1)\b[^>]*>([^<]*)</i.exec(trimmed)?.[2]?.trim();
    found = title ? [title] : [];
  } else found = trimmed === "" ? [] : [trimmed.split(/\r?\n/, 1)[0] ?? trimmed];
  return found.map((message) =>
    message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message,
  );
}

/** The messages of a JSON body: `meta.error`, `meta.errors`, `errors` and `error` in that order, else `message`. */
function fromJson(body: unknown): string[] {
  if (!isObject(body)) return [];
  const meta = isObject(body["meta"]) ? body["meta"] : {};
  const messages = [meta["error"], meta["errors"], body["errors"], body["error"]].flat().flatMap(describeItem);
  return messages.length > 0 ? messages : describeItem(body["message"]);
}

/** A message: a string as it is; an object by its first text field, prefixed by its `field` unless it names it. */
function describeItem(item: unknown): string[] {
  if (typeof item === "string") return [item];
  if (!isObject(item)) return [];
  const text = ["detail", "message", "reason", "title", "error"]
    .map((key) => item[key])
    .find((value): value is string => typeof value === "string" && value.trim() !== "");
  if (text === undefined) return [];
  const field = item["field"];
  return [typeof field === "string" && !text.includes(field) ? `${field}: ${text}` : text];
}
