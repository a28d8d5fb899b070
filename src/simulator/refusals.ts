/**
 * Every refusal of the simulator, with where it comes from and when it applies. The default refuses only what
 * a source supports: the endpoint's description (`seed`), or Customer.io's documentation (`customerio`); the
 * project's own lint (`lint`: the spec's type declarations, and limits nobody documents) is added by
 * `strict: true`. Two bounds protect the simulator itself (`bound`) and apply in every mode. docs/simulator.md
 * shows this table; a test keeps the two equal.
 */
import {
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_ATTRIBUTES,
  MAX_IDENTIFIER_BYTES,
} from "../spec/limits.js";
export type RefusalSource = "seed" | "customerio" | "lint" | "bound";
export type RefusalMode = "default" | "strict";

export interface Refusal {
  /** The problem code (`schema_*` stands for every JSON Schema keyword). */
  readonly code: string;
  readonly status: 400 | 413;
  readonly source: RefusalSource;
  /** `default`: refused in every mode; `strict`: only with `strict: true`. */
  readonly mode: RefusalMode;
  /** What is refused, and the source's words for it. */
  readonly what: string;
}

export const SOURCE_NAMES: Readonly<Record<RefusalSource, string>> = {
  seed: "the endpoint's description (customers-put.md)",
  customerio: "Customer.io's documentation",
  lint: "this project's lint",
  bound: "the simulator's own bound",
};

export const REFUSALS: readonly Refusal[] = [
  {
    code: "missing_content_type",
    status: 400,
    source: "seed",
    mode: "default",
    what: "no Content-Type: the header is required (C12)",
  },
  {
    code: "unsupported_content_type",
    status: 400,
    source: "seed",
    mode: "default",
    what: "a Content-Type other than application/json (C12)",
  },
  {
    code: "invalid_utf8",
    status: 400,
    source: "seed",
    mode: "default",
    what: "a body that is not UTF-8 text, so not JSON (C12)",
  },
  { code: "invalid_json", status: 400, source: "seed", mode: "default", what: "a body that is not JSON (C12)" },
  {
    code: "not_an_object",
    status: 400,
    source: "seed",
    mode: "default",
    what: "a JSON body that is not an object of fields (C12)",
  },
  {
    code: "unreadable_body",
    status: 400,
    source: "seed",
    mode: "default",
    what: "a body that could not be read to its end (C12)",
  },
  {
    code: "invalid_percent_encoding",
    status: 400,
    source: "seed",
    mode: "default",
    what: "a path that does not decode to an identifier (C10)",
  },
  {
    code: "empty_identifier",
    status: 400,
    source: "seed",
    mode: "default",
    what: "an empty path identifier: the identifier is required",
  },
  {
    code: "too_many_attributes",
    status: 400,
    source: "customerio",
    mode: "default",
    what: `more than ${MAX_ATTRIBUTES} attributes in one call`,
  },
  {
    code: "name_too_long",
    status: 400,
    source: "customerio",
    mode: "default",
    what: `an attribute name over ${MAX_ATTRIBUTE_NAME_BYTES} bytes`,
  },
  {
    code: "too_long",
    status: 400,
    source: "customerio",
    mode: "default",
    what: `a path identifier or body id over ${MAX_IDENTIFIER_BYTES} bytes; an attribute value (email and anonymous_id included) over ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`,
  },
  { code: "empty_name", status: 400, source: "lint", mode: "strict", what: "an empty attribute name" },
  {
    code: "repeated_key",
    status: 400,
    source: "lint",
    mode: "strict",
    what: "a key repeated within one JSON object (parsers disagree on which one wins)",
  },
  {
    code: "lint_too_long",
    status: 400,
    source: "lint",
    mode: "strict",
    what: `object_id over ${MAX_IDENTIFIER_BYTES} bytes; relationship attribute names over ${MAX_ATTRIBUTE_NAME_BYTES} or values over ${MAX_ATTRIBUTE_VALUE_BYTES} bytes`,
  },
  {
    code: "schema_*",
    status: 400,
    source: "lint",
    mode: "strict",
    what: "a body or identifier the spec's schema refuses: declared types (a numeric id, unsubscribed null), email format, enums, patterns (C20)",
  },
  { code: "too_deep", status: 400, source: "bound", mode: "default", what: "JSON nested more than 100 levels deep" },
  { code: "too_large", status: 413, source: "bound", mode: "default", what: "a body over 1 MiB" },
];

/** The row of a problem code. */
export function refusalOf(code: string): Refusal | undefined {
  return REFUSALS.find(
    (row) => row.code === code || (row.code.endsWith("*") && code.startsWith(row.code.slice(0, -1))),
  );
}

/** The rows of the refusal table in docs/simulator.md (refusal, code, status, source, mode), one per refusal. */
export function refusalTableRows(): string[] {
  return REFUSALS.map(
    (row) => `| ${row.what} | \`${row.code}\` | ${row.status} | ${SOURCE_NAMES[row.source]} | ${row.mode} |`,
  );
}
