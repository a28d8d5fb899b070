/**
 * `cio-customers import <file>`: many people from an NDJSON or CSV file (or stdin), streamed, paced, resumable.
 * The loop and the meaning of each outcome are in import-run.ts.
 */
import { statSync } from "node:fs";
// The Node transport (undici), as Node resolves the package; a replaced globalThis.fetch still wins.
import { createCustomersClient } from "../node/index.js";
import { HttpError } from "../client/errors.js";
import { Checkpoint } from "./checkpoint.js";
import { BIN, FileError, defineCommand } from "./command.js";
import { CONNECTION_FLAGS, SENDING_FLAGS, connection, stamping } from "./credentials.js";
import { checkWritable } from "./files.js";
import { RejectsFile, runImport, type IdentifierField, type ImportSummary } from "./import-run.js";
import type { CliIo } from "./io.js";
import { createProgress } from "./progress.js";
import { formatOf, openRows } from "./rows.js";
import { UsageError, wholeNumber } from "./values.js";

export const importCommand = defineCommand({
  name: "import",
  synopsis: "<file | -> [options]",
  description: `Adds or updates one person per record of an NDJSON file (one JSON object a line) or a CSV file (a header row
naming the attributes); - reads stdin. The input is streamed, never loaded whole.`,
  positionals: { min: 1, max: 1, name: "file" },
  flags: {
    format: {
      type: "string",
      value: "F",
      help: "csv or ndjson (default: from the extension, .csv, .ndjson or .jsonl;\nneeded for stdin and other extensions)",
    },
    identifier: {
      type: "string",
      value: "FIELD",
      help: "the field naming the person: id, email or cio_id (default: the first of those the record has)",
    },
    concurrency: { type: "string", value: "N", help: "requests in flight at once (default 16)" },
    rate: {
      type: "string",
      value: "N",
      help: "requests per second (default 100, Customer.io's published fair-use rate; 0 = no limit)",
    },
    update: { type: "boolean", help: "send _update: true: update people, never create them" },
    "dry-run": { type: "boolean", help: "validate every record and send nothing" },
    rejects: {
      type: "string",
      value: "FILE",
      help: "where refused records go, as NDJSON {row, reason, field?, status?}\n(default <file>.rejects.ndjson; stdin.rejects.ndjson for stdin)",
    },
    checkpoint: {
      type: "string",
      value: "FILE",
      help: "journal of settled records (default <file>.checkpoint; none for stdin)",
    },
    resume: { type: "boolean", help: "continue from the checkpoint: settled records are skipped, all others are sent" },
    ...SENDING_FLAGS,
    ...CONNECTION_FLAGS,
  },
  notes: `Each record ends accepted, refused (its content: listed in the rejects file) or not sent (a failure that may pass:
network, timeout, 429 or 5xx after retries; --resume sends it again). A 401 or 403 stops the import at once.
A record for a person already sent earlier in the same run goes with _update: true, so it cannot create a
second profile. CSV cells are typed like --attr values (numbers, true/false, null); empty cells are left out;
created_at and _timestamp may be Unix seconds or ISO 8601 dates. Ctrl-C stops cleanly: requests in flight
finish, the checkpoint is written, and --resume continues later; a second Ctrl-C abandons them.

Exit codes: 0 every record accepted, 1 some records were refused or not sent, 2 usage or file error or refused
credentials (401/403), 130 interrupted (continue with --resume).`,
  async run({ values, positionals, io }) {
    const file = positionals[0] ?? "";
    const format = formatOf(file, values.format);
    const identifier = values.identifier;
    if (identifier !== undefined && identifier !== "id" && identifier !== "email" && identifier !== "cio_id") {
      throw new UsageError(`--identifier must be id, email or cio_id, not ${JSON.stringify(identifier)}`);
    }
    const concurrency = wholeNumber(values.concurrency, "--concurrency", { min: 1 }) ?? 16;
    const rate = wholeNumber(values.rate, "--rate", { min: 0 }) ?? 100;
    const dryRun = values["dry-run"] === true;
    const update = values.update === true;
    const resume = values.resume === true;
    if (dryRun && resume) throw new UsageError("--dry-run sends nothing, so there is nothing to resume");
    const stdin = file === "-";
    if (stdin && resume && values.checkpoint === undefined)
      throw new UsageError("--resume with stdin needs the --checkpoint of the first run");
    if (!stdin && statSync(file).isDirectory()) throw new FileError(`cannot read ${file}: is a folder, not a file`);

    const client = createCustomersClient({
      ...(dryRun
        ? { siteId: "dry-run", apiKey: "dry-run", baseUrl: "http://dry-run.invalid" }
        : connection(values, io.env)),
      // A dry run validates each record exactly as a real one would, and answers it here: nothing is sent.
      ...(dryRun ? { fetch: () => Promise.resolve(new Response("{}", { status: 200 })) } : {}),
      ...stamping(values),
      userAgent: "cio-customers-import",
    });
    const rejectsPath = values.rejects ?? (stdin ? "stdin.rejects.ndjson" : `${file}.rejects.ndjson`);
    checkWritable(rejectsPath);
    const source = await openRows(file, format, io.stdin);
    const checkpointPath = values.checkpoint ?? (stdin ? undefined : `${file}.checkpoint`);
    let opened;
    try {
      opened =
        dryRun || checkpointPath === undefined
          ? undefined
          : Checkpoint.open(checkpointPath, file, update ? "update" : "identify", resume);
    } catch (error) {
      source.close();
      throw error;
    }
    const rejects = new RejectsFile(rejectsPath, resume);
    const summary = await runImport({
      client,
      source,
      identifier: identifier as IdentifierField | undefined,
      concurrency,
      rate: dryRun ? 0 : rate,
      update,
      checkpoint: opened?.checkpoint,
      rejects,
      progress: createProgress(stdin ? undefined : statSync(file).size, io.stderr.isTTY === true, io.stderr),
      ...(io.signal ? { stop: io.signal } : {}),
    });
    await Promise.all([opened?.checkpoint.close(), rejects.close()]);
    return report(io, summary, { file, dryRun, rejectsPath, resumeHint: resumeCommand(file, values.checkpoint) });
  },
});

