/**
 * The simulated workspace: people, and one index per identifier so that every lookup a request needs is O(1).
 * The indexes are ShardedMaps (sharded-map.ts): at a million people no insertion rehashes a million entries.
 *
 * - cio_id: every person ever created, deleted ones included (C8 must tell "deleted" from "unknown").
 * - id: case-sensitive, live people only.
 * - email: live people only, and only while the workspace identifies people by email; the key is lower-cased
 *   (C9), the record keeps the address as first given.
 * - anonymous_id: every value ever linked to a person, so a value given up stays theirs (C16: not reusable); a
 *   deleted person's values stay theirs too unless the workspace releases them (`deletedAnonymousIds`).
 *
 * Deleting a person frees their identifiers but keeps the record, so a later `cio_` reference to them is
 * recognised as deleted and dropped (C8).
 *
 * Two more maps serve search and inspection only: the email of everyone the email index does not hold (deleted
 * people, people sharing an address, everyone where email does not identify), so that with it each address finds
 * all who gave it; and the ids deleted people held. With the array of everyone in order of creation, they make
 * every listing page and every search cost the same at a million people as at ten.
 */
import { bareCioId } from "../rules/index.js";
import { problem, type Problem } from "../problem.js";
import { messagesOf, SimulatorOptionError } from "./errors.js";
import { completeSettings } from "./settings.js";
import { ShardedMap } from "./sharded-map.js";
import type {
  PersonRecord,
  PersonRef,
  PersonRelationship,
  RelatedObjectRecord,
  SeedPerson,
  WorkspaceSettings,
} from "./types.js";

export interface StoredRelationship {
  object_type_id: string;
  object_id: string;
  attributes: Map<string, string | number | boolean>;
}

/** The collections most people never have, kept together so that a person without them carries one empty field. */
interface RareCollections {
  anonymousIds?: Set<string>;
  topics?: Map<string, boolean>;
  relationships?: Map<string, StoredRelationship>;
  stamps?: Map<string, number>;
}

/**
 * A person as stored. Maps keyed by attribute name, so no name (not even `__proto__`) can reach a prototype.
 * Only the workspace and the commit step (commit.ts) change people; they tell the workspace's change listener.
 *
 * Memory matters at a million people, in bytes and in objects (the collector's pauses grow with both): every field
 * is declared here so that all people share one shape; the collections most people lack are made on first use, in
 * one object; and the attributes a seed or a state file gives a new person stay one string (where a Map is two
 * objects) until something changes them. Reading a collection's accessor makes it, so code that only reads uses
 * {@link StoredPerson.peek}.
 */
export class StoredPerson {
  readonly cio_id: string;
  /** Place in the order of creation, from 0: the people listing's order and cursor. */
  readonly position: number;
  id: string | undefined = undefined;
  email: string | undefined = undefined;
  anonymous_id: string | undefined = undefined;
  created_at: number | undefined = undefined;
  /** The newest `_timestamp` applied to this person. */
  last_timestamp: number | undefined = undefined;
  unsubscribed = false;
  deleted = false;
  /** A Map, or their JSON text as an object (see adoptAttributes). */
  #attributes: Map<string, unknown> | string | undefined = undefined;
  #rare: RareCollections | undefined = undefined;

  constructor(cioId: string, position: number) {
    this.cio_id = cioId;
    this.position = position;
  }

