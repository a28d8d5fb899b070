/**
 * `npm run resilience`: the resilience figures in one run, in well under a minute, all on loopback.
 *
 * - bad inputs on the client's side (each must be refused with a ValidationError before anything is sent);
 * - hostile raw HTTP to the simulator (each answered as it should be, state unchanged, server still serving);
 * - every fault of the simulator, met by the real client over a socket (attempts, outcome, the workspace);
 * - a seeded fuzz run of 10,000 requests in-process and 500 over the socket.
 *
 * Prints one table and writes it as JSON to test-results/resilience.json. Exits 1 when the goal row is not met:
 * everything survived, no 5xx, no crash, no update lost, none duplicated. The code lives in test/resilience/,
 * where test/resilience/figures.test.ts runs it at a smaller size.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FULL_SIZES, formatTable, runResilience } from "../test/resilience/figures.js";

const root = resolve(import.meta.dirname, "..");
const table = await runResilience(FULL_SIZES);
console.log(formatTable(table));
const outDir = join(root, "test-results");
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "resilience.json"), `${JSON.stringify(table, null, 2)}\n`);
console.log(`\nWritten to test-results/resilience.json.`);
process.exit(table.goalMet ? 0 : 1);
