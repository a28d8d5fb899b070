/**
 * The inspector page's script, run in the browser. It reads and drives the inspection API under /__simulator/
 * on the same origin (the browser sends the Basic credentials it asked for), builds every node with
 * textContent (attribute values are whatever callers sent, so never HTML), and asks no other host for anything.
 *
 * Listings are paged by the server (`limit`, `cursor`), so the page never loads a whole workspace: people 50 at a
 * time, activity a few hundred entries at a time.
 *
 * This file is compiled to plain JavaScript by scripts/inspector-assets.ts and served from assets.ts.
 */
import type { RecordedRequest } from "../requests.js";
import type { ActivityEntry as Entry, PersonRecord as Person, WorkspaceSettings } from "../types.js";

// ---------------------------------------------------------------------------------------------------------------
// Shapes of the inspection API (openapi/simulator.yaml), as far as the page reads them. The simulator's own types
// are imported as types only, which compiling this file erases: the page loads no other module.

type Settings = WorkspaceSettings;

interface Rule {
  id: string;
  name: string;
  text: string;
  anchor: string;
}

interface Fault {
  id: number;
  spec: Record<string, unknown>;
  fired: number;
  remaining?: number;
}

const API = "/__simulator/";
const PAGE_SIZE = 50;
const POLL_MS = 1000;

const TYPE_LABELS: Record<string, string> = {
  person_created: "Person created",
  attributes_updated: "Attributes updated",
  attribute_update_failure: "Attribute update failure",
  failed_attribute_change: "Failed attribute change",
  request_dropped: "Request dropped",
  person_deleted: "Person deleted",
};
const CLAUSES = Array.from({ length: 24 }, (_, i) => `C${i + 1}`);

// ---------------------------------------------------------------------------------------------------------------
// DOM and HTTP

type Child = Node | string | number | null | undefined | false;

/** An element with attributes and children; strings become text nodes, so no value is ever parsed as HTML. */
function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === "number" ? String(child) : child);
  }
  return el;
}

/** A grey line of explanation or state ("Loading…", "None."). */
function note(...children: Child[]): HTMLElement {
  return h("p", { class: "muted" }, ...children);
}

/**
 * A view of the page: a section labelled by its heading (an h2 with the id `${name}-title`), after the link back
 * to the list it was opened from when there is one.
 */
function view(
  { name, heading, back }: { name: string; heading: string; back?: [href: string, text: string] },
  ...children: Child[]
): HTMLElement {
  return h(
    "section",
    { "aria-labelledby": `${name}-title` },
    back === undefined ? null : h("p", {}, h("a", { href: back[0] }, back[1])),
    h("h2", { id: `${name}-title` }, heading),
    ...children,
  );
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(
  method: string,
  path: string,
  query?: Record<string, string | number | boolean | undefined>,
  body?: unknown,
): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== "") params.set(key, String(value));
  const search = params.size > 0 ? `?${params}` : "";
  const init: RequestInit = { method, headers: { accept: "application/json" }, cache: "no-store" };
  if (body !== undefined) init.headers = { accept: "application/json", "content-type": "application/json" };
  if (body !== undefined) init.body = JSON.stringify(body);
  const response = await fetch(API + path + search, init);
  const text = await response.text();
  const parsed: unknown = text === "" ? {} : JSON.parse(text);
  if (!response.ok) {
    const meta = (parsed as { meta?: { error?: string; errors?: string[] } }).meta;
    throw new ApiError(response.status, meta?.error ?? meta?.errors?.join("; ") ?? `HTTP ${response.status}`);
  }
  return parsed as T;
}

const get = <T>(path: string, query?: Record<string, string | number | boolean | undefined>) =>
  call<T>("GET", path, query);

/** Says something to screen readers (and shows nothing). */
function announce(text: string): void {
  const region = document.getElementById("announcer");
  if (region !== null) region.textContent = text;
}

function time(ms: number): HTMLElement {
  const date = new Date(ms);
  const shown = `${date.toLocaleTimeString(undefined, { hour12: false })}.${String(date.getMilliseconds()).padStart(3, "0")}`;
  return h("time", { datetime: date.toISOString(), title: date.toISOString() }, shown);
}

function unixTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isFinite(date.getTime()) ? `${seconds} (${date.toISOString()})` : String(seconds);
}

function valueText(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function personLink(cioId: string): HTMLElement {
  return h("a", { href: `#/people/${encodeURIComponent(cioId)}` }, `cio_${cioId}`);
}

function typeLabel(type: string): HTMLElement {
  return h("span", { class: `type type-${type}` }, TYPE_LABELS[type] ?? type);
}

/** The rules C1–C24 as the spec words them (rules.json), by id; empty until loaded. */
const rules = new Map<string, Rule>();

/**
 * Where a rule is written in the rendered API reference of the docs site (`npm run docs` builds it), when this
 * browser knows the docs site's address (Controls): the section that lists the rules, and a text fragment that
 * takes the browser to the rule's own line. Without an address, the rule's text on this page.
 */
function referenceHref(clause: string): string | undefined {
  const base = docsBase();
  const rule = rules.get(clause);
  if (base === "") return undefined;
  // The words as the reference shows them: Markdown's code marks are not part of the rendered text.
  const words = rule === undefined ? clause : `${rule.id} ${rule.name.replace(/`/g, "")}`;
  const text = encodeURIComponent(words).replace(/-/g, "%2D");
  return `${base}reference.html#${rule?.anchor ?? ""}:~:text=${text}`;
}

