/**
 * Identity resolution: which person a request is about, and which of its identifiers apply.
 *
 * Implements C1–C11, C23 and C24 (C13 for `email` where email is only an attribute). The real endpoint answers
 * `200 {}` whatever these rules decide, so every refusal becomes an activity note naming its clause.
 *
 * The order of decisions:
 * 1. The path's kind comes from its shape (C10, src/rules): `cio_` prefix → cio_id; an email address where
 *    email identifies people → email; anything else → id.
 * 2. A cio_ reference finds that person (C7), or drops the request when unknown or deleted (C8).
 * 3. Otherwise the person holding the path identifier is updated (C2). If nobody holds it, the person holding
 *    a body identifier (`id` first, then `email`) is updated and adopts the path identifier (C3). If nobody
 *    holds any, a person is created (C1), unless `_update` is true (C23), which logs a miss instead (C24).
 * 4. Each body identifier is then applied, unless another person holds it (C4) or it would change an
 *    identifier already set: {@link CHANGE_TABLE} says when that is allowed (C7, C6); otherwise C5 (C11).
 *
 * `anonymous_id` does not take part in resolution: it links events to a person but does not name one in this
 * call. Its uniqueness rule (C16) lives in attributes.ts.
 */
import { bareCioId, identifierForm, type IdentifierForm } from "../rules/index.js";
import {
  emptyPart,
  type DecidedNote,
  type IdentityInput,
  type Part,
  type PersonResolution,
  type PersonView,
  type Resolution,
  type RuleBook,
  type WorkspaceView,
} from "./decision.js";
import type { ClauseId } from "./types.js";

export type PathKind = IdentifierForm;

/** Steps 1–3: finds the person, or decides to create one, or explains why nobody is touched. */
export function resolvePerson(view: WorkspaceView, input: IdentityInput): Resolution {
  const kind = identifierForm(input.path, view.emailIdentifies);
  if (kind === "cio_id") return byCioReference(view, input);
  // C2: the path identifier belongs to someone. Email lookups ignore case (C9, in Workspace.emailKey).
  const holder = kind === "email" ? view.byEmail(input.path) : view.byId(input.path);
  if (holder !== undefined) return { outcome: "person", person: holder, kind, clause: "C2", adopt: false };
  // C3: nobody holds the path identifier, but a body identifier names someone: that person adopts the path one.
  const bodyHolder = bodyIdentifierHolder(view, input);
  if (bodyHolder !== undefined) return { outcome: "person", person: bodyHolder, kind, clause: "C3", adopt: true };
  // C23: `_update: true` never creates; C24: the miss is logged as a Failed Attribute Change.
  if (input.update) return missed();
  // C1: nobody is named by any identifier: a new person, holding the path identifier.
  return { outcome: "person", person: undefined, kind, clause: "C1", adopt: false };
}

/** C7 and C8: a `cio_` reference updates that person, or the request is dropped. */
function byCioReference(view: WorkspaceView, input: IdentityInput): Resolution {
  const cioId = bareCioId(input.path);
  const person = view.byCioId(cioId);
  if (person !== undefined && !person.deleted)
    return { outcome: "person", person, kind: "cio_id", clause: "C7", adopt: false };
  // C8: an unknown or deleted cio_id drops the whole request; the 200 hides it, the log does not.
  const reason = person
    ? "The cio_id belongs to a deleted person, so the request was dropped."
    : "No person has this cio_id, so the request was dropped.";
  return {
    outcome: "none",
    note: { type: "request_dropped", clause: "C8", identifier: "path", cio_id: cioId, reason },
  };
}

/** The person a body identifier names: `id` first, then `email`, or the other way round (a workspace setting). */
export function bodyIdentifierHolder(view: WorkspaceView, input: IdentityInput): PersonView | undefined {
  const byId = () => (input.id !== undefined ? view.byId(input.id) : undefined);
  const byEmail = () => (input.email !== undefined ? view.byEmail(input.email) : undefined);
  return view.settings.bodyIdentifierPrecedence === "email" ? (byEmail() ?? byId()) : (byId() ?? byEmail());
}

/** C24: `_update: true` found nobody. */
export function missed(): Resolution {
  return {
    outcome: "none",
    note: {
      type: "failed_attribute_change",
      clause: "C24",
      identifier: "path",
      reason:
        "_update is true and no person holds the path identifier or the body's identifiers, so nothing was created (C23).",
    },
  };
}

/**
 * When an identifier that is already set may change (C5 says: only through a cio_ reference). Each row names
 * the path's kind, the field, whether the workspace must allow email updates by id, the clause that allows the
 * change and how the log says it. A change no row allows is refused under C5 (C11 for ids).
 */