  /** Every anonymous id ever linked to this person (C16). */
  get anonymousIds(): Set<string> {
    return (this.#rareOnes().anonymousIds ??= new Set());
  }
  get attributes(): Map<string, unknown> {
    if (!(this.#attributes instanceof Map)) this.#attributes = attributeMap(this.#attributes);
    return this.#attributes;
  }
  get topics(): Map<string, boolean> {
    return (this.#rareOnes().topics ??= new Map());
  }
  get relationships(): Map<string, StoredRelationship> {
    return (this.#rareOnes().relationships ??= new Map());
  }
  /** The `_timestamp` that last wrote each attribute, for ordering out-of-order updates. */
  get stamps(): Map<string, number> {
    return (this.#rareOnes().stamps ??= new Map());
  }

  /**
   * Gives a person who has none yet their attributes, an object the caller hands over. When every value is a
   * string, a boolean or a number that JSON writes exactly, they are kept as the object's JSON text, one string,
   * until the first change through {@link StoredPerson.attributes}; otherwise in a Map. (JSON.parse makes every
   * name, `__proto__` included, an own property.)
   */
  adoptAttributes(values: Record<string, unknown>): void {
    if (this.#attributes !== undefined) throw new Error("adoptAttributes is for a person without attributes");
    const list = Object.values(values);
    if (list.length === 0) return;
    this.#attributes = list.every(isExactInJson) ? JSON.stringify(values) : attributeMap(values);
  }

  /** The attributes as a new object the caller may keep and change. */
  attributesCopy(): Record<string, unknown> {
    const attributes = this.#attributes;
    if (typeof attributes === "string") return JSON.parse(attributes) as Record<string, unknown>;
    return attributes === undefined ? {} : copyValues(attributes);
  }

  /**
   * The collections as they are, without making the missing ones: for reading. Attributes still kept as text are
   * read through a Map made for the call.
   */
  peek(): {
    anonymousIds: ReadonlySet<string> | undefined;
    attributes: ReadonlyMap<string, unknown> | undefined;
    topics: ReadonlyMap<string, boolean> | undefined;
    relationships: ReadonlyMap<string, StoredRelationship> | undefined;
    stamps: ReadonlyMap<string, number> | undefined;
  } {
    const attributes = this.#attributes;
    const rare = this.#rare;
    return {
      anonymousIds: rare?.anonymousIds,
      attributes: typeof attributes === "string" ? attributeMap(attributes) : attributes,
      topics: rare?.topics,
      relationships: rare?.relationships,
      stamps: rare?.stamps,
    };
  }

  #rareOnes(): RareCollections {
    return (this.#rare ??= {});
  }
}

/** A Map of attributes given as an object or as its JSON text. */
function attributeMap(from: Record<string, unknown> | string | undefined): Map<string, unknown> {
  const values = typeof from === "string" ? (JSON.parse(from) as Record<string, unknown>) : (from ?? {});
  return new Map(Object.entries(values));
}

/** Whether JSON.parse(JSON.stringify(value)) gives the value back (-0, NaN and the infinities do not). */
function isExactInJson(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  return typeof value === "string" || typeof value === "boolean";
}

/** A person in a state file (state.ts): what a seed gives, and what only people who lived in a workspace have. */
export interface SavedPerson extends SeedPerson {
  cio_id: string;
  anonymous_ids?: string[];
  last_timestamp?: number;
  deleted?: boolean;
  stamps?: Record<string, number>;
  relationships?: PersonRelationship[];
}

/** A seed that cannot be applied: an identifier already held, or held twice in the same batch. */
export class SeedConflictError extends SimulatorOptionError {
  override name = "SeedConflictError";
  constructor(problems: readonly Problem[]) {
    super("seed_conflict", problems, `cannot seed: ${messagesOf(problems)}`);
  }
}

const RESET_DURING_SEED = problem(
  "workspace_reset",
  ["people"],
  "the workspace was reset while the batch was being added: nobody from it was kept",
);

/** The map key of a relationship's object: type and id, which together name it (C19). */
export function objectKey(objectTypeId: string, objectId: string): string {
  return `${objectTypeId}\u0000${objectId}`;
}

export { bareCioId };

/** One key of a multi-map: most keys name one person, so an array is made only for the second. */
type OneOrMany = StoredPerson | StoredPerson[];

function addTo(map: ShardedMap<OneOrMany>, key: string, person: StoredPerson): void {
  const held = map.get(key);
  if (held === undefined) map.set(key, person);
  else if (Array.isArray(held)) {
    if (!held.includes(person)) held.push(person);
  } else if (held !== person) map.set(key, [held, person]);
}

function removeFrom(map: ShardedMap<OneOrMany>, key: string, person: StoredPerson): void {
  const held = map.get(key);
  if (held === person) map.delete(key);
  else if (Array.isArray(held)) {
    const rest = held.filter((other) => other !== person);
    if (rest.length === 0) map.delete(key);
    else map.set(key, rest.length === 1 && rest[0] !== undefined ? rest[0] : rest);
  }
}

function allOf(held: OneOrMany | undefined): readonly StoredPerson[] {
  return held === undefined ? [] : Array.isArray(held) ? held : [held];
}

/** One page of people: the people, and where the next page starts (undefined at the end). */
export interface PeopleSlice {
  people: StoredPerson[];
  next: number | undefined;
}

/** How many people one page may look at, so that a page over mostly deleted people still answers at once. */
export const PEOPLE_SCAN_BUDGET = 20_000;

/** At most this many people are checked or added between two turns of the event loop by seedInSlices(). */
export const SEED_SLICE = 100;

/**
 * A slice also ends once it has run this long. The collector's incremental marking runs inside allocation, a step
 * of up to tens of milliseconds at a million people; ending the slice after such a step, instead of after the
 * count, keeps the marking steps of one slice from adding up while other requests wait.
 */
export const SEED_SLICE_MS = 2;

export class Workspace {
  #settings: WorkspaceSettings;
  /** Everyone ever created, in order of creation: `position` indexes it. */
  #all: StoredPerson[] = [];
  readonly #byCio = new ShardedMap<StoredPerson>();
  readonly #byId = new ShardedMap<StoredPerson>();
  readonly #byEmail = new ShardedMap<StoredPerson>();
  readonly #byAnonymousId = new ShardedMap<StoredPerson>();
  /**
   * For search and inspection, whatever identifies people: by the email key of their address, everyone #byEmail
   * does not hold under it (see {@link Workspace.#withEmail}); and deleted people by the id they held.
   */
  readonly #otherEmails = new ShardedMap<OneOrMany>();
  readonly #formerId = new ShardedMap<OneOrMany>();
  readonly #objects = new Map<string, RelatedObjectRecord>();
  #counter = 0;
  /** Changes on reset(), so that a cursor from before a reset is refused instead of pointing elsewhere. */
  #epoch = 0;
  readonly #emailIgnoresCase: boolean;
  #writing: Promise<void> | undefined = undefined;
  /** While seedInSlices() adds a batch: the position of its first person. */
  #addingFrom: number | undefined = undefined;
  #changed: () => void = () => undefined;

  constructor(settings: WorkspaceSettings, emailIgnoresCase: boolean) {
    this.#settings = { ...settings };
    this.#emailIgnoresCase = emailIgnoresCase;
  }

  /** Sets what is called after anything in the workspace changes (the state file's writer). */
  onChange(listener: () => void): void {
    this.#changed = listener;
  }

  /** Tells the change listener that people changed outside the workspace's own methods (commit.ts). */
  noteChange(): void {
    this.#changed();
  }

  get settings(): WorkspaceSettings {
    return { ...this.#settings };
  }

  get epoch(): number {
    return this.#epoch;
  }

  /** How many people were ever created (deleted ones included). */
  get size(): number {
    return this.#all.length;
  }

  /** The cio_id counter, for the state file. */
  get counter(): number {
    return this.#counter;
  }

  /** Whether email addresses identify people here (C10); when not, `email` is a plain attribute. */
  get emailIdentifies(): boolean {
    return this.#settings.identifiedBy === "email_or_id";
  }

  /** Takes settings already checked (settings.ts); those left out keep their value. */
  updateSettings(patch: Partial<WorkspaceSettings>): WorkspaceSettings {
    const before = this.#settings.identifiedBy;
    this.#settings = completeSettings({ ...this.#settings, ...definedOnly(patch) });
    if (before !== this.#settings.identifiedBy) this.#reindexEmails();
    this.#changed();
    return this.settings;
  }

  /** The email index's key for an address: lower-cased, as email ignores case (C9). */
  emailKey(email: string): string {
    return this.#emailIgnoresCase ? email.toLowerCase() : email;
  }

  /** Whether two addresses are the same identifier (C9). */
  sameEmail(a: string, b: string): boolean {
    return this.emailKey(a) === this.emailKey(b);
  }

  /** By cio_id without the prefix; deleted people included. */
  byCioId(cioId: string): StoredPerson | undefined {
    return this.#byCio.get(cioId);
  }

  byId(id: string): StoredPerson | undefined {
    return this.#byId.get(id);
  }

  /** The live person whose email identifies them; undefined where email does not identify people. */
  byEmail(email: string): StoredPerson | undefined {
    return this.emailIdentifies ? this.#byEmail.get(this.emailKey(email)) : undefined;
  }

  /** The person an anonymous id is reserved to: a live one, or a deleted one unless the workspace releases theirs. */
  byAnonymousId(anonymousId: string): StoredPerson | undefined {
    const holder = this.#byAnonymousId.get(anonymousId);
    if (holder?.deleted === true && this.#settings.deletedAnonymousIds === "released") return undefined;
    return holder;
  }

  /** Adds a person with a fresh cio_id (or the given one, for seeds and the C8-off variant). */
  create(cioId?: string): StoredPerson {
    const person = new StoredPerson(cioId ?? this.#nextCioId(), this.#all.length);
    this.#byCio.set(person.cio_id, person);
    this.#all.push(person);
    this.#changed();
    return person;
  }

  setId(person: StoredPerson, id: string): void {
    if (person.id !== undefined && this.#byId.get(person.id) === person) this.#byId.delete(person.id);
    person.id = id;
    this.#byId.set(id, person);
    this.#changed();
  }

  setEmail(person: StoredPerson, email: string): void {
    const key = this.emailKey(email);
    if (person.email !== undefined && this.emailKey(person.email) === key) {
      // The same identifier (C9): the person keeps their place in the indexes, only the spelling changes.
      person.email = email;
      this.#changed();
      return;
    }
    if (person.email !== undefined) {
      const old = this.emailKey(person.email);
      if (this.#byEmail.get(old) === person) this.#releaseEmail(old);
      else removeFrom(this.#otherEmails, old, person);
    }
    person.email = email;
    if (this.emailIdentifies && !this.#byEmail.has(key)) this.#byEmail.set(key, person);
    else addTo(this.#otherEmails, key, person);
    this.#changed();
  }

  linkAnonymousId(person: StoredPerson, anonymousId: string): void {
    person.anonymous_id = anonymousId;
    person.anonymousIds.add(anonymousId);
    this.#byAnonymousId.set(anonymousId, person);
    this.#changed();
  }

  /** Registers the object a relationship names; an existing type + id is the same object (C19). */
  relateObject(objectTypeId: string, objectId: string): void {
    const key = objectKey(objectTypeId, objectId);
    if (!this.#objects.has(key)) {
      this.#objects.set(key, { object_type_id: objectTypeId, object_id: objectId });
      this.#changed();
    }
  }

  objects(): RelatedObjectRecord[] {
    return [...this.#objects.values()].map((object) => ({ ...object }));
  }

  /**
   * Marks a person deleted and frees their id and email. Their anonymous ids stay in the index, where
   * byAnonymousId() reads them as reserved or released as the workspace's setting says at the time of asking.
   */
  delete(person: StoredPerson): void {
    person.deleted = true;
    if (person.id !== undefined) {
      if (this.#byId.get(person.id) === person) this.#byId.delete(person.id);
      addTo(this.#formerId, person.id, person);
    }
    const key = person.email === undefined ? undefined : this.emailKey(person.email);
    if (key !== undefined && this.#byEmail.get(key) === person) {
      this.#releaseEmail(key);
      addTo(this.#otherEmails, key, person);
    }
    this.#changed();
  }

  /** A live person by reference; with `cioId`, a deleted one too. */
  find(ref: PersonRef): StoredPerson | undefined {
    if ("cioId" in ref) return this.byCioId(bareCioId(ref.cioId));
    if ("id" in ref) return this.byId(ref.id);
    if (this.emailIdentifies) return this.byEmail(ref.email);
    // Where email does not identify, several people may share an address: the oldest live one.
    return this.#oldest(this.#withEmail(ref.email).filter((person) => !person.deleted));
  }

  /** The most recently created deleted person who held this id or email. */
  findDeleted(ref: { id: string } | { email: string }): StoredPerson | undefined {
    const held = "id" in ref ? allOf(this.#formerId.get(ref.id)) : this.#withEmail(ref.email);
    let newest: StoredPerson | undefined;
    for (const person of held)
      if (person.deleted && (newest === undefined || person.position > newest.position)) newest = person;
    return newest;
  }

  /**
   * One page of people in order of creation, from `start`: at most `limit` people, looking at no more than
   * PEOPLE_SCAN_BUDGET of them, so that a page never costs more than that whatever the workspace holds.
   */
  slice(start: number, limit: number, includeDeleted: boolean): PeopleSlice {
    const people: StoredPerson[] = [];
    const end = Math.min(this.#all.length, start + PEOPLE_SCAN_BUDGET);
    let at = start;
    for (; at < end && people.length < limit; at++) {
      const person = this.#all[at] as StoredPerson;
      if (includeDeleted || !person.deleted) people.push(person);
    }
    return { people, next: at < this.#all.length ? at : undefined };
  }

  /**
   * Everyone an exact `q` names, in order of creation: the person with that cio_id (with or without `cio_`), id
   * or email (compared as rule C9 compares addresses). Exact, so each is one index lookup at any size.
   */
  search(q: string, includeDeleted: boolean): StoredPerson[] {
    const found = new Set<StoredPerson>();
    const byCio = this.#byCio.get(bareCioId(q));
    if (byCio !== undefined) found.add(byCio);
    const byId = this.#byId.get(q);
    if (byId !== undefined) found.add(byId);
    for (const person of allOf(this.#formerId.get(q))) found.add(person);
    for (const person of this.#withEmail(q)) found.add(person);
    return [...found].filter((person) => includeDeleted || !person.deleted).sort((a, b) => a.position - b.position);
  }

  /** Everyone ever created, in order of creation (deleted people included): for the state file. */
  everyone(): readonly StoredPerson[] {
    return this.#all;
  }

  /**
   * Everyone but the people of a seed batch still being added, who are the last created: what a state file saves,
   * so that a write at exit, which cannot wait for the batch, holds all of a batch or none of it.
   */
  everyoneSettled(): readonly StoredPerson[] {
    return this.#addingFrom === undefined ? this.#all : this.#all.slice(0, this.#addingFrom);
  }

  list(includeDeleted: boolean): StoredPerson[] {
    return includeDeleted ? [...this.#all] : this.#all.filter((person) => !person.deleted);
  }

  /** Adds people directly. Checks the whole batch first, so that either all are added or none. */
  seed(people: readonly SeedPerson[]): StoredPerson[] {
    const check = this.#seedCheck(people);
    people.forEach((_, index) => check.one(index));
    check.done();
    return people.map((seed) => this.#addSeed(seed));
  }

  /**
   * The write in progress, while a large seed is applied in slices: requests that read or change people wait
   * for it (and for any that follows), so that none sees a batch half added.
   */
  get writing(): Promise<void> | undefined {
    return this.#writing;
  }

  /**
   * seed(), for a large batch sent over HTTP: the same checks and the same all-or-nothing, done in slices of
   * {@link SEED_SLICE} people with `pause()` between them (a turn of the event loop), so that other requests are
   * answered meanwhile instead of waiting for the whole batch. The slices run under {@link Workspace.writing};
   * the people are also copied out ({@link Workspace.snapshot}) under it, in slices.
   */
  async seedInSlices(
    people: readonly SeedPerson[],
    pause: () => Promise<void>,
    clock: () => number = () => performance.now(),
  ): Promise<PersonRecord[]> {
    // Checked and taken in one step, with no await between: two batches never both find the workspace idle.
    while (this.#writing !== undefined) await this.#writing;
    let release: () => void = () => undefined;
    this.#writing = new Promise<void>((resolve) => (release = resolve));
    // reset() is synchronous and waits for nobody: a batch it cuts through keeps nobody and says so.
    const epoch = this.#epoch;
    const slices = {
      clock,
      pause: async () => {
        await pause();
        if (this.#epoch !== epoch) throw new SeedConflictError([RESET_DURING_SEED]);
      },
    };
    try {
      const check = this.#seedCheck(people);
      await inSlices(people.length, slices, check.one);
      check.done();
      const added: PersonRecord[] = [];
      this.#addingFrom = this.#all.length;
      await inSlices(people.length, slices, (index) => {
        added.push(this.snapshot(this.#addSeed(people[index] as SeedPerson)));
      });
      return added;
    } finally {
      this.#addingFrom = undefined;
      this.#writing = undefined;
      release();
    }
  }

  /** The checks of a seed batch, a person at a time; done() throws what they found. */
  #seedCheck(people: readonly SeedPerson[]): { one(index: number): void; done(): void } {
    const problems: Problem[] = [];
    // One set per kind of identifier: no key strings to build for each person of a large batch.
    const claimed = new Map<string, Set<string>>();
    const claim = (kind: string, key: string, taken: boolean, index: number) => {
      let keys = claimed.get(kind);
      if (keys === undefined) claimed.set(kind, (keys = new Set()));
      if (taken || keys.has(key))
        problems.push(
          problem(
            "identifier_taken",
            ["people", index, kind],
            `people[${index}].${kind} is already held by another person`,
          ),
        );
      keys.add(key);
    };
    const checkOne = (seed: SeedPerson, index: number) => {
      if (seed.cio_id !== undefined && bareCioId(seed.cio_id) === "")
        problems.push(problem("empty_identifier", ["people", index, "cio_id"], `people[${index}].cio_id is empty`));
      else if (seed.cio_id !== undefined)
        claim("cio_id", bareCioId(seed.cio_id), this.#byCio.has(bareCioId(seed.cio_id)), index);
      if (seed.id !== undefined) claim("id", seed.id, this.#byId.has(seed.id), index);
      if (seed.email !== undefined && this.emailIdentifies) {
        claim("email", this.emailKey(seed.email), this.#byEmail.has(this.emailKey(seed.email)), index);
      }
      if (seed.anonymous_id !== undefined)
        claim("anonymous_id", seed.anonymous_id, this.byAnonymousId(seed.anonymous_id) !== undefined, index);
    };
    return {
      one: (index) => checkOne(people[index] as SeedPerson, index),
      done() {
        if (problems.length > 0) throw new SeedConflictError(problems);
      },
    };
  }

  snapshot(person: StoredPerson): PersonRecord {
    const { topics, relationships } = person.peek();
    return {
      cio_id: person.cio_id,
      ...(person.id !== undefined && { id: person.id }),
      ...(person.email !== undefined && { email: person.email }),
      ...(person.anonymous_id !== undefined && { anonymous_id: person.anonymous_id }),
      ...(person.created_at !== undefined && { created_at: person.created_at }),
      attributes: person.attributesCopy(),
      topics: topics === undefined ? {} : Object.fromEntries(topics),
      unsubscribed: person.unsubscribed,
      relationships:
        relationships === undefined
          ? []
          : [...relationships.values()].map((r) => ({
              object_type_id: r.object_type_id,
              object_id: r.object_id,
              attributes: Object.fromEntries(r.attributes),
            })),
      deleted: person.deleted,
      ...(person.last_timestamp !== undefined && { last_timestamp: person.last_timestamp }),
    };
  }

  /** Forgets everyone and restarts the cio_id counter, so a test after reset() sees the same cio_ids again. */
  reset(settings: WorkspaceSettings): void {
    this.#settings = { ...settings };
    // A new array rather than emptying this one: emptying a million-entry array in place costs a pause.
    this.#all = [];
    this.#byCio.clear();
    this.#byId.clear();
    this.#byEmail.clear();
    this.#byAnonymousId.clear();
    this.#otherEmails.clear();
    this.#formerId.clear();
    this.#objects.clear();
    this.#counter = 0;
    this.#epoch += 1;
    this.#changed();
  }

  /** Restores the cio_id counter, for a workspace loaded from a state file. */
  restoreCounter(counter: number): void {
    this.#counter = Math.max(this.#counter, counter);
  }

  /**
   * Adds a person saved in a state file, as they were: the next one in order of creation. A deleted person's
   * identifiers go to the search maps only, so that they never take an identifier from a live person.
   */
  restore(saved: SavedPerson): void {
    const person = this.create(saved.cio_id);
    if (saved.deleted === true) {
      person.deleted = true;
      if (saved.id !== undefined) {
        person.id = saved.id;
        addTo(this.#formerId, saved.id, person);
      }
      if (saved.email !== undefined) {
        person.email = saved.email;
        addTo(this.#otherEmails, this.emailKey(saved.email), person);
      }
      // A live holder keeps the anonymous id whichever order they are restored in, as linkAnonymousId() does.
      for (const anonymousId of saved.anonymous_ids ?? []) {
        person.anonymousIds.add(anonymousId);
        if (this.#byAnonymousId.get(anonymousId)?.deleted !== false) this.#byAnonymousId.set(anonymousId, person);
      }
    } else {
      if (saved.id !== undefined) this.setId(person, saved.id);
      if (saved.email !== undefined) this.setEmail(person, saved.email);
      for (const anonymousId of saved.anonymous_ids ?? []) {
        person.anonymousIds.add(anonymousId);
        this.#byAnonymousId.set(anonymousId, person);
      }
    }
    if (saved.anonymous_id !== undefined) person.anonymous_id = saved.anonymous_id;
    if (saved.created_at !== undefined) person.created_at = saved.created_at;
    if (saved.last_timestamp !== undefined) person.last_timestamp = saved.last_timestamp;
    if (saved.unsubscribed === true) person.unsubscribed = true;
    person.adoptAttributes(saved.attributes ?? {});
    for (const [topic, subscribed] of Object.entries(saved.topics ?? {})) person.topics.set(topic, subscribed);
    for (const [name, stamp] of Object.entries(saved.stamps ?? {})) person.stamps.set(name, stamp);
    for (const r of saved.relationships ?? []) {
      person.relationships.set(objectKey(r.object_type_id, r.object_id), {
        object_type_id: r.object_type_id,
        object_id: r.object_id,
        attributes: new Map(Object.entries(r.attributes)),
      });
    }
  }

  /** A person as the state file keeps them: everything restore() needs, nothing that is empty. */
  save(person: StoredPerson): SavedPerson {
    const { anonymousIds, topics, relationships, stamps } = person.peek();
    const saved: SavedPerson = { cio_id: person.cio_id };
    if (person.id !== undefined) saved.id = person.id;
    if (person.email !== undefined) saved.email = person.email;
    if (person.anonymous_id !== undefined) saved.anonymous_id = person.anonymous_id;
    if (anonymousIds !== undefined && anonymousIds.size > 0) saved.anonymous_ids = [...anonymousIds];
    if (person.created_at !== undefined) saved.created_at = person.created_at;
    if (person.last_timestamp !== undefined) saved.last_timestamp = person.last_timestamp;
    if (person.unsubscribed) saved.unsubscribed = true;
    if (person.deleted) saved.deleted = true;
    const attributes = person.attributesCopy();
    if (Object.keys(attributes).length > 0) saved.attributes = attributes;
    if (topics !== undefined && topics.size > 0) saved.topics = Object.fromEntries(topics);
    if (stamps !== undefined && stamps.size > 0) saved.stamps = Object.fromEntries(stamps);
    if (relationships !== undefined && relationships.size > 0) {
      saved.relationships = [...relationships.values()].map((r) => ({
        object_type_id: r.object_type_id,
        object_id: r.object_id,
        attributes: Object.fromEntries(r.attributes),
      }));
    }
    return saved;
  }

  #addSeed(seed: SeedPerson): StoredPerson {
    const person = this.create(seed.cio_id === undefined ? undefined : bareCioId(seed.cio_id));
    if (seed.id !== undefined) this.setId(person, seed.id);
    if (seed.email !== undefined) this.setEmail(person, seed.email);
    if (seed.anonymous_id !== undefined) this.linkAnonymousId(person, seed.anonymous_id);
    if (seed.created_at !== undefined) person.created_at = seed.created_at;
    if (seed.unsubscribed !== undefined) person.unsubscribed = seed.unsubscribed;
    const attributes: [string, unknown][] = [];
    for (const [name, value] of Object.entries(seed.attributes ?? {})) {
      // Same meaning as in an identify call: null and "" mean "no value".
      if (value !== null && value !== "" && value !== undefined) attributes.push([name, copyOf(value)]);
    }
    person.adoptAttributes(Object.fromEntries(attributes));
    for (const [topic, subscribed] of Object.entries(seed.topics ?? {})) person.topics.set(topic, subscribed);
    return person;
  }

  #oldest(people: readonly StoredPerson[]): StoredPerson | undefined {
    let oldest: StoredPerson | undefined;
    for (const person of people) if (oldest === undefined || person.position < oldest.position) oldest = person;
    return oldest;
  }

  /** Deterministic 16-hex-digit ids, shaped like Customer.io's, skipping any a seed already took. */
  #nextCioId(): string {
    let cioId: string;
    do {
      this.#counter += 1;
      cioId = `03${this.#counter.toString(16).padStart(14, "0")}`;
    } while (this.#byCio.has(cioId));
    return cioId;
  }

  /** Rebuilds the email index after `identifiedBy` changed; where two people share an address, the older keeps it. */
  #reindexEmails(): void {
    this.#byEmail.clear();
    this.#otherEmails.clear();
    for (const person of this.#all) {
      if (person.email === undefined) continue;
      const key = this.emailKey(person.email);
      if (this.emailIdentifies && !person.deleted && !this.#byEmail.has(key)) this.#byEmail.set(key, person);
      else addTo(this.#otherEmails, key, person);
    }
  }

  /**
   * Takes the email index's entry for `key` from its holder, who is deleted or gives up the address, and hands it to
   * the earliest created live person who shares that address (the one #reindexEmails() would choose), so that
   * the address keeps finding someone. People share an address only after `identifiedBy` went to `id` and back;
   * the candidates are the search map's list under the key (everyone else who gave the address), so no person
   * carries anything more for it.
   */
  #releaseEmail(key: string): void {
    const successor = this.#oldest(allOf(this.#otherEmails.get(key)).filter((person) => !person.deleted));
    if (successor === undefined) {
      this.#byEmail.delete(key);
      return;
    }
    removeFrom(this.#otherEmails, key, successor);
    this.#byEmail.set(key, successor);
  }

  /** Everyone, deleted people included, who gave this address (its email key). */
  #withEmail(email: string): readonly StoredPerson[] {
    const key = this.emailKey(email);
    const indexed = this.#byEmail.get(key);
    const others = allOf(this.#otherEmails.get(key));
    return indexed === undefined ? others : [indexed, ...others];
  }
}

/**
 * Calls `work` for the indexes 0 … count-1, a person at a time, with `pause()` after every {@link SEED_SLICE}
 * people or {@link SEED_SLICE_MS} milliseconds, whichever comes first, and not after the last.
 */
async function inSlices(
  count: number,
  { pause, clock }: { pause: () => Promise<void>; clock: () => number },
  work: (index: number) => void,
): Promise<void> {
  let started = clock();
  let inSlice = 0;
  for (let index = 0; index < count; index++) {
    work(index);
    if (index + 1 === count) break;
    if (++inSlice < SEED_SLICE && clock() - started < SEED_SLICE_MS) continue;
    await pause();
    started = clock();
    inSlice = 0;
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * A copy the caller cannot change the stored value through. Most attribute values are strings, numbers and
 * booleans, which need no copy; structuredClone, which costs far more per call, is kept for objects and arrays.
 */
function copyOf(value: unknown): unknown {
  return typeof value === "object" && value !== null ? structuredClone(value) : value;
}

/** The values as an object; Object.fromEntries, so that a name like `__proto__` stays a plain key. */
function copyValues(values: ReadonlyMap<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Array.from(values, ([name, value]) => [name, copyOf(value)]));
}