function clauseLink(clause: string): HTMLElement {
  const rule = rules.get(clause);
  const title = rule === undefined ? `Rule ${clause}` : `${rule.id} ${rule.name}: ${rule.text.replace(/`/g, "")}`;
  return h("a", { href: referenceHref(clause) ?? `#/rules/${clause}`, class: "clause", title }, clause);
}

/** Markdown with `code` spans, as text and code elements. */
function markdownLine(text: string): Child[] {
  return text.split("`").map((part, i) => (i % 2 === 1 ? h("code", {}, part) : part.replace(/\*\*/g, "")));
}

const DOCS_KEY = "cio-customers.inspector.docs";

function docsBase(): string {
  const stored = localStorage.getItem(DOCS_KEY) ?? "";
  return stored === "" || stored.endsWith("/") ? stored : `${stored}/`;
}

function errorBox(error: unknown): HTMLElement {
  const message = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, `Could not load: ${message}`);
}

function table(
  caption: string,
  headings: readonly string[],
  rows: readonly HTMLElement[],
  className = "",
): HTMLElement {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: className },
      h("caption", { class: "visually-hidden" }, caption),
      h("thead", {}, h("tr", {}, ...headings.map((text) => h("th", { scope: "col" }, text)))),
      h("tbody", {}, ...rows),
    ),
  );
}

/** A table cell that, on a narrow screen, shows its column's name beside the value. */
function cell(label: string, ...content: Child[]): HTMLElement {
  return h("td", { "data-label": label }, ...content);
}

// ---------------------------------------------------------------------------------------------------------------
// Activity: one store, fed by polling, read by the Activity view and the header.

interface ActivityPage {
  activity: Entry[];
  last_seq: number;
  next_cursor: string | null;
}

interface ActivityFilter {
  type: string;
  clause: string;
}

/** Stands for "older entries were dropped from the page": loading older ones walks the log from its newest. */
const TRIMMED = Symbol("trimmed");

const activity = {
  /** Newest first, matching `filter`. */
  entries: [] as Entry[],
  filter: { type: "", clause: "" } as ActivityFilter,
  lastSeq: 0,
  /** Where older entries are: the server's cursor, TRIMMED, or null when everything is loaded. */
  older: null as string | typeof TRIMMED | null,
  loaded: false,
  unseen: 0,
  listeners: new Set<() => void>(),
  /** Bumped by each full load, so that a poll answered meanwhile cannot add what the load already holds. */
  version: 0,
};

/** Entries fetched per request. */
const ACTIVITY_LIMIT = 200;
/** Entries the page holds at most: a busy simulator logs faster than anyone reads, and the table stays quick. */
const ACTIVITY_KEPT = 1000;
/**
 * Requests one load may make. A filtered page may come back short or empty with a cursor (the server looks at a
 * bounded number of entries per page), so a load follows cursors until it has enough.
 */
const MAX_ROUNDS = 20;

const filterQuery = (filter: ActivityFilter) => ({ type: filter.type, clause: filter.clause });

/** Follows the listing from `cursor` (or from the newest entry) until `wanted` entries older than `below` are found. */
async function newestEntries(
  filter: ActivityFilter,
  wanted: number,
  cursor?: string,
  below = Infinity,
): Promise<{ entries: Entry[]; next: string | null; lastSeq: number }> {
  const entries: Entry[] = [];
  let next: string | null = null;
  let lastSeq = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await get<ActivityPage>("activity", {
      limit: ACTIVITY_LIMIT,
      order: "desc",
      cursor,
      ...filterQuery(filter),
    });
    if (round === 0) lastSeq = page.last_seq;
    entries.push(...page.activity.filter((e) => e.seq < below));
    next = page.next_cursor;
    if (next === null || entries.length >= wanted) break;
    cursor = next;
  }
  return { entries, next, lastSeq };
}

/** Loads the newest entries matching the filter, replacing what the store holds. */
async function loadActivity(): Promise<void> {
  const version = ++activity.version;
  const filter = { ...activity.filter };
  const { entries, next, lastSeq } = await newestEntries(filter, ACTIVITY_LIMIT);
  // A newer load (the filter changed again) wins.
  if (version !== activity.version) return;
  activity.entries = entries;
  activity.older = next;
  activity.lastSeq = lastSeq;
  activity.loaded = true;
  notify();
}

async function loadOlderActivity(): Promise<void> {
  if (activity.older === null) return;
  const version = activity.version;
  const oldest = activity.entries.at(-1)?.seq ?? Infinity;
  const { entries, next } =
    activity.older === TRIMMED
      ? await newestEntries(activity.filter, ACTIVITY_LIMIT, undefined, oldest)
      : await newestEntries(activity.filter, ACTIVITY_LIMIT, activity.older);
  if (version !== activity.version) return;
  activity.entries.push(...entries.filter((e) => e.seq < oldest));
  activity.older = next;
  notify();
}

