/**
 * Behaviour checks: one scenario per rule C1–C24. The endpoint answers `200 {}` whether or not a change applied,
 * so these checks read the workspace through an observer (the simulator's inspection API, or one a target
 * provides) and judge the state and the activity log. Without an observer they are skipped, never passed.
 *
 * Each scenario uses identifiers unique to the run, so scenarios cannot disturb one another, and sets up its
 * people only through paths that do not depend on the rule under test (so a server that breaks C3 fails the C3
 * check alone).
 */
import { Findings, is2xx, type CheckContext, type CheckDefinition } from "../check.js";
import type { ClauseId, ObservedActivity, ObservedPerson, PersonRef } from "../types.js";

class Scenario {
  readonly findings: Findings;
  private since = 0;

  constructor(
    private readonly context: CheckContext,
    check: string,
  ) {
    this.findings = new Findings(check);
  }

  private get observer() {
    const observer = this.context.observer;
    if (!observer) throw new Error("behaviour checks need an observer");
    return observer;
  }

  id(label: string): string {
    return this.context.unique(label);
  }

  email(label: string): string {
    return `${this.context.unique(label)}@example.com`;
  }

  /** Sends a PUT and records a finding when it is not answered 2xx (these scenarios send only valid requests). */
  async put(identifier: string, body: Record<string, unknown>, label = "request"): Promise<void> {
    const answer = await this.context.session.put(identifier, body);
    this.findings.status(label, answer, is2xx, "2xx: the request is valid");
  }

  async person(ref: PersonRef): Promise<ObservedPerson | undefined> {
    return this.observer.person(ref);
  }

  /** Looks a person up and records a finding when they are missing. */
  async expectPerson(ref: PersonRef, label: string): Promise<ObservedPerson | undefined> {
    const found = await this.observer.person(ref);
    if (!found || found.deleted) this.findings.add(`${label}: person`, `a person with ${describe(ref)}`, "nobody");
    return found && !found.deleted ? found : undefined;
  }

  async expectNobody(ref: PersonRef, label: string): Promise<void> {
    const found = await this.observer.person(ref);
    if (found && !found.deleted)
      this.findings.add(`${label}: person`, `nobody with ${describe(ref)}`, `person cio_${found.cio_id}`);
  }

  async settings(patch: { allowEmailUpdatesById?: boolean; identifiedBy?: "email_or_id" | "id" }): Promise<void> {
    const update = this.observer.updateSettings;
    if (!update) throw new Error("this check needs an observer that can change workspace settings");
    await update.call(this.observer, patch);
  }

  async deletePerson(ref: PersonRef): Promise<void> {
    if (!(await this.observer.deletePerson(ref)))
      this.findings.add("delete", `${describe(ref)} deleted`, "the observer could not delete them");
  }

  /** Starts watching the activity log: later calls to `activity()` return only what happens after this. */
  async mark(): Promise<void> {
    const entries = await this.observer.activity();
    this.since = entries.reduce((max, entry) => Math.max(max, entry.seq), 0);
  }

  async activity(): Promise<ObservedActivity[]> {
    return this.observer.activity(this.since);
  }

  /** Records a finding unless the log (since `mark()`) has an entry of this type, optionally about this identifier. */
  async expectActivity(type: string, label: string, identifier?: string): Promise<void> {
    const entries = await this.activity();
    const found = entries.some(
      (entry) => entry.type === type && (identifier === undefined || entry.identifier === identifier),
    );
    if (!found) {
      this.findings.add(
        `${label}: activity`,
        `an entry "${type}"${identifier ? ` about ${identifier}` : ""}`,
        entries.length
          ? entries.map((e) => `${e.type}${e.identifier ? `(${e.identifier})` : ""}`).join(", ")
          : "no entries",
      );
    }
  }
}

function describe(ref: PersonRef): string {
  if ("id" in ref) return `id ${ref.id}`;
  if ("email" in ref) return `email ${ref.email}`;
  return `cio_id ${ref.cioId}`;
}

function behaviour(
  clause: ClauseId,
  slug: string,
  title: string,
  specElement: string,
  scenario: (s: Scenario) => Promise<void>,
  needs: "observer" | "settings" = "observer",
): CheckDefinition {
  const id = `behaviour.${clause}.${slug}`;
  return {
    id,
    title,
    kind: "behaviour",
    clauses: [clause],
    specElement,
    needs,
    async run(context) {
      const s = new Scenario(context, id);
      await scenario(s);
      return s.findings.list;
    },
  };
}

