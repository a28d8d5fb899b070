/**
 * Paged listings of people and activity, shared by the in-process methods (`sim.peoplePage()`,
 * `sim.activityPage()`) and the inspection routes (`GET /__simulator/people`, `GET /__simulator/activity`), so
 * that both give the same pages and the same cursors.
 *
 * A page holds at most `limit` items (default {@link DEFAULT_PAGE_LIMIT}, at most {@link MAX_PAGE_LIMIT}) and looks
 * at no more than a fixed number of stored items, so that its cost does not grow with the workspace: a page of a
 * filter that matches rarely may hold fewer items than `limit`, or none, and still carry a `next_cursor`. The
 * listing has ended when `next_cursor` is null.
 *
 * Cursors are opaque strings. They name a place in the workspace as it was before any reset: a cursor given
 * before `reset()` is refused afterwards, rather than silently pointing at other people.
 */
import type { ActivityEntry, ActivityType, ClauseId, PersonRecord } from "./types.js";
import { PEOPLE_SCAN_BUDGET, type StoredPerson, type Workspace } from "./workspace.js";
import { problem, type Problem } from "../problem.js";
import { SimulatorOptionError } from "./errors.js";

export const DEFAULT_PAGE_LIMIT = 100;
export const MAX_PAGE_LIMIT = 1000;
/** How many activity entries one page may look at (a filter by type or clause skips the others). */
export const ACTIVITY_SCAN_BUDGET = PEOPLE_SCAN_BUDGET;

export const ACTIVITY_TYPES: readonly ActivityType[] = [
  "person_created",
  "attributes_updated",
  "attribute_update_failure",
  "failed_attribute_change",
  "request_dropped",
  "person_deleted",
];

/** Which people: live ones unless `includeDeleted`; with `q`, only those whose cio_id, id or email is exactly `q`. */
export interface PeopleQuery {
  includeDeleted?: boolean;
  /** Matches a cio_id (with or without `cio_`), an id, or an email address (case-insensitively, rule C9), exactly. */
  q?: string;
}

export interface PeoplePageQuery extends PeopleQuery {
  /** From 1 to 1000; default 100. */
  limit?: number;
  /** The `next_cursor` of the page before. */
  cursor?: string;
}

/** One page of people, oldest first; `next_cursor` is null on the last page. */
export interface PeoplePage {
  people: PersonRecord[];
  next_cursor: string | null;
}

/** Which activity entries: `seq` greater than `since`, of one type, decided by one clause; oldest first unless `order: "desc"`. */
export interface ActivityQuery {
  since?: number;
  order?: "asc" | "desc";
  type?: ActivityType;
  clause?: ClauseId;
}

export interface ActivityPageQuery extends ActivityQuery {
  /** From 1 to 1000; default 100. */
  limit?: number;
  /** The `next_cursor` of the page before, given with the same `order`. */
  cursor?: string;
}

/** One page of activity; `last_seq` is the newest `seq` ever written, to pass as `since` later. */
export interface ActivityPage {
  activity: ActivityEntry[];
  last_seq: number;
  next_cursor: string | null;
}

/** A listing query that cannot be answered: a limit out of range, a cursor not given by this listing. */
export class ListingQueryError extends SimulatorOptionError {
  override name = "ListingQueryError";

  constructor(problems: readonly Problem[]) {
    super("invalid_query", problems);
  }
}

/** A query parameter with a value this listing cannot use. */
export const invalidParameter = (name: string, message: string, code = "invalid_value"): Problem =>
  problem(code, [name], message);

function checkedLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_LIMIT) {
    throw new ListingQueryError([
      invalidParameter("limit", `limit must be a whole number from 1 to ${MAX_PAGE_LIMIT}`),
    ]);
  }
  return limit;
}

/** `since` as the activity log and the request log take it: a whole number from 0, 0 when absent. */
export function checkedSince(since: number | undefined): number {
  if (since === undefined) return 0;
  if (!Number.isSafeInteger(since) || since < 0)
    throw new ListingQueryError([invalidParameter("since", "since must be a whole number from 0")]);
  return since;
}

function encodeCursor(text: string): string {
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The numbers a cursor of this kind holds, or a ListingQueryError. */
function decodeCursor(cursor: string, pattern: RegExp, epoch: number): number[] {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    text = "";
  }
  const match = pattern.exec(text);
  if (match === null)
    throw new ListingQueryError([
      invalidParameter("cursor", "cursor is not one this listing gave (pass next_cursor as it came)"),
    ]);
  const numbers = match.slice(1).map(Number);
  if (numbers[0] !== epoch)
    throw new ListingQueryError([
      invalidParameter(
        "cursor",
        "cursor was given before the workspace was reset; start again without it",
        "stale_cursor",
      ),
    ]);
  return numbers.slice(1);
}

