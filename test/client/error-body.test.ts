import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseErrorMessages } from "../../src/client/error-body.js";
import { VERSION } from "../../src/version.js";

describe("parseErrorMessages reads every body met in practice, whatever its content type says", () => {
  it.each([
    ["meta.error", '{"meta":{"error":"bad"}}', ["bad"]],
    ["meta.errors[]", '{"meta":{"errors":["one","two"]}}', ["one", "two"]],
    ["errors[].detail", '{"errors":[{"detail":"wrong datacenter","status":"301"}]}', ["wrong datacenter"]],
    [
      "v2 errors[].reason/field/message",
      '{"errors":[{"reason":"invalid","field":"email","message":"email is invalid"}]}',
      ["email is invalid"],
    ],
    [
      "v2 errors[] with a field not in the message",
      '{"errors":[{"field":"identifiers","message":"required"}]}',
      ["identifiers: required"],
    ],
    ["plain text", "Unauthorized request\n", ["Unauthorized request"]],
    [
      "HTML with a title",
      "<!DOCTYPE html><html><title>503 Service Unavailable</title></html>",
      ["503 Service Unavailable"],
    ],
    ["HTML without a title", "<html><body><h1>Bad &amp; Gateway</h1></body></html>", ["Bad &amp; Gateway"]],
    ["a body that does not start with markup", "Service unavailable\n<p>later</p>", ["Service unavailable"]],
    ["empty", "", []],
    ["truncated JSON", '{"meta":{"errors":["val', []],
    ["JSON of another shape", '{"status":"down"}', []],
    ["a JSON array", '["a"]', []],
  ] as const)("%s", (_name, body, expected) => {
    expect(parseErrorMessages(body)).toEqual(expected);
  });

  it("shortens very long messages", () => {
    const [message] = parseErrorMessages("x".repeat(5000));
    expect(message?.length).toBe(300);
  });
});

describe("the package version", () => {
  it("sent in the User-Agent equals package.json's", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
