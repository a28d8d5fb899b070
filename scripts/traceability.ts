/**
 * Prints the clause → spec → simulator → checks table that docs/conformance.md carries (`npm run trace`).
 * `npm test` fails when that copy differs from this output.
 */
import { traceabilityMarkdown } from "../conformance/traceability.js";

console.log(traceabilityMarkdown());