const PEOPLE_CURSOR = /^people:(\d{1,15}):(\d{1,15})$/;
const ACTIVITY_CURSOR = {
  asc: /^activity:(\d{1,15}):asc:(\d{1,15})$/,
  desc: /^activity:(\d{1,15}):desc:(\d{1,15})$/,
} as const;

export function peoplePage(workspace: Workspace, query: PeoplePageQuery = {}): PeoplePage {
  const limit = checkedLimit(query.limit);
  const includeDeleted = query.includeDeleted === true;
  const start = query.cursor === undefined ? 0 : (decodeCursor(query.cursor, PEOPLE_CURSOR, workspace.epoch)[0] ?? 0);
  let people: StoredPerson[];
  let next: number | undefined;
  if (query.q !== undefined) {
    const found = workspace.search(query.q, includeDeleted).filter((person) => person.position >= start);
    people = found.slice(0, limit);
    next = found[limit]?.position;
  } else {
    ({ people, next } = workspace.slice(start, limit, includeDeleted));
  }
  return {
    people: people.map((person) => workspace.snapshot(person)),
    next_cursor: next === undefined ? null : encodeCursor(`people:${workspace.epoch}:${next}`),
  };
}

/** Every person a query matches, oldest first, in one array: for tests and small workspaces. */
export function allPeople(workspace: Workspace, query: PeopleQuery = {}): PersonRecord[] {
  const includeDeleted = query.includeDeleted === true;
  const people = query.q === undefined ? workspace.list(includeDeleted) : workspace.search(query.q, includeDeleted);
  return people.map((person) => workspace.snapshot(person));
}

function matches(entry: ActivityEntry, query: ActivityQuery): boolean {
  return (
    (query.type === undefined || entry.type === query.type) &&
    (query.clause === undefined || entry.clause === query.clause)
  );
}

/**
 * One page of the activity log kept in `entries` (oldest first, consecutive seqs). A cursor holds the next seq
 * to look at, so entries written between pages never shift a page, and entries the log dropped meanwhile are
 * skipped.
 */
export function activityPage(
  entries: readonly ActivityEntry[],
  lastSeq: number,
  epoch: number,
  query: ActivityPageQuery = {},
): ActivityPage {
  const limit = checkedLimit(query.limit);
  const since = checkedSince(query.since);
  const order = query.order ?? "asc";
  const first = entries[0]?.seq ?? lastSeq + 1;
  const from = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ACTIVITY_CURSOR[order], epoch)[0];
  const activity: ActivityEntry[] = [];
  let next: number | undefined;
  if (order === "asc") {
    let index = Math.max(0, Math.max(since + 1, from ?? 0) - first);
    const end = Math.min(entries.length, index + ACTIVITY_SCAN_BUDGET);
    for (; index < end && activity.length < limit; index++) {
      const entry = entries[index] as ActivityEntry;
      if (matches(entry, query)) activity.push({ ...entry });
    }
    next = entries[index]?.seq;
  } else {
    let index = Math.min(entries.length - 1, (from ?? lastSeq) - first);
    const end = Math.max(-1, index - ACTIVITY_SCAN_BUDGET);
    for (; index > end && activity.length < limit; index--) {
      const entry = entries[index] as ActivityEntry;
      if (entry.seq <= since) {
        index = -1;
        break;
      }
      if (matches(entry, query)) activity.push({ ...entry });
    }
    const entry = entries[index];
    next = entry !== undefined && entry.seq > since ? entry.seq : undefined;
  }
  return {
    activity,
    last_seq: lastSeq,
    next_cursor: next === undefined ? null : encodeCursor(`activity:${epoch}:${order}:${next}`),
  };
}

/** Every entry a query matches, in one array: for tests and small logs. */
export function allActivity(entries: readonly ActivityEntry[], query: ActivityQuery = {}): ActivityEntry[] {
  const since = checkedSince(query.since);
  const first = entries[0]?.seq ?? 1;
  const kept = entries.slice(Math.max(0, since + 1 - first)).filter((entry) => matches(entry, query));
  if (query.order === "desc") kept.reverse();
  return kept.map((entry) => ({ ...entry }));
}
