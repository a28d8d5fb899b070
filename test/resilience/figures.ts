/**
 * The resilience figures in one run: client-side bad inputs, server-side hostile requests, every fault met by
 * the real client over loopback, and a seeded fuzz run; folded into one table whose goal row is "everything
 * survived, no 5xx, no crash, no update lost, none duplicated". `npm run resilience` (scripts/resilience.ts)
 * prints it at full size; test/resilience/figures.test.ts runs it small and asserts the goal row.
 *
 * No vitest here.
 */
import { serveSimulator } from "../../src/simulator/server.js";
import { runClientInputs } from "./client-inputs.js";
import {
  faultScenarios,
  runFaultScenario,
  runLateAttempt,
  startLoopback,
  type ScenarioResult,
} from "./fault-scenarios.js";
import { runFuzz, type FuzzFigures } from "./fuzz.js";
import { HOSTILE_SERVER_OPTIONS, hostileCases, runHostileCase, type HostileResult } from "./hostile-cases.js";

export interface ResilienceSizes {
  /** Fuzz requests sent in-process, and over the socket. */
  fuzzRuns: number;
  fuzzSocketRuns: number;
  seed: number;
}

export const FULL_SIZES: ResilienceSizes = { fuzzRuns: 10_000, fuzzSocketRuns: 500, seed: 20_261_201 };

export interface ResilienceTable {
  clientInputs: { tried: number; refused: number; sent: number };
  hostileInputs: { tried: number; survived: number };
  faults: { scenarios: number; survived: number; faultedResponses: number; kinds: string[] };
  fuzz: Pick<FuzzFigures, "seed" | "sent" | "inProcess" | "overSocket" | "byStatus">;
  serverErrors: number;
  crashes: number;
  updatesLost: number;
  updatesDuplicated: number;
  /** Everything survived; no 5xx, crash, lost or duplicated update. */
  goalMet: boolean;
  /** What failed, when anything did. */
  failures: string[];
  /**
   * An attempt that timed out client-side but reaches the server late, after a later call for the same person
   * (fault-scenarios.ts, runLateAttempt). With default options the client stamps `_timestamp` and the server puts
   * it in its place; this row is in the goal. With `stampTimestamps: false` nothing on the client can order it:
   * measured and printed beside it, as the cost of turning stamping off.
   */
  lateAttempt: { defaults: { lost: number; duplicated: number }; stampingOff: { lost: number; duplicated: number } };
  durationMs: number;
}

