/** The benchmark's ratios: paired within rounds, so that a burst of other work on the machine cannot decide them. */
import { describe, expect, it } from "vitest";
import { overRounds, pairedRatio } from "../../bench/stats.js";

describe("pairedRatio", () => {
  it("is the median of the ratios measured in the same round", () => {
    // Round 2 was hit by other work on the machine while only the first contender ran.
    expect(pairedRatio([100, 10, 110], [100, 100, 100])).toBe(1);
    expect(pairedRatio([50, 60], [100, 100])).toBeCloseTo(0.55);
  });

  it("differs from the ratio of the medians when load moves both contenders of a round", () => {
    // a is twice b in the rounds the machine was steady; in round 3 only b ran on a quiet machine.
    const a = [300, 120, 60];
    const b = [150, 60, 200];
    expect(pairedRatio(a, b)).toBe(2);
    expect(120 / 150).toBeCloseTo(0.8); // the ratio of the medians
  });

  it("skips rounds without both figures, and is NaN with none", () => {
    expect(pairedRatio([100, 80], [0, 40])).toBe(2);
    expect(Number.isNaN(pairedRatio([1], []))).toBe(true);
    expect(Number.isNaN(pairedRatio([], []))).toBe(true);
  });
});

describe("overRounds", () => {
  const rounds = [
    { calls: 7, callsPerSec: 101.26, wallMs: 30.04 },
    { calls: 9, callsPerSec: 98.74, wallMs: 29.96 },
    { calls: 8, callsPerSec: 120.01, wallMs: 31.51 },
  ];

  it("takes the median of each named field, rounded to its decimals", () => {
    expect(overRounds(rounds, { callsPerSec: 1, wallMs: 0 }).medians).toEqual({ callsPerSec: 101.3, wallMs: 30 });
  });

  it("keeps every round, with the named fields rounded and the others as they were", () => {
    expect(overRounds(rounds, { callsPerSec: 0 }).rounds).toEqual([
      { calls: 7, callsPerSec: 101, wallMs: 30.04 },
      { calls: 9, callsPerSec: 99, wallMs: 29.96 },
      { calls: 8, callsPerSec: 120, wallMs: 31.51 },
    ]);
  });

  it("refuses no rounds, as a median of nothing is no figure", () => {
    expect(() => overRounds([], { callsPerSec: 1 })).toThrow("median of no values");
  });
});
