/** Every error class has a stable code, and the guards match by class or, across two copies of the package, by name and code. */
import { describe, expect, it } from "vitest";
import * as cio from "../../src/index.js";

const request = { method: "PUT", url: "https://track.customer.io/api/v1/customers/[identifier]" };
const instances = [
  [new cio.ValidationError("person.id", "must not be empty"), "CIO_ERR_VALIDATION", cio.isValidationError],
  [new cio.HttpError(request, 400, [], ""), "CIO_ERR_HTTP", cio.isHttpError],
  [new cio.NetworkError(request, undefined), "CIO_ERR_NETWORK", cio.isNetworkError],
  [new cio.TimeoutError(request, 10), "CIO_ERR_TIMEOUT", cio.isTimeoutError],
  [new cio.AbortError(request, undefined), "CIO_ERR_ABORTED", cio.isAbortError],
  [new cio.RedirectError(request, 301, "loop"), "CIO_ERR_REDIRECT", cio.isRedirectError],
  [new cio.RegionError(request, "no url"), "CIO_ERR_REGION", cio.isRegionError],
] as const;

describe("error codes and guards", () => {
  it.each(instances)("%s has its code and its guard", (error, code, guard) => {
    expect(error.code).toBe(code);
    expect(guard(error)).toBe(true);
    expect(cio.isCustomersError(error)).toBe(true);
  });

  it("guards match an error of another copy of the package by name and code, and nothing else", () => {
    for (const [error, code, guard] of instances) {
      const foreign = Object.assign(new Error("x"), { name: error.name, code });
      expect(guard(foreign)).toBe(true);
      expect(cio.isCustomersError(foreign)).toBe(true);
      expect(guard(Object.assign(new Error("x"), { name: error.name, code: "OTHER" }))).toBe(false);
      expect(guard(new Error("x"))).toBe(false);
      expect(guard("HttpError")).toBe(false);
    }
    expect(cio.isHttpError(instances[0][0])).toBe(false);
  });

  it("isCustomersError matches any CIO_ERR code of another copy, a later one's new code included, and nothing else", () => {
    const foreign = (code: unknown) => Object.assign(new Error("x"), { name: "SomeError", code });
    expect(cio.isCustomersError(foreign("CIO_ERR"))).toBe(true);
    expect(cio.isCustomersError(foreign("CIO_ERR_SOMETHING_NEW"))).toBe(true);
    for (const code of ["CIO_ERRX", "CIO_ERR_", "XCIO_ERR_HTTP", "ECONNRESET", 7, undefined]) {
      expect([code, cio.isCustomersError(foreign(code))]).toEqual([code, false]);
    }
    expect(cio.isCustomersError({ name: "HttpError", code: "CIO_ERR_HTTP" })).toBe(false);
  });

  it("a ValidationError lists its problems in the one shape, the first in the message", () => {
    const error = new cio.ValidationError([
      { code: "empty", path: ["person", "id"], message: "must not be empty or blank" },
      { code: "too_long", path: ["attributes", "bio"], message: "the value is over 1000 bytes of UTF-8" },
    ]);
    expect(error.field).toBe("person.id");
    expect(error.problems).toHaveLength(2);
    expect(error.message).toBe("Invalid person.id: must not be empty or blank (+1 more). Nothing was sent.");
  });
});
