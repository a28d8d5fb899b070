/**
 * The request log: every Track API request the simulator receives (not the `/__simulator/` routes), with the
 * answer it gave, kept in a bounded ring. It is what `cio-customers conformance --traffic` judges, so that an
 * application in any language can be checked by what it actually sent.
 *
 * Every request gets a `seq` when it arrives (before any rule runs), and the activity entries it produces carry
 * that seq as `request`, so a reader goes from a request to what it did and back.
 *
 * Recording is cheap on the hot path: the transport hands over what it already holds (the raw header list, the
 * body bytes, the answer object) and the record is only turned into JSON, with credentials redacted, when it is
 * read. Bodies are kept up to {@link MAX_RECORDED_BODY_BYTES}; a longer body is cut and marked.
 *
 * Credentials never leave the log: `Authorization`, `Proxy-Authorization`, `Cookie` and API-key headers keep only
 * their scheme (`Basic [redacted]`).
 */
import type { components } from "../../generated/simulator.js";
import { checkedSince, invalidParameter, ListingQueryError } from "./listing.js";

/** Bodies longer than this are kept cut, with `body_truncated: true`: a bounded ring should stay bounded in bytes too. */
export const MAX_RECORDED_BODY_BYTES = 64 * 1024;
/** How many requests the log keeps by default. */
export const DEFAULT_REQUEST_LOG_SIZE = 1000;

/**
 * A recorded request as readers get it (NDJSON lines, `GET /__simulator/requests`, `sim.requests()`): the shape
 * openapi/simulator.yaml gives it.
 */
export type RecordedRequest = components["schemas"]["RecordedRequest"];

/** The answer as the transports hold it. */
export interface RecordableAnswer {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Headers as a transport holds them: node:http's raw list (name, value, …) or WHATWG Headers. */
export type RawHeaders = readonly string[] | Headers;

const CREDENTIAL_HEADERS = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-api-key",
  "api-key",
  "x-auth-token",
]);

/** One request being recorded; the transport fills it in as the request goes through. */
export class Recording {
  body: Uint8Array | undefined = undefined;
  /** How the request ended, once it has: set once, by answered() or failed(). */
  outcome: RequestOutcome | undefined = undefined;

  constructor(
    readonly seq: number,
    readonly receivedAt: number,
    readonly method: string,
    /** Path and query as sent. */
    readonly target: string,
    readonly headers: RawHeaders,
    private readonly log: RequestLog,
  ) {}

  /** The body bytes, once read. */
  setBody(bytes: Uint8Array): void {
    this.body = bytes.byteLength > MAX_RECORDED_BODY_BYTES ? bytes.slice(0, MAX_RECORDED_BODY_BYTES + 1) : bytes;
  }

  /** The answer given; closes the record. */
  answered(answer: RecordableAnswer): void {
    if (this.outcome === undefined) this.log.close(this, { answer });
  }

  /** No answer was given; closes the record. */
  failed(reason: string): void {
    if (this.outcome === undefined) this.log.close(this, { error: reason });
  }
}

/** How a recorded request ended: its answer or why there was none, when, and the newest seq received by then. */
export interface RequestOutcome {
  answer?: RecordableAnswer;
  error?: string;
  at: number;
  lastSeq: number;
}

export class RequestLog {
  #ring: (Recording | undefined)[];
  #next = 0;
  #lastSeq = 0;
  readonly #now: () => number;
  readonly #listeners = new Set<(request: RecordedRequest) => void>();

  constructor(now: () => number, size: number) {
    if (!Number.isSafeInteger(size) || size < 0) throw new Error("requestLogSize must be a whole number from 0");
    this.#now = now;
    this.#ring = new Array<Recording | undefined>(size);
  }

  get size(): number {
    return this.#ring.length;
  }

