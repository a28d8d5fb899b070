/**
 * The rules module: every check passes what the spec allows and refuses, with a problem naming the element and
 * never quoting the value, what it does not.
 */
import { describe, expect, it } from "vitest";
import {
  attributeCountProblems,
  attributeNameProblems,
  attributeValueProblems,
  bareCioId,
  byteLimitProblems,
  dotNotationTopic,
  exceedsBytes,
  identifierForm,
  identifierProblems,
  isObject,
  isObjectTypeId,
  isPlainObject,
  isTopicName,
  isUnixSeconds,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_ATTRIBUTES,
  MAX_IDENTIFIER_BYTES,
  unixSecondsProblems,
  utf8Length,
  valueExceedsBytes,
} from "../../src/rules/index.js";

const secret = "s3cr3t-value";
const codes = (problems: readonly { code: string }[]) => problems.map((problem) => problem.code);

describe("values", () => {
  it("isObject: JSON objects only", () => {
    expect(isObject({})).toBe(true);
    expect(isObject(Object.create(null))).toBe(true);
    for (const value of [null, [], "x", 1, undefined]) expect(isObject(value)).toBe(false);
  });

  it("isPlainObject: no class instances", () => {
    expect(isPlainObject({ a: 1 })).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Date())).toBe(false);
    expect(isPlainObject(new Map())).toBe(false);
  });

  it("exceedsBytes agrees with the UTF-8 length on every kind of character", () => {
    const samples = [
      "",
      "a",
      "é",
      "€",
      "😀",
      "\ud800",
      "a\udc00b",
      "x".repeat(200),
      "é".repeat(75),
      "é".repeat(76),
      "😀".repeat(38),
    ];
    for (const text of samples) {
      for (const limit of [0, 1, 3, 150, 151, 152, 1000])
        expect(exceedsBytes(text, limit)).toBe(utf8Length(text) > limit);
    }
  });

  it("valueExceedsBytes measures arrays and objects as JSON, and never numbers or booleans", () => {
    expect(valueExceedsBytes(["abc", "def"], 12)).toBe(true);
    expect(valueExceedsBytes(["abc", "def"], 13)).toBe(false);
    expect(valueExceedsBytes({ a: "x".repeat(10) }, 10)).toBe(true);
    expect(valueExceedsBytes(123456789, 1)).toBe(false);
    expect(valueExceedsBytes(true, 1)).toBe(false);
  });
});

describe("identifiers (C10)", () => {
  it("the form comes from the shape and the workspace's settings", () => {
    expect(identifierForm("cio_0300000001", true)).toBe("cio_id");
    expect(identifierForm("ada@example.com", true)).toBe("email");
    expect(identifierForm("ada@example.com", false)).toBe("id");
    expect(identifierForm("+14155550123", true)).toBe("id");
    expect(identifierForm("user-1", true)).toBe("id");
  });

  it("bareCioId strips the prefix once", () => {
    expect(bareCioId("cio_abc")).toBe("abc");
    expect(bareCioId("abc")).toBe("abc");
    expect(bareCioId("cio_cio_abc")).toBe("cio_abc");
  });

  it("identifierProblems: a non-empty string within the limit", () => {
    expect(identifierProblems("user-1", ["id"], MAX_IDENTIFIER_BYTES)).toEqual([]);
    expect(codes(identifierProblems(42, ["id"]))).toEqual(["not_a_string"]);
    expect(codes(identifierProblems("  ", ["id"]))).toEqual(["blank"]);
    const long = identifierProblems("é".repeat(76), ["id"], MAX_IDENTIFIER_BYTES);
    expect(long).toEqual([{ code: "too_long", path: ["id"], message: "id cannot be longer than 150 bytes" }]);
    expect(identifierProblems("é".repeat(75), ["id"], MAX_IDENTIFIER_BYTES)).toEqual([]);
  });

  it("byteLimitProblems names the element by its label and never quotes the value", () => {
    const [problem] = byteLimitProblems(secret.repeat(20), 150, ["body", "id"], "value for attribute 'id'");
    expect(problem).toEqual({
      code: "too_long",
      path: ["body", "id"],
      message: "value for attribute 'id' cannot be longer than 150 bytes",
    });
    expect(byteLimitProblems(secret, 150, [], "x")).toEqual([]);
  });
});

