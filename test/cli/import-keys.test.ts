import { describe, expect, it } from "vitest";
import { KeySet } from "../../src/cli/import-keys.js";

describe("KeySet (the people an import has met)", () => {
  it("tells a key met before from a new one, exactly, across many rehashes", () => {
    const keys = new KeySet();
    const reference = new Set<string>();
    for (let n = 0; n < 50_000; n++) {
      // Keys that share prefixes, differ only in length, or in one byte, and non-ASCII ones.
      const key = n % 7 === 0 ? `email\u0000ädä${n % 5_000}@example.com` : `id\u0000${n % 20_000}`;
      expect(keys.add(key)).toBe(reference.has(key));
      reference.add(key);
    }
    expect(keys.size).toBe(reference.size);
    expect(keys.add("id\u00001")).toBe(true);
    expect(keys.add("id\u0000")).toBe(false);
    expect(keys.add("id\u000010")).toBe(true);
    expect(keys.add("id\u0000100000")).toBe(false);
  });

  it("keeps a key longer than its first buffers, and the empty key", () => {
    const keys = new KeySet();
    const long = `id\u0000${"x".repeat(100_000)}`;
    expect(keys.add(long)).toBe(false);
    expect(keys.add(`${long}y`)).toBe(false);
    expect(keys.add(long)).toBe(true);
    expect(keys.add("")).toBe(false);
    expect(keys.add("")).toBe(true);
    expect(keys.size).toBe(3);
  });
});
