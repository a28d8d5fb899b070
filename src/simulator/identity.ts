/**
 * Identity resolution: which person a request is about, and which of its identifiers are applied.
 *
 * Implements C1–C11, C23 and C24 (C13 for `email` where email is only an attribute). The real endpoint answers
 * `200 {}` whatever these rules decide, so every refusal becomes an activity note naming its clause.
 *
 * The order of decisions:
 * 1. The path's kind comes from its shape (C10): `cio_` prefix → cio_id; an email address where email
 *    identifies people → email; anything else → id.
 * 2. A cio_ reference finds that person (C7), or drops the request when unknown or deleted (C8).
 * 3. Otherwise the person holding the path identifier is updated (C2). If nobody holds it, the person holding
 *    a body identifier (`id` first, then `email`) is updated and adopts the path identifier (C3). If nobody
 *    holds any, a person is created (C1), unless `_update` is true (C23), which logs a miss instead (C24).
 * 4. Each body identifier is then applied, unless another person holds it (C4) or it would change an
 *    identifier already set without a cio_ reference (C5, C11), email-by-id with the setting on excepted (C6).
 *
 * `anonymous_id` does not take part in resolution: it links events to a person but does not name one in this
 * call. Its uniqueness rule (C16) lives in attributes.ts.
 */
import { CIO_ID_PREFIX, identifierForm, type IdentifierForm } from "../rules/index.js";
import type { ActivityNote } from "./activity.js";
import type { RuleContext } from "./context.js";
import type { ClauseId } from "./types.js";
import type { StoredPerson, Workspace } from "./workspace.js";

export type PathKind = IdentifierForm;

/** The identifiers of one call: the path, and the body's `id`, `email` and `_update`. */
export interface IdentityInput {
  path: string;
  id?: string;
  email?: string;
  update: boolean;
}

export type Resolution =
  /** C8 or C24: nothing is applied; the note says why. */
  | { outcome: "none" }
  | {
      outcome: "person";
      person: StoredPerson;
      kind: PathKind;
      created: boolean;
      /** The rule that chose the person: C1, C2, C3 or C7. */
      clause: ClauseId;
      /** C3: the person was found through the body and should receive the path identifier. */
      adopt: boolean;
    };

/** C10: the kind of a path identifier, decided from its shape and the workspace's settings. */
export function pathKind(identifier: string, workspace: Workspace): PathKind {
  return identifierForm(identifier, workspace.emailIdentifies);
}

/** Steps 1–3: finds or creates the person, or explains in `notes` why nobody is touched. */
export function resolvePerson(ctx: RuleContext, input: IdentityInput, notes: ActivityNote[]): Resolution {
  const { workspace } = ctx;
  const kind = pathKind(input.path, workspace);

  if (kind === "cio_id") {
    const cioId = input.path.slice(CIO_ID_PREFIX.length);
    const person = workspace.byCioId(cioId);
    if (person !== undefined && !person.deleted) {
      return { outcome: "person", person, kind, created: false, clause: "C7", adopt: false };
    }
    if (ctx.on("C8")) {
      // C8: an unknown or deleted cio_id drops the whole request; the 200 hides it, the log does not.
      notes.push({
        type: "request_dropped",
        clause: "C8",
        identifier: "path",
        cio_id: cioId,
        reason: person
          ? "The cio_id belongs to a deleted person, so the request was dropped."
          : "No person has this cio_id, so the request was dropped.",
      });
      return { outcome: "none" };
    }
    // C8 turned off (a deliberately wrong server): update the deleted person, or create one with that cio_id.
    if (person !== undefined) return { outcome: "person", person, kind, created: false, clause: "C7", adopt: false };
    if (input.update && ctx.on("C23")) return missed(notes);
    return { outcome: "person", person: workspace.create(cioId), kind, created: true, clause: "C1", adopt: false };
  }

  // C2: the path identifier belongs to someone. Email lookups ignore case (C9, in Workspace.emailKey).
  const holder = kind === "email" ? workspace.byEmail(input.path) : workspace.byId(input.path);
  if (holder !== undefined) return { outcome: "person", person: holder, kind, created: false, clause: "C2", adopt: false };

  // C3: nobody holds the path identifier, but a body identifier names someone: that person adopts the path one.
  const bodyHolder =
    (input.id !== undefined ? workspace.byId(input.id) : undefined) ??
    (input.email !== undefined ? workspace.byEmail(input.email) : undefined);
  if (bodyHolder !== undefined && ctx.on("C3")) {
    return { outcome: "person", person: bodyHolder, kind, created: false, clause: "C3", adopt: true };
  }

  // C23: `_update: true` never creates; C24: the miss is logged as a Failed Attribute Change.
  if (input.update && ctx.on("C23")) return missed(notes);

  // C1: nobody is named by any identifier: a new person, holding the path identifier.
  const person = workspace.create();
  if (kind === "email") workspace.setEmail(person, input.path);
  else workspace.setId(person, input.path);
  return { outcome: "person", person, kind, created: true, clause: "C1", adopt: false };
}