describe("timestamps (C22, _timestamp)", () => {
  it("whole non-negative seconds pass", () => {
    for (const value of [0, 1_700_000_000, 1e11]) {
      expect(isUnixSeconds(value)).toBe(true);
      expect(unixSecondsProblems(value, ["created_at"])).toEqual([]);
    }
  });

  it.each([
    [1.5, "not_an_integer"],
    ["1700000000", "not_an_integer"],
    [Number.NaN, "not_an_integer"],
    [-1, "negative"],
    [1_700_000_000_000, "milliseconds"],
  ])("%s is refused as %s", (value, code) => {
    expect(isUnixSeconds(value)).toBe(false);
    const problems = unixSecondsProblems(value, ["body", "created_at"]);
    expect(codes(problems)).toEqual([code]);
    expect(problems[0]?.path).toEqual(["body", "created_at"]);
    expect(problems[0]?.message).toMatch(/^created_at /);
  });
});

describe("topic keys (C14, C15) and object type ids (C20)", () => {
  it("topic names are topic_<whole number from 1>", () => {
    expect(isTopicName("topic_1")).toBe(true);
    expect(isTopicName("topic_12")).toBe(true);
    for (const key of ["topic_0", "topic_01", "topic_", "topic_a", "Topic_1", "topic_1 "])
      expect(isTopicName(key)).toBe(false);
  });

  it("dot notation names one topic, or is a custom attribute", () => {
    expect(dotNotationTopic("cio_subscription_preferences.topics.topic_3")).toBe("topic_3");
    expect(dotNotationTopic("cio_subscription_preferences.topics.topic_0")).toBeUndefined();
    expect(dotNotationTopic("cio_subscription_preferences.topics.other")).toBeUndefined();
    expect(dotNotationTopic("plan")).toBeUndefined();
  });

  it("object type ids are strings holding a whole number from 1", () => {
    expect(isObjectTypeId("1")).toBe(true);
    expect(isObjectTypeId("42")).toBe(true);
    for (const value of ["0", "01", "-1", "1.5", "", "abc", 1, null]) expect(isObjectTypeId(value)).toBe(false);
  });
});

describe("attributes", () => {
  it("names: not empty, within the byte limit", () => {
    expect(attributeNameProblems("plan", ["plan"])).toEqual([]);
    expect(codes(attributeNameProblems("", [""]))).toEqual(["empty_name"]);
    expect(attributeNameProblems("n".repeat(MAX_ATTRIBUTE_NAME_BYTES), ["n"])).toEqual([]);
    const [problem] = attributeNameProblems("n".repeat(MAX_ATTRIBUTE_NAME_BYTES + 1), ["n"]);
    expect(problem?.code).toBe("name_too_long");
    expect(problem?.message).toBe(`attribute name '${"n".repeat(40)}…' cannot be longer than 150 bytes`);
  });

  it("values: within the byte limit, as UTF-8 or JSON", () => {
    expect(attributeValueProblems("x".repeat(MAX_ATTRIBUTE_VALUE_BYTES), ["bio"])).toEqual([]);
    const problems = attributeValueProblems(secret.repeat(100), ["bio"]);
    expect(problems).toEqual([
      { code: "too_long", path: ["bio"], message: "value for attribute 'bio' cannot be longer than 1000 bytes" },
    ]);
    expect(JSON.stringify(problems)).not.toContain(secret);
    expect(
      attributeValueProblems({ a: "x".repeat(1000) }, ["body", "address"], "attribute 'address'")[0]?.message,
    ).toBe("value for attribute 'address' cannot be longer than 1000 bytes");
  });

  it("counts: at most the documented number per call", () => {
    expect(attributeCountProblems(MAX_ATTRIBUTES)).toEqual([]);
    expect(attributeCountProblems(MAX_ATTRIBUTES + 1)).toEqual([
      { code: "too_many_attributes", path: [], message: "a call carries at most 300 attributes; this one has 301" },
    ]);
  });
});
