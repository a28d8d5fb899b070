/**
 * One error class for everything a simulator is given and cannot use: each kind has its stable code, and the
 * guard matches by class, and by name and code for a copy of the package the class does not come from.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  createSimulator,
  FaultSpecError,
  isSimulatorOptionError,
  ListingQueryError,
  SeedConflictError,
  SimulatorOptionError,
} from "../../src/simulator/index.js";
import { serveSimulator } from "../../src/simulator/server.js";
import { StateFileError } from "../../src/simulator/state.js";

const folder = mkdtempSync(join(tmpdir(), "cio-option-errors-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("bad simulator input is one error class with a code per kind", () => {
  it("options, faults, seeds and listing queries", () => {
    const sim = createSimulator();
    const cases: [unknown, new (...args: never[]) => Error, string][] = [
      [thrown(() => createSimulator({ processing: "later" as "eventual" })), SimulatorOptionError, "invalid_option"],
      [thrown(() => sim.injectFault({ kind: "latency", ms: -1 })), FaultSpecError, "invalid_fault"],
      [thrown(() => sim.seed([{ id: "a" }, { id: "a" }])), SeedConflictError, "seed_conflict"],
      [thrown(() => sim.peoplePage({ limit: 0 })), ListingQueryError, "invalid_query"],
    ];
    for (const [error, type, code] of cases) {
      expect(error).toBeInstanceOf(type);
      expect(error).toBeInstanceOf(SimulatorOptionError);
      expect([isSimulatorOptionError(error), (error as SimulatorOptionError).code]).toEqual([true, code]);
    }
  });

  it("a state file that cannot be loaded", async () => {
    const file = join(folder, "broken.state");
    writeFileSync(file, "not a state file\n");
    const error = await serveSimulator({ port: 0, state: file }).then(
      async (served) => {
        await served.close();
        return undefined;
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(StateFileError);
    expect([isSimulatorOptionError(error), (error as SimulatorOptionError).code]).toEqual([true, "invalid_state_file"]);
  });

  it("the guard matches a copy by name and code, and refuses look-alikes", () => {
    const copy = Object.assign(new Error("x"), { name: "ListingQueryError", code: "invalid_query" });
    expect(isSimulatorOptionError(copy)).toBe(true);
    expect(isSimulatorOptionError(Object.assign(new Error("x"), { name: "ListingQueryError", code: "nope" }))).toBe(
      false,
    );
    expect(isSimulatorOptionError(Object.assign(new Error("x"), { name: "TypeError", code: "invalid_query" }))).toBe(
      false,
    );
    expect(isSimulatorOptionError({ name: "StateFileError", code: "invalid_state_file" })).toBe(false);
  });
});