/** Fetches what happened since the last poll; a last_seq that went back means the simulator was reset. */
async function pollActivity(): Promise<void> {
  const version = activity.version;
  const since = activity.lastSeq;
  const fresh: Entry[] = [];
  let lastSeq = since;
  let cursor: string | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await get<ActivityPage>("activity", {
      since,
      order: "asc",
      limit: ACTIVITY_LIMIT,
      cursor,
      ...filterQuery(activity.filter),
    });
    if (version !== activity.version) return;
    if (page.last_seq < since) {
      await loadActivity();
      activity.unseen = 0;
      announce("The simulator was reset");
      return;
    }
    lastSeq = page.last_seq;
    fresh.push(...page.activity);
    cursor = page.next_cursor ?? undefined;
    if (cursor === undefined) break;
  }
  if (version !== activity.version || since !== activity.lastSeq) return;
  // More arrived than a poll follows: start again from the newest.
  if (cursor !== undefined) return loadActivity();
  if (fresh.length === 0 && lastSeq === activity.lastSeq) return;
  fresh.reverse();
  activity.entries.unshift(...fresh);
  if (activity.entries.length > ACTIVITY_KEPT) {
    activity.entries.length = ACTIVITY_KEPT;
    activity.older = TRIMMED;
  }
  activity.lastSeq = lastSeq;
  if (fresh.length > 0) {
    if (current.view !== "activity") activity.unseen += fresh.length;
    announce(`${fresh.length} new activity ${fresh.length === 1 ? "entry" : "entries"}`);
  }
  notify();
}

function notify(): void {
  for (const listener of activity.listeners) listener();
  const badge = document.getElementById("new-activity");
  if (badge !== null) {
    badge.hidden = activity.unseen === 0;
    badge.textContent = activity.unseen > 0 ? `${activity.unseen} new` : "";
  }
}

let polling = true;
let pollFailures = 0;

async function pollLoop(): Promise<void> {
  const status = document.getElementById("live-status");
  try {
    if (!activity.loaded) await loadActivity();
    else if (polling && document.visibilityState === "visible") await pollActivity();
    pollFailures = 0;
    if (status !== null) status.textContent = polling ? `Live · newest entry #${activity.lastSeq}` : "Paused";
  } catch (error) {
    pollFailures += 1;
    if (status !== null)
      status.textContent = `Not reachable (${error instanceof Error ? error.message : String(error)}); retrying`;
  }
  setTimeout(() => void pollLoop(), POLL_MS * Math.min(10, 1 + pollFailures));
}

// ---------------------------------------------------------------------------------------------------------------
// Views

interface Route {
  view: "people" | "person" | "activity" | "requests" | "controls" | "rules";
  arg: string;
  query: URLSearchParams;
}

let current: Route = { view: "people", arg: "", query: new URLSearchParams() };
/** Bumped on each navigation, so a slow answer for a view the user has left is dropped. */
let generation = 0;

function parseRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path = "", search = ""] = hash.split("?");
  const [view = "", ...rest] = path.split("/");
  const query = new URLSearchParams(search);
  const arg = decodeURIComponent(rest.join("/"));
  if (view === "people" && arg !== "") return { view: "person", arg, query };
  if (view === "activity" || view === "requests" || view === "controls" || view === "rules")
    return { view, arg, query };
  return { view: "people", arg: "", query };
}

function render(): void {
  current = parseRoute();
  generation += 1;
  activity.listeners.clear();
  const main = document.getElementById("main") as HTMLElement;
  const navView = current.view === "person" ? "people" : current.view === "rules" ? "activity" : current.view;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav a[data-view]")) {
    if (link.dataset["view"] === navView) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  if (current.view === "activity") {
    activity.unseen = 0;
    notify();
  }
  const views = {
    people: peopleView,
    person: personView,
    activity: activityView,
    requests: requestsView,
    controls: controlsView,
    rules: rulesView,
  };
  main.replaceChildren(views[current.view](current));
}

/** Runs a load for the view on screen; drops its result if the user has gone elsewhere meanwhile. */
function whileHere(load: () => Promise<void>, onError: (error: unknown) => void): void {
  const mine = generation;
  load().catch((error: unknown) => {
    if (mine === generation) onError(error);
  });
}

// People --------------------------------------------------------------------------------------------------------

interface PeoplePage {
  people: Person[];
  next_cursor: string | null;
}

