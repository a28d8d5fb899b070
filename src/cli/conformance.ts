/**
 * `cio-customers conformance`: the suite as a command. Exit codes: 0 every check passed (skipped ones included),
 * 1 a check failed, 2 a usage error, an unreachable target or refused credentials.
 *
 * The suite is reached through the package's public entry `cio-customers/conformance`, as any user reaches it, so
 * the command can use nothing the suite does not export.
 */
import {
  ConformanceSetupError,
  ReportWriteError,
  formatHuman,
  formatReport,
  runConformance,
  writeReportFile,
  type ConformanceOptions,
} from "cio-customers/conformance";
import { FileError, defineCommand } from "./command.js";
import { UsageError, wholeNumber } from "./values.js";

const REPORTERS = ["human", "json", "junit"] as const;

export const conformanceCommand = defineCommand({
  name: "conformance",
  synopsis: "[options]",
  description: `Checks a client and a server of PUT /api/v1/customers/{identifier} against the OpenAPI document and rules C1–C24.
Without --target it runs against the embedded simulator, in-process.`,
  flags: {
    target: { type: "string", value: "URL", help: "a server to check instead of the embedded simulator" },
    "site-id": { type: "string", value: "ID", help: "its site ID (default: $CIO_SITE_ID)" },
    "api-key": { type: "string", value: "KEY", help: "its Track API key (default: $CIO_API_KEY); never printed" },
    reporter: { type: "string", value: "NAME", help: "human (default), json or junit" },
    out: {
      type: "string",
      value: "FILE",
      help: "write the report (in the --reporter format) to FILE; the table still goes to stdout",
    },
    seed: { type: "string", value: "N", help: "seed of the generated inputs; the same seed repeats a run" },
    runs: { type: "string", value: "N", help: "generated inputs per property-based check (default 25)" },
    only: {
      type: "string",
      value: "LIST",
      help: "comma-separated check ids, id prefixes or clause ids, e.g. C3,C8 or wire.",
    },
    "no-client": { type: "boolean", help: "skip the client checks" },
    "require-behaviour": {
      type: "boolean",
      help: "fail the run (exit 1) when behaviour checks are skipped, e.g. for want of an observer",
    },
    "allow-writes": {
      type: "boolean",
      help: "allow a --target outside loopback; identifiers created start with the run prefix the report lists",
    },
    strict: {
      type: "boolean",
      help: "also demand refusals only this project's lint supports (wire.rejects-wrong-types); pair with simulate --strict",
    },
    traffic: {
      type: "string",
      value: "FILE|URL",
      help: "judge recorded traffic instead: an NDJSON file (simulate --record) or a simulator's URL",
    },
  },
  notes: "Exit codes: 0 all checks passed, 1 a check failed, 2 usage error, unreachable target or refused credentials.",
  async run({ values, io }) {
    const reporter = values.reporter ?? "human";
    if (!isReporter(reporter))
      throw new UsageError(`--reporter must be human, json or junit, not ${JSON.stringify(reporter)}`);
    const seed = wholeNumber(values.seed, "--seed", { min: 0 });
    const runs = wholeNumber(values.runs, "--runs", { min: 0 });

    const options: ConformanceOptions = {};
    if (values.traffic !== undefined && values.target !== undefined)
      throw new UsageError("give --traffic or --target, not both");
    if (values.traffic === "") throw new UsageError("--traffic needs a file or a URL");
    if (values.target !== undefined || values.traffic !== undefined) {
      if (values.target !== undefined) options.target = values.target;
      if (values.traffic !== undefined) options.traffic = values.traffic;
      const siteId = values["site-id"] ?? io.env["CIO_SITE_ID"];
      const apiKey = values["api-key"] ?? io.env["CIO_API_KEY"];
      if (siteId !== undefined) options.siteId = siteId;
      if (apiKey !== undefined) options.apiKey = apiKey;
    }
    if (values["require-behaviour"]) options.requireBehaviour = true;
    if (values["allow-writes"]) options.allowWrites = true;
    if (values.strict) options.strict = true;
    if (seed !== undefined) options.seed = seed;
    if (runs !== undefined) options.runs = runs;
    if (values.only !== undefined)
      options.only = values.only
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    if (values["no-client"]) options.client = false;

    let report;
    try {
      report = await runConformance(options);
    } catch (error) {
      if (error instanceof ConformanceSetupError) {
        io.stderr.write(`cio-customers conformance: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (report.summary.total === 0) throw new UsageError(`--only ${values.only ?? ""} matches no check`);
    const text = formatReport(report, reporter);
    if (values.out !== undefined) {
      try {
        writeReportFile(values.out, text);
      } catch (error) {
        throw error instanceof ReportWriteError ? new FileError(error.message) : error;
      }
      io.stdout.write(formatHuman(report));
      io.stdout.write(`Report written to ${values.out} (${reporter}).\n`);
    } else {
      io.stdout.write(text);
    }
    if (report.unmetRequirement !== undefined) {
      io.stderr.write(`cio-customers conformance: --require-behaviour: ${report.unmetRequirement}\n`);
      return 1;
    }
    return report.summary.failed > 0 ? 1 : 0;
  },
});

function isReporter(name: string): name is (typeof REPORTERS)[number] {
  return (REPORTERS as readonly string[]).includes(name);
}
