/**
 * The limits Customer.io documents, read from the OpenAPI document's `x-limits` (through the generated
 * generated/customers.limits.ts, which `npm run generate` writes), and shapes the document states in prose because
 * JSON Schema cannot carry them (JSON Schema counts characters; Customer.io counts UTF-8 bytes). Client, simulator
 * and conformance suite all read them from here so that the three agree with the document.
 */
// personIdBytes: a person's id, in the path or in `id`, in UTF-8 bytes. attributeNameBytes: an attribute name, in
// UTF-8 bytes. attributeValueBytes: a value, `email` and `anonymous_id` included, in UTF-8 bytes (arrays and objects
// measured as JSON). attributesPerCall: attributes in one call. Re-exported rather than copied into constants of
// this module, so that a bundler writes each number where it is used.
export {
  personIdBytes as MAX_IDENTIFIER_BYTES,
  attributeNameBytes as MAX_ATTRIBUTE_NAME_BYTES,
  attributeValueBytes as MAX_ATTRIBUTE_VALUE_BYTES,
  attributesPerCall as MAX_ATTRIBUTES,
} from "../../generated/customers.limits.js";
/**
 * Unix times above this are taken to be milliseconds, not seconds (10^11 s is the year 5138). Not a limit of
 * Customer.io, which stores such values: the client's guard against a common mistake.
 */
export const MAX_UNIX_SECONDS = 1e11;

/** The prefix that marks a `cio_id` in the path (rule C10). */
export const CIO_ID_PREFIX = "cio_";

/** The key prefix of one topic preference in dot notation (rule C15). */
export const TOPIC_DOT_PREFIX = "cio_subscription_preferences.topics.topic_";

/** Length of a string in UTF-8 bytes. */
export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * Whether a string has the shape of an email address: one `@`, something before it, and a domain with a dot,
 * no white space. Unicode is allowed on both sides, as internationalised addresses are real.
 */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u.test(value);
}
