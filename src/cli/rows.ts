/**
 * Reads people from an NDJSON or CSV file (or stdin) as a stream: one record at a time, so memory stays flat however
 * large the file. Records are numbered from 1 in input order (a CSV's header is not a record; blank NDJSON lines
 * are skipped), and those numbers are what the rejects file and the checkpoint speak of.
 *
 * Input is read strictly: a CSV row whose cell count differs from the header's is refused with both counts rather
 * than shifted into the wrong columns, and a header that names a column twice or leaves one unnamed is refused
 * before anything is sent, because either would put values on the wrong attribute.
 */
import { createReadStream, openSync } from "node:fs";
import type { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { typedValue } from "./values.js";
import { UsageError } from "./values.js";

export type RowFormat = "ndjson" | "csv";

/** A record, or why the line or row cannot be one. `bytes`: where it ends in the input, for progress. */
export type Row = { row: number; bytes: number } & ({ record: Record<string, unknown> } | { error: string });

export interface RowSource {
  rows: AsyncIterable<Row>;
  close(): void;
}

/** The format named by `--format`, or else by the file's extension; anything else is a usage error. */
export function formatOf(path: string, given: string | undefined): RowFormat {
  if (given !== undefined) {
    if (given === "csv") return "csv";
    if (given === "ndjson" || given === "jsonl") return "ndjson";
    throw new UsageError(`--format must be csv or ndjson, not ${JSON.stringify(given)}`);
  }
  if (path === "-") throw new UsageError("reading stdin (-) needs --format csv or --format ndjson");
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(ndjson|jsonl)$/i.test(path)) return "ndjson";
  throw new UsageError(
    `cannot tell the format of ${path} from its extension (.csv, .ndjson or .jsonl): give --format csv or --format ndjson`,
  );
}

/**
 * Opens the input (`-` is stdin) and, for a CSV, reads and checks its header, so a bad header is a usage error
 * before anything is sent or journaled.
 */
export async function openRows(path: string, format: RowFormat, stdin: Readable): Promise<RowSource> {
  // Opened here, synchronously, so a missing or unreadable file is an error of this call, not a stream event.
  const input = path === "-" ? stdin : createReadStream(path, { fd: openSync(path, "r") });
  if (format === "ndjson") return { rows: ndjsonRows(input), close: () => input.destroy() };
  const parser = input.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  const records = (parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>)[Symbol.asyncIterator]();
  let first: IteratorResult<{ record: string[]; info: { bytes: number } }>;
  try {
    first = await records.next();
  } catch (error) {
    input.destroy();
    throw new UsageError(`the CSV header cannot be read: ${firstLine(error)}`);
  }
  const header = first.done ? [] : first.value.record;
  const problem = headerProblem(header);
  if (problem !== undefined) {
    input.destroy();
    throw new UsageError(problem);
  }
  return { rows: csvRows(header, records), close: () => input.destroy() };
}

function headerProblem(header: readonly string[]): string | undefined {
  if (header.length === 0) return "the CSV has no header row naming its columns";
  const empty = header.findIndex((name) => name.trim() === "");
  if (empty >= 0) return `the CSV header leaves column ${empty + 1} unnamed`;
  const seen = new Map<string, number>();
  for (const [index, name] of header.entries()) {
    const earlier = seen.get(name);
    if (earlier !== undefined)
      return `the CSV header names ${JSON.stringify(name)} twice (columns ${earlier + 1} and ${index + 1})`;
    seen.set(name, index);
  }
  return undefined;
}

async function* ndjsonRows(input: Readable): AsyncIterable<Row> {
  let row = 0;
  let bytes = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    // A byte order mark belongs to the file, not to the first record.
    const line = bytes === 0 && raw.startsWith("\uFEFF") ? raw.slice(1) : raw;
    bytes += Buffer.byteLength(raw) + 1;
    if (line.trim() === "") continue;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      yield { row, bytes, error: "the line is not valid JSON" };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value))
      yield { row, bytes, error: "the line is not a JSON object" };
    else yield { row, bytes, record: value as Record<string, unknown> };
  }
}

/**
 * CSV rows: cells are typed like `--attr` values (numbers, booleans, null) and an empty cell is left out, because
 * sending `""` would remove the attribute from the person.
 */
async function* csvRows(
  header: readonly string[],
  records: AsyncIterator<{ record: string[]; info: { bytes: number } }>,
): AsyncIterable<Row> {
  let row = 0;
  let bytes = 0;
  try {
    for (let next = await records.next(); !next.done; next = await records.next()) {
      row++;
      const { record: cells, info } = next.value;
      bytes = info.bytes;
      if (cells.length !== header.length) {
        yield { row, bytes, error: `the row has ${cells.length} cells but the header names ${header.length} columns` };
        continue;
      }
      const record: Record<string, unknown> = {};
      cells.forEach((cell, index) => {
        if (cell !== "") record[header[index] ?? ""] = typedValue(cell);
      });
      yield { row, bytes, record };
    }
  } catch (error) {
    yield { row: row + 1, bytes, error: `the CSV cannot be read further: ${firstLine(error)}` };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
