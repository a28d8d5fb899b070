/** Attribute names, values and counts against the limits Customer.io documents (limits.ts holds the numbers). */
import { formatPath, type Problem } from "../problem.js";
import { MAX_ATTRIBUTES, MAX_ATTRIBUTE_NAME_BYTES, MAX_ATTRIBUTE_VALUE_BYTES } from "../spec/limits.js";
import { byteLimitProblems } from "./identifiers.js";
import { shortName } from "./report.js";
import { valueExceedsBytes } from "./values.js";

export { MAX_ATTRIBUTES, MAX_ATTRIBUTE_NAME_BYTES, MAX_ATTRIBUTE_VALUE_BYTES, shortName };

/** An attribute name: not empty, at most {@link MAX_ATTRIBUTE_NAME_BYTES} bytes. */
export function attributeNameProblems(name: string, path: readonly (string | number)[]): Problem[] {
  if (name === "") return [{ code: "empty_name", path, message: "attribute names cannot be empty" }];
  return byteLimitProblems(
    name,
    MAX_ATTRIBUTE_NAME_BYTES,
    path,
    `attribute name '${shortName(name)}'`,
    "name_too_long",
  );
}

/**
 * An attribute value: at most {@link MAX_ATTRIBUTE_VALUE_BYTES} bytes (arrays and objects as JSON). `label` names
 * the element in the message; by default `attribute '<path>'`.
 */
export function attributeValueProblems(value: unknown, path: readonly (string | number)[], label?: string): Problem[] {
  if (!valueExceedsBytes(value, MAX_ATTRIBUTE_VALUE_BYTES)) return [];
  const name = label ?? `attribute '${shortName(formatPath(path))}'`;
  return [
    { code: "too_long", path, message: `value for ${name} cannot be longer than ${MAX_ATTRIBUTE_VALUE_BYTES} bytes` },
  ];
}

/** At most {@link MAX_ATTRIBUTES} attributes in one call. */
export function attributeCountProblems(count: number, path: readonly (string | number)[] = []): Problem[] {
  if (count <= MAX_ATTRIBUTES) return [];
  return [
    {
      code: "too_many_attributes",
      path,
      message: `a call carries at most ${MAX_ATTRIBUTES} attributes; this one has ${count}`,
    },
  ];
}
