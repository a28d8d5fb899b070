import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseErrorMessages } from "../../src/client/error-body.js";
import { VERSION } from "../../src/version.js";

describe("parseErrorMessages reads every body met in practice", () => {
  it.each([
    ["meta.error", '{"meta":{"error":"bad"}}', "application/json", ["bad"]],
    ["meta.errors[]", '{"meta":{"errors":["one","two"]}}', "application/json", ["one", "two"]],
    [
      "errors[].detail",
      '{"errors":[{"detail":"wrong datacenter","status":"301"}]}',
      "application/json",
      ["wrong datacenter"],
    ],
    [
      "v2 errors[].reason/field/message",
      '{"errors":[{"reason":"invalid","field":"email","message":"email is invalid"}]}',
      "application/json",
      ["email is invalid"],
    ],
    [
      "v2 errors[] with a field not in the message",
      '{"errors":[{"field":"identifiers","message":"required"}]}',
      "application/json",
      ["identifiers: required"],
    ],
    ["plain text", "Unauthorized request\n", "text/plain", ["Unauthorized request"]],
    [
      "HTML with a title",
      "<!DOCTYPE html><html><title>503 Service Unavailable</title></html>",
      "text/html",
      ["503 Service Unavailable"],
    ],
    ["HTML without a content type", "<html><body><h1>Bad &amp; Gateway</h1></body></html>", null, ["Bad & Gateway"]],
    ["empty", "", "application/json", []],
    ["truncated JSON", '{"meta":{"errors":["val', "application/json", []],
    ["JSON of another shape", '{"status":"down"}', "application/json", []],
    ["a JSON array", '["a"]', "application/json", []],
  ] as const)("%s", (_name, body, type, expected) => {
    expect(parseErrorMessages(body, type)).toEqual(expected);
  });

  it("shortens very long messages", () => {
    const [message] = parseErrorMessages("x".repeat(5000), "text/plain");
    expect(message?.length).toBe(300);
  });
});

describe("the package version", () => {
  it("sent in the User-Agent equals package.json's", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