export async function runResilience(sizes: ResilienceSizes = FULL_SIZES): Promise<ResilienceTable> {
  const started = Date.now();
  const failures: string[] = [];
  let crashes = 0;
  const onCrash = (error: unknown) => {
    crashes += 1;
    failures.push(`crash: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  };
  process.on("unhandledRejection", onCrash);
  process.on("uncaughtException", onCrash);
  try {
    // Client side: refused before sending.
    const client = await runClientInputs();
    const refused = client.results.filter((r) => r.survived).length;
    for (const r of client.results) if (!r.survived) failures.push(`client input "${r.name}": ${r.problem ?? ""}`);

    // Server side: hostile requests over a socket.
    const hostileServer = await serveSimulator({
      strict: true,
      port: 0,
      ...HOSTILE_SERVER_OPTIONS,
      people: [{ id: "existing", email: "existing@example.com", attributes: { plan: "basic" } }],
      onError: onCrash,
    });
    const hostile: HostileResult[] = [];
    let fuzz: FuzzFigures;
    try {
      for (const [index, hostileCase] of hostileCases().entries())
        hostile.push(await runHostileCase(hostileServer, hostileCase, index));
      // The fuzz run, on a fresh workspace of the same server.
      hostileServer.simulator.reset();
      fuzz = await runFuzz(hostileServer.simulator, {
        seed: sizes.seed,
        runs: sizes.fuzzRuns,
        socketRuns: sizes.fuzzSocketRuns,
        url: hostileServer.url,
      });
    } finally {
      await hostileServer.close();
    }
    for (const r of hostile) if (!r.survived) failures.push(`hostile input "${r.name}": ${r.problems.join("; ")}`);
    for (const sample of fuzz.samples) failures.push(`fuzz: ${sample}`);
    for (const violation of fuzz.invariantViolations) failures.push(`fuzz invariant: ${violation}`);

    // Faults, met by the real client over loopback.
    const loop = await startLoopback();
    const scenarios: ScenarioResult[] = [];
    let lateAttempt: ResilienceTable["lateAttempt"];
    try {
      for (const scenario of faultScenarios()) scenarios.push(await runFaultScenario(loop, scenario));
      const defaults = await runLateAttempt(loop);
      if (!defaults.settled || defaults.plan !== "B")
        failures.push(`late attempt with default options: the final plan is ${String(defaults.plan)}, not B`);
      const off = await runLateAttempt(loop, { stampTimestamps: false });
      lateAttempt = {
        defaults: { lost: defaults.lost, duplicated: defaults.duplicated },
        stampingOff: { lost: off.lost, duplicated: off.duplicated },
      };
    } finally {
      await loop.close();
    }
    for (const r of scenarios) if (!r.survived) failures.push(`fault "${r.name}": ${r.problems.join("; ")}`);

    const serverErrors = hostile.filter((r) => r.status >= 500).length + fuzz.serverErrors;
    crashes += fuzz.crashes;
    const updatesLost = scenarios.reduce((sum, r) => sum + r.lost, 0) + lateAttempt.defaults.lost;
    const updatesDuplicated = scenarios.reduce((sum, r) => sum + r.duplicated, 0) + lateAttempt.defaults.duplicated;
    const table: ResilienceTable = {
      clientInputs: { tried: client.results.length, refused, sent: client.sent },
      hostileInputs: { tried: hostile.length, survived: hostile.filter((r) => r.survived).length },
      faults: {
        scenarios: scenarios.length,
        survived: scenarios.filter((r) => r.survived).length,
        faultedResponses: scenarios.reduce((sum, r) => sum + r.faulted, 0),
        kinds: [...new Set(scenarios.flatMap((r) => r.kinds))].sort(),
      },
      fuzz: {
        seed: fuzz.seed,
        sent: fuzz.sent,
        inProcess: fuzz.inProcess,
        overSocket: fuzz.overSocket,
        byStatus: fuzz.byStatus,
      },
      serverErrors,
      crashes,
      updatesLost,
      updatesDuplicated,
      goalMet: false,
      failures,
      lateAttempt,
      durationMs: 0,
    };
    table.goalMet =
      refused === client.results.length &&
      client.sent === 0 &&
      table.hostileInputs.survived === table.hostileInputs.tried &&
      table.faults.survived === table.faults.scenarios &&
      fuzz.violations === 0 &&
      fuzz.invariantViolations.length === 0 &&
      fuzz.sent >= sizes.fuzzRuns &&
      serverErrors === 0 &&
      crashes === 0 &&
      updatesLost === 0 &&
      updatesDuplicated === 0;
    table.durationMs = Date.now() - started;
    return table;
  } finally {
    process.off("unhandledRejection", onCrash);
    process.off("uncaughtException", onCrash);
  }
}

/** The table as text: one row per figure, with the goal beside it. */
export function formatTable(table: ResilienceTable): string {
  const rows: [string, string, string][] = [
    [
      "Bad inputs tried, client side (refused before sending)",
      `${table.clientInputs.refused}/${table.clientInputs.tried} refused, ${table.clientInputs.sent} sent`,
      "all refused, 0 sent",
    ],
    [
      "Bad inputs tried, server side (hostile raw HTTP)",
      `${table.hostileInputs.survived}/${table.hostileInputs.tried} survived`,
      "all survived",
    ],
    [
      "Faults injected and survived (real client, loopback)",
      `${table.faults.survived}/${table.faults.scenarios} scenarios, ${table.faults.faultedResponses} faulted responses`,
      "all survived",
    ],
    [
      "Fuzz requests sent (seed " + String(table.fuzz.seed) + ")",
      `${table.fuzz.sent} (${table.fuzz.inProcess} in-process, ${table.fuzz.overSocket} socket)`,
      "≥ 10,000",
    ],
    ["5xx seen", String(table.serverErrors), "0"],
    ["Crashes", String(table.crashes), "0"],
    [
      "Late attempt after a later call, default options: lost, applied twice",
      `${table.lateAttempt.defaults.lost}, ${table.lateAttempt.defaults.duplicated} (stampTimestamps: false: ${table.lateAttempt.stampingOff.lost}, ${table.lateAttempt.stampingOff.duplicated})`,
      "0, 0",
    ],
    ["Updates lost", String(table.updatesLost), "0"],
    ["Updates duplicated", String(table.updatesDuplicated), "0"],
    ["Goal", table.goalMet ? "met" : "NOT MET", "met"],
  ];
  const widths = [0, 1, 2].map((column) =>
    Math.max(...rows.map((row) => row[column]!.length), ["figure", "result", "goal"][column]!.length),
  );
  const line = (cells: readonly string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  const out = [
    line(["figure", "result", "goal"]),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...rows.map(line),
  ];
  out.push(
    "",
    `Fault kinds: ${table.faults.kinds.join(", ")}. Fuzz statuses: ${Object.entries(table.fuzz.byStatus)
      .map(([status, count]) => `${status}×${count}`)
      .join(", ")}.`,
    `A timed-out attempt that reaches the server after a later call for the same person: with default options (stamping on) ${table.lateAttempt.defaults.lost} lost, ${table.lateAttempt.defaults.duplicated} applied twice (in the goal); ` +
      `with stampTimestamps: false ${table.lateAttempt.stampingOff.lost} lost, ${table.lateAttempt.stampingOff.duplicated} applied twice (the cost of turning it off).`,
    `Took ${(table.durationMs / 1000).toFixed(1)} s.`,
  );
  if (table.failures.length > 0) out.push("", "Failures:", ...table.failures.map((failure) => `- ${failure}`));
  return out.join("\n");
}
