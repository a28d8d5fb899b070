/**
 * Limits and shapes that the OpenAPI document states in prose because JSON Schema cannot carry them
 * (JSON Schema counts characters; Customer.io counts UTF-8 bytes). Client, simulator and conformance suite all
 * read them from here so that the three agree.
 */

/** Identifiers in the path, `id`, `email` and `anonymous_id`: at most this many UTF-8 bytes. */
export const MAX_IDENTIFIER_BYTES = 150;
/** Attribute names: at most this many UTF-8 bytes. */
export const MAX_ATTRIBUTE_NAME_BYTES = 150;
/** Attribute values: at most this many UTF-8 bytes (arrays and objects are measured as JSON). */
export const MAX_ATTRIBUTE_VALUE_BYTES = 1000;
/** Attributes in one call. */
export const MAX_ATTRIBUTES = 300;
/** Unix times above this are taken to be milliseconds, not seconds (10^11 s is the year 5138). */
export const MAX_UNIX_SECONDS = 1e11;

/** The prefix that marks a `cio_id` in the path (rule C10). */
export const CIO_ID_PREFIX = "cio_";

/** The key prefix of one topic preference in dot notation (rule C15). */
export const TOPIC_DOT_PREFIX = "cio_subscription_preferences.topics.topic_";

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes. */
export function utf8Length(value: string): number {
  return encoder.encode(value).length;
}

/**
 * Whether a string has the shape of an email address: one `@`, something before it, and a domain with a dot,
 * no white space. Unicode is allowed on both sides, as internationalised addresses are real.
 */
export function isEmailAddress(value: string): boolean {
  return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/u.test(value);
}
