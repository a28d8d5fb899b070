/**
 * Prints the clause → spec → simulator → checks table that the README carries (`npm run trace`).
 * `npm test` fails when the README's copy differs from this output.
 */
import { traceabilityMarkdown } from "../conformance/traceability.js";

console.log(traceabilityMarkdown());
