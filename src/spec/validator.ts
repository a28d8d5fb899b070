/**
 * Validators compiled from the generated, dereferenced spec. The simulator checks every request with them, the
 * conformance suite checks what clients send and what servers answer, and the tests check every request the
 * client sends. Compiled once, on first use.
 *
 * Server-side and test-side code only: it pulls in ajv, which the client does not need.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import document from "../../generated/customers.document.js";
import { isEmailAddress } from "./limits.js";

/** One way in which a value breaks the spec: where, which rule, and what was expected. Never the value. */
export interface SchemaFinding {
  /** JSON Pointer into the validated value (`/cio_relationships/relationships/0/identifiers`), or "" for the root. */
  path: string;
  /** The JSON Schema keyword that failed (`type`, `maxLength`, `required`, …) or a spec element (`status`). */
  keyword: string;
  /** What was expected, in words. */
  message: string;
}

type Json = Record<string, unknown>;

const operation = dig(document, ["paths", "/api/v1/customers/{identifier}", "put"]);
const parameter = (operation["parameters"] as Json[]).find((p) => p["name"] === "identifier");
const responses = operation["responses"] as Record<string, Json>;

let compiled: { body: ValidateFunction; identifier: ValidateFunction; ajv: Ajv2020 } | undefined;

function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: true, allErrors: true, validateFormats: true });
  // One definition of an email address for the whole project (see limits.ts): Unicode is allowed, as
  // internationalised addresses are real, which ajv-formats' ASCII-only pattern would refuse.
  ajv.addFormat("email", { type: "string", validate: isEmailAddress });
  const body = ajv.compile(dig(operation, ["requestBody", "content", "application/json", "schema"]));
  const identifier = ajv.compile(dig(parameter ?? {}, ["schema"]));
  compiled = { body, identifier, ajv };
  return compiled;
}

const responseValidators = new Map<string, ValidateFunction>();

/** Checks a request body (already parsed from JSON) against the spec's `PersonAttributes`. */
export function validatePersonBody(body: unknown): SchemaFinding[] {
  const { body: validate } = validators();
  return validate(body) ? [] : findings(validate.errors);
}

/** Checks a path identifier (before URL encoding) against the spec's `identifier` parameter. */
export function validateIdentifier(identifier: unknown): SchemaFinding[] {
  const { identifier: validate } = validators();
  return validate(identifier) ? [] : findings(validate.errors).map((f) => ({ ...f, path: `identifier${f.path}` }));
}

/** The response statuses the spec declares for the operation: `200`, `400`, …, `default`. */
export const declaredStatuses: readonly string[] = Object.keys(responses);

/**
 * The response the spec declares for a status: the exact code first, then its `NXX` range, then `default`. The
 * document describes its `default` answer as an error answer, so it stands for statuses from 400 up only: a
 * server that answers an undeclared 2xx or 3xx is still reported.
 */
export function declaredResponse(status: number): { key: string; content: Record<string, Json> } | undefined {
  const candidates = [String(status), `${String(status)[0]}XX`];
  if (status >= 400) candidates.push("default");
  const key = candidates.find((k) => k in responses);
  if (key === undefined) return undefined;
  return { key, content: (responses[key]?.["content"] ?? {}) as Record<string, Json> };
}

/**
 * Checks a response: the status is declared, the content type is one the spec lists for it, and the body
 * matches that media type's schema. `body` is the raw text.
 */
export function validateResponse(status: number, contentType: string | null, body: string): SchemaFinding[] {
  const declared = declaredResponse(status);
  if (!declared)
    return [
      {
        path: "status",
        keyword: "status",
        message: `status ${status} is not declared by the spec (declared: ${declaredStatuses.join(", ")})`,
      },
    ];
  const mediaTypes = Object.keys(declared.content);
  if (mediaTypes.length === 0) return [];
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!mediaTypes.includes(mediaType)) {
    return [
      {
        path: "content-type",
        keyword: "content-type",
        message: `content type "${mediaType}" is not declared for ${declared.key} (declared: ${mediaTypes.join(", ")})`,
      },
    ];
  }
  let value: unknown = body;
  if (mediaType === "application/json") {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return [
        {
          path: "body",
          keyword: "json",
          message: `the ${declared.key} body is declared as JSON but does not parse as JSON`,
        },
      ];
    }
  }
  const cacheKey = `${declared.key} ${mediaType}`;
  let validate = responseValidators.get(cacheKey);
  if (!validate) {
    validate = validators().ajv.compile(dig(declared.content, [mediaType, "schema"]));
    responseValidators.set(cacheKey, validate);
  }
  return validate(value) ? [] : findings(validate.errors).map((f) => ({ ...f, path: `body${f.path}` }));
}

function findings(errors: ErrorObject[] | null | undefined): SchemaFinding[] {
  return closestAlternatives(errors ?? [])
    .filter((error) => error.keyword !== "propertyNames")
    .map((error) => ({
      path: error.instancePath,
      keyword: error.keyword,
      message:
        error.keyword === "additionalProperties"
          ? `must not have property "${String(error.params["additionalProperty"])}"`
          : error.propertyName !== undefined
            ? `must not have property "${error.propertyName}"`
            : (error.message ?? error.keyword),
    }));
}

/**
 * Where a value matches none of an `anyOf`'s alternatives, ajv reports every alternative's errors. Only those of
 * the alternative that came closest (fewest errors) are kept, so that a relationship missing its `object_id` is
 * told that, not also that it lacks `cio_object_id`. Where several alternatives tie (a value of the wrong type),
 * all of them stay, with the `anyOf` error that joins them.
 */
function closestAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let kept = errors;
  for (const anyOf of errors.filter((error) => error.keyword === "anyOf")) {
    const prefix = `${anyOf.schemaPath}/`;
    const branchOf = (error: ErrorObject) => error.schemaPath.slice(prefix.length).split("/")[0] ?? "";
    const counts = new Map<string, number>();
    for (const error of kept)
      if (error.schemaPath.startsWith(prefix)) counts.set(branchOf(error), (counts.get(branchOf(error)) ?? 0) + 1);
    if (counts.size < 2) continue;
    const fewest = Math.min(...counts.values());
    const closest = new Set([...counts].filter(([, count]) => count === fewest).map(([branch]) => branch));
    kept = kept.filter((error) =>
      error.schemaPath.startsWith(prefix) ? closest.has(branchOf(error)) : error !== anyOf || closest.size > 1,
    );
  }
  return kept;
}

function dig(value: unknown, keys: string[]): Json {
  let current = value;
  for (const key of keys) {
    if (typeof current !== "object" || current === null || !(key in current)) {
      throw new Error(`The generated spec has no ${keys.join(" → ")}; run npm run generate`);
    }
    current = (current as Json)[key];
  }
  return current as Json;
}
