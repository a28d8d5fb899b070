/**
 * The simulated workspace: people, and one Map per identifier so that every lookup a request needs is O(1).
 *
 * - cio_id: every person ever created, deleted ones included (C8 must tell "deleted" from "unknown").
 * - id: case-sensitive, live people only.
 * - email: live people only, and only while the workspace identifies people by email; the key is lower-cased
 *   (C9), the record keeps the address as first given.
 * - anonymous_id: every value ever linked to a live person, so a value given up stays theirs (C16: not reusable).
 *
 * Deleting a person frees their identifiers but keeps the record, so a later `cio_` reference to them is
 * recognised as deleted and dropped (C8).
 */
import { bareCioId } from "../rules/index.js";
import { SimulatorOptionError } from "./errors.js";
import type { PersonRecord, PersonRef, RelatedObjectRecord, SeedPerson, WorkspaceSettings } from "./types.js";

export interface StoredRelationship {
  object_type_id: string;
  object_id: string;
  attributes: Map<string, string | number | boolean>;
}

/** A person as stored. Maps keyed by attribute name, so no name (not even `__proto__`) can reach a prototype. */
export interface StoredPerson {
  readonly cio_id: string;
  id?: string;
  email?: string;
  anonymous_id?: string;
  /** Every anonymous id ever linked to this person (C16). */
  readonly anonymousIds: Set<string>;
  created_at?: number;
  readonly attributes: Map<string, unknown>;
  readonly topics: Map<string, boolean>;
  unsubscribed: boolean;
  readonly relationships: Map<string, StoredRelationship>;
  deleted: boolean;
  last_timestamp?: number;
  /** The `_timestamp` that last wrote each attribute, for ordering out-of-order updates. */
  readonly stamps: Map<string, number>;
}

/** A seed that cannot be applied: an identifier already held, or held twice in the same batch. */
export class SeedConflictError extends SimulatorOptionError {
  override name = "SeedConflictError";
  constructor(problems: string[]) {
    super("seed_conflict", problems, `cannot seed: ${problems.join("; ")}`);
  }
}

/** The map key of a relationship's object: type and id, which together name it (C19). */
export function objectKey(objectTypeId: string, objectId: string): string {
  return `${objectTypeId}\u0000${objectId}`;
}

export { bareCioId };

export class Workspace {
  #settings: WorkspaceSettings;
  readonly #byCio = new Map<string, StoredPerson>();
  readonly #byId = new Map<string, StoredPerson>();
  readonly #byEmail = new Map<string, StoredPerson>();
  readonly #byAnonymousId = new Map<string, StoredPerson>();
  readonly #objects = new Map<string, RelatedObjectRecord>();
  #counter = 0;
  readonly #emailIgnoresCase: boolean;

  constructor(settings: WorkspaceSettings, emailIgnoresCase: boolean) {
    this.#settings = { ...settings };
    this.#emailIgnoresCase = emailIgnoresCase;
  }