  /** The newest seq given; 0 before the first request. */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Starts recording a request that has just arrived; the seq is given even when the ring keeps nothing. */
  open(method: string, target: string, headers: RawHeaders): Recording {
    this.#lastSeq += 1;
    const recording = new Recording(this.#lastSeq, this.#now(), method, target, headers, this);
    if (this.#ring.length > 0) {
      this.#ring[this.#next] = recording;
      this.#next = (this.#next + 1) % this.#ring.length;
    }
    return recording;
  }

  /** Called by a Recording when it is answered or failed. */
  close(recording: Recording, end: { answer: RecordableAnswer } | { error: string }): void {
    recording.outcome = { ...end, at: this.#now(), lastSeq: this.#lastSeq };
    if (this.#listeners.size === 0) return;
    const record = toRecord(recording);
    for (const listener of this.#listeners) listener(record);
  }

  /** Calls `listener` with each request as soon as it is answered (or fails). Returns a function that stops it. */
  subscribe(listener: (request: RecordedRequest) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The requests kept, oldest first. */
  kept(): Recording[] {
    const size = this.#ring.length;
    const out: Recording[] = [];
    for (let i = 0; i < size; i++) {
      const recording = this.#ring[(this.#next + i) % size];
      if (recording !== undefined) out.push(recording);
    }
    return out;
  }

  /** Forgets every request and starts seqs again from 1 (with the activity log, on reset). */
  clear(): void {
    this.#ring = new Array<Recording | undefined>(this.#ring.length);
    this.#next = 0;
    this.#lastSeq = 0;
  }
}

/** Which recorded requests: `seq` greater than `since`, oldest first unless `order: "desc"`. */
export interface RequestQuery {
  since?: number;
  order?: "asc" | "desc";
}

export interface RequestPageQuery extends RequestQuery {
  /** From 1 to 1000; default 100. */
  limit?: number;
  /** The `next_cursor` of the page before, given with the same `order`. */
  cursor?: string;
}

/** One page of recorded requests; `last_seq` is the newest seq given, to pass as `since` later. */
export interface RequestPage {
  requests: RecordedRequest[];
  next_cursor: string | null;
  last_seq: number;
}

/** A query that cannot be answered: each problem names the parameter (the error the other listings throw). */
export { ListingQueryError as RequestQueryError };

const MAX_LIMIT = 1000;
const DEFAULT_LIMIT = 100;
const CURSOR = /^requests:(asc|desc):(\d{1,15})$/;

/** Every kept request matching the query, as records. */
export function listRequests(log: RequestLog, query: RequestQuery = {}): RecordedRequest[] {
  const since = checkedSince(query.since);
  const kept = log.kept().filter((r) => r.seq > since);
  if (query.order === "desc") kept.reverse();
  return kept.map(toRecord);
}

/**
 * One page of the kept requests. A cursor holds the next seq to look at, so requests that arrive between pages
 * never shift a page, and requests the ring dropped meanwhile are skipped.
 */
export function requestPage(log: RequestLog, query: RequestPageQuery = {}): RequestPage {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
    throw new ListingQueryError([invalidParameter("limit", `limit must be a whole number from 1 to ${MAX_LIMIT}`)]);
  const since = checkedSince(query.since);
  const order = query.order ?? "asc";
  let from: number | undefined;
  if (query.cursor !== undefined) {
    const match = CURSOR.exec(decodeCursor(query.cursor));
    if (match === null || match[1] !== order)
      throw new ListingQueryError([
        invalidParameter("cursor", "cursor is not one this listing gave with this order (pass next_cursor as it came)"),
      ]);
    from = Number(match[2]);
  }
  const kept = log.kept();
  const inRange =
    order === "asc"
      ? kept.filter((r) => r.seq > since && (from === undefined || r.seq >= from))
      : kept.filter((r) => r.seq > since && (from === undefined || r.seq <= from)).reverse();
  const page = inRange.slice(0, limit);
  const next = inRange[limit];
  return {
    requests: page.map(toRecord),
    next_cursor: next === undefined ? null : encodeCursor(`requests:${order}:${next.seq}`),
    last_seq: log.lastSeq,
  };
}

function encodeCursor(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeCursor(cursor: string): string {
  try {
    return atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return "";
  }
}

/** The JSON form of a recording, credentials redacted. */
export function toRecord(recording: Recording): RecordedRequest {
  const question = recording.target.indexOf("?");
  const record: RecordedRequest = {
    seq: recording.seq,
    received_at: new Date(recording.receivedAt).toISOString(),
    method: recording.method,
    path: question === -1 ? recording.target : recording.target.slice(0, question),
    query: question === -1 ? "" : recording.target.slice(question + 1),
    headers: redactedHeaders(recording.headers),
    body: null,
    response: null,
  };
  const { outcome } = recording;
  if (outcome !== undefined) {
    record.answered_at = new Date(outcome.at).toISOString();
    record.last_seq_at_answer = outcome.lastSeq;
  }
  if (recording.body !== undefined) {
    const cut = recording.body.byteLength > MAX_RECORDED_BODY_BYTES;
    record.body = new TextDecoder().decode(cut ? recording.body.subarray(0, MAX_RECORDED_BODY_BYTES) : recording.body);
    if (cut) record.body_truncated = true;
  }
  if (outcome?.answer !== undefined) {
    const { status, headers, body } = outcome.answer;
    record.response = { status, content_type: headers["content-type"] ?? null, body };
  }
  if (outcome?.error !== undefined) record.error = outcome.error;
  return record;
}

function redactedHeaders(raw: RawHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, value: string) => {
    const key = name.toLowerCase();
    const shown = CREDENTIAL_HEADERS.has(key) ? redact(value) : value;
    out[key] = key in out ? `${out[key]}, ${shown}` : shown;
  };
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) add(raw[i] as string, raw[i + 1] as string);
  } else {
    (raw as Headers).forEach((value, name) => add(name, value));
  }
  return out;
}

/** `Basic [redacted]`: the scheme stays (a reader can tell Basic from Bearer), the credentials go. */
function redact(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+\S/.exec(value)?.[1];
  return scheme === undefined ? "[redacted]" : `${scheme} [redacted]`;
}
