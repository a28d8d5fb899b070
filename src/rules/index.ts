/**
 * The endpoint's rules as pure checks, written once for every part that needs them: the client's validation
 * before sending, and the simulator's before applying. Web-standard JavaScript only, so it runs wherever the
 * client does. The numbers come from src/spec/limits.ts; problems have the one shape of src/problem.ts.
 *
 * Checks come in two kinds: predicates (`isObjectTypeId`, `isUnixSeconds`, …) for code that branches, and
 * `…Problems(value, path)` functions returning `Problem[]` (empty when fine) for code that reports.
 */
export type { Problem } from "../problem.js";
export { formatPath } from "../problem.js";
export { describeKind, exceedsBytes, isObject, isPlainObject, utf8Length, valueExceedsBytes } from "./values.js";
export {
  bareCioId,
  byteLimitProblems,
  CIO_ID_PREFIX,
  identifierForm,
  identifierProblems,
  identifierTooLong,
  isEmailAddress,
  type IdentifierForm,
} from "./identifiers.js";
export { isUnixSeconds, MAX_UNIX_SECONDS, unixSecondsProblems } from "./timestamps.js";
export { dotNotationTopic, isObjectTypeId, isTopicId, isTopicName, TOPIC_DOT_PREFIX } from "./topics.js";
export {
  attributeCountProblems,
  attributeNameProblems,
  attributeValueProblems,
  MAX_ATTRIBUTE_NAME_BYTES,
  MAX_ATTRIBUTE_VALUE_BYTES,
  MAX_ATTRIBUTES,
  shortName,
} from "./attributes.js";
export { MAX_IDENTIFIER_BYTES } from "../spec/limits.js";
export { fieldName, refuse } from "./report.js";
