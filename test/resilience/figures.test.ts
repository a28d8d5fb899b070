/**
 * `npm run resilience` at a small size: the same code (test/resilience/figures.ts), asserting the goal row.
 * Counts, not timings: every bad input refused or answered as it should be, every fault survived, and no 5xx,
 * crash, lost or duplicated update.
 */
import { describe, expect, it } from "vitest";
import { registerCredentials } from "../support/secrets.js";
import { API_KEY, SITE_ID } from "./fault-scenarios.js";
import { formatTable, runResilience } from "./figures.js";

registerCredentials(SITE_ID, API_KEY);
registerCredentials("sim-site", "sim-key");

describe("the resilience figures, small", () => {
  it("meet the goal: all survived, zero 5xx, zero crashes, zero lost, zero duplicated", async () => {
    const table = await runResilience({ fuzzRuns: 600, fuzzSocketRuns: 60, seed: 7 });
    expect(table.failures).toEqual([]);
    expect(table).toMatchObject({ serverErrors: 0, crashes: 0, updatesLost: 0, updatesDuplicated: 0, goalMet: true });
    expect(table.clientInputs.tried).toBeGreaterThanOrEqual(40);
    expect(table.clientInputs).toMatchObject({ refused: table.clientInputs.tried, sent: 0 });
    expect(table.hostileInputs.survived).toBe(table.hostileInputs.tried);
    expect(table.faults.survived).toBe(table.faults.scenarios);
    expect(table.faults.kinds).toEqual(["html", "latency", "redirect", "reset", "status", "truncate"]);
    expect(table.fuzz.sent).toBeGreaterThanOrEqual(600);
    expect(table.lateAttempt.defaults).toEqual({ lost: 0, duplicated: 0 });
    expect(table.lateAttempt.stampingOff.lost).toBeGreaterThan(0);
    expect(formatTable(table)).toContain("| Goal");
    expect(formatTable(table)).toMatch(
      /Late attempt after a later call, default options: lost, applied twice \| 0, 0 \(stampTimestamps: false: [1-9]/,
    );
  });
});
