/**
 * The smoke suite for runtimes other than the Node that runs `npm test` (Deno, Bun, other Node versions): the built
 * package (dist/, so `npm run build` first) as a user's program imports it. The client against the in-process
 * simulator, its validation, the simulator's rules, and a conformance run. Plain JavaScript with no test runner, so
 * that every runtime runs it as it is:
 *
 *   deno run -A test/runtimes/smoke.mjs      bun test/runtimes/smoke.mjs      node test/runtimes/smoke.mjs
 *
 * Prints one line per check and closes with "N passed, N failed"; exits 1 when a check failed.
 */
import { createCustomersClient, ValidationError } from "../../dist/src/index.js";
import { createSimulator } from "../../dist/src/simulator/index.js";
import { runConformance } from "../../dist/conformance/index.js";

const runtime =
  typeof globalThis.Deno !== "undefined"
    ? `Deno ${globalThis.Deno.version.deno}`
    : typeof globalThis.Bun !== "undefined"
      ? `Bun ${globalThis.Bun.version}`
      : `Node ${process.version}`;

const results = [];
async function check(name, body) {
  try {
    await body();
    results.push({ name, ok: true });
  } catch (error) {
    results.push({ name, ok: false, why: error instanceof Error ? error.message : String(error) });
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const sim = createSimulator();
const client = createCustomersClient({
  siteId: sim.siteId,
  apiKey: sim.apiKey,
  baseUrl: "http://simulator.local",
  fetch: sim.fetch,
});

await check("client: identify creates a person in the simulator (C1)", async () => {
  await client.identify(
    { id: "user-1" },
    { email: "ada@example.com", plan: "basic", created_at: new Date("2023-11-14T22:13:20Z") },
  );
  const person = sim.person({ id: "user-1" });
  assert(person?.email === "ada@example.com", `expected the person's email, got ${JSON.stringify(person)}`);
});

await check("client: update never creates a person (C23, C24)", async () => {
  await client.update({ id: "nobody" }, { plan: "pro" });
  assert(sim.person({ id: "nobody" }) === undefined, "update created a person");
  assert(
    sim.activity().some((entry) => entry.type === "failed_attribute_change"),
    "no failed_attribute_change in the activity log",
  );
});

await check("client: a conflicting email is not applied (C4)", async () => {
  await client.identify({ id: "user-2" }, { plan: "basic" });
  await client.identify({ id: "user-2" }, { email: "ada@example.com" });
  assert(sim.person({ id: "user-2" })?.email === undefined, "the conflicting email was applied");
});

await check("client: bad input is refused before sending, naming the field", async () => {
  const before = sim.activity().length;
  let refused;
  try {
    await client.identify({ id: "user-3" }, { created_at: "yesterday" });
  } catch (error) {
    refused = error;
  }
  assert(refused instanceof ValidationError, `expected a ValidationError, got ${String(refused)}`);
  assert(String(refused.message).includes("created_at"), `the message does not name created_at: ${refused.message}`);
  assert(sim.activity().length === before, "something reached the simulator");
});

await check("conformance: the suite passes against the embedded simulator", async () => {
  const report = await runConformance({ seed: 42, runs: 3 });
  assert(report.summary.passed > 0, "no check passed");
  assert(report.summary.failed === 0, `${report.summary.failed} checks failed`);
});

for (const r of results) console.log(`${r.ok ? "pass" : "FAIL"}  ${r.name}${r.ok ? "" : `: ${r.why}`}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`smoke on ${runtime}: ${results.length - failed} passed, ${failed} failed`);
if (failed > 0) {
  if (typeof globalThis.Deno !== "undefined") globalThis.Deno.exit(1);
  process.exitCode = 1;
}