/** The search form; submitting it moves to the first page of what it asks for. */
function peopleSearch(q: string, includeDeleted: boolean): HTMLElement {
  const search = h("input", {
    type: "search",
    id: "people-q",
    name: "q",
    value: q,
    autocomplete: "off",
    spellcheck: "false",
  }) as HTMLInputElement;
  const deleted = h("input", { type: "checkbox", id: "people-deleted", checked: includeDeleted }) as HTMLInputElement;
  const form = h(
    "form",
    { class: "toolbar", role: "search" },
    h("label", { for: "people-q" }, "Find by id, email or cio_id"),
    search,
    h("label", { class: "check" }, deleted, " Include deleted"),
    h("button", { type: "submit" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (search.value.trim() !== "") params.set("q", search.value.trim());
    if (deleted.checked) params.set("deleted", "1");
    const target = `#/people${params.size > 0 ? `?${params}` : ""}`;
    if (location.hash === target) render();
    else location.hash = target;
  });
  return form;
}

/** What the people view shows: the search, whether deleted people count, the page's cursor and its first number. */
interface PeopleQuery {
  q: string;
  includeDeleted: boolean;
  cursor: string;
  /** The number of the first person shown, carried from page to page for the "51–100" line. */
  from: number;
}

function peopleRow(p: Person): HTMLElement {
  return h(
    "tr",
    { class: p.deleted ? "deleted" : undefined },
    cell("cio_id", personLink(p.cio_id)),
    cell("id", p.id ?? dash()),
    cell("email", p.email ?? dash()),
    cell("attributes", String(Object.keys(p.attributes).length)),
    cell("status", p.deleted ? "deleted" : p.unsubscribed ? "unsubscribed" : "live"),
  );
}

/** Cursors lead forward only; the page before is the one the browser came from. */
function peoplePager(query: PeopleQuery, page: PeoplePage): HTMLElement {
  const pager = h("nav", { class: "pager", "aria-label": "Pages of people" });
  if (query.cursor !== "") {
    const prev = h("button", { type: "button" }, "← Previous page");
    prev.addEventListener("click", () => history.back());
    pager.append(prev);
  }
  if (page.next_cursor !== null) {
    const target = new URLSearchParams();
    if (query.q !== "") target.set("q", query.q);
    if (query.includeDeleted) target.set("deleted", "1");
    target.set("cursor", page.next_cursor);
    target.set("from", String(query.from + page.people.length));
    pager.append(h("a", { href: `#/people?${target}`, class: "button", rel: "next" }, "Next page →"));
  }
  return pager;
}

function peopleSummary({ q, cursor, from }: PeopleQuery, page: PeoplePage): string {
  const shown = page.people.length;
  if (shown > 0) return `${from}–${from + shown - 1}${page.next_cursor === null ? ` of ${from + shown - 1}` : ""}`;
  if (q !== "") return `Nobody has the id, email or cio_id “${q}”.`;
  if (cursor !== "") return "No more people.";
  return "Nobody yet. Send an identify call, or seed people with POST /__simulator/people.";
}

function peopleView(route: Route): HTMLElement {
  const query: PeopleQuery = {
    q: route.query.get("q") ?? "",
    includeDeleted: route.query.get("deleted") === "1",
    cursor: route.query.get("cursor") ?? "",
    from: Math.max(1, Number(route.query.get("from") ?? "1") || 1),
  };
  const results = h("div", { id: "people-results", "aria-busy": "true" }, note("Loading…"));
  whileHere(
    async () => {
      const page = await get<PeoplePage>("people", {
        limit: PAGE_SIZE,
        cursor: query.cursor,
        q: query.q,
        include_deleted: query.includeDeleted ? "true" : undefined,
      });
      const columns = ["cio_id", "id", "email", "attributes", "status"];
      results.replaceChildren(
        h("p", { class: "muted", id: "people-summary" }, peopleSummary(query, page)),
        page.people.length > 0 ? table("People", columns, page.people.map(peopleRow), "people") : "",
        peoplePager(query, page),
      );
      results.setAttribute("aria-busy", "false");
    },
    (error) => results.replaceChildren(errorBox(error)),
  );
  return view({ name: "people", heading: "People" }, peopleSearch(query.q, query.includeDeleted), results);
}

// One person ----------------------------------------------------------------------------------------------------

/** Entries about this person, newest first. */
const historyOf = (cioId: string) => entriesWhere((e) => e.cio_id === cioId || e.conflicting_cio_id === cioId);

const dash = () => h("span", { class: "muted" }, "—");

/** The person's identifiers and state, as a definition list. */
function personFacts(person: Person): HTMLElement {
  const facts: [string, Child][] = [
    ["cio_id", `cio_${person.cio_id}`],
    ["id", person.id ?? dash()],
    ["email", person.email ?? dash()],
    ["anonymous_id", person.anonymous_id ?? dash()],
    ["created_at", person.created_at === undefined ? dash() : unixTime(person.created_at)],
    ["unsubscribed", person.unsubscribed ? "yes: no messages at all (C17)" : "no"],
    ["status", person.deleted ? "deleted" : "live"],
    ["last _timestamp", person.last_timestamp === undefined ? dash() : unixTime(person.last_timestamp)],
  ];
  return h("dl", { class: "facts" }, ...facts.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function attributesBlock(person: Person): HTMLElement {
  const attributes = Object.entries(person.attributes);
  if (attributes.length === 0) return note("No custom attributes.");
  return table(
    "Attributes",
    ["name", "value"],
    attributes.map(([name, value]) => h("tr", {}, cell("name", h("code", {}, name)), cell("value", valueText(value)))),
  );
}

function topicsBlock(person: Person): HTMLElement {
  const topics = Object.entries(person.topics);
  const defaultText = "Every topic not listed here follows the workspace default.";
  const rows = topics.map(([topic, on]) =>
    h("tr", {}, cell("topic", h("code", {}, topic)), cell("preference", on ? "subscribed" : "unsubscribed")),
  );
  return h(
    "div",
    {},
    topics.length === 0 ? "" : table("Topics", ["topic", "preference"], rows),
    note(topics.length === 0 ? `No topic set. ${defaultText}` : defaultText),
  );
}

function relationshipsBlock(person: Person): HTMLElement {
  if (person.relationships.length === 0) return note("No relationships.");
  const attributesOf = (attributes: Record<string, unknown>) =>
    Object.keys(attributes).length === 0
      ? h("span", { class: "muted" }, "none")
      : h(
          "ul",
          { class: "plain" },
          ...Object.entries(attributes).map(([k, v]) => h("li", {}, h("code", {}, k), ": ", valueText(v))),
        );
  return table(
    "Relationships",
    ["object type", "object id", "attributes"],
    person.relationships.map((r) =>
      h(
        "tr",
        {},
        cell("object type", r.object_type_id),
        cell("object id", r.object_id),
        cell("attributes", attributesOf(r.attributes)),
      ),
    ),
  );
}

function personView(route: Route): HTMLElement {
  const cioId = route.arg.replace(/^cio_/, "");
  const body = h("div", { "aria-busy": "true" }, note("Loading…"));
  const section = view({ name: "person", heading: `Person cio_${cioId}`, back: ["#/people", "← People"] }, body);
  whileHere(
    async () => {
      const [person, history] = await Promise.all([
        get<Person>("people/lookup", { cio_id: cioId, include_deleted: "true" }),
        historyOf(cioId),
      ]);
      body.replaceChildren(
        personFacts(person),
        h("h3", {}, "Attributes"),
        attributesBlock(person),
        h("h3", {}, "Topics"),
        topicsBlock(person),
        h("h3", {}, "Relationships"),
        relationshipsBlock(person),
        h("h3", {}, "History"),
        history.length === 0
          ? note("Nothing in the activity log about this person.")
          : activityTable(history, "History"),
      );
      body.setAttribute("aria-busy", "false");
    },
    (error) =>
      body.replaceChildren(
        error instanceof ApiError && error.status === 404
          ? h("p", { role: "alert" }, `Nobody has the cio_id ${cioId}.`)
          : errorBox(error),
      ),
  );
  return section;
}

// Activity ------------------------------------------------------------------------------------------------------

function activityTable(entries: readonly Entry[], caption: string): HTMLElement {
  return table(
    caption,
    ["#", "time", "type", "rule", "identifier", "person", "request", "reason"],
    entries.map((e) =>
      h(
        "tr",
        { "data-seq": String(e.seq), "data-type": e.type, "data-clause": e.clause },
        cell("#", String(e.seq)),
        cell("time", time(e.at)),
        cell("type", typeLabel(e.type)),
        cell("rule", e.clause === undefined ? h("span", { class: "muted" }, "—") : clauseLink(e.clause)),
        cell("identifier", e.identifier ?? h("span", { class: "muted" }, "—")),
        cell(
          "person",
          e.cio_id === undefined ? h("span", { class: "muted" }, "—") : personLink(e.cio_id),
          e.conflicting_cio_id === undefined
            ? ""
            : h("span", { class: "conflict" }, " held by ", personLink(e.conflicting_cio_id)),
        ),
        cell(
          "request",
          e.request === undefined
            ? h("span", { class: "muted" }, "—")
            : h("a", { href: `#/requests/${e.request}` }, `#${e.request}`),
        ),
        cell(
          "reason",
          h("span", { class: "reason" }, e.reason),
          e.changed !== undefined && e.changed.length > 0 && !/changed/i.test(e.reason)
            ? h("span", { class: "changed" }, ` Changed: ${e.changed.join(", ")}.`)
            : "",
        ),
      ),
    ),
    "activity",
  );
}

/** The type and rule filters and the Live switch; a change of filter reloads the log (errors shown in `list`). */
function activityToolbar(list: HTMLElement): HTMLElement {
  const typeSelect = h(
    "select",
    { id: "activity-type" },
    h("option", { value: "" }, "All types"),
    ...Object.entries(TYPE_LABELS).map(([value, label]) =>
      h("option", { value, selected: activity.filter.type === value }, label),
    ),
  ) as HTMLSelectElement;
  const clauseSelect = h(
    "select",
    { id: "activity-clause" },
    h("option", { value: "" }, "All rules"),
    ...CLAUSES.map((c) => h("option", { value: c, selected: activity.filter.clause === c }, c)),
  ) as HTMLSelectElement;
  const live = h("input", { type: "checkbox", id: "activity-live", checked: polling }) as HTMLInputElement;
  const onFilter = () => {
    activity.filter = { type: typeSelect.value, clause: clauseSelect.value };
    whileHere(loadActivity, (error) => list.replaceChildren(errorBox(error)));
  };
  typeSelect.addEventListener("change", onFilter);
  clauseSelect.addEventListener("change", onFilter);
  live.addEventListener("change", () => {
    polling = live.checked;
    announce(polling ? "Live updates on" : "Live updates paused");
  });
  return h(
    "div",
    { class: "toolbar" },
    h("label", { for: "activity-type" }, "Type"),
    typeSelect,
    h("label", { for: "activity-clause" }, "Rule"),
    clauseSelect,
    h("label", { class: "check" }, live, " Live"),
  );
}

function activityView(route: Route): HTMLElement {
  // A link may name the filters (#/activity?clause=C4); they then replace the ones in use.
  const wanted = {
    type: route.query.get("type") ?? activity.filter.type,
    clause: route.query.get("clause") ?? activity.filter.clause,
  };
  if (wanted.type !== activity.filter.type || wanted.clause !== activity.filter.clause) {
    activity.filter = wanted;
    activity.entries = [];
    whileHere(loadActivity, () => undefined);
  }
  const list = h("div", { id: "activity-list" });
  const more = h("button", { type: "button", id: "activity-older" }, "Load older entries");
  more.addEventListener("click", () => whileHere(loadOlderActivity, (error) => list.replaceChildren(errorBox(error))));
  const unfiltered = () => activity.filter.type === "" && activity.filter.clause === "";
  const draw = () => {
    list.replaceChildren(
      activity.entries.length === 0
        ? note(unfiltered() ? "The log is empty." : "No entry matches these filters.")
        : activityTable(activity.entries, "Activity, newest first"),
    );
    more.hidden = activity.older === null;
  };
  activity.listeners.add(draw);
  draw();
  return view(
    { name: "activity", heading: "Activity" },
    note("What each request did, or did not, apply. Newest first; new entries appear as they happen."),
    activityToolbar(list),
    list,
    more,
  );
}

// Requests ------------------------------------------------------------------------------------------------------

interface RequestsPage {
  requests: RecordedRequest[];
  next_cursor: string | null;
  last_seq: number;
}

const targetOf = (r: RecordedRequest) => `${r.path}${r.query === "" ? "" : `?${r.query}`}`;

/** JSON pretty-printed when it parses, else the text as it came. */
function bodyBlock(text: string | null, truncated = false): HTMLElement {
  if (text === null) return note("Not read (the simulator answered before reading it).");
  if (text === "") return note("Empty.");
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: shown as sent.
  }
  return h(
    "div",
    {},
    h("pre", { class: "json" }, shown),
    truncated ? note("Cut: the log keeps the start of long bodies.") : "",
  );
}

/** Entries of the log that `keep` selects, newest first, from the whole log (bounded, so a few pages at most). */
async function entriesWhere(keep: (entry: Entry) => boolean): Promise<Entry[]> {
  const found: Entry[] = [];
  let cursor: string | undefined;
  for (let round = 0; round < 50; round++) {
    const page = await get<ActivityPage>("activity", { limit: 1000, order: "desc", cursor });
    found.push(...page.activity.filter(keep));
    if (page.next_cursor === null) break;
    cursor = page.next_cursor;
  }
  return found;
}

/** What a recorded request was and how it was answered, as a definition list. */
function requestFacts(r: RecordedRequest): HTMLElement {
  const answer =
    r.response === null
      ? (r.error ?? "none")
      : `${r.response.status}${r.response.content_type === null ? "" : ` (${r.response.content_type})`}`;
  return h(
    "dl",
    { class: "facts" },
    h("dt", {}, "request"),
    h("dd", {}, h("code", {}, `${r.method} ${targetOf(r)}`)),
    h("dt", {}, "received"),
    h("dd", {}, r.received_at),
    h("dt", {}, "answer"),
    h("dd", {}, answer),
  );
}

/** A recorded request in full: what it was, what it did (its activity entries), its headers and both bodies. */
function requestParts(r: RecordedRequest, produced: readonly Entry[]): HTMLElement[] {
  const headers = Object.entries(r.headers);
  const headerRows = headers.map(([name, value]) =>
    h("tr", {}, cell("name", h("code", {}, name)), cell("value", value)),
  );
  return [
    requestFacts(r),
    h("h3", {}, "What it did"),
    produced.length === 0
      ? note("No activity entry: nothing was applied or refused by a rule.")
      : activityTable(produced, "Activity of the request"),
    h("h3", {}, "Headers"),
    note("Credentials are redacted by the simulator."),
    headers.length === 0 ? note("None.") : table("Headers", ["name", "value"], headerRows),
    h("h3", {}, "Body"),
    bodyBlock(r.body, r.body_truncated === true),
    h("h3", {}, "Answer body"),
    r.response === null ? note(r.error ?? "No answer.") : bodyBlock(r.response.body),
  ];
}

function requestDetail(seq: number): HTMLElement {
  const body = h("div", { "aria-busy": "true" }, note("Loading…"));
  whileHere(
    async () => {
      const [page, produced] = await Promise.all([
        get<RequestsPage>("requests", { since: seq - 1, limit: 1, order: "asc" }),
        entriesWhere((e) => e.request === seq),
      ]);
      const r = page.requests.find((one) => one.seq === seq);
      body.replaceChildren(
        ...(r === undefined
          ? [h("p", { role: "alert" }, `Request #${seq} is not in the log (it keeps the newest requests only).`)]
          : requestParts(r, produced)),
      );
      body.setAttribute("aria-busy", "false");
    },
    (error) => body.replaceChildren(notRecording(error) ?? errorBox(error)),
  );
  return view({ name: "request", heading: `Request #${seq}`, back: ["#/requests", "← Requests"] }, body);
}

/** The message for a simulator without the request log (an older one), or undefined for other errors. */
function notRecording(error: unknown): HTMLElement | undefined {
  if (!(error instanceof ApiError && error.status === 404)) return undefined;
  return h(
    "p",
    {},
    "This simulator does not record requests. What each request did is in ",
    h("a", { href: "#/activity" }, "Activity"),
    ".",
  );
}

function requestRow(r: RecordedRequest): HTMLElement {
  return h(
    "tr",
    { "data-seq": String(r.seq) },
    cell("#", h("a", { href: `#/requests/${r.seq}` }, `#${r.seq}`)),
    cell("received", r.received_at.slice(11, 23)),
    cell("request", h("code", {}, `${r.method} ${targetOf(r)}`)),
    cell("answer", r.response === null ? (r.error ?? "none") : String(r.response.status)),
  );
}

/** One page of the request log, newest first, with links to newer and older pages. */
function requestsPageParts(cursor: string, page: RequestsPage): HTMLElement[] {
  const pager = h("nav", { class: "pager", "aria-label": "Pages of requests" });
  if (cursor !== "") {
    const prev = h("button", { type: "button" }, "← Newer requests");
    prev.addEventListener("click", () => history.back());
    pager.append(prev);
  }
  if (page.next_cursor !== null) {
    const href = `#/requests?cursor=${encodeURIComponent(page.next_cursor)}`;
    pager.append(h("a", { href, class: "button", rel: "next" }, "Older requests →"));
  }
  const rows = page.requests.map(requestRow);
  return [
    rows.length === 0
      ? note("No request recorded yet.")
      : table("Requests, newest first", ["#", "received", "request", "answer"], rows, "requests"),
    pager,
  ];
}

function requestsView(route: Route): HTMLElement {
  const seq = Number(route.arg);
  if (route.arg !== "" && Number.isSafeInteger(seq) && seq > 0) return requestDetail(seq);
  const cursor = route.query.get("cursor") ?? "";
  const list = h("div", { id: "requests-list", "aria-busy": "true" }, note("Loading…"));
  const mine = generation;
  const draw = async () => {
    const page = await get<RequestsPage>("requests", { limit: PAGE_SIZE, order: "desc", cursor });
    if (mine !== generation) return;
    list.replaceChildren(...requestsPageParts(cursor, page));
    list.setAttribute("aria-busy", "false");
  };
  whileHere(draw, (error) => list.replaceChildren(notRecording(error) ?? errorBox(error)));
  // The newest page follows new requests as the log does.
  if (cursor === "") {
    let seen = activity.lastSeq;
    activity.listeners.add(() => {
      if (activity.lastSeq === seen) return;
      seen = activity.lastSeq;
      whileHere(draw, () => undefined);
    });
  }
  return view(
    { name: "requests", heading: "Requests" },
    note(
      "Every Track API call the simulator received, newest first, with the answer it gave. Open one to see what it did.",
    ),
    list,
  );
}

// Controls ------------------------------------------------------------------------------------------------------

function describeFault(fault: Fault): string {
  const { kind, ...rest } = fault.spec;
  const options = Object.entries(rest)
    .map(([k, v]) => `${k} ${valueText(v)}`)
    .join(", ");
  const left = fault.remaining === undefined ? "" : `, ${fault.remaining} left`;
  return `${String(kind)}${options === "" ? "" : ` (${options})`}: fired ${fault.fired} times${left}`;
}

/** Writes a line in the Controls view's status area (read out by screen readers). */
type Say = (text: string) => void;

const failure = (what: string, error: unknown) =>
  `${what} failed: ${error instanceof Error ? error.message : String(error)}`;

/** Reset, with a second step so that one stray Enter does not empty the workspace; `after` redraws the view. */
function resetControl(say: Say, after: () => Promise<void>): HTMLElement {
  const resetButton = h("button", { type: "button", id: "reset", class: "danger" }, "Reset the simulator…");
  const confirmBox = h(
    "div",
    { class: "confirm", hidden: true },
    h("p", {}, "Empty the workspace and the log, and bring back the settings and faults it started with?"),
  );
  const yes = h("button", { type: "button", id: "reset-confirm", class: "danger" }, "Yes, reset");
  const no = h("button", { type: "button" }, "Cancel");
  confirmBox.append(yes, " ", no);
  resetButton.addEventListener("click", () => {
    confirmBox.hidden = false;
    yes.focus();
  });
  no.addEventListener("click", () => {
    confirmBox.hidden = true;
    resetButton.focus();
  });
  yes.addEventListener("click", () => {
    whileHere(
      async () => {
        await call("POST", "reset");
        confirmBox.hidden = true;
        await Promise.all([loadActivity(), after()]);
        say("Reset: the workspace and the log are empty.");
        resetButton.focus();
      },
      (error) => say(failure("Reset", error)),
    );
  });
  return h("div", {}, resetButton, confirmBox);
}

/** How the Controls view shows one setting: a checkbox for a yes/no setting, else a choice of its values. */
type SettingField<T> = [T] extends [boolean]
  ? { id: string; label: string }
  : { id: string; label: string; choices: readonly (readonly [T, string])[] };

/**
 * Every workspace setting, in the order of the settings table (docs/simulator.md). Typed over the simulator's
 * own WorkspaceSettings, so that a setting added there cannot be missing here.
 */
const SETTING_FIELDS: { readonly [K in keyof Settings]: SettingField<Settings[K]> } = {
  identifiedBy: {
    id: "setting-identified-by",
    label: "People are identified by",
    choices: [
      ["email_or_id", "email or id (emails ignore case, C9)"],
      ["id", "id only"],
    ],
  },
  allowEmailUpdatesById: { id: "setting-allow-email", label: "Allow updates to email using ID (C6)" },
  bodyIdentifierPrecedence: {
    id: "setting-body-identifier-precedence",
    label: "When the body's id and email name two people (OC1), update",
    choices: [
      ["id", "the person with the id"],
      ["email", "the person with the email"],
    ],
  },
  pathReplacesSetIdentifier: {
    id: "setting-path-replaces-set-identifier",
    label: "Give a person found through the body the path identifier, even over one they hold (OC2)",
  },
  deletedAnonymousIds: {
    id: "setting-deleted-anonymous-ids",
    label: "A deleted person's anonymous ids (OC5)",
    choices: [
      ["reserved", "stay theirs (not reusable, C16)"],
      ["released", "are free for others"],
    ],
  },
};

const SETTING_KEYS = Object.keys(SETTING_FIELDS) as (keyof Settings)[];

/** The form of every workspace setting; `draw()` shows the current values (and enables the form). */
function settingsControl(say: Say): { form: HTMLElement; draw: () => Promise<void> } {
  const inputs = new Map<keyof Settings, HTMLInputElement | HTMLSelectElement>();
  const rows = SETTING_KEYS.map((name) => {
    const field: { id: string; label: string; choices?: readonly (readonly [unknown, string])[] } =
      SETTING_FIELDS[name];
    if (field.choices === undefined) {
      const box = h("input", { type: "checkbox", id: field.id, name }) as HTMLInputElement;
      inputs.set(name, box);
      return h("label", { class: "check" }, box, ` ${field.label}`);
    }
    const options = field.choices.map(([value, text]) => h("option", { value: String(value) }, text));
    const select = h("select", { id: field.id, name }, ...options) as HTMLSelectElement;
    inputs.set(name, select);
    return h("div", { class: "setting" }, h("label", { for: field.id }, field.label), select);
  });
  const form = h(
    "form",
    { class: "settings", id: "settings" },
    ...rows,
    h("button", { type: "submit" }, "Save settings"),
  );
  // Until the current settings are shown, the form cannot be changed: a box ticked before they arrive would be
  // overwritten by them, and saving would send what nobody chose.
  const controls = [
    ...form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>("input, select, button"),
  ];
  for (const control of controls) control.disabled = true;
  const show = (settings: Settings) => {
    for (const [name, input] of inputs) {
      if (input instanceof HTMLInputElement) input.checked = settings[name] === true;
      else input.value = String(settings[name]);
    }
  };
  const draw = async () => {
    show(await get<Settings>("settings"));
    for (const control of controls) control.disabled = false;
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const patch: Record<string, string | boolean> = {};
    for (const [name, input] of inputs) patch[name] = input instanceof HTMLInputElement ? input.checked : input.value;
    whileHere(
      async () => {
        show(await call<Settings>("PATCH", "settings", undefined, patch));
        say("Settings saved.");
      },
      (error) => say(failure("Saving", error)),
    );
  });
  return { form, draw };
}

/** The faults in force and a button that clears them; `draw()` reads them again. */
function faultsControl(say: Say): { list: HTMLElement; clear: HTMLElement; draw: () => Promise<void> } {
  const list = h("div", { id: "faults" }, note("Loading…"));
  list.tabIndex = -1;
  const clear = h("button", { type: "button", id: "clear-faults" }, "Clear all faults");
  const draw = async () => {
    const { faults } = await get<{ faults: Fault[] }>("faults");
    clear.hidden = faults.length === 0;
    list.replaceChildren(
      faults.length === 0
        ? note("No fault in force: requests are answered normally.")
        : h("ul", {}, ...faults.map((f) => h("li", {}, `#${f.id} `, describeFault(f)))),
    );
  };
  clear.addEventListener("click", () => {
    whileHere(
      async () => {
        await call("DELETE", "faults");
        await draw();
        say("Faults cleared.");
        list.focus();
      },
      (error) => say(failure("Clearing", error)),
    );
  });
  return { list, clear, draw };
}

/** Where the docs site is, for the rule links; kept in this browser only. */
function docsControl(say: Say): HTMLElement {
  const docs = h("input", {
    type: "url",
    id: "docs-base",
    value: localStorage.getItem(DOCS_KEY) ?? "",
    placeholder: "http://127.0.0.1:8080/",
  }) as HTMLInputElement;
  const form = h(
    "form",
    { class: "settings" },
    h(
      "label",
      { for: "docs-base" },
      "Address of your docs site (built by npm run docs); rule links open its API reference",
    ),
    docs,
    h("button", { type: "submit" }, "Save address"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const value = docs.value.trim();
    if (value === "") localStorage.removeItem(DOCS_KEY);
    else localStorage.setItem(DOCS_KEY, value);
    say(value === "" ? "Rule links show the rule on this page." : "Rule links open the docs site.");
  });
  return form;
}

function controlsView(): HTMLElement {
  const status = h("p", { class: "status-line", role: "status", "aria-live": "polite" });
  const say: Say = (text) => {
    status.textContent = text;
  };
  const settings = settingsControl(say);
  const faults = faultsControl(say);
  const drawAll = async () => {
    await Promise.all([settings.draw(), faults.draw()]);
  };
  whileHere(drawAll, (error) => faults.list.replaceChildren(errorBox(error)));
  return view(
    { name: "controls", heading: "Controls" },
    status,
    h("h3", {}, "Reset"),
    note("Between test runs: nobody, an empty log, the starting settings and faults."),
    resetControl(say, drawAll),
    h("h3", {}, "Workspace settings"),
    settings.form,
    h("h3", {}, "Faults in force"),
    faults.list,
    faults.clear,
    h("h3", {}, "Rule links"),
    docsControl(say),
  );
}

// Rules ---------------------------------------------------------------------------------------------------------

function rulesView(route: Route): HTMLElement {
  const chosen = rules.get(route.arg);
  const base = docsBase();
  const item = (rule: Rule) => {
    const href = referenceHref(rule.id);
    return h(
      "li",
      { id: `rule-${rule.id}`, class: rule === chosen ? "chosen" : undefined },
      h("strong", {}, `${rule.id} ${rule.name}. `),
      ...markdownLine(rule.text),
      " ",
      h("a", { href: `#/activity?clause=${rule.id}` }, "Entries with this rule"),
      href === undefined ? "" : h("span", {}, " · ", h("a", { href }, "In the reference")),
    );
  };
  const others = [...rules.values()].filter((rule) => rule !== chosen);
  const section = view(
    { name: "rules", heading: chosen === undefined ? "Rules" : `Rule ${chosen.id}: ${chosen.name}` },
    chosen === undefined ? "" : h("ul", { class: "rules" }, item(chosen)),
    note(
      "The rules as the spec words them. The docs site (",
      h("code", {}, "npm run docs"),
      ") renders them in its API reference",
      base === ""
        ? h(
            "span",
            {},
            "; give its address under ",
            h("a", { href: "#/controls" }, "Controls"),
            " and rule links open it there.",
          )
        : ".",
    ),
    rules.size === 0 ? note("The rules could not be loaded.") : "",
    chosen === undefined ? "" : h("h3", {}, "All rules"),
    h("ul", { class: "rules" }, ...others.map(item)),
  );
  return section;
}

// ---------------------------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  try {
    const loaded = await get<{ rules: Rule[] }>("inspector/rules.json");
    for (const rule of loaded.rules) rules.set(rule.id, rule);
  } catch {
    // Rule links then show the id alone; the rest of the page does not need the rules.
  }
  window.addEventListener("hashchange", render);
  render();
  void pollLoop();
}

void start();
