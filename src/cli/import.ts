/**
 * `cio-customers import <file>`: many people from an NDJSON or CSV file, streamed, paced, resumable.
 *
 * Order per person is kept: records are handed to the client in file order, and the client never lets two calls
 * for one person overlap, so two records for one person apply in file order even with many requests in flight.
 */
import { createWriteStream, existsSync, statSync } from "node:fs";
import type { CustomersClient } from "../client/client.js";
// The Node transport (undici), as Node resolves the package; a replaced globalThis.fetch still wins.
import { createCustomersClient } from "../node/index.js";
import { CustomersError, HttpError, ValidationError } from "../client/errors.js";
import type { Attributes } from "../client/attributes.js";
import type { Person } from "../client/person.js";
import { Checkpoint } from "./checkpoint.js";
import { defineCommand } from "./command.js";
import { CONNECTION_FLAGS, connection } from "./credentials.js";
import type { Output } from "./io.js";
import { createProgress, type ProgressCounts } from "./progress.js";
import { RateLimiter } from "./rate.js";
import { formatOf, readRows, type Row } from "./rows.js";
import { UsageError, wholeNumber } from "./values.js";

export interface ImportSummary extends ProgressCounts {
  durationMs: number;
  interrupted: boolean;
}

export const importCommand = defineCommand({
  name: "import",
  synopsis: "<file> [options]",
  description: `Adds or updates one person per record of an NDJSON file (one JSON object a line) or a CSV file (a header row
naming the attributes). The file is streamed, never loaded whole.`,
  positionals: { min: 1, max: 1, name: "file" },
  flags: {
    format: { type: "string", value: "F", help: "ndjson or csv (default: from the file's extension)" },
    identifier: { type: "string", value: "FIELD", help: "the field naming the person: id, email or cio_id (default: the first of those the record has)" },
    concurrency: { type: "string", value: "N", help: "requests in flight at once (default 16)" },
    rate: { type: "string", value: "N", help: "requests per second (default 100, Customer.io's published fair-use rate; 0 = no limit)" },
    update: { type: "boolean", help: "send _update: true: update people, never create them" },
    "dry-run": { type: "boolean", help: "validate every record and send nothing" },
    rejects: { type: "string", value: "FILE", help: "where refused records go, as NDJSON {row, reason, field?, status?}\n(default <file>.rejects.ndjson)" },
    checkpoint: { type: "string", value: "FILE", help: "journal of finished records (default <file>.checkpoint)" },
    resume: { type: "boolean", help: "continue an interrupted import from its checkpoint, without resending finished records" },
    ...CONNECTION_FLAGS,
  },
  notes: `CSV cells are typed like --attr values (numbers, true/false, null); empty cells are left out, because "" would
remove the attribute. Ctrl-C stops cleanly: requests in flight finish, the checkpoint is written, and
--resume continues later. A second Ctrl-C abandons the requests in flight (they are resent on --resume).

Exit codes: 0 every record accepted, 1 some records were refused (see the rejects file), 2 usage error,
130 interrupted (resume with --resume).`,
  async run({ values, positionals, io }) {
    const file = positionals[0] ?? "";
    if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no such file: ${file}`);
    const identifier = values.identifier;
    if (identifier !== undefined && !["id", "email", "cio_id"].includes(identifier)) throw new UsageError("--identifier must be id, email or cio_id");
    const concurrency = wholeNumber(values.concurrency, "--concurrency", { min: 1 }) ?? 16;
    const rate = wholeNumber(values.rate, "--rate", { min: 0 }) ?? 100;
    const dryRun = values["dry-run"] === true;
    const update = values.update === true;
    const resume = values.resume === true;
    if (dryRun && resume) throw new UsageError("--dry-run sends nothing, so there is nothing to resume");

    const client = createCustomersClient({
      ...(dryRun ? { siteId: "dry-run", apiKey: "dry-run", baseUrl: "http://dry-run.invalid" } : connection(values, io.env)),
      // A dry run validates each record exactly as a real one would, and answers it here: nothing is sent.
      ...(dryRun ? { fetch: () => Promise.resolve(new Response("{}", { status: 200 })) } : {}),
      userAgent: "cio-customers-import",
    });
    const checkpointPath = values.checkpoint ?? `${file}.checkpoint`;
    const opened = dryRun ? undefined : Checkpoint.open(checkpointPath, file, update ? "update" : "identify", resume);
    const rejectsPath = values.rejects ?? `${file}.rejects.ndjson`;

    const summary = await runImport({
      client,
      file,
      format: formatOf(file, values.format),
      identifier: identifier as "id" | "email" | "cio_id" | undefined,
      concurrency,
      rate: dryRun ? 0 : rate,
      update,
      checkpoint: opened?.checkpoint,
      rejectsPath,
      appendRejects: resume,
      interactive: io.stderr.isTTY === true,
      progressStream: io.stderr,
      ...(io.signal ? { stop: io.signal } : {}),
    });
    const seconds = summary.durationMs / 1000;
    const handled = summary.accepted + summary.rejected;
    io.stdout.write(
      `${dryRun ? "Dry run" : "Import"} of ${file}: ${summary.read} records read, ${summary.accepted} ${dryRun ? "valid" : "accepted"}, ` +
        `${summary.rejected} ${dryRun ? "invalid" : "refused"}${summary.rejected ? ` (see ${rejectsPath})` : ""}` +
        `${summary.skipped ? `, ${summary.skipped} already done before --resume` : ""}, in ${seconds.toFixed(1)} s` +
        ` (${seconds > 0 ? Math.round(handled / seconds) : handled} records/s).\n`,
    );
    if (summary.interrupted) {
      io.stdout.write(`Interrupted. Continue with: cio-customers import ${file} --resume${values.checkpoint ? ` --checkpoint ${checkpointPath}` : ""}\n`);
      return 130;
    }
    return summary.rejected > 0 ? 1 : 0;
  },
});

export interface ImportRun {
  client: CustomersClient;
  file: string;
  format: "ndjson" | "csv";
  identifier: "id" | "email" | "cio_id" | undefined;
  concurrency: number;
  rate: number;
  update: boolean;
  checkpoint: Checkpoint | undefined;
  rejectsPath: string;
  /** Add to an existing rejects file (a resumed import) instead of starting a new one. */
  appendRejects: boolean;
  interactive: boolean;
  /** Where the progress is drawn. Default: process.stderr. */
  progressStream?: Output;
  /** Stops the import as Ctrl-C does. Default: SIGINT and SIGTERM. */
  stop?: AbortSignal;
}

/** The import loop, separate from argument parsing so benchmarks and tests can drive it. */
export async function runImport(run: ImportRun): Promise<ImportSummary> {
  const started = performance.now();
  const source = readRows(run.file, run.format);
  const counts: ProgressCounts = { read: 0, accepted: 0, rejected: 0, skipped: 0 };
  const progress = createProgress(statSync(run.file).size, run.interactive, run.progressStream ?? process.stderr);
  const limiter = new RateLimiter(run.rate);
  let rejects: ReturnType<typeof createWriteStream> | undefined;
  const reject = (row: number, reason: string, extra: { field?: string; status?: number } = {}) => {
    rejects ??= createWriteStream(run.rejectsPath, { flags: run.appendRejects ? "a" : "w" });
    rejects.write(`${JSON.stringify({ row, reason, ...extra })}\n`);
    counts.rejected++;
    run.checkpoint?.finish(row);
  };

  // Ctrl-C once: stop reading, let requests in flight finish. Twice: abandon them too.
  let stopping = false;
  const abandon = new AbortController();
  const onSignal = () => {
    if (stopping) abandon.abort();
    stopping = true;
  };
  const signals: NodeJS.Signals[] = run.stop ? [] : ["SIGINT", "SIGTERM"];
  for (const signal of signals) process.on(signal, onSignal);
  run.stop?.addEventListener("abort", onSignal, { once: true });

  const inFlight = new Set<Promise<void>>();
  const send = async (row: number, person: Person, attributes: Attributes) => {
    try {
      await (run.update ? run.client.update(person, attributes, { signal: abandon.signal }) : run.client.identify(person, attributes, { signal: abandon.signal }));
      counts.accepted++;
      run.checkpoint?.finish(row);
    } catch (error) {
      if (abandon.signal.aborted) return; // not finished: --resume sends it again
      if (error instanceof ValidationError) reject(row, error.reason, { field: error.field });
      else if (error instanceof HttpError) reject(row, error.messages.length ? error.messages.join("; ") : `HTTP ${error.status}`, { status: error.status });
      else if (error instanceof CustomersError) reject(row, error.message);
      else throw error;
    }
  };

  try {
    for await (const item of source.rows) {
      if (stopping) break;
      counts.read++;
      if (run.checkpoint?.isFinished(item.row)) {
        counts.skipped++;
        continue;
      }
      const parsed = toCall(item, run.identifier);
      if ("reason" in parsed) {
        reject(item.row, parsed.reason, parsed.field === undefined ? {} : { field: parsed.field });
      } else {
        while (inFlight.size >= run.concurrency) await Promise.race(inFlight);
        await limiter.take();
        if (stopping) {
          counts.read--;
          break;
        }
        const promise = send(item.row, parsed.person, parsed.attributes).finally(() => inFlight.delete(promise));
        inFlight.add(promise);
      }
      progress.update(source.bytesRead(), counts);
    }
    await Promise.all(inFlight);
  } finally {
    source.close();
    progress.update(source.bytesRead(), counts);
    progress.stop();
    for (const signal of signals) process.off(signal, onSignal);
    await run.checkpoint?.close();
    if (rejects) await new Promise((resolve) => rejects?.end(resolve));
  }
  return { ...counts, durationMs: performance.now() - started, interrupted: stopping };
}

/** A record as a call: who (from the identifier field) and the rest as attributes. */
function toCall(item: Row, field: "id" | "email" | "cio_id" | undefined): { person: Person; attributes: Attributes } | { reason: string; field?: string } {
  if ("error" in item) return { reason: item.error };
  const record = item.record;
  const key = field ?? (["id", "email", "cio_id"] as const).find((k) => record[k] !== undefined && record[k] !== null && record[k] !== "");
  if (key === undefined) return { reason: "the record has none of id, email or cio_id", field: "identifier" };
  const value = record[key];
  if (typeof value !== "string" && typeof value !== "number") return { reason: `${key} must be a string`, field: key };
  const { [key]: _identifier, ...rest } = record;
  const person: Person = key === "id" ? { id: value } : key === "email" ? { email: String(value) } : { cioId: String(value) };
  return { person, attributes: rest as Attributes };
}
