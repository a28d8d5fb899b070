/**
 * Loaded with `node --import` before each README example the harness runs (test/docs/readme-harness.ts).
 *
 * It replaces globalThis.fetch: requests for Customer.io's Track API hosts go to an in-process reference simulator,
 * and any other request fails, so an example can neither reach the network nor pass without calling the API it
 * shows. CIO_SITE_ID and CIO_API_KEY hold the simulator's credentials, as the examples read them from the
 * environment. On exit it writes what reached the simulator to $README_EXAMPLE_REPORT.
 */
import { writeFileSync } from "node:fs";
import { createSimulator } from "../../src/simulator/index.js";

const trackHosts = new Set(["https://track.customer.io", "https://track-eu.customer.io"]);
const simulator = createSimulator();
process.env["CIO_SITE_ID"] = simulator.siteId;
process.env["CIO_API_KEY"] = simulator.apiKey;

let simulatedRequests = 0;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  const { origin } = new URL(request.url);
  if (!trackHosts.has(origin)) {
    throw new TypeError(
      `a README example asked ${origin} for ${request.url}; examples may call Customer.io's Track API hosts only`,
    );
  }
  simulatedRequests++;
  return simulator.fetch(request);
};

const reportFile = process.env["README_EXAMPLE_REPORT"];
process.on("exit", () => {
  if (reportFile === undefined) return;
  writeFileSync(reportFile, JSON.stringify({ simulatedRequests, people: simulator.people().length }));
});