const OP = "put.description";

export const behaviourChecks: CheckDefinition[] = [
  behaviour("C1", "create", "Unknown identifiers and no cio_ reference create a person", `${OP} C1`, async (s) => {
    const id = s.id("c1");
    const email = s.email("c1");
    await s.mark();
    await s.put(id, { email, first_name: "Ada" });
    const person = await s.expectPerson({ id }, "by the path id");
    if (person) {
      s.findings.equal("person.email", person.email, email);
      s.findings.equal("person.attributes.first_name", person.attributes["first_name"], "Ada");
    }
    await s.expectActivity("person_created", "after the request");
  }),

  behaviour(
    "C2",
    "update-by-path",
    "A path identifier that belongs to a person updates that person",
    `${OP} C2`,
    async (s) => {
      const id = s.id("c2");
      await s.put(id, { plan: "basic", seats: 1 }, "create");
      const before = await s.expectPerson({ id }, "after create");
      await s.put(id, { plan: "premium" }, "update");
      const after = await s.expectPerson({ id }, "after update");
      if (before && after) {
        s.findings.equal("person.cio_id", after.cio_id, before.cio_id);
        s.findings.equal("person.attributes.plan", after.attributes["plan"], "premium");
        s.findings.equal("person.attributes.seats", after.attributes["seats"], 1);
      }
    },
  ),

  behaviour(
    "C3",
    "adopt-path-identifier",
    "An unknown path id with a known body email updates that person and gives them the id",
    `${OP} C3`,
    async (s) => {
      const email = s.email("c3");
      const id = s.id("c3");
      await s.put(email, { plan: "basic" }, "create by email");
      const original = await s.expectPerson({ email }, "after create");
      await s.put(id, { email, plan: "premium" }, "path id unknown, body email known");
      const adopted = await s.person({ id });
      if (original) {
        s.findings.equal("person with the path id: cio_id", adopted?.cio_id, original.cio_id);
        const byEmail = await s.person({ email });
        s.findings.equal("person.attributes.plan", byEmail?.attributes["plan"], "premium");
      }
    },
  ),

  behaviour(
    "C4",
    "conflict",
    "Path and body identifiers of different people: 200, body identifier not applied, failure logged",
    `${OP} C4`,
    async (s) => {
      const idA = s.id("c4a");
      const emailB = s.email("c4b");
      await s.put(idA, { plan: "a" }, "create A by id");
      await s.put(emailB, { plan: "b" }, "create B by email");
      const a = await s.expectPerson({ id: idA }, "A");
      const b = await s.expectPerson({ email: emailB }, "B");
      await s.mark();
      await s.put(idA, { email: emailB, plan: "a2" }, "A's id with B's email");
      const a2 = await s.person({ id: idA });
      const b2 = await s.person({ email: emailB });
      if (a && b) {
        s.findings.equal("A.email", a2?.email, a.email);
        s.findings.equal("the email's owner: cio_id", b2?.cio_id, b.cio_id);
      }
      await s.expectActivity("attribute_update_failure", "the conflict", "email");
    },
  ),

  behaviour(
    "C5",
    "identifier-change-needs-cio",
    "A set id or email does not change without a cio_ reference",
    `${OP} C5`,
    async (s) => {
      const id = s.id("c5");
      const email = s.email("c5");
      await s.put(id, { email }, "create with id and email");
      await s.mark();
      await s.put(id, { email: s.email("c5-new") }, "new email by id");
      await s.put(email, { id: s.id("c5-new") }, "new id by email");
      const person = await s.expectPerson({ id }, "after both attempts");
      if (person) {
        s.findings.equal("person.email", person.email, email);
        s.findings.equal("person.id", person.id, id);
      }
      await s.expectActivity("attribute_update_failure", "the refused email change", "email");
      await s.expectActivity("attribute_update_failure", "the refused id change", "id");
    },
  ),

  behaviour(
    "C6",
    "email-by-id-setting",
    'With "Allow updates to email using ID" on, an email changes by id',
    `${OP} C6`,
    async (s) => {
      const id = s.id("c6");
      const next = s.email("c6-new");
      await s.put(id, { email: s.email("c6") }, "create with id and email");
      await s.settings({ allowEmailUpdatesById: true });
      try {
        await s.put(id, { email: next }, "new email by id");
      } finally {
        await s.settings({ allowEmailUpdatesById: false });
      }
      const person = await s.expectPerson({ id }, "after the change");
      s.findings.equal("person.email", person?.email, next);
    },
    "settings",
  ),

  behaviour(
    "C7",
    "cio-reference-updates-identifiers",
    "A cio_ path updates the person, identifiers included",
    `${OP} C7`,
    async (s) => {
      const id = s.id("c7");
      await s.put(id, { email: s.email("c7") }, "create");
      const person = await s.expectPerson({ id }, "after create");
      if (!person) return;
      const nextId = s.id("c7-new");
      const nextEmail = s.email("c7-new");
      await s.put(`cio_${person.cio_id}`, { id: nextId, email: nextEmail, plan: "x" }, "change both through cio_");
      const after = await s.person({ cioId: person.cio_id });
      s.findings.equal("person.id", after?.id, nextId);
      s.findings.equal("person.email", after?.email, nextEmail);
      s.findings.equal("person.attributes.plan", after?.attributes["plan"], "x");
    },
  ),

  behaviour(
    "C8",
    "unknown-or-deleted-cio-dropped",
    "A cio_ reference to nobody, or to a deleted person, is dropped",
    `${OP} C8`,
    async (s) => {
      const email = s.email("c8");
      const unknown = `cio_${s
        .id("c8")
        .replace(/[^a-z0-9]/gi, "")
        .slice(-20)}ffff`;
      await s.mark();
      await s.put(unknown, { email, plan: "x" }, "unknown cio_");
      await s.expectNobody({ email }, "after the unknown cio_");
      await s.expectActivity("request_dropped", "the unknown cio_");
      const id = s.id("c8-deleted");
      await s.put(id, { plan: "before" }, "create");
      const person = await s.expectPerson({ id }, "after create");
      if (!person) return;
      await s.deletePerson({ cioId: person.cio_id });
      await s.put(`cio_${person.cio_id}`, { plan: "after" }, "cio_ of the deleted person");
      const after = await s.person({ cioId: person.cio_id });
      if (after && !after.deleted) s.findings.add("deleted person", "still deleted", "revived");
      if (after?.attributes["plan"] === "after")
        s.findings.add("deleted person.attributes.plan", '"before"', '"after"');
    },
  ),

  behaviour(
    "C9",
    "email-case-insensitive",
    "Email addresses that differ in case are the same person",
    `${OP} C9`,
    async (s) => {
      const email = s.email("c9");
      const upper = email.toUpperCase();
      await s.put(upper, { plan: "basic" }, "create by upper-case email");
      const first = await s.expectPerson({ email: upper }, "after create");
      await s.put(email, { plan: "premium" }, "update by lower-case email");
      const second = await s.person({ email });
      if (first) {
        s.findings.equal("the lower-case lookup: cio_id", second?.cio_id, first.cio_id);
        s.findings.equal("person.attributes.plan", second?.attributes["plan"], "premium");
      }
    },
  ),

  behaviour(
    "C10",
    "identifier-forms",
    "The path is read as an email, a cio_ reference or an id by its shape",
    `${OP} C10`,
    async (s) => {
      const email = s.email("c10");
      await s.put(email, {}, "an email path");
      const byEmail = await s.expectPerson({ email }, "an email path");
      if (byEmail) s.findings.equal("person.id for an email path", byEmail.id, undefined);
      const id = s.id("c10");
      await s.put(id, {}, "an id path");
      const byId = await s.expectPerson({ id }, "an id path");
      if (byId) s.findings.equal("person.email for an id path", byId.email, undefined);
      if (!byEmail) return;
      // A cio_id without its prefix is an id, not a reference to that person.
      await s.put(byEmail.cio_id, { plan: "unprefixed" }, "a bare cio_id");
      const untouched = await s.person({ cioId: byEmail.cio_id });
      s.findings.equal("the cio_ person.attributes.plan", untouched?.attributes["plan"], undefined);
      await s.expectPerson({ id: byEmail.cio_id }, "the bare cio_id taken as an id");
      // The one identifier a run creates outside the run prefix: removed at once, so that nothing unfindable stays.
      if (await s.person({ id: byEmail.cio_id })) await s.deletePerson({ id: byEmail.cio_id });
    },
  ),

  behaviour(
    "C11",
    "id-by-email",
    "A person referenced by email is given an id; a set id does not change by email",
    `${OP} C11`,
    async (s) => {
      const email = s.email("c11");
      const id = s.id("c11");
      await s.put(email, {}, "create by email");
      await s.put(email, { id }, "set the id by email");
      const person = await s.expectPerson({ email }, "after setting the id");
      s.findings.equal("person.id", person?.id, id);
      await s.put(email, { id: s.id("c11-other") }, "change the id by email");
      const after = await s.person({ email });
      s.findings.equal("person.id after a change by email", after?.id, id);
    },
  ),

  behaviour(
    "C12",
    "json-content-type-applies",
    "A JSON body with Content-Type application/json is applied",
    `${OP} C12`,
    async (s) => {
      const id = s.id("c12");
      await s.put(id, { plan: "json" }, "application/json");
      const person = await s.expectPerson({ id }, "after the request");
      s.findings.equal("person.attributes.plan", person?.attributes["plan"], "json");
    },
  ),

  behaviour(
    "C13",
    "email-attribute",
    "email in the body is the person's email address",
    "PersonAttributes.email",
    async (s) => {
      const id = s.id("c13");
      const email = s.email("c13");
      await s.put(id, { email }, "create with an email");
      const person = await s.expectPerson({ email }, "looked up by the email");
      s.findings.equal("person.id", person?.id, id);
    },
  ),

  behaviour(
    "C14",
    "topics-object-replaces",
    "The subscription preferences object replaces the topics",
    "PersonAttributes.cio_subscription_preferences",
    async (s) => {
      const id = s.id("c14");
      await s.put(id, { cio_subscription_preferences: { topics: { topic_1: true, topic_2: false } } }, "first object");
      await s.put(id, { cio_subscription_preferences: { topics: { topic_3: true } } }, "second object");
      const person = await s.expectPerson({ id }, "after both");
      s.findings.equal("person.topics", person?.topics, { topic_3: true });
    },
  ),

  behaviour(
    "C15",
    "topic-dot-notation-merges",
    "A dot-notation topic changes one topic and keeps the others",
    "PersonAttributes.patternProperties",
    async (s) => {
      const id = s.id("c15");
      await s.put(id, { cio_subscription_preferences: { topics: { topic_1: true, topic_2: false } } }, "object");
      await s.put(id, { "cio_subscription_preferences.topics.topic_2": true }, "dot notation");
      const person = await s.expectPerson({ id }, "after both");
      s.findings.equal("person.topics", person?.topics, { topic_1: true, topic_2: true });
    },
  ),

  behaviour(
    "C16",
    "anonymous-id-unique",
    "An anonymous_id held by one person is not given to another",
    "PersonAttributes.anonymous_id",
    async (s) => {
      const anonymous = s.id("c16-anon");
      const first = s.id("c16a");
      const second = s.id("c16b");
      await s.put(first, { anonymous_id: anonymous }, "first person");
      await s.mark();
      await s.put(second, { anonymous_id: anonymous }, "second person, same anonymous_id");
      const a = await s.expectPerson({ id: first }, "first");
      const b = await s.expectPerson({ id: second }, "second");
      s.findings.equal("first.anonymous_id", a?.anonymous_id, anonymous);
      s.findings.equal("second.anonymous_id", b?.anonymous_id, undefined);
      await s.expectActivity("attribute_update_failure", "the reuse", "anonymous_id");
    },
  ),

  behaviour(
    "C17",
    "unsubscribed",
    "unsubscribed true unsubscribes; false makes the person eligible again",
    "PersonAttributes.unsubscribed",
    async (s) => {
      const id = s.id("c17");
      await s.put(id, { unsubscribed: true }, "unsubscribe");
      s.findings.equal(
        "person.unsubscribed after true",
        (await s.expectPerson({ id }, "after true"))?.unsubscribed,
        true,
      );
      await s.put(id, { unsubscribed: false }, "resubscribe");
      s.findings.equal("person.unsubscribed after false", (await s.person({ id }))?.unsubscribed, false);
    },
  ),

  behaviour(
    "C18",
    "relationship-action",
    "add_relationships adds and delete_relationships removes",
    "PersonAttributes.cio_relationships.action",
    async (s) => {
      const id = s.id("c18");
      const rel = (objectId: string) => ({ identifiers: { object_type_id: "1", object_id: objectId } });
      const [acme, globex] = [s.id("acme"), s.id("globex")];
      await s.put(
        id,
        { cio_relationships: { action: "add_relationships", relationships: [rel(acme), rel(globex)] } },
        "add two",
      );
      await s.put(
        id,
        { cio_relationships: { action: "delete_relationships", relationships: [rel(acme)] } },
        "delete one",
      );
      const person = await s.expectPerson({ id }, "after add and delete");
      s.findings.equal(
        "person.relationships",
        person?.relationships.map((r) => `${r.object_type_id}/${r.object_id}`).sort(),
        [`1/${globex}`],
      );
    },
  ),

  behaviour(
    "C19",
    "relationship-object-identity",
    "An object named twice by type and id is one relationship, updated",
    "Relationship.identifiers",
    async (s) => {
      const id = s.id("c19");
      const course = s.id("course");
      const rel = (role: string) => ({
        identifiers: { object_type_id: "2", object_id: course },
        relationship_attributes: { role },
      });
      await s.put(id, { cio_relationships: { relationships: [rel("student")] } }, "first");
      await s.put(id, { cio_relationships: { relationships: [rel("tutor")] } }, "second");
      const person = await s.expectPerson({ id }, "after both");
      s.findings.equal("person.relationships", person?.relationships, [
        { object_type_id: "2", object_id: course, attributes: { role: "tutor" } },
      ]);
    },
  ),

  behaviour(
    "C20",
    "object-type-id",
    "object_type_id is a string holding a whole number from 1; such ids are kept as sent",
    "Relationship.identifiers.object_type_id",
    async (s) => {
      const id = s.id("c20");
      await s.put(
        id,
        { cio_relationships: { relationships: [{ identifiers: { object_type_id: "12", object_id: s.id("acme") } }] } },
        "type 12",
      );
      const person = await s.expectPerson({ id }, "after the request");
      s.findings.equal("person.relationships[0].object_type_id", person?.relationships[0]?.object_type_id, "12");
    },
  ),

  behaviour(
    "C21",
    "relationship-attributes",
    'Relationship attributes are stored; null or "" removes one',
    "Relationship.relationship_attributes",
    async (s) => {
      const id = s.id("c21");
      const acme = s.id("acme");
      const rel = (attributes: Record<string, unknown>) => ({
        identifiers: { object_type_id: "1", object_id: acme },
        relationship_attributes: attributes,
      });
      await s.put(
        id,
        { cio_relationships: { relationships: [rel({ role: "admin", seat: 3, team: "core" })] } },
        "add with attributes",
      );
      await s.put(id, { cio_relationships: { relationships: [rel({ role: null, seat: "" })] } }, "remove two");
      const person = await s.expectPerson({ id }, "after both");
      s.findings.equal("person.relationships[0].attributes", person?.relationships[0]?.attributes, { team: "core" });
    },
  ),

  behaviour(
    "C22",
    "created-at",
    "created_at is stored as whole Unix seconds",
    "PersonAttributes.created_at",
    async (s) => {
      const id = s.id("c22");
      await s.put(id, { created_at: 1700000000 }, "create with created_at");
      s.findings.equal(
        "person.created_at",
        (await s.expectPerson({ id }, "after the request"))?.created_at,
        1700000000,
      );
    },
  ),

  behaviour(
    "C23",
    "update-never-creates",
    "_update: true never creates a person",
    "PersonAttributes._update",
    async (s) => {
      const id = s.id("c23");
      const email = s.email("c23");
      await s.put(id, { _update: true, email, plan: "x" }, "_update for nobody");
      await s.expectNobody({ id }, "by the path id");
      await s.expectNobody({ email }, "by the body email");
    },
  ),

  behaviour(
    "C24",
    "failed-attribute-change",
    "_update: true for unknown identifiers logs a Failed Attribute Change",
    "PersonAttributes._update",
    async (s) => {
      const id = s.id("c24");
      await s.mark();
      await s.put(id, { _update: true, plan: "x" }, "_update for nobody");
      await s.expectActivity("failed_attribute_change", "the miss");
      const created = (await s.activity()).filter((entry) => entry.type === "person_created");
      if (created.length > 0) s.findings.add("activity", "no person_created", `${created.length} person_created`);
    },
  ),
];
