/**
 * What a rule decides, as data: the rules read the workspace and return a {@link Decision}; commit.ts applies
 * it. Deciding never changes the workspace, so the same decision step serves immediate processing (decide, then
 * commit at once), eventual processing (several requests decided against one state, as parallel queue workers
 * would, then committed), and the deliberately broken rule books the conformance suite's own tests build.
 */
import type { ActivityNote } from "./activity.js";
import type { IdentifierForm } from "../rules/index.js";
import type { ClauseId } from "./types.js";
import type { StoredPerson, Workspace } from "./workspace.js";

/** What the rules may read of the workspace. */
export type WorkspaceView = Pick<
  Workspace,
  "byCioId" | "byId" | "byEmail" | "byAnonymousId" | "emailIdentifies" | "sameEmail" | "settings"
>;

/**
 * A person as the rules read them: fields, and collections through `peek()` (their accessors make missing
 * collections, and turn attributes kept as text into a Map, which reading must not do). A rule never writes to one.
 */
export type PersonView = Readonly<
  Pick<
    StoredPerson,
    "cio_id" | "id" | "email" | "anonymous_id" | "created_at" | "last_timestamp" | "unsubscribed" | "deleted" | "peek"
  >
>;

/** One change to the person a decision is about. */
export type PersonChange =
  | { readonly field: "id" | "email" | "anonymous_id"; readonly value: string }
  | { readonly field: "created_at" | "last_timestamp"; readonly value: number }
  | { readonly field: "unsubscribed"; readonly value: boolean }
  /** `value` undefined removes the attribute. */
  | { readonly field: "attribute"; readonly name: string; readonly value: unknown }
  /** The `_timestamp` that wrote an attribute, for ordering later updates. */
  | { readonly field: "stamp"; readonly name: string; readonly value: number }
  /** `replace`: the preferences object (C14); otherwise one topic (C15). */
  | { readonly field: "topics"; readonly replace: boolean; readonly topics: readonly (readonly [string, boolean])[] }
  | {
      readonly field: "relationship";
      readonly objectTypeId: string;
      readonly objectId: string;
      readonly remove: boolean;
      /** Attribute values to set; `undefined` removes one (C21). */
      readonly attributes: readonly (readonly [string, string | number | boolean | undefined])[];
    };

/** An activity note decided by a rule; `target` notes receive the person's cio_id when the decision commits. */
export type DecidedNote = ActivityNote & { readonly target?: boolean };

/** What one rule decides about one person: the changes, the notes, and the names of what really changes. */
export interface Part {
  changes: PersonChange[];
  notes: DecidedNote[];
  changed: string[];
}

export const emptyPart = (): Part => ({ changes: [], notes: [], changed: [] });

/** Who an identify call is about. */
export type Resolution =
  /** C8 or C24: nobody; the note says why. */
  | { readonly outcome: "none"; readonly note: DecidedNote }
  | {
      readonly outcome: "person";
      /** Undefined for a person this call creates. */
      readonly person: PersonView | undefined;
      /** For a person created with a given cio_id (only a deliberately broken C8 does that). */
      readonly cioId?: string;
      readonly kind: IdentifierForm;
      /** The rule that chose the person: C1, C2, C3 or C7. */
      readonly clause: ClauseId;
      /** C3: the person was found through the body and should receive the path identifier. */
      readonly adopt: boolean;
    };

export type PersonResolution = Extract<Resolution, { outcome: "person" }>;

/** The identifiers of one call: the path, and the body's `id`, `email` and `_update`. */
export interface IdentityInput {
  readonly path: string;
  readonly id?: string;
  readonly email?: string;
  readonly update: boolean;
}

/** Everything an identify call decides. */
export interface Decision {
  readonly resolution: Resolution;
  readonly changes: readonly PersonChange[];
  /** In the order the log writes them: the summary (created or updated) first, then each detail. */
  readonly notes: readonly DecidedNote[];
}

/**
 * The rules, one function per clause or group of clauses. Each reads the workspace (never writes it) and
 * returns what it decides. The conformance suite's own tests replace some of them with deliberately wrong ones.
 */
export interface RuleBook {
  /** C1–C3, C7, C8, C10, C23, C24: who the call is about. */
  resolve(view: WorkspaceView, input: IdentityInput): Resolution;
  /**
   * C5, C6, C7, C11: whether an identifier already set may change, for a person found by a `kind` path; the
   * clause that allows it and how the log says it, or undefined when C5 refuses it.
   */
  allowsChange(
    view: WorkspaceView,
    kind: IdentifierForm,
    field: "id" | "email",
  ): { clause: ClauseId; how: string } | undefined;
  /** C16: the anonymous_id. */
  anonymousId(view: WorkspaceView, person: PersonView | undefined, value: string): Part;
  /** C17: whether a value of `unsubscribed` unsubscribes. */
  unsubscribes(value: unknown): boolean;
  /** C14, C15: the topic preferences of a body (the gate orders them by `_timestamp`). */
  topics(person: PersonView | undefined, body: Readonly<Record<string, unknown>>, gate: TimestampGate): Part;
  /** C18–C21: the relationships of a body. */
  relationships(person: PersonView | undefined, value: unknown): Part;
  /** C9: whether email addresses identify people regardless of case. */
  readonly emailIgnoresCase: boolean;
}

/** Decides whether an update may write an attribute, given `_timestamp` ordering. */
export interface TimestampGate {
  /** True when the attribute may be written (its stamp is then recorded with the decision). */
  allows(name: string): boolean;
}
