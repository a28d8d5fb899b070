/**
 * Commits a decision (decision.ts) to the workspace, in one place: creates the person when the decision says
 * so, applies each change through the workspace's indexes, and writes the decision's notes to the activity log
 * under one request number, with the person's cio_id filled in.
 */
import type { ActivityLog } from "./activity.js";
import type { Decision, PersonChange } from "./decision.js";
import { objectKey, type StoredPerson, type Workspace } from "./workspace.js";

/** Which request a decision comes from. */
export interface Origin {
  /** When it was received, in milliseconds of the simulator's clock, if before now (eventual processing). */
  receivedAt?: number | undefined;
  /** The seq the request log gave it; its activity entries carry it. */
  seq?: number | undefined;
}

export function commitDecision(
  workspace: Workspace,
  log: ActivityLog,
  decision: Decision,
  origin: Origin = {},
): StoredPerson | undefined {
  const { resolution } = decision;
  let person: StoredPerson | undefined;
  if (resolution.outcome === "person") {
    person =
      resolution.person === undefined
        ? workspace.create(resolution.cioId)
        : (workspace.byCioId(resolution.person.cio_id) ?? workspace.create(resolution.person.cio_id));
    for (const change of decision.changes) applyChange(workspace, person, change);
    if (decision.changes.length > 0) workspace.noteChange();
  }
  log.beginRequest(origin.seq);
  try {
    for (const { target, ...note } of decision.notes) {
      log.write(target === true && person !== undefined ? { ...note, cio_id: person.cio_id } : note, origin.receivedAt);
    }
  } finally {
    log.endRequest();
  }
  return person;
}

function applyChange(workspace: Workspace, person: StoredPerson, change: PersonChange): void {
  switch (change.field) {
    case "id":
      return workspace.setId(person, change.value);
    case "email":
      return workspace.setEmail(person, change.value);
    case "anonymous_id":
      return workspace.linkAnonymousId(person, change.value);
    case "created_at":
      person.created_at = change.value;
      return;
    case "last_timestamp":
      person.last_timestamp = change.value;
      return;
    case "unsubscribed":
      person.unsubscribed = change.value;
      return;
    case "attribute":
      if (change.value === undefined) person.attributes.delete(change.name);
      else person.attributes.set(change.name, change.value);
      return;
    case "stamp":
      person.stamps.set(change.name, change.value);
      return;
    case "topics":
      if (change.replace) person.topics.clear();
      for (const [topic, subscribed] of change.topics) person.topics.set(topic, subscribed);
      return;
    case "relationship":
      return applyRelationship(workspace, person, change);
  }
}

function applyRelationship(
  workspace: Workspace,
  person: StoredPerson,
  change: Extract<PersonChange, { field: "relationship" }>,
): void {
  const key = objectKey(change.objectTypeId, change.objectId);
  if (change.remove) {
    person.relationships.delete(key);
    return;
  }
  workspace.relateObject(change.objectTypeId, change.objectId);
  let relationship = person.relationships.get(key);
  if (relationship === undefined) {
    relationship = { object_type_id: change.objectTypeId, object_id: change.objectId, attributes: new Map() };
    person.relationships.set(key, relationship);
  }
  for (const [name, value] of change.attributes) {
    if (value === undefined) relationship.attributes.delete(name);
    else relationship.attributes.set(name, value);
  }
}
