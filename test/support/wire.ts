/**
 * nock helpers: intercept the Track API, record every request the client sends, and check each one against the
 * spec (identifier parameter and request body), so no test can pass with a request the spec would refuse.
 */
import nock from "nock";
import { expect } from "vitest";
import { validateIdentifier, validatePersonBody } from "../../src/spec/validator.js";

export interface WireRequest {
  method: string;
  /** The path exactly as sent, still URL-encoded. */
  path: string;
  headers: Record<string, string>;
  /** The raw body text. */
  body: string;
}

export interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

/** Intercepts PUTs to `origin` and answers each with `reply` (default `200 {}` as JSON). */
export function interceptPut(origin: string, reply: Reply = {}, times = 1) {
  const requests: WireRequest[] = [];
  const scope = nock(origin)
    .put(/.*/)
    .times(times)
    .reply(async (request: Request) => {
      const headers: Record<string, string> = {};
      request.headers.forEach((value, key) => {
        headers[key.toLowerCase()] = value;
      });
      const url = new URL(request.url);
      requests.push({ method: request.method, path: url.pathname + url.search, headers, body: await request.text() });
      return [
        reply.status ?? 200,
        reply.body ?? "{}",
        reply.headers ?? { "content-type": "application/json; charset=utf-8" },
      ];
    });
  return { scope, requests };
}

/** Asserts that a recorded request is one the spec accepts, and returns its parsed body. */
export function expectSpecValid(request: WireRequest): unknown {
  const prefix = "/api/v1/customers/";
  const at = request.path.indexOf(prefix);
  expect(at, `path ${request.path} is not the customers endpoint`).toBeGreaterThanOrEqual(0);
  const encoded = request.path.slice(at + prefix.length);
  expect(encoded).not.toContain("/");
  expect(validateIdentifier(decodeURIComponent(encoded))).toEqual([]);
  expect(request.headers["content-type"]).toMatch(/^application\/json/);
  const body = JSON.parse(request.body) as unknown;
  expect(validatePersonBody(body)).toEqual([]);
  return body;
}

export function basic(siteId: string, apiKey: string): string {
  return `Basic ${Buffer.from(`${siteId}:${apiKey}`).toString("base64")}`;
}

/** Turns on nock's network guard for a test file. */
export function guardNetwork(): void {
  nock.disableNetConnect();
}

export { nock };
