/**
 * What a check is, and the small vocabulary checks use to state findings.
 */
import fc from "fast-check";
import type { Answer, RecordedExchange, Session } from "./http.js";
import type { CheckIdentity, Finding, Observer, Target } from "./types.js";

export interface CheckContext {
  target: Target;
  /** Sends requests for this check and records them. */
  session: Session;
  /** Present for targets that expose their state; checks that declare `needs: "observer"` only run then. */
  observer: Observer | undefined;
  /**
   * A value unique to this run, so scenarios never meet people from another run or another check. It starts
   * with `runPrefix`; so must every identifier a check sends that could create something.
   */
  unique(label: string): string;
  /** The prefix of every identifier this run creates (listed in the report). */
  runPrefix: string;
  /** Seed and run count for property-based checks. */
  seed: number;
  runs: number;
  /** Every exchange of the run so far (run-wide checks read it). */
  log: readonly RecordedExchange[];
}

export interface CheckDefinition extends CheckIdentity {
  /** What the target must offer for the check to run. */
  needs?: "observer" | "settings";
  /** Runs after every other check, over the whole log. */
  runWide?: boolean;
  run(context: CheckContext): Promise<Finding[]>;
}

/** A check that collects its findings in one list: `judge` adds to it, and the list is what the run returns. */
export function collecting(
  identity: CheckIdentity & Pick<CheckDefinition, "needs" | "runWide">,
  judge: (context: CheckContext, findings: Findings) => Promise<void>,
): CheckDefinition {
  return {
    ...identity,
    async run(context) {
      const findings = new Findings(identity.id);
      await judge(context, findings);
      return findings.list;
    },
  };
}

/** Builds a finding: a Problem whose message says what was expected and what came instead. */
export function finding(
  check: string,
  code: string,
  path: string | readonly (string | number)[],
  expected: string,
  actual: string,
  request?: number,
): Finding {
  const where = typeof path === "string" ? [path] : [...path];
  return {
    check,
    code,
    path: where,
    message: `expected ${expected}; got ${actual}`,
    expected,
    actual,
    ...(request === undefined ? {} : { request }),
  };
}

/** Collects findings for one check. */
export class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly check: string) {}

  add(path: string, expected: string, actual: string, code = "unexpected_result"): void {
    this.list.push(finding(this.check, code, path, expected, actual));
  }

  /** Records a finding unless `actual` equals `expected` (compared as JSON). */
  equal(path: string, actual: unknown, expected: unknown): boolean {
    const a = show(actual);
    const e = show(expected);
    if (a === e) return true;
    this.add(path, e, a, "unexpected_value");
    return false;
  }

  status(label: string, answer: Answer, accepted: (status: number) => boolean, expected: string): boolean {
    if (accepted(answer.status)) return true;
    this.add(`${label}: status`, expected, String(answer.status), "unexpected_status");
    return false;
  }
}

/**
 * Checks that `holds` is true of values drawn from `values`, with the run's seed and number of runs. The smallest
 * value it found false for becomes one finding at `path`: `expected`, and `got` followed by that value.
 */
export async function forAll<T>(
  context: CheckContext,
  findings: Findings,
  values: fc.Arbitrary<T>,
  holds: (value: T) => Promise<boolean>,
  finding: { path: string; expected: string; got: string },
): Promise<void> {
  const result = await fc.check(fc.asyncProperty(values, holds), { seed: context.seed, numRuns: context.runs });
  if (result.failed) {
    const value = show(result.counterexample?.[0]).slice(0, 300);
    findings.add(finding.path, finding.expected, `${finding.got} ${value}`);
  }
}

export const is2xx = (status: number) => status >= 200 && status < 300;
export const isClientError = (status: number) => status >= 400 && status < 500;
export const isBadRequest = (status: number) => status >= 400 && status < 500 && status !== 401 && status !== 403;

export function show(value: unknown): string {
  if (value === undefined) return "(absent)";
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
