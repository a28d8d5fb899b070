/**
 * The import loop: records in input order, paced and bounded in flight, each ending in one outcome.
 *
 * - accepted: journaled as settled.
 * - refused for its content (invalid before sending, or a 400/413/422 about it): journaled as settled and written
 *   to the rejects file.
 * - failed for a reason that may pass (network, timeout, 429 or 5xx after the client's retries): not journaled, so
 *   `--resume` sends it again; counted as not sent.
 * - refused credentials (401, 403) or a connection that can never work (a redirect not followed, no usable
 *   region): the import stops at once, requests in flight finish, and nothing is journaled by that answer.
 *
 * Order per person is kept: records are handed to the client in input order, and the client never lets two calls
 * for one person overlap. A person met again later in the same run goes with `_update: true`, so a second record
 * cannot create a second profile while the first is still being processed.
 */
import { openSync, createWriteStream, type WriteStream } from "node:fs";
import type { Attributes } from "../client/attributes.js";
import type { CustomersClient } from "../client/client.js";
import { CustomersError, HttpError, RedirectError, RegionError, ValidationError } from "../client/errors.js";
import type { Person } from "../client/person.js";
import type { Checkpoint, Outcome } from "./checkpoint.js";
import { ensureParent } from "./files.js";
import { KeySet } from "./import-keys.js";
import type { Progress, ProgressCounts } from "./progress.js";
import { RateLimiter } from "./rate.js";
import type { Row, RowSource } from "./rows.js";
import { timeValue } from "./values.js";

export type IdentifierField = "id" | "email" | "cio_id";

export interface ImportRun {
  client: CustomersClient;
  source: RowSource;
  identifier: IdentifierField | undefined;
  concurrency: number;
  rate: number;
  /** Send every record with `_update: true`. */
  update: boolean;
  checkpoint: Checkpoint | undefined;
  rejects: RejectsFile;
  progress: Progress;
  /** Stops the import as Ctrl-C does (a second abort abandons requests in flight). Default: SIGINT and SIGTERM. */
  stop?: AbortSignal;
}

export interface ImportSummary extends ProgressCounts {
  /** Records read but not settled: failed for a reason that may pass, or not sent because the import stopped. */
  notSent: number;
  /** Records of this run sent with `_update: true` because their person was sent earlier in the run. */
  repeated: number;
  durationMs: number;
  /** Stopped by Ctrl-C or SIGTERM. */
  interrupted: boolean;
  /** Stopped at once by an answer no later record can get past (refused credentials, a redirect not followed). */
  fatal: CustomersError | undefined;
  /** The last failure that may pass, to say why records were not sent. */
  lastFailure: string | undefined;
}

type Verdict =
  | { outcome: "refused"; reason: string; field?: string; status?: number }
  | { outcome: "retry"; reason: string }
  | { outcome: "fatal"; error: CustomersError };

/** What an error means for the record whose call ended in it. */
export function verdictOf(error: unknown): Verdict {
  if (error instanceof ValidationError) return { outcome: "refused", reason: error.reason, field: error.field };
  if (error instanceof HttpError) {
    if (error.status === 401 || error.status === 403) return { outcome: "fatal", error };
    if (error.status === 400 || error.status === 413 || error.status === 422) {
      return {
        outcome: "refused",
        reason: error.messages.length ? error.messages.join("; ") : `HTTP ${error.status}`,
        status: error.status,
      };
    }
    return { outcome: "retry", reason: `HTTP ${error.status}` };
  }
  if (error instanceof RedirectError || error instanceof RegionError) return { outcome: "fatal", error };
  if (error instanceof CustomersError) return { outcome: "retry", reason: error.message };
  throw error;
}

export async function runImport(run: ImportRun): Promise<ImportSummary> {
  return new Importer(run).run();
}

/** One import's state: its counts, the calls in flight and how it is being stopped. */
class Importer {
  private readonly started = performance.now();
  private readonly counts: ProgressCounts = { read: 0, accepted: 0, refused: 0, skipped: 0 };
  private notSent = 0;
  private repeated = 0;
  private fatal: CustomersError | undefined;
  private lastFailure: string | undefined;
  private bytesDone = 0;
  private readonly limiter: RateLimiter;
  private readonly seen = new KeySet();
  // Ctrl-C once: stop reading, let requests in flight finish. Twice: abandon them too. Each call has its own
  // signal: one signal shared by every call in flight would gather a listener per call (and Node's warning).
  private stopping = false;
  private interrupted = false;
  private readonly calls = new Set<AbortController>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly signals: NodeJS.Signals[];

  constructor(private readonly options: ImportRun) {
    this.limiter = new RateLimiter(options.rate);
    this.signals = options.stop ? [] : ["SIGINT", "SIGTERM"];
  }

  private readonly onSignal = () => {
    if (this.stopping) for (const call of this.calls) call.abort();
    this.stopping = true;
    this.interrupted = true;
  };