function missed(notes: ActivityNote[]): Resolution {
  notes.push({
    type: "failed_attribute_change",
    clause: "C24",
    identifier: "path",
    reason: "_update is true and no person holds the path identifier or the body's identifiers, so nothing was created (C23).",
  });
  return { outcome: "none" };
}

/**
 * Step 4: gives the person the path identifier when they adopted it (C3), then applies the body's `id` and
 * `email`. Refusals go to `notes`; applied identifiers to `changed`.
 */
export function applyIdentifiers(
  ctx: RuleContext,
  resolution: Extract<Resolution, { outcome: "person" }>,
  input: IdentityInput,
  notes: ActivityNote[],
  changed: string[],
): void {
  const { workspace } = ctx;
  const { person, kind } = resolution;

  if (resolution.adopt && kind !== "cio_id") {
    const current = kind === "id" ? person.id : person.email;
    if (current === undefined || !ctx.on("C5")) {
      setIdentifier(workspace, person, kind, input.path);
      changed.push(kind);
      notes.push({
        type: "attributes_updated",
        clause: "C3",
        identifier: "path",
        cio_id: person.cio_id,
        reason: `The person was found through the body's identifiers and was given the path identifier as their ${kind}.`,
      });
    } else {
      notes.push(refusedChange(person, "path", kind));
    }
  }

  for (const field of ["id", "email"] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (field === "email" && !workspace.emailIdentifies) {
      // C13 where email does not identify people (C10): a plain attribute, no uniqueness, no C5.
      if (person.email !== value) {
        workspace.setEmail(person, value);
        changed.push("email");
      }
      continue;
    }
    const holder = field === "id" ? workspace.byId(value) : workspace.byEmail(value);
    if (holder !== undefined && holder !== person) {
      // C4: the identifier belongs to someone else: not applied, logged, and the call still answers 200.
      notes.push({
        type: "attribute_update_failure",
        clause: "C4",
        identifier: field,
        cio_id: person.cio_id,
        conflicting_cio_id: holder.cio_id,
        reason: "The identifier is already associated with a different profile.",
      });
      continue;
    }
    const current = field === "id" ? person.id : person.email;
    if (current !== undefined && (field === "id" ? current === value : workspace.sameEmail(current, value))) continue;
    if (current === undefined) {
      // C11 (an id given to a person referenced by email), C13 (an email address), C7 (through cio_).
      setIdentifier(workspace, person, field, value);
      changed.push(field);
      continue;
    }
    // Changing an identifier that is set: C7 through cio_, C6 for email by id with the setting on; else C5.
    const clause: ClauseId | undefined =
      kind === "cio_id"
        ? "C7"
        : field === "email" && kind === "id" && workspace.settings.allowEmailUpdatesById
          ? "C6"
          : ctx.on("C5")
            ? undefined
            : "C5";
    if (clause === undefined) {
      notes.push(refusedChange(person, field, field));
      continue;
    }
    setIdentifier(workspace, person, field, value);
    changed.push(field);
    notes.push({
      type: "attributes_updated",
      clause,
      identifier: field,
      cio_id: person.cio_id,
      reason: `The person's ${field} was changed${clause === "C7" ? " through a cio_ reference" : clause === "C6" ? " by id, as the workspace allows email updates by id" : ""}.`,
    });
  }
}

function setIdentifier(workspace: Workspace, person: StoredPerson, field: "id" | "email", value: string): void {
  if (field === "id") workspace.setId(person, value);
  else workspace.setEmail(person, value);
}

/** C5 (and C11 for ids): a set identifier changes only through a cio_ reference. */
function refusedChange(person: StoredPerson, identifier: string, field: "id" | "email"): ActivityNote {
  return {
    type: "attribute_update_failure",
    clause: "C5",
    identifier,
    cio_id: person.cio_id,
    reason: `The person already has a different ${field}; changing it needs a cio_ reference in the path${field === "email" ? ", or referencing them by id with email updates by id allowed" : ""}.`,
  };
}