  get settings(): WorkspaceSettings {
    return { ...this.#settings };
  }

  /** Whether email addresses identify people here (C10); when not, `email` is a plain attribute. */
  get emailIdentifies(): boolean {
    return this.#settings.identifiedBy === "email_or_id";
  }

  updateSettings(patch: Partial<WorkspaceSettings>): WorkspaceSettings {
    const before = this.#settings.identifiedBy;
    if (patch.identifiedBy !== undefined) this.#settings.identifiedBy = patch.identifiedBy;
    if (patch.allowEmailUpdatesById !== undefined) this.#settings.allowEmailUpdatesById = patch.allowEmailUpdatesById;
    if (before !== this.#settings.identifiedBy) this.#reindexEmails();
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

  byAnonymousId(anonymousId: string): StoredPerson | undefined {
    return this.#byAnonymousId.get(anonymousId);
  }

  /** Adds a person with a fresh cio_id (or the given one, for seeds and the C8-off variant). */
  create(cioId?: string): StoredPerson {
    const person: StoredPerson = {
      cio_id: cioId ?? this.#nextCioId(),
      anonymousIds: new Set(),
      attributes: new Map(),
      topics: new Map(),
      unsubscribed: false,
      relationships: new Map(),
      deleted: false,
      stamps: new Map(),
    };
    this.#byCio.set(person.cio_id, person);
    return person;
  }

  setId(person: StoredPerson, id: string): void {
    if (person.id !== undefined && this.#byId.get(person.id) === person) this.#byId.delete(person.id);
    person.id = id;
    this.#byId.set(id, person);
  }

  setEmail(person: StoredPerson, email: string): void {
    if (person.email !== undefined && this.#byEmail.get(this.emailKey(person.email)) === person) {
      this.#byEmail.delete(this.emailKey(person.email));
    }
    person.email = email;
    if (this.emailIdentifies && !this.#byEmail.has(this.emailKey(email))) this.#byEmail.set(this.emailKey(email), person);
  }

  linkAnonymousId(person: StoredPerson, anonymousId: string): void {
    person.anonymous_id = anonymousId;
    person.anonymousIds.add(anonymousId);
    this.#byAnonymousId.set(anonymousId, person);
  }

  /** Registers the object a relationship names; an existing type + id is the same object (C19). */
  relateObject(objectTypeId: string, objectId: string): void {
    const key = objectKey(objectTypeId, objectId);
    if (!this.#objects.has(key)) this.#objects.set(key, { object_type_id: objectTypeId, object_id: objectId });
  }

  objects(): RelatedObjectRecord[] {
    return [...this.#objects.values()].map((object) => ({ ...object }));
  }

  /** Marks a person deleted and frees every identifier they held. */
  delete(person: StoredPerson): void {
    person.deleted = true;
    if (person.id !== undefined && this.#byId.get(person.id) === person) this.#byId.delete(person.id);
    if (person.email !== undefined && this.#byEmail.get(this.emailKey(person.email)) === person) {
      this.#byEmail.delete(this.emailKey(person.email));
    }
    for (const anonymousId of person.anonymousIds) {
      if (this.#byAnonymousId.get(anonymousId) === person) this.#byAnonymousId.delete(anonymousId);
    }
  }

  /** A live person by reference; with `cioId`, a deleted one too. */
  find(ref: PersonRef): StoredPerson | undefined {
    if ("cioId" in ref) return this.byCioId(bareCioId(ref.cioId));
    if ("id" in ref) return this.byId(ref.id);
    if (this.emailIdentifies) return this.byEmail(ref.email);
    // Where email does not identify, addresses are not indexed; inspection may afford a scan.
    for (const person of this.#byCio.values()) {
      if (!person.deleted && person.email !== undefined && this.sameEmail(person.email, ref.email)) return person;
    }
    return undefined;
  }

  list(includeDeleted: boolean): StoredPerson[] {
    const all = [...this.#byCio.values()];
    return includeDeleted ? all : all.filter((person) => !person.deleted);
  }

  /** Adds people directly. Checks the whole batch first, so that either all are added or none. */
  seed(people: readonly SeedPerson[]): StoredPerson[] {
    const problems: string[] = [];
    const claimed = new Set<string>();
    const claim = (kind: string, key: string, taken: boolean, index: number) => {
      if (taken || claimed.has(`${kind}\u0000${key}`)) problems.push(`people[${index}].${kind} is already held by another person`);
      claimed.add(`${kind}\u0000${key}`);
    };
    people.forEach((seed, index) => {
      if (seed.cio_id !== undefined && bareCioId(seed.cio_id) === "") problems.push(`people[${index}].cio_id is empty`);
      else if (seed.cio_id !== undefined) claim("cio_id", bareCioId(seed.cio_id), this.#byCio.has(bareCioId(seed.cio_id)), index);
      if (seed.id !== undefined) claim("id", seed.id, this.#byId.has(seed.id), index);
      if (seed.email !== undefined && this.emailIdentifies) {
        claim("email", this.emailKey(seed.email), this.#byEmail.has(this.emailKey(seed.email)), index);
      }
      if (seed.anonymous_id !== undefined) claim("anonymous_id", seed.anonymous_id, this.#byAnonymousId.has(seed.anonymous_id), index);
    });
    if (problems.length > 0) throw new SeedConflictError(problems);
    return people.map((seed) => this.#addSeed(seed));
  }

  snapshot(person: StoredPerson): PersonRecord {
    return {
      cio_id: person.cio_id,
      ...(person.id !== undefined && { id: person.id }),
      ...(person.email !== undefined && { email: person.email }),
      ...(person.anonymous_id !== undefined && { anonymous_id: person.anonymous_id }),
      ...(person.created_at !== undefined && { created_at: person.created_at }),
      attributes: structuredClone(Object.fromEntries(person.attributes)),
      topics: Object.fromEntries(person.topics),
      unsubscribed: person.unsubscribed,
      relationships: [...person.relationships.values()].map((r) => ({
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
    this.#byCio.clear();
    this.#byId.clear();
    this.#byEmail.clear();
    this.#byAnonymousId.clear();
    this.#objects.clear();
    this.#counter = 0;
  }

  #addSeed(seed: SeedPerson): StoredPerson {
    const person = this.create(seed.cio_id === undefined ? undefined : bareCioId(seed.cio_id));
    if (seed.id !== undefined) this.setId(person, seed.id);
    if (seed.email !== undefined) this.setEmail(person, seed.email);
    if (seed.anonymous_id !== undefined) this.linkAnonymousId(person, seed.anonymous_id);
    if (seed.created_at !== undefined) person.created_at = seed.created_at;
    if (seed.unsubscribed !== undefined) person.unsubscribed = seed.unsubscribed;
    for (const [name, value] of Object.entries(seed.attributes ?? {})) {
      // Same meaning as in an identify call: null and "" mean "no value".
      if (value !== null && value !== "" && value !== undefined) person.attributes.set(name, structuredClone(value));
    }
    for (const [topic, subscribed] of Object.entries(seed.topics ?? {})) person.topics.set(topic, subscribed);
    return person;
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
    if (!this.emailIdentifies) return;
    for (const person of this.#byCio.values()) {
      if (person.deleted || person.email === undefined) continue;
      const key = this.emailKey(person.email);
      if (!this.#byEmail.has(key)) this.#byEmail.set(key, person);
    }
  }
}
