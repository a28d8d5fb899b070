/**
 * The workspace's indexes: a Map split over shards of unequal shares, so that no single insertion rehashes
 * more than one small shard, and the shards' doublings fall at different sizes of the whole.
 */
import { describe, expect, it } from "vitest";
import { SHARDS, ShardedMap, shardOf } from "../../src/simulator/sharded-map.js";

describe("ShardedMap", () => {
  it("behaves as a Map of strings under a random mix of set, delete, get, has and clear", () => {
    const sharded = new ShardedMap<number>();
    const plain = new Map<string, number>();
    let state = 7;
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0);
    for (let step = 0; step < 20_000; step++) {
      const key = `key-${next() % 3000}${step % 7 === 0 ? "x".repeat(100) : ""}`;
      const op = next() % 10;
      if (op < 5) {
        expect(sharded.set(key, step)).toBe(sharded);
        plain.set(key, step);
      } else if (op < 8) expect(sharded.delete(key)).toBe(plain.delete(key));
      else if (op < 9) expect(sharded.get(key)).toBe(plain.get(key));
      else expect(sharded.has(key)).toBe(plain.has(key));
      if (step === 10_000) {
        sharded.clear();
        plain.clear();
      }
      expect(sharded.size).toBe(plain.size);
    }
    for (const [key, value] of plain) expect(sharded.get(key)).toBe(value);
    expect(sharded.get("__proto__")).toBeUndefined();
    sharded.set("__proto__", 1);
    expect(sharded.get("__proto__")).toBe(1);
  });

  it("gives the shards shares from 1 to 2, so that they do not all double at the same size", () => {
    const counts = new Array<number>(SHARDS).fill(0);
    const keys = 400_000;
    for (let i = 0; i < keys; i++) counts[shardOf(`user.${i}@example.com`)]! += 1;
    const first = counts.slice(0, 16).reduce((a, b) => a + b, 0);
    const last = counts.slice(-16).reduce((a, b) => a + b, 0);
    // Sequential keys spread evenly over the hash; the table then gives the last shards about twice the first's.
    expect(last / first).toBeGreaterThan(1.8);
    expect(last / first).toBeLessThan(2.1);
    // Every shard takes keys, and sizes rise steadily: no two groups of shards are the same size.
    expect(Math.min(...counts)).toBeGreaterThan(0);
    const groups = Array.from({ length: 8 }, (_, g) => counts.slice(g * 32, g * 32 + 32).reduce((a, b) => a + b, 0));
    for (let g = 1; g < groups.length; g++) expect(groups[g]).toBeGreaterThan(groups[g - 1]!);
  });
});