export const CHANGE_TABLE: readonly {
  readonly path: PathKind;
  readonly field: "id" | "email" | "any";
  readonly emailUpdatesById?: true;
  readonly clause: ClauseId;
  readonly how: string;
}[] = [
  { path: "cio_id", field: "any", clause: "C7", how: " through a cio_ reference" },
  {
    path: "id",
    field: "email",
    emailUpdatesById: true,
    clause: "C6",
    how: " by id, as the workspace allows email updates by id",
  },
];

/** The row of {@link CHANGE_TABLE} that allows changing `field` of a person found by a `kind` path, if any. */
export function allowedChange(
  view: WorkspaceView,
  kind: PathKind,
  field: "id" | "email",
): { clause: ClauseId; how: string } | undefined {
  return CHANGE_TABLE.find(
    (row) =>
      row.path === kind &&
      (row.field === "any" || row.field === field) &&
      (row.emailUpdatesById === undefined || view.settings.allowEmailUpdatesById),
  );
}

/**
 * Step 4: gives the person the path identifier when they adopted it (C3), then decides on the body's `id` and
 * `email`.
 */
export function decideIdentifiers(
  rules: RuleBook,
  view: WorkspaceView,
  resolution: PersonResolution,
  input: IdentityInput,
): Part {
  const part = emptyPart();
  const { person, kind } = resolution;
  // C1: the new person holds the path identifier from the start (not listed as a change of theirs).
  if (resolution.clause === "C1" && kind !== "cio_id") part.changes.push({ field: kind, value: input.path });
  if (resolution.adopt && kind !== "cio_id") {
    // C3 meeting C5: the workspace setting says whether the path identifier replaces one the person holds.
    const replaces = view.settings.pathReplacesSetIdentifier ? { clause: "C3" as ClauseId, how: "" } : undefined;
    adoptPath(part, person, kind, input.path, rules.allowsChange(view, kind, kind) ?? replaces);
  }
  for (const field of ["id", "email"] as const) {
    const value = input[field];
    if (value !== undefined) decideBodyIdentifier(rules, view, part, resolution, field, value);
  }
  return part;
}

/** C3: the person found through the body takes the path identifier, unless they hold a different one (C5). */
function adoptPath(
  part: Part,
  person: PersonView | undefined,
  kind: "id" | "email",
  path: string,
  allowed: unknown,
): void {
  const current = kind === "id" ? person?.id : person?.email;
  if (current !== undefined && allowed === undefined) {
    part.notes.push(refusedChange("path", kind));
    return;
  }
  setIdentifier(part, kind, path);
  part.notes.push({
    type: "attributes_updated",
    clause: "C3",
    identifier: "path",
    target: true,
    reason: `The person was found through the body's identifiers and was given the path identifier as their ${kind}.`,
  });
}

function decideBodyIdentifier(
  rules: RuleBook,
  view: WorkspaceView,
  part: Part,
  resolution: PersonResolution,
  field: "id" | "email",
  value: string,
): void {
  const { person } = resolution;
  const current = field === "id" ? person?.id : person?.email;
  if (field === "email" && !view.emailIdentifies) {
    // C13 where email does not identify people (C10): a plain attribute, no uniqueness, no C5.
    if (current !== value) setIdentifier(part, "email", value);
    return;
  }
  const holder = field === "id" ? view.byId(value) : view.byEmail(value);
  if (holder !== undefined && holder !== person) {
    // C4: the identifier belongs to someone else: not applied, logged, and the call still answers 200.
    part.notes.push({
      type: "attribute_update_failure",
      clause: "C4",
      identifier: field,
      target: true,
      conflicting_cio_id: holder.cio_id,
      reason: "The identifier is already associated with a different profile.",
    });
    return;
  }
  const pending = part.changes.find((change) => change.field === field);
  const held = pending?.field === field ? (pending.value as string) : current;
  if (held === undefined) {
    // C11 (an id given to a person referenced by email), C13 (an email address), C7 (through cio_).
    setIdentifier(part, field, value);
    return;
  }
  if (field === "id" ? held === value : view.sameEmail(held, value)) return;
  const row = rules.allowsChange(view, resolution.kind, field);
  if (row === undefined) {
    part.notes.push(refusedChange(field, field));
    return;
  }
  setIdentifier(part, field, value);
  part.notes.push({
    type: "attributes_updated",
    clause: row.clause,
    identifier: field,
    target: true,
    reason: `The person's ${field} was changed${row.how}.`,
  });
}

function setIdentifier(part: Part, field: "id" | "email", value: string): void {
  part.changes.push({ field, value });
  part.changed.push(field);
}

/** C5 (and C11 for ids): a set identifier changes only through a cio_ reference. */
function refusedChange(identifier: string, field: "id" | "email"): DecidedNote {
  const orById = field === "email" ? ", or referencing them by id with email updates by id allowed" : "";
  return {
    type: "attribute_update_failure",
    clause: "C5",
    identifier,
    target: true,
    reason: `The person already has a different ${field}; changing it needs a cio_ reference in the path${orById}.`,
  };
}
