import { describe, expect, it } from "vitest";
import { PersonStamps } from "../../src/client/stamps.js";

describe("PersonStamps", () => {
  it("remembers only people stamped in the current second once it holds many, so memory stays bounded", () => {
    const stamps = new PersonStamps();
    for (let i = 0; i < 2000; i++) stamps.next(`p${i}`, 100);
    expect(stamps.size).toBe(2000);
    expect(stamps.next("p1", 100)).toBe(101);
    stamps.next("next-second", 102);
    expect(stamps.size).toBe(1);
    expect(stamps.next("p1", 102)).toBe(102);
  });
});
