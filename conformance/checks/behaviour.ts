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
import { homeOf } from "../clauses.js";
import { UNSUBSCRIBED_FORMS } from "../generators.js";
import { unsubscribes } from "../../src/simulator/attributes.js";
import type { ClauseId, ObservedActivity, ObservedPerson, PersonRef } from "../types.js";

class Scenario {
  readonly findings: Findings;
  private since = 0;

  constructor(
    private readonly context: CheckContext,
    check: string,
    /** What the identifiers of this scenario start with after the run prefix, such as `c5`. */
    private readonly label: string,
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

  /** Identifiers nobody holds yet, unique to this run: a new person's id and email (`label` tells people apart). */
  unknown(label?: string): { id: string; email: string } {
    const name = label === undefined ? this.label : `${this.label}-${label}`;
    return { id: this.context.unique(name), email: `${this.context.unique(name)}@example.com` };
  }

  email(label: string): string {
    return `${this.context.unique(label)}@example.com`;
  }

  /** Sends a PUT and records a finding when it is not answered 2xx (these scenarios send only valid requests). */
  async put(identifier: string, body: Record<string, unknown>, label = "request"): Promise<void> {
    const answer = await this.context.session.put(identifier, body);
    this.findings.status(label, answer, is2xx, "2xx: the request is valid");
  }

  /**
   * Sends each body in turn to the identifier `ref` names, then looks that person up (a finding when missing): how
   * a scenario sets people up, through paths that do not depend on the rule under test.
   */
  async sendAll(
    ref: { id: string } | { email: string },
    puts: readonly [body: Record<string, unknown>, label: string][],
  ): Promise<ObservedPerson | undefined> {
    for (const [body, label] of puts) await this.put("id" in ref ? ref.id : ref.email, body, label);
    return this.expectPerson(ref, `after ${puts.map(([, label]) => label).join(", ")}`);
  }

  /** Sends one body to the identifier `ref` names and looks that person up (a finding when missing). */
  async create(
    ref: { id: string } | { email: string },
    body: Record<string, unknown>,
    label = "create",
  ): Promise<ObservedPerson | undefined> {
    return this.sendAll(ref, [[body, label]]);
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

/** A body that relates the person to objects of one type, with an action and relationship attributes when given. */
function relating(
  objectTypeId: string,
  objectIds: readonly string[],
  options: { action?: "add_relationships" | "delete_relationships"; attributes?: Record<string, unknown> } = {},
): Record<string, unknown> {
  const relationships = objectIds.map((objectId) => ({
    identifiers: { object_type_id: objectTypeId, object_id: objectId },
    ...(options.attributes === undefined ? {} : { relationship_attributes: options.attributes }),
  }));
  return {
    cio_relationships: options.action === undefined ? { relationships } : { action: options.action, relationships },
  };
}

function describe(ref: PersonRef): string {
  if ("id" in ref) return `id ${ref.id}`;
  if ("email" in ref) return `email ${ref.email}`;
  return `cio_id ${ref.cioId}`;
}

/**
 * A behaviour check of one rule; `id` is written in full (`behaviour.C6.email-by-id-setting`) and names the rule.
 * The scenario is given the identifiers of a person nobody is yet, unique to the run.
 */
function behaviour(
  id: `behaviour.${ClauseId}.${string}`,
  title: string,
  scenario: (s: Scenario, person: { id: string; email: string }) => Promise<void>,
  needs: "observer" | "settings" = "observer",
): CheckDefinition {
  const clause = id.split(".")[1] as ClauseId;
  return {
    id,
    title,
    kind: "behaviour",
    clauses: [clause],
    specElement: homeOf(clause).spec,
    needs,
    async run(context) {
      const s = new Scenario(context, id, clause.toLowerCase());
      await scenario(s, s.unknown());
      return s.findings.list;
    },
  };
}

export const behaviourChecks: CheckDefinition[] = [
  behaviour(
    "behaviour.C1.create",
    "Unknown identifiers and no cio_ reference create a person",
    async (s, { id, email }) => {
      await s.mark();
      const person = await s.create({ id }, { email, first_name: "Ada" });
      if (person) {
        s.findings.equal("person.email", person.email, email);
        s.findings.equal("person.attributes.first_name", person.attributes["first_name"], "Ada");
      }
      await s.expectActivity("person_created", "after the request");
    },
  ),

  behaviour(
    "behaviour.C2.update-by-path",
    "A path identifier that belongs to a person updates that person",
    async (s, { id }) => {
      const before = await s.create({ id }, { plan: "basic", seats: 1 });
      const after = await s.create({ id }, { plan: "premium" }, "update");
      if (before && after) {
        s.findings.equal("person.cio_id", after.cio_id, before.cio_id);
        s.findings.equal("person.attributes.plan", after.attributes["plan"], "premium");
        s.findings.equal("person.attributes.seats", after.attributes["seats"], 1);
      }
    },
  ),

  behaviour(
    "behaviour.C3.adopt-path-identifier",
    "An unknown path id with a known body email updates that person and gives them the id",
    async (s, { id, email }) => {
      const original = await s.create({ email }, { plan: "basic" }, "create by email");
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
    "behaviour.C4.conflict",
    "Path and body identifiers of different people: 200, body identifier not applied, failure logged",
    async (s, { id: idA }) => {
      const emailB = s.unknown("b").email;
      const a = await s.create({ id: idA }, { plan: "a" }, "create A by id");
      const b = await s.create({ email: emailB }, { plan: "b" }, "create B by email");
      await s.mark();
      await s.put(idA, { email: emailB, plan: "a2" }, "A's id with B's email");
      if (a && b) {
        s.findings.equal("A.email", (await s.person({ id: idA }))?.email, a.email);
        s.findings.equal("the email's owner: cio_id", (await s.person({ email: emailB }))?.cio_id, b.cio_id);
      }
      await s.expectActivity("attribute_update_failure", "the conflict", "email");
    },
  ),

  behaviour(
    "behaviour.C5.identifier-change-needs-cio",
    "A set id or email does not change without a cio_ reference",
    async (s, { id, email }) => {
      const next = s.unknown("new");
      await s.put(id, { email }, "create with id and email");
      await s.mark();
      await s.put(id, { email: next.email }, "new email by id");
      await s.put(email, { id: next.id }, "new id by email");
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
    "behaviour.C6.email-by-id-setting",
    'With "Allow updates to email using ID" on, an email changes by id',
    async (s, { id, email }) => {
      const next = s.unknown("new").email;
      await s.put(id, { email }, "create with id and email");
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
    "behaviour.C7.cio-reference-updates-identifiers",
    "A cio_ path updates the person, identifiers included",
    async (s, { id, email }) => {
      const person = await s.create({ id }, { email });
      if (!person) return;
      const { id: nextId, email: nextEmail } = s.unknown("new");
      await s.put(`cio_${person.cio_id}`, { id: nextId, email: nextEmail, plan: "x" }, "change both through cio_");
      const after = await s.person({ cioId: person.cio_id });
      s.findings.equal("person.id", after?.id, nextId);
      s.findings.equal("person.email", after?.email, nextEmail);
      s.findings.equal("person.attributes.plan", after?.attributes["plan"], "x");
    },
  ),

  behaviour(
    "behaviour.C8.unknown-or-deleted-cio-dropped",
    "A cio_ reference to nobody, or to a deleted person, is dropped",
    async (s, { email }) => {
      const unknown = `cio_${s
        .id("c8")
        .replace(/[^a-z0-9]/gi, "")
        .slice(-20)}ffff`;
      await s.mark();
      await s.put(unknown, { email, plan: "x" }, "unknown cio_");
      await s.expectNobody({ email }, "after the unknown cio_");
      await s.expectActivity("request_dropped", "the unknown cio_");
      const person = await s.create({ id: s.unknown("deleted").id }, { plan: "before" });
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
    "behaviour.C9.email-case-insensitive",
    "Email addresses that differ in case are the same person",
    async (s, { email }) => {
      const first = await s.create({ email: email.toUpperCase() }, { plan: "basic" }, "create by upper-case email");
      await s.put(email, { plan: "premium" }, "update by lower-case email");
      const second = await s.person({ email });
      if (first) {
        s.findings.equal("the lower-case lookup: cio_id", second?.cio_id, first.cio_id);
        s.findings.equal("person.attributes.plan", second?.attributes["plan"], "premium");
      }
    },
  ),

  behaviour(
    "behaviour.C10.identifier-forms",
    "The path is read as an email, a cio_ reference or an id by its shape",
    async (s, { id, email }) => {
      const byEmail = await s.create({ email }, {}, "an email path");
      if (byEmail) s.findings.equal("person.id for an email path", byEmail.id, undefined);
      const byId = await s.create({ id }, {}, "an id path");
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
    "behaviour.C11.id-by-email",
    "A person referenced by email is given an id; a set id does not change by email",
    async (s, { id, email }) => {
      const person = await s.sendAll({ email }, [
        [{}, "create by email"],
        [{ id }, "set the id by email"],
      ]);
      s.findings.equal("person.id", person?.id, id);
      await s.put(email, { id: s.unknown("other").id }, "change the id by email");
      const after = await s.person({ email });
      s.findings.equal("person.id after a change by email", after?.id, id);
    },
  ),

  behaviour(
    "behaviour.C12.json-content-type-applies",
    "A JSON body with Content-Type application/json is applied",
    async (s, { id }) => {
      const person = await s.create({ id }, { plan: "json" }, "application/json");
      s.findings.equal("person.attributes.plan", person?.attributes["plan"], "json");
    },
  ),

  behaviour(
    "behaviour.C13.email-attribute",
    "email in the body is the person's email address",
    async (s, { id, email }) => {
      await s.put(id, { email }, "create with an email");
      const person = await s.expectPerson({ email }, "looked up by the email");
      s.findings.equal("person.id", person?.id, id);
    },
  ),

  behaviour(
    "behaviour.C14.topics-object-replaces",
    "The subscription preferences object replaces the topics",
    async (s, { id }) => {
      const topics = (set: Record<string, boolean>) => ({ cio_subscription_preferences: { topics: set } });
      const person = await s.sendAll({ id }, [
        [topics({ topic_1: true, topic_2: false }), "first object"],
        [topics({ topic_3: true }), "second object"],
      ]);
      s.findings.equal("person.topics", person?.topics, { topic_3: true });
    },
  ),

  behaviour(
    "behaviour.C15.topic-dot-notation-merges",
    "A dot-notation topic changes one topic and keeps the others",
    async (s, { id }) => {
      const person = await s.sendAll({ id }, [
        [{ cio_subscription_preferences: { topics: { topic_1: true, topic_2: false } } }, "object"],
        [{ "cio_subscription_preferences.topics.topic_2": true }, "dot notation"],
      ]);
      s.findings.equal("person.topics", person?.topics, { topic_1: true, topic_2: true });
    },
  ),

  behaviour(
    "behaviour.C16.anonymous-id-unique",
    "An anonymous_id held by one person is not given to another",
    async (s, { id: first }) => {
      const second = s.unknown("second").id;
      const anonymous = s.unknown("anon").id;
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
    "behaviour.C17.unsubscribed",
    "unsubscribed: each form the spec allows unsubscribes the person or makes them eligible again, as it reads",
    async (s, { id }) => {
      const created = await s.create({ id }, { plan: "c17" }, "create without unsubscribed");
      s.findings.equal("person.unsubscribed when never sent", created?.unsubscribed, false);
      let now = created?.unsubscribed;
      for (const value of UNSUBSCRIBED_FORMS) {
        const expected = unsubscribes(value);
        const form = `unsubscribed ${JSON.stringify(value)}`;
        // Each form must change what the person is, or a server that ignores it would pass.
        if (now === expected) await s.put(id, { unsubscribed: !expected }, `before ${form}: ${String(!expected)}`);
        await s.put(id, { unsubscribed: value }, form);
        now = (await s.person({ id }))?.unsubscribed;
        s.findings.equal(`person.unsubscribed after ${form}`, now, expected);
      }
    },
  ),

  behaviour(
    "behaviour.C18.relationship-action",
    "add_relationships adds and delete_relationships removes",
    async (s, { id }) => {
      const [acme, globex] = [s.id("acme"), s.id("globex")];
      const person = await s.sendAll({ id }, [
        [relating("1", [acme, globex], { action: "add_relationships" }), "add two"],
        [relating("1", [acme], { action: "delete_relationships" }), "delete one"],
      ]);
      s.findings.equal(
        "person.relationships",
        person?.relationships.map((r) => `${r.object_type_id}/${r.object_id}`).sort(),
        [`1/${globex}`],
      );
    },
  ),

  behaviour(
    "behaviour.C19.relationship-object-identity",
    "An object named twice by type and id is one relationship, updated",
    async (s, { id }) => {
      const course = s.id("course");
      const asRole = (role: string) => relating("2", [course], { attributes: { role } });
      const person = await s.sendAll({ id }, [
        [asRole("student"), "first"],
        [asRole("tutor"), "second"],
      ]);
      s.findings.equal("person.relationships", person?.relationships, [
        { object_type_id: "2", object_id: course, attributes: { role: "tutor" } },
      ]);
    },
  ),

  behaviour(
    "behaviour.C20.object-type-id",
    "object_type_id is a string holding a whole number from 1; such ids are kept as sent",
    async (s, { id }) => {
      const person = await s.create({ id }, relating("12", [s.id("acme")]), "type 12");
      s.findings.equal("person.relationships[0].object_type_id", person?.relationships[0]?.object_type_id, "12");
    },
  ),

  behaviour(
    "behaviour.C21.relationship-attributes",
    'Relationship attributes are stored; null or "" removes one',
    async (s, { id }) => {
      const acme = s.id("acme");
      const withAttributes = (attributes: Record<string, unknown>) => relating("1", [acme], { attributes });
      const person = await s.sendAll({ id }, [
        [withAttributes({ role: "admin", seat: 3, team: "core" }), "add with attributes"],
        [withAttributes({ role: null, seat: "" }), "remove two"],
      ]);
      s.findings.equal("person.relationships[0].attributes", person?.relationships[0]?.attributes, { team: "core" });
    },
  ),

  behaviour("behaviour.C22.created-at", "created_at is stored as whole Unix seconds", async (s, { id }) => {
    const person = await s.create({ id }, { created_at: 1700000000 }, "create with created_at");
    s.findings.equal("person.created_at", person?.created_at, 1700000000);
  }),

  behaviour("behaviour.C23.update-never-creates", "_update: true never creates a person", async (s, { id, email }) => {
    await s.put(id, { _update: true, email, plan: "x" }, "_update for nobody");
    await s.expectNobody({ id }, "by the path id");
    await s.expectNobody({ email }, "by the body email");
  }),

  behaviour(
    "behaviour.C24.failed-attribute-change",
    "_update: true for unknown identifiers logs a Failed Attribute Change",
    async (s, { id }) => {
      await s.mark();
      await s.put(id, { _update: true, plan: "x" }, "_update for nobody");
      await s.expectActivity("failed_attribute_change", "the miss");
      const created = (await s.activity()).filter((entry) => entry.type === "person_created");
      if (created.length > 0) s.findings.add("activity", "no person_created", `${created.length} person_created`);
    },
  ),
];
