/**
 * `cio-customers conformance`: the suite as a command. Exit codes: 0 every check passed (skipped ones included),
 * 1 a check failed, 2 a usage error, an unreachable target or refused credentials.
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatHuman, formatReport, type ReporterName } from "./reporters.js";
import { ConformanceSetupError, runConformance, type ConformanceOptions } from "./run.js";

export const CONFORMANCE_HELP = `Usage: cio-customers conformance [options]

Checks a client and a server of PUT /api/v1/customers/{identifier} against the OpenAPI document and rules C1–C24.
Without --target it runs against the embedded simulator, in-process.

Options:
  --target URL         a server to check instead of the embedded simulator
  --site-id ID         its site ID (default: $CIO_SITE_ID)
  --api-key KEY        its Track API key (default: $CIO_API_KEY); never printed
  --reporter NAME      human (default), json or junit
  --out FILE           write the report (in the --reporter format) to FILE; the table still goes to stdout
  --seed N             seed of the generated inputs; the same seed repeats a run
  --runs N             generated inputs per property-based check (default 25)
  --only LIST          comma-separated check ids, id prefixes or clause ids, e.g. C3,C8 or wire.
  --no-client          skip the client checks
  -h, --help           this text

Exit codes: 0 all checks passed, 1 a check failed, 2 usage error, unreachable target or refused credentials.
`;

export async function conformanceCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: "string" },
        "site-id": { type: "string" },
        "api-key": { type: "string" },
        reporter: { type: "string", default: "human" },
        out: { type: "string" },
        seed: { type: "string" },
        runs: { type: "string" },
        only: { type: "string" },
        "no-client": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(CONFORMANCE_HELP);
    return 0;
  }
  const reporter = values.reporter;
  if (reporter !== "human" && reporter !== "json" && reporter !== "junit") return usage(`--reporter must be human, json or junit, not ${reporter}`);
  const seed = integer(values.seed, "--seed");
  const runs = integer(values.runs, "--runs");
  if (typeof seed === "string") return usage(seed);
  if (typeof runs === "string") return usage(runs);

  const options: ConformanceOptions = {};
  if (values.target !== undefined) {
    options.target = values.target;
    const siteId = values["site-id"] ?? env["CIO_SITE_ID"];
    const apiKey = values["api-key"] ?? env["CIO_API_KEY"];
    if (siteId !== undefined) options.siteId = siteId;
    if (apiKey !== undefined) options.apiKey = apiKey;
  }
  if (seed !== undefined) options.seed = seed;
  if (runs !== undefined) options.runs = runs;
  if (values.only !== undefined) options.only = values.only.split(",").map((s) => s.trim()).filter(Boolean);
  if (values["no-client"]) options.client = false;

  let report;
  try {
    report = await runConformance(options);
  } catch (error) {
    if (error instanceof ConformanceSetupError) {
      process.stderr.write(`cio-customers conformance: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (report.summary.total === 0) return usage(`--only ${values.only ?? ""} matches no check`);
  const text = formatReport(report, reporter as ReporterName);
  if (values.out !== undefined) {
    writeFileSync(values.out, text);
    process.stdout.write(formatHuman(report));
    process.stdout.write(`Report written to ${values.out} (${reporter}).\n`);
  } else {
    process.stdout.write(text);
  }
  return report.summary.failed > 0 ? 1 : 0;
}

function integer(value: string | undefined, flag: string): number | string | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : `${flag} must be a whole number, not ${value}`;
}

function usage(message: string): number {
  process.stderr.write(`cio-customers conformance: ${message}\nRun cio-customers conformance --help for the options.\n`);
  return 2;
}
