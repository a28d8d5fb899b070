/**
 * Decides one accepted identify call: who it is about (identity.ts: C1–C11, C23, C24), which identifiers of the
 * body apply, then the attributes (attributes.ts, subscriptions.ts, relationships.ts). Returns the changes and
 * the activity notes: first what happens to the person (created, C1; updated, C2/C3/C7), then each identifier
 * change and each refusal. Reads the workspace, never writes it (commit.ts does).
 *
 * Runs only after validation.ts has accepted the request, so the body matches the spec's schema.
 */
import { decideAttributes } from "./attributes.js";
import type { DecidedNote, Decision, IdentityInput, PersonResolution, RuleBook, WorkspaceView } from "./decision.js";
import { decideIdentifiers } from "./identity.js";

export function decideIdentify(
  rules: RuleBook,
  view: WorkspaceView,
  identifier: string,
  body: Readonly<Record<string, unknown>>,
): Decision {
  const input: IdentityInput = {
    path: identifier,
    update: body["_update"] === true,
    ...(typeof body["id"] === "string" && { id: body["id"] }),
    ...(typeof body["email"] === "string" && { email: body["email"] }),
  };
  const resolution = rules.resolve(view, input);
  if (resolution.outcome === "none") return { resolution, changes: [], notes: [resolution.note] };
  const identifiers = decideIdentifiers(rules, view, resolution, input);
  const attributes = decideAttributes(rules, view, resolution.person, body);
  const changed = [...new Set([...identifiers.changed, ...attributes.changed])];
  return {
    resolution,
    changes: [...identifiers.changes, ...attributes.changes],
    notes: [summary(resolution, changed), ...identifiers.notes, ...attributes.notes],
  };
}

const FOUND_BY: Readonly<Record<string, string>> = {
  C2: "The person holding the path identifier was updated",
  C3: "Nobody held the path identifier; the person holding an identifier of the body was updated",
  C7: "The person with this cio_id was updated",
};

function summary(resolution: PersonResolution, changed: readonly string[]): DecidedNote {
  const { clause, kind } = resolution;
  const what = changed.length > 0 ? `changed: ${changed.join(", ")}` : "nothing changed";
  const created = resolution.person === undefined;
  return {
    type: created ? "person_created" : "attributes_updated",
    clause,
    identifier: "path",
    target: true,
    changed: [...changed],
    reason: created
      ? `No person held the path identifier or the body's identifiers, so a person was created with the path identifier as their ${kind} (${what}).`
      : `${FOUND_BY[clause] ?? "The person was updated"} (${what}).`,
  };
}