function resumeCommand(file: string, checkpoint: string | undefined): string {
  return `${BIN} import ${file} --resume${checkpoint === undefined ? "" : ` --checkpoint ${checkpoint}`}`;
}

/** The summary on stdout, the reason for stopping on stderr; the exit code. */
function report(
  io: CliIo,
  summary: ImportSummary,
  run: { file: string; dryRun: boolean; rejectsPath: string; resumeHint: string },
): number {
  const seconds = summary.durationMs / 1000;
  const settled = summary.accepted + summary.refused;
  const parts = [
    `${summary.accepted} ${run.dryRun ? "valid" : "accepted"}`,
    `${summary.refused} ${run.dryRun ? "invalid" : "refused"}${summary.refused ? ` (see ${run.rejectsPath})` : ""}`,
    `${summary.notSent} not sent`,
  ];
  if (summary.skipped) parts.push(`${summary.skipped} already settled before --resume`);
  io.stdout.write(
    `${run.dryRun ? "Dry run" : "Import"} of ${run.file === "-" ? "stdin" : run.file}: ${summary.read} records read: ${parts.join(", ")}; ` +
      `in ${seconds.toFixed(1)} s (${seconds > 0 ? Math.round(settled / seconds) : settled} records/s).\n`,
  );
  if (summary.repeated > 0)
    io.stdout.write(
      `${summary.repeated} records named a person sent earlier in this run and went with _update: true.\n`,
    );
  if (summary.fatal) {
    io.stderr.write(
      `${BIN} import: stopped: ${fatalMessage(summary.fatal)}; nothing refused this way was journaled, so ${run.resumeHint} sends it again once fixed.\n`,
    );
    return 2;
  }
  if (summary.interrupted) {
    io.stdout.write(`Interrupted. Continue with: ${run.resumeHint}\n`);
    return 130;
  }
  if (summary.notSent > 0) {
    io.stderr.write(
      `${BIN} import: ${summary.notSent} records were not sent (${summary.lastFailure ?? "stopped"}); ${run.resumeHint} sends them again.\n`,
    );
  }
  return summary.refused > 0 || summary.notSent > 0 ? 1 : 0;
}

function fatalMessage(error: Error): string {
  if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
    return `the API refused the credentials (HTTP ${error.status}): check the site ID and API key (--site-id, --api-key or CIO_SITE_ID, CIO_API_KEY)`;
  }
  return error.message;
}
