/**
 * The workspace's activity log. Customer.io answers `200 {}` to requests whose identifiers it then refuses
 * (C4, C5, C16), drops (C8) or cannot match under `_update` (C24); the log is the only place where that shows,
 * so every rule that refuses something writes an entry naming its clause.
 */
import type { ActivityEntry, ActivityType, ClauseId } from "./types.js";

/** What a rule reports; the log adds `seq`, `at` and the request number. */
export interface ActivityNote {
  type: ActivityType;
  reason: string;
  clause?: ClauseId;
  cio_id?: string;
  identifier?: string;
  conflicting_cio_id?: string;
  changed?: string[];
}

export class ActivityLog {
  #entries: ActivityEntry[] = [];
  #lastSeq = 0;
  #request: number | undefined;
  #requests = 0;
  readonly #now: () => number;
  readonly #limit: number;

  constructor(now: () => number, limit: number) {
    this.#now = now;
    this.#limit = limit;
  }

  /**
   * Starts a Track API request: entries written until the next call share its number. The number is the seq
   * the request log gave the request (requests.ts), so an entry leads to the request that produced it; without
   * one, requests are counted here.
   */
  beginRequest(seq?: number): number {
    this.#requests = seq ?? this.#requests + 1;
    this.#request = this.#requests;
    return this.#requests;
  }

  /** Entries written outside a request (deleting a person through inspection) carry no request number. */
  endRequest(): void {
    this.#request = undefined;
  }

  /** Writes an entry applied now; `receivedAt` when the request behind it was received earlier (eventual processing). */
  write(note: ActivityNote, receivedAt?: number): ActivityEntry {
    this.#lastSeq += 1;
    const entry: ActivityEntry = { seq: this.#lastSeq, at: this.#now(), type: note.type, reason: note.reason };
    if (receivedAt !== undefined) entry.received_at = receivedAt;
    if (note.clause !== undefined) entry.clause = note.clause;
    if (note.cio_id !== undefined) entry.cio_id = note.cio_id;
    if (note.identifier !== undefined) entry.identifier = note.identifier;
    if (note.conflicting_cio_id !== undefined) entry.conflicting_cio_id = note.conflicting_cio_id;
    if (note.changed !== undefined) entry.changed = [...note.changed];
    if (this.#request !== undefined) entry.request = this.#request;
    this.#entries.push(entry);
    // Trim in batches so that a long-running server does not grow without bound, nor pay a shift per entry.
    if (this.#entries.length > this.#limit + Math.max(16, this.#limit >> 4)) {
      this.#entries.splice(0, this.#entries.length - this.#limit);
    }
    return entry;
  }

  /** Entries with `seq` greater than `since`, oldest first. Seqs are consecutive, so this is an index, not a scan. */
  since(since = 0): ActivityEntry[] {
    const first = this.#entries[0];
    if (first === undefined) return [];
    const start = Math.max(0, Math.floor(since) - first.seq + 1);
    return this.#entries.slice(start).map((entry) => ({ ...entry }));
  }

  /** The entries kept, oldest first, without copying them: for the paged listing (listing.ts), which copies what it returns. */
  get kept(): readonly ActivityEntry[] {
    return this.#entries;
  }

  /** Continues the numbering of a log saved before (state.ts): the next entry gets a seq after `lastSeq`. */
  continueFrom(lastSeq: number): void {
    this.#lastSeq = Math.max(this.#lastSeq, lastSeq);
  }

  get lastSeq(): number {
    return this.#lastSeq;
  }

  clear(): void {
    this.#entries = [];
    this.#lastSeq = 0;
    this.#requests = 0;
    this.#request = undefined;
  }
}
