/**
 * The conformance suite's and the command line's error classes each have a guard that matches by class, and by
 * name and code for an error from another copy of the package; look-alikes with another name or code do not pass.
 */
import { describe, expect, it } from "vitest";
import {
  ConformanceSetupError,
  isConformanceError,
  isConformanceSetupError,
  isReportWriteError,
  isTrafficSourceError,
  loadTraffic,
  ReportWriteError,
  TrafficSourceError,
} from "../../conformance/index.js";
import { FileError, isFileError } from "../../src/cli/command.js";
import { isUsageError, UsageError } from "../../src/cli/values.js";

/** An error as another copy of the package would throw it: same name and code, another class. */
const copy = (name: string, code: string) => Object.assign(new Error("x"), { name, code });

const cases = [
  {
    guard: isConformanceSetupError,
    make: () => new ConformanceSetupError("x"),
    name: "ConformanceSetupError",
    code: "setup_failed",
  },
  {
    guard: isReportWriteError,
    make: () => new ReportWriteError("out.xml", "EACCES"),
    name: "ReportWriteError",
    code: "report_not_written",
  },
  {
    guard: isTrafficSourceError,
    make: () => new TrafficSourceError("x"),
    name: "TrafficSourceError",
    code: "traffic_unreadable",
  },
  { guard: isUsageError, make: () => new UsageError("x"), name: "UsageError", code: "usage" },
  { guard: isFileError, make: () => new FileError("x"), name: "FileError", code: "file_unusable" },
];

describe("error guards of the conformance suite and the command line", () => {
  it.each(cases)("$name: by class, and by name and code; not a look-alike", ({ guard, make, name, code }) => {
    const error = make();
    expect([error.name, error.code]).toEqual([name, code]);
    expect(guard(error)).toBe(true);
    expect(guard(copy(name, code))).toBe(true);
    expect(guard(copy(name, "other_code"))).toBe(false);
    expect(guard(copy("TypeError", code))).toBe(false);
    expect(guard({ name, code, message: "x" })).toBe(false);
    expect(guard(undefined)).toBe(false);
    expect(guard(new RangeError("x"))).toBe(false);
  });

  it("each guard refuses the other classes", () => {
    for (const { guard, name } of cases)
      for (const other of cases)
        if (other.name !== name) expect(guard(other.make()), `${name} ~ ${other.name}`).toBe(false);
  });

  it("isConformanceError matches the suite's classes and copies of them, not the command line's", () => {
    for (const { make, name, code } of cases.slice(0, 3)) {
      expect(isConformanceError(make())).toBe(true);
      expect(isConformanceError(copy(name, code))).toBe(true);
    }
    expect(isConformanceError(new UsageError("x"))).toBe(false);
    expect(isConformanceError(copy("ConformanceSetupError", "usage"))).toBe(false);
  });

  it("what loadTraffic throws for a file it cannot read passes its guard", async () => {
    const error = await loadTraffic("/nonexistent/cio-traffic.ndjson").then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(isTrafficSourceError(error)).toBe(true);
    expect(isConformanceError(error)).toBe(true);
  });
});
