import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import setup from "./temp-dir.js";

const before = process.env["TMPDIR"];
afterEach(() => {
  if (before === undefined) delete process.env["TMPDIR"];
  else process.env["TMPDIR"] = before;
});

describe("the run's temp directory check", () => {
  it("passes when the tests removed what they made, and removes the directory", () => {
    const teardown = setup();
    const runDir = tmpdir();
    const made = mkdtempSync(join(runDir, "cio-made-"));
    expect(made.startsWith(runDir)).toBe(true);
    writeFileSync(join(made, "x"), "");
    // Removed by the test that made it.
    rmSync(made, { recursive: true });
    expect(() => teardown()).not.toThrow();
    expect(existsSync(runDir)).toBe(false);
  });

  it("fails naming what a test left behind", () => {
    const teardown = setup();
    const runDir = tmpdir();
    mkdtempSync(join(runDir, "cio-forgotten-"));
    expect(() => teardown()).toThrow(/left 1 entries in the temp directory.*cio-forgotten-/);
    expect(existsSync(runDir)).toBe(false);
  });
});