  async run(): Promise<ImportSummary> {
    const run = this.options;
    for (const signal of this.signals) process.on(signal, this.onSignal);
    run.stop?.addEventListener("abort", this.onSignal, { once: true });
    try {
      for await (const item of run.source.rows) {
        if (this.stopping || !(await this.take(item))) break;
        run.progress.update(this.bytesDone, this.counts);
      }
      await Promise.all(this.inFlight);
    } finally {
      run.source.close();
      run.progress.update(this.bytesDone, this.counts);
      run.progress.stop();
      for (const signal of this.signals) process.off(signal, this.onSignal);
      run.stop?.removeEventListener("abort", this.onSignal);
    }
    const { counts, notSent, repeated, interrupted, fatal, lastFailure } = this;
    return {
      ...counts,
      notSent,
      repeated,
      durationMs: performance.now() - this.started,
      interrupted,
      fatal,
      lastFailure,
    };
  }

  /** One record read: skipped, refused or sent. False when the import stopped before it could be sent. */
  private async take(item: Row): Promise<boolean> {
    const run = this.options;
    this.counts.read++;
    if (run.checkpoint?.isSettled(item.row)) {
      this.counts.skipped++;
      this.bytesDone = Math.max(this.bytesDone, item.bytes);
      return true;
    }
    const parsed = toCall(item, run.identifier);
    if ("reason" in parsed) {
      run.rejects.write(item.row, parsed.reason, parsed.field === undefined ? {} : { field: parsed.field });
      this.settle(item.row, "refused", item.bytes);
      return true;
    }
    while (this.inFlight.size >= run.concurrency) await Promise.race(this.inFlight);
    await this.limiter.take();
    if (this.stopping) {
      this.counts.read--;
      return false;
    }
    const again = this.seen.add(parsed.key);
    if (again && !run.update) this.repeated++;
    const promise = this.send(item, parsed.person, parsed.attributes, run.update || again).finally(() =>
      this.inFlight.delete(promise),
    );
    this.inFlight.add(promise);
    return true;
  }

  private settle(row: number, outcome: Outcome, bytes: number): void {
    this.counts[outcome]++;
    this.bytesDone = Math.max(this.bytesDone, bytes);
    this.options.checkpoint?.record(row, outcome);
  }

  private async send(item: { row: number; bytes: number }, person: Person, attributes: Attributes, update: boolean) {
    const { client } = this.options;
    const call = new AbortController();
    this.calls.add(call);
    try {
      await (update
        ? client.update(person, attributes, { signal: call.signal })
        : client.identify(person, attributes, { signal: call.signal }));
      this.settle(item.row, "accepted", item.bytes);
    } catch (error) {
      // Abandoned: --resume sends it again.
      if (call.signal.aborted) this.notSent++;
      else this.failed(item, verdictOf(error));
    } finally {
      this.calls.delete(call);
    }
  }

  /** A call that ended in an error: the record refused, left for a later run, or the whole import stopped. */
  private failed(item: { row: number; bytes: number }, verdict: Verdict): void {
    if (verdict.outcome === "refused") {
      this.options.rejects.write(item.row, verdict.reason, verdict);
      this.settle(item.row, "refused", item.bytes);
      return;
    }
    this.notSent++;
    if (verdict.outcome === "retry") this.lastFailure = verdict.reason;
    else {
      this.fatal ??= verdict.error;
      this.stopping = true;
    }
  }
}

/** A record as a call: who (from the identifier field) and the rest as attributes; `key` names the person. */
function toCall(
  item: Row,
  field: IdentifierField | undefined,
): { person: Person; attributes: Attributes; key: string } | { reason: string; field?: string } {
  if ("error" in item) return { reason: item.error };
  const record = item.record;
  const key =
    field ??
    (["id", "email", "cio_id"] as const).find((k) => record[k] !== undefined && record[k] !== null && record[k] !== "");
  if (key === undefined) return { reason: "the record has none of id, email or cio_id", field: "identifier" };
  const value = record[key];
  if (typeof value !== "string" && typeof value !== "number") return { reason: `${key} must be a string`, field: key };
  const { [key]: _identifier, ...rest } = record;
  for (const name of ["created_at", "_timestamp"] as const) {
    const given = rest[name];
    if (typeof given !== "string") continue;
    const time = timeValue(given);
    if (typeof time === "string") return { reason: `${name} ${time}`, field: `attributes.${name}` };
    rest[name] = time;
  }
  const person: Person =
    key === "id" ? { id: value } : key === "email" ? { email: String(value) } : { cioId: String(value) };
  return { person, attributes: rest as Attributes, key: `${key}\u0000${String(value)}` };
}

/** The rejects file: one NDJSON line per refused record, created (with its folders) on the first one. */
export class RejectsFile {
  private out: WriteStream | undefined;
  private failure: Error | undefined;

  constructor(
    readonly path: string,
    private readonly append: boolean,
  ) {}

  write(row: number, reason: string, extra: { field?: string; status?: number }): void {
    if (!this.out) {
      ensureParent(this.path);
      this.out = createWriteStream("", { fd: openSync(this.path, this.append ? "a" : "w") });
      this.out.on("error", (error) => (this.failure ??= error));
    }
    const line: { row: number; reason: string; field?: string; status?: number } = { row, reason };
    if (extra.field !== undefined) line.field = extra.field;
    if (extra.status !== undefined) line.status = extra.status;
    this.out.write(`${JSON.stringify(line)}\n`);
  }

  /** Flushes the file; rejects if any write failed. */
  close(): Promise<void> {
    const out = this.out;
    if (!out) return Promise.resolve();
    return new Promise((done, fail) => out.end(() => (this.failure ? fail(this.failure) : done())));
  }
}
