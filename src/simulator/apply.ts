/**
 * Applies one accepted identify call to the workspace, in the order the rules need: resolve the person
 * (identity.ts: C1–C11, C23, C24), apply the body's identifiers, then the attributes (attributes.ts,
 * subscriptions.ts, relationships.ts). Then writes the activity log: first what happened to the person
 * (created, C1; updated, C2/C3/C7), then each identifier change and each refusal, all under one request number.
 *
 * Runs only after validation.ts has accepted the request, so the body matches the spec's schema.
 */
import type { ActivityNote } from "./activity.js";
import { applyAttributes } from "./attributes.js";
import type { RuleContext } from "./context.js";
import { applyIdentifiers, resolvePerson, type IdentityInput, type Resolution } from "./identity.js";

/** `request` is the seq the request log gave the call; its activity entries carry it. */
export function applyIdentify(ctx: RuleContext, identifier: string, body: Readonly<Record<string, unknown>>, request?: number): void {
  const input: IdentityInput = { path: identifier, update: body["_update"] === true };
  if (typeof body["id"] === "string") input.id = body["id"];
  if (typeof body["email"] === "string") input.email = body["email"];

  ctx.log.beginRequest(request);
  try {
    const notes: ActivityNote[] = [];
    const resolution = resolvePerson(ctx, input, notes);
    if (resolution.outcome === "person") {
      const changed: string[] = [];
      const details: ActivityNote[] = [];
      applyIdentifiers(ctx, resolution, input, details, changed);
      applyAttributes(ctx, resolution.person, body, details, changed);
      notes.push(summary(resolution, changed), ...details);
    }
    for (const note of notes) ctx.log.write(note);
  } finally {
    ctx.log.endRequest();
  }
}

const FOUND_BY = {
  C2: "The person holding the path identifier was updated",
  C3: "Nobody held the path identifier; the person holding an identifier of the body was updated",
  C7: "The person with this cio_id was updated",
} as const;

function summary(resolution: Extract<Resolution, { outcome: "person" }>, changed: readonly string[]): ActivityNote {
  const { person, clause, kind } = resolution;
  const names = [...new Set(changed)];
  const what = names.length > 0 ? `changed: ${names.join(", ")}` : "nothing changed";
  if (resolution.created) {
    return {
      type: "person_created",
      clause,
      identifier: "path",
      cio_id: person.cio_id,
      changed: names,
      reason: `No person held the path identifier or the body's identifiers, so a person was created with the path identifier as their ${kind} (${what}).`,
    };
  }
  const foundBy = clause === "C2" || clause === "C3" || clause === "C7" ? FOUND_BY[clause] : "The person was updated";
  return { type: "attributes_updated", clause, identifier: "path", cio_id: person.cio_id, changed: names, reason: `${foundBy} (${what}).` };
}
