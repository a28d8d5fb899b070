/**
 * The simulator's public types. The shapes that cross HTTP are described in openapi/simulator.yaml; the
 * assignments at the end of this file make `tsc` fail when the two drift apart.
 */
import type { components } from "../../generated/simulator.js";
import type { ActiveFault, FaultSpec, SimulatorStats } from "./faults.js";
import type { EventualOptions, ProcessingMode } from "./processing.js";
// The listings' types are named once, where the package exports them (index.ts); here they are read off the module.
import type * as Listing from "./listing.js";
import type { RecordedRequest, RequestPage, RequestPageQuery, RequestQuery } from "./requests.js";

/** A rule id of clauses.md: `C1` … `C24`. */
export type ClauseId = `C${number}`;

/**
 * Workspace settings that change identity resolution: Customer.io's own (rules C6, C9, C10), and the readings of
 * choices the endpoint's description leaves open (docs/simulator.md, "Open choices").
 */
export interface WorkspaceSettings {
  /** `email_or_id`: email addresses identify people, case-insensitively. `id`: only ids do. */
  identifiedBy: "email_or_id" | "id";
  /** The setting "Allow updates to email using ID" (rule C6). */
  allowEmailUpdatesById: boolean;
  /**
   * When the path identifier belongs to nobody and the body's `id` and `email` name two different people (C3
   * with C4): whose person is updated. Default `id`; the other identifier is logged as a C4 conflict.
   */
  bodyIdentifierPrecedence: "id" | "email";
  /**
   * When C3 finds a person through the body who already holds a different identifier of the path's kind: `false`
   * (default) keeps theirs and logs C5; `true` gives them the path identifier anyway.
   */
  pathReplacesSetIdentifier: boolean;
  /**
   * The anonymous ids of a deleted person: `reserved` (default; C16 says "not reusable") or `released` (another
   * person may take them).
   */
  deletedAnonymousIds: "reserved" | "released";
}

/** A person to put into the workspace directly, without the identify rules. */
export interface SeedPerson {
  id?: string;
  email?: string;
  anonymous_id?: string;
  /** With or without the `cio_` prefix; generated when left out. */
  cio_id?: string;
  /** Custom attributes; `null` and `""` are left out, as an identify call would leave them out. */
  attributes?: Record<string, unknown>;
  /** Keyed `topic_<id>`. */
  topics?: Record<string, boolean>;
  created_at?: number;
  unsubscribed?: boolean;
}

/** One relationship of a person to an object (rules C18–C21). */
export interface PersonRelationship {
  object_type_id: string;
  object_id: string;
  attributes: Record<string, string | number | boolean>;
}

/** A person as the workspace holds them: a copy, so changing it changes nothing in the simulator. */
export interface PersonRecord {
  /** Without the `cio_` prefix. */
  cio_id: string;
  id?: string;
  email?: string;
  anonymous_id?: string;
  created_at?: number;
  attributes: Record<string, unknown>;
  /** Keyed `topic_<id>` (rule C14). */
  topics: Record<string, boolean>;
  unsubscribed: boolean;
  relationships: PersonRelationship[];
  deleted: boolean;
  /** The newest `_timestamp` applied to this person. */
  last_timestamp?: number;
}

/** What an activity entry says happened. */
export type ActivityType = components["schemas"]["ActivityType"];

/**
 * One entry of the activity log, what a `200 {}` did or did not apply: the shape openapi/simulator.yaml gives it,
 * with `clause` narrowed to the rule ids of clauses.md.
 */
export interface ActivityEntry extends Omit<components["schemas"]["ActivityEntry"], "clause"> {
  /** The rule that decided it, when one did. */
  clause?: ClauseId;
}

/** Who to look up: by id (case-sensitive), email, or cio_id with or without the `cio_` prefix. */
export type PersonRef = { id: string } | { email: string } | { cioId: string };

/** An object that people are related to (rule C19). */
export interface RelatedObjectRecord {
  object_type_id: string;
  object_id: string;
}

export interface SimulatorOptions {
  /** Default `"sim-site"`. */
  siteId?: string;
  /** Default `"sim-key"`. */
  apiKey?: string;
  workspace?: Partial<WorkspaceSettings>;
  /** People present from the start. reset() empties the workspace; it does not add them again. */
  people?: SeedPerson[];
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
  /**
   * When accepted identify calls are applied: `immediate` (default), before the `200 {}` is answered; or
   * `eventual`, later, as Customer.io's queue does (see processing.ts and `eventual`).
   */
  processing?: ProcessingMode;
  /** Eventual processing: the delay, the parallel workers and the seed of their order. */
  eventual?: EventualOptions;
  /**
   * Adds the project's own lint to what is refused with 400: the spec's type declarations (a numeric id,
   * `unsubscribed: null`, an email that is not an address), limits Customer.io does not document, repeated
   * keys. By default only what the endpoint's description or Customer.io's documentation supports is refused
   * (refusals.ts has the table).
   */
  strict?: boolean;
  /** How many activity entries to keep (the oldest are dropped). Default 10 000. */
  activityLimit?: number;
  /** Called with any exception the handler did not expect (answered 500). Bad input never gets here. */
  onError?: (error: unknown) => void;
  /**
   * Faults in force from the start (see faults.ts), in this order; reset() brings them back. Invalid specs throw
   * a FaultSpecError.
   */
  faults?: FaultSpec[];
  /**
   * Makes this simulator the US host of an EU workspace: every identify call is answered with a redirect to this
   * origin plus the same path (`https://track-eu.customer.io` → `…/api/v1/customers/{identifier}`). Shorthand
   * for a `redirect` fault put before `faults`.
   */
  redirectTo?: string;
  /** The status of `redirectTo`'s redirect. Default 301. */
  redirectStatus?: 301 | 302 | 307 | 308;
  /**
   * How many Track API requests the request log keeps (the oldest are dropped). Default 1000; 0 keeps none
   * (requests still get their seq). Bodies are kept up to 64 KiB each.
   */
  requestLogSize?: number;
  /** Called with each Track API request as soon as it is answered: `simulate --record` writes these as NDJSON. */
  onRequest?: (request: RecordedRequest) => void;
}

