/**
 * Small helpers for the simulator's answers. Every answer is JSON in Customer.io's envelope, with the content
 * type a live `200` carries (`application/json; charset=utf-8`), so that clients parse simulator errors exactly
 * as they would parse the real ones.
 */

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": JSON_CONTENT_TYPE } });
}

/** `{"meta":{"error":"…"}}` for one message, `{"meta":{"errors":[…]}}` for a list (one per problem). */
export function envelope(status: number, message: string | readonly string[], headers: Record<string, string> = {}): Response {
  const meta = typeof message === "string" ? { error: message } : { errors: [...message] };
  return json(status, { meta }, headers);
}

export const unauthorized = (): Response =>
  envelope(401, "Unauthorized request", { "www-authenticate": 'Basic realm="cio-customers simulator", charset="UTF-8"' });

export const notFound = (message = "No route matches this path"): Response => envelope(404, message);

export const methodNotAllowed = (allow: readonly string[]): Response =>
  envelope(405, `This route accepts ${allow.join(", ")} only`, { allow: allow.join(", ") });

export const tooLarge = (limit: number): Response => envelope(413, `request body is larger than ${limit} bytes`);

/** Whether an Authorization header carries exactly this site ID and API key as HTTP Basic credentials. */
export function authorized(header: string | null, siteId: string, apiKey: string): boolean {
  if (header === null) return false;
  const match = /^basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (match?.[1] === undefined) return false;
  let binary: string;
  try {
    binary = atob(match[1]);
  } catch {
    return false;
  }
  // The client encodes UTF-8 before base64, so decode the bytes the same way.
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  const decoded = new TextDecoder().decode(bytes);
  return constantTimeEqual(decoded, `${siteId}:${apiKey}`);
}

/** Compares without stopping at the first difference, so timing says little about how much of a key was right. */
function constantTimeEqual(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
}
