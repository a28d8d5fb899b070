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
import { FaultInjector } from "../../src/simulator/faults.js";

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
    expect((error as StateFileError).problems).toEqual([{ code: "not_json", path: [], message: "is not valid JSON" }]);
    expect([isSimulatorOptionError(error), (error as SimulatorOptionError).code]).toEqual([true, "invalid_state_file"]);
  });

  it("each problem is a { code, path, message }, and the message names the first", () => {
    const sim = createSimulator();
    const option = thrown(() => createSimulator({ eventual: { workers: 0 } })) as SimulatorOptionError;
    expect(option.problems).toEqual([
      {
        code: "invalid_option",
        path: ["eventual", "workers"],
        message: "eventual.workers must be a whole number from 1",
      },
    ]);
    expect(option.message).toBe("createSimulator: eventual.workers must be a whole number from 1");
    const fault = thrown(() =>
      new FaultInjector([]).injectAll([
        { kind: "latency", ms: 1 },
        { kind: "reset", ms: 5, times: 0 },
      ]),
    );
    expect((fault as FaultSpecError).problems).toEqual([
      { code: "unknown_field", path: ["faults", 1, "ms"], message: "faults[1]: ms does not apply to a reset fault" },
      {
        code: "invalid_value",
        path: ["faults", 1, "times"],
        message: "faults[1]: times must be a whole number from 1",
      },
    ]);
    expect((fault as Error).message).toBe(
      "Invalid fault: faults[1]: ms does not apply to a reset fault; faults[1]: times must be a whole number from 1",
    );
    const query = thrown(() => sim.peoplePage({ limit: 0 })) as ListingQueryError;
    expect(query.problems).toEqual([
      { code: "invalid_value", path: ["limit"], message: "limit must be a whole number from 1 to 1000" },
    ]);
  });

  it("the inspection API's 400 lists the same problems beside Customer.io's envelope", async () => {
    const sim = createSimulator();
    const auth = { authorization: `Basic ${btoa("sim-site:sim-key")}` };
    const reply = await sim.fetch(new Request("http://sim.test/__simulator/people?limit=x&q=", { headers: auth }));
    expect(reply.status).toBe(400);
    expect(await reply.json()).toEqual({
      meta: { errors: ["query limit must be a whole number from 1 to 1000", "query q must not be empty"] },
      problems: [
        {
          code: "invalid_value",
          path: ["query", "limit"],
          message: "query limit must be a whole number from 1 to 1000",
        },
        { code: "invalid_value", path: ["query", "q"], message: "query q must not be empty" },
      ],
    });
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