export interface Simulator {
  /** A WHATWG fetch handler: hand it to a client as its `fetch`, or serve it with serveSimulator(). */
  fetch(request: Request): Promise<Response>;
  readonly siteId: string;
  readonly apiKey: string;
  /** Every person the query matches, oldest first, in one array (for tests; use peoplePage() for large workspaces). */
  people(options?: Listing.PeopleQuery): PersonRecord[];
  /** One page of people, as `GET /__simulator/people` answers it; throws a ListingQueryError for a bad limit or cursor. */
  peoplePage(options?: Listing.PeoplePageQuery): Listing.PeoplePage;
  /** A live person; with `{ cioId }`, a deleted person too (check `deleted`). */
  person(ref: PersonRef): PersonRecord | undefined;
  /** Entries with `seq` greater than `since` (and of `type`, and decided by `clause`), oldest first unless `order: "desc"`. */
  activity(options?: Listing.ActivityQuery): ActivityEntry[];
  /** One page of the activity log, as `GET /__simulator/activity` answers it; throws a ListingQueryError for a bad limit or cursor. */
  activityPage(options?: Listing.ActivityPageQuery): Listing.ActivityPage;
  /** Marks a live person deleted and frees their identifiers. False when nobody live matched. */
  deletePerson(ref: PersonRef): boolean;
  /**
   * Empties the workspace and the log, restarts the cio_id counter, restores the options' settings and faults,
   * and sets the counters of stats() to zero.
   */
  reset(): void;
  /**
   * Eventual processing: applies every accepted call that is still waiting, and returns how many it applied
   * (always 0 with immediate processing).
   */
  settle(): number;
  /** Accepted calls not yet applied (eventual processing). */
  pending(): number;
  settings(): WorkspaceSettings;
  updateSettings(patch: Partial<WorkspaceSettings>): WorkspaceSettings;
  /** Adds people directly; throws (adding nobody) when an identifier is taken. */
  seed(people: SeedPerson[]): PersonRecord[];
  /** The objects people have been related to, once each (rule C19). */
  objects(): RelatedObjectRecord[];
  /** Adds a fault after those in force; throws a FaultSpecError for an invalid spec. */
  injectFault(spec: FaultSpec): ActiveFault;
  /** The faults in force, in the order they are tried. */
  faults(): ActiveFault[];
  /** Removes every fault, those given at creation included (reset() brings those back). */
  clearFaults(): void;
  /** Requests received, faulted and applied since the start or the last reset(). */
  stats(): SimulatorStats;
  /**
   * The Track API requests the request log keeps, with the answers given, credentials redacted: oldest first
   * (`order: "desc"`: newest first), those after `since` only. reset() empties the log.
   */
  requests(query?: RequestQuery): RecordedRequest[];
  /** One page of them, as `GET /__simulator/requests` gives it. Throws a RequestQueryError for a bad query. */
  requestsPage(query?: RequestPageQuery): RequestPage;
}

// Compile-time agreement with openapi/simulator.yaml: each line fails `tsc` if the shapes drift apart.
type Schemas = components["schemas"];
type Agrees<A extends B, B> = A;
type _Agreements = [
  Agrees<PersonRecord, Schemas["PersonRecord"]>,
  Agrees<Listing.PeoplePage, Schemas["PeoplePage"]>,
  Agrees<Listing.ActivityPage, Schemas["ActivityPage"]>,
  Agrees<WorkspaceSettings, Schemas["WorkspaceSettings"]>,
  Agrees<Schemas["WorkspaceSettings"], WorkspaceSettings>,
  Agrees<Schemas["SeedPerson"], SeedPerson>,
  Agrees<FaultSpec, Schemas["FaultSpec"]>,
  Agrees<Schemas["FaultSpec"], FaultSpec>,
  Agrees<ActiveFault, Schemas["ActiveFault"]>,
  Agrees<SimulatorStats, Schemas["SimulatorStats"]>,
  Agrees<RequestPage, Schemas["RequestPage"]>,
  Agrees<Schemas["SimulatorStats"], SimulatorStats>,
];
