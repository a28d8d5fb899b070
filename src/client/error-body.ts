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
const MAX_MESSAGES = 20;

export function parseErrorMessages(text: string, contentType: string | null): string[] {
  const trimmed = text.trim();
  if (trimmed === "") return [];
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const parsed = tryParse(trimmed);
    if (parsed !== undefined) return fromJson(parsed).slice(0, MAX_MESSAGES).map(shorten);
    // Truncated or otherwise broken JSON: no message can be trusted from it.
    return [];
  }
  if (/html/i.test(contentType ?? "") || /^<(!doctype|html|head|body)\b/i.test(trimmed)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1];
    return title && title.trim() !== "" ? [shorten(decodeEntities(title.trim()))] : [];
  }
  return [shorten(trimmed.split(/\r?\n/, 1)[0] ?? trimmed)];
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function fromJson(body: unknown): string[] {
  if (!isObject(body)) return [];
  const messages: string[] = [];
  const meta = body["meta"];
  if (isObject(meta)) {
    if (typeof meta["error"] === "string") messages.push(meta["error"]);
    if (Array.isArray(meta["errors"])) messages.push(...meta["errors"].flatMap(describeItem));
  }
  if (Array.isArray(body["errors"])) messages.push(...body["errors"].flatMap(describeItem));
  if (typeof body["error"] === "string") messages.push(body["error"]);
  if (messages.length === 0 && typeof body["message"] === "string") messages.push(body["message"]);
  return messages;
}

function describeItem(item: unknown): string[] {
  if (typeof item === "string") return [item];
  if (!isObject(item)) return [];
  const text = firstString(item, ["detail", "message", "reason", "title", "error"]);
  if (text === undefined) return [];
  const field = typeof item["field"] === "string" && !text.includes(item["field"]) ? `${item["field"]}: ` : "";
  return [`${field}${text}`];
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return undefined;
}

function shorten(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
