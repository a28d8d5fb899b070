/**
 * Deliberately wrong rule books, to prove that the conformance suite and the simulator's own tests can fail:
 * each replaces one rule of the simulator's DEFAULT_RULES with a wrong one, from the tests' side, so that the
 * rules themselves carry no switch for being wrong. `brokenSimulator(["C3"])` is a simulator that ignores C3.
 */
import { buildSimulator } from "../../src/simulator/core.js";
import { bodyRelationships } from "../../src/simulator/relationships.js";
import type { PersonResolution, Resolution, RuleBook } from "../../src/simulator/decision.js";
import { bodyIdentifierHolder, missed } from "../../src/simulator/identity.js";
import { DEFAULT_RULES } from "../../src/simulator/rules.js";
import type { ClauseId, Simulator, SimulatorOptions } from "../../src/simulator/index.js";
import { bareCioId, identifierForm } from "../../src/rules/index.js";

const create = (kind: PersonResolution["kind"], cioId?: string): Resolution => ({
  outcome: "person",
  person: undefined,
  kind,
  clause: "C1",
  adopt: false,
  ...(cioId !== undefined && { cioId }),
});

/** What turning each rule off does, and the wrong rule that does it. */
export const BROKEN_RULES = {
  C3: {
    does: "no adoption: a new person is created with the path identifier instead",
    rules: (base: RuleBook): Partial<RuleBook> => ({
      resolve(view, input) {
        const resolution = base.resolve(view, input);
        if (resolution.outcome !== "person" || resolution.clause !== "C3") return resolution;
        return input.update ? missed() : create(resolution.kind);
      },
    }),
  },
  C5: {
    does: "set identifiers change without a cio_ reference",
    rules: (base: RuleBook): Partial<RuleBook> => ({
      allowsChange: (view, kind, field) =>
        base.allowsChange(view, kind, field) ?? { clause: "C2", how: " without a cio_ reference" },
    }),
  },
  C8: {
    does: "unknown cio_ references create a person with that cio_id; deleted ones are updated",
    rules: (base: RuleBook): Partial<RuleBook> => ({
      resolve(view, input) {
        const resolution = base.resolve(view, input);
        if (resolution.outcome !== "none" || resolution.note.clause !== "C8") return resolution;
        const cioId = bareCioId(input.path);
        const person = view.byCioId(cioId);
        if (person !== undefined) return { outcome: "person", person, kind: "cio_id", clause: "C7", adopt: false };
        return input.update ? missed() : create("cio_id", cioId);
      },
    }),
  },
  C9: {
    does: "email addresses are matched case-sensitively",
    rules: (): Partial<RuleBook> => ({ emailIgnoresCase: false }),
  },
  C15: {
    does: "a dot-notation topic replaces every topic instead of merging",
    rules: (base: RuleBook): Partial<RuleBook> => ({
      topics(person, body, gate) {
        const part = base.topics(person, body, gate);
        part.changes = part.changes.map((change) =>
          change.field === "topics" ? { ...change, replace: true } : change,
        );
        return part;
      },
    }),
  },
  C16: {
    does: "an anonymous_id held by another person is taken over",
    rules: (): Partial<RuleBook> => ({
      anonymousId: (_view, person, value) =>
        person?.anonymous_id === value
          ? { changes: [], notes: [], changed: [] }
          : { changes: [{ field: "anonymous_id", value }], notes: [], changed: ["anonymous_id"] },
    }),
  },
  C17: {
    does: "only the boolean true unsubscribes",
    rules: (): Partial<RuleBook> => ({ unsubscribes: (value) => value === true }),
  },
  C21: {
    does: 'a relationship attribute set to "" is stored as "" and null is ignored, instead of removing it',
    rules: (base: RuleBook): Partial<RuleBook> => ({
      relationships(person, value) {
        const part = base.relationships(person, value);
        const { items } = bodyRelationships(value);
        part.changes = part.changes.map((change, index) => {
          if (change.field !== "relationship" || change.remove) return change;
          const sent = Object.entries(items[index]?.attributes ?? {});
          const attributes = sent.flatMap(([name, attribute]): [string, string | number | boolean][] =>
            attribute === null ? [] : [[name, attribute as string | number | boolean]],
          );
          return { ...change, attributes };
        });
        return part;
      },
    }),
  },
  C23: {
    does: "_update: true creates people like any other call",
    rules: (base: RuleBook): Partial<RuleBook> => ({
      resolve(view, input) {
        const resolution = base.resolve(view, input);
        if (resolution.outcome === "person" || resolution.note.clause !== "C24") return resolution;
        if (bodyIdentifierHolder(view, input) !== undefined) return resolution;
        const kind = identifierForm(input.path, view.emailIdentifies);
        return create(kind, kind === "cio_id" ? bareCioId(input.path) : undefined);
      },
    }),
  },
} as const satisfies Record<ClauseId, { does: string; rules: (base: RuleBook) => Partial<RuleBook> }>;

export type BrokenRule = keyof typeof BROKEN_RULES;

/** DEFAULT_RULES with the given rules replaced by their wrong versions. */
export function brokenRules(clauses: readonly BrokenRule[]): RuleBook {
  let rules: RuleBook = DEFAULT_RULES;
  for (const clause of clauses) rules = { ...rules, ...BROKEN_RULES[clause].rules(rules) };
  return rules;
}

/** A simulator whose given rules are wrong. */
export function brokenSimulator(clauses: readonly BrokenRule[], options: SimulatorOptions = {}): Simulator {
  return buildSimulator(options, brokenRules(clauses)).simulator;
}
