/**
 * What each error of the client means for an imported record: refused (settled, in the rejects file), sent again
 * on --resume, or a stop of the whole import.
 */
import { describe, expect, it } from "vitest";
import {
  AbortError,
  HttpError,
  NetworkError,
  RedirectError,
  RegionError,
  TimeoutError,
  ValidationError,
} from "../../src/client/errors.js";
import { verdictOf } from "../../src/cli/import-run.js";

const request = { method: "PUT", url: "https://track.customer.io/api/v1/customers/[identifier]" };
const http = (status: number, messages: string[] = []) => new HttpError(request, status, messages, "");

describe("verdictOf", () => {
  it("content problems are refusals, with the server's messages or the status", () => {
    expect(verdictOf(new ValidationError("attributes.created_at", "looks like milliseconds"))).toEqual({
      outcome: "refused",
      reason: "looks like milliseconds",
      field: "attributes.created_at",
    });
    expect(verdictOf(http(400, ["bad email"]))).toEqual({ outcome: "refused", reason: "bad email", status: 400 });
    expect(verdictOf(http(413))).toEqual({ outcome: "refused", reason: "HTTP 413", status: 413 });
    expect(verdictOf(http(422))).toMatchObject({ outcome: "refused", status: 422 });
  });

  it("refused credentials and connections that cannot work stop the import", () => {
    for (const error of [
      http(401),
      http(403),
      new RedirectError(request, 301, "not a customer.io host"),
      new RegionError(request, "no url"),
    ]) {
      expect(verdictOf(error)).toEqual({ outcome: "fatal", error });
    }
  });

  it("failures that may pass are sent again", () => {
    for (const error of [
      http(429),
      http(500),
      http(503),
      http(404),
      new NetworkError(request, new Error("ECONNRESET")),
      new TimeoutError(request, 10_000),
      new AbortError(request, undefined),
    ]) {
      expect(verdictOf(error).outcome).toBe("retry");
    }
  });

  it("anything that is not the client's error is a bug, not an outcome", () => {
    const bug = new TypeError("x is undefined");
    expect(() => verdictOf(bug)).toThrow(bug);
  });
});
