/**
 * Reads people from an NDJSON or CSV file as a stream: one record at a time, so memory stays flat however large
 * the file. Records are numbered from 1 in file order (a CSV's header is not a record; blank NDJSON lines are
 * skipped), and those numbers are what the rejects file and the checkpoint speak of.
 */
import { createReadStream, type ReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "csv-parse";
import { typedValue } from "./values.js";

export type RowFormat = "ndjson" | "csv";

export type Row =
  | { row: number; record: Record<string, unknown> }
  | { row: number; error: string };

export interface RowSource {
  rows: AsyncIterable<Row>;
  /** Bytes read from the file so far, for progress. */
  bytesRead(): number;
  close(): void;
}

export function formatOf(path: string, given: string | undefined): RowFormat {
  if (given === "ndjson" || given === "jsonl" || given === "csv") return given === "csv" ? "csv" : "ndjson";
  return /\.csv$/i.test(path) ? "csv" : "ndjson";
}

export function readRows(path: string, format: RowFormat): RowSource {
  const stream = createReadStream(path);
  return {
    rows: format === "csv" ? csvRows(stream) : ndjsonRows(stream),
    bytesRead: () => stream.bytesRead,
    close: () => stream.destroy(),
  };
}

async function* ndjsonRows(stream: ReadStream): AsyncIterable<Row> {
  let row = 0;
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    if (line.trim() === "") continue;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(line) as unknown;
    } catch {
      yield { row, error: "the line is not valid JSON" };
      continue;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) yield { row, error: "the line is not a JSON object" };
    else yield { row, record: value as Record<string, unknown> };
  }
}

/**
 * CSV: the header names the attributes. Cells are typed like `--attr` values (numbers, booleans, null) and an
 * empty cell is left out, because sending `""` would remove the attribute from the person.
 */
async function* csvRows(stream: ReadStream): AsyncIterable<Row> {
  const parser = stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false }));
  let row = 0;
  try {
    for await (const cells of parser as AsyncIterable<Record<string, string>>) {
      row++;
      const record: Record<string, unknown> = {};
      for (const [name, cell] of Object.entries(cells)) {
        if (cell === "" || cell === undefined) continue;
        record[name] = typedValue(cell);
      }
      yield { row, record };
    }
  } catch (error) {
    yield { row: row + 1, error: `the CSV cannot be read further: ${error instanceof Error ? error.message : String(error)}` };
  }
}
