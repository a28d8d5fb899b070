/**
 * Serves the inspector page (GET /__simulator/) and its files (GET /__simulator/inspector/<name>) from memory:
 * the page, its style, its script, and rules.json (the rules C1–C24 as the spec words them, for rule links). The Content-Security-Policy lets the page load only its own files and call only its own origin, so
 * nothing it shows (attribute values are whatever callers sent) can make it reach another host.
 */
import { INSPECTOR_ASSETS } from "./assets.js";
import { specRules } from "./rules.js";

export const INSPECTOR_PAGE = "index.html";

const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  // Revalidated on each load (a 304 while unchanged), so a newer simulator is never shown with an older script.
  "cache-control": "no-cache",
});

let rulesBody: string | undefined;

/** The answer for one of the page's files, or undefined when there is no such file. */
export function inspectorResponse(name: string, request: Request): Response | undefined {
  if (name === "rules.json") {
    rulesBody ??= JSON.stringify({ rules: specRules() });
    return new Response(rulesBody, {
      status: 200,
      headers: { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8" },
    });
  }
  const asset = Object.hasOwn(INSPECTOR_ASSETS, name) ? INSPECTOR_ASSETS[name] : undefined;
  if (asset === undefined) return undefined;
  const headers = { ...SECURITY_HEADERS, etag: asset.etag, "content-type": asset.type };
  if (request.headers.get("if-none-match") === asset.etag) return new Response(null, { status: 304, headers });
  return new Response(asset.body, { status: 200, headers });
}
