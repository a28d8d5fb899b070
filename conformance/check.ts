/**
 * What a check is, and the small vocabulary checks use to state findings.
 */
import type { Answer, RecordedExchange, Session } from "./http.js";
import type { CheckKind, ClauseId, Finding, Observer, Target } from "./types.js";

export interface CheckContext {
  target: Target;
  /** Sends requests for this check and records them. */
  session: Session;
  /** Present for targets that expose their state; checks that declare `needs: "observer"` only run then. */
  observer: Observer | undefined;
  /** A value unique to this run, so scenarios never meet people from another run or another check. */
  unique(label: string): string;
  /** Seed and run count for property-based checks. */
  seed: number;
  runs: number;
  /** Every exchange of the run so far (run-wide checks read it). */
  log: readonly RecordedExchange[];
}

export interface CheckDefinition {
  id: string;
  title: string;
  kind: CheckKind;
  clauses: ClauseId[];
  specElement: string;
  /** What the target must offer for the check to run. */
  needs?: "observer" | "settings";
  /** Runs after every other check, over the whole log. */
  runWide?: boolean;
  run(context: CheckContext): Promise<Finding[]>;
}

/** Collects findings for one check. */
export class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly check: string) {}

  add(path: string, expected: string, actual: string): void {
    this.list.push({ check: this.check, path, expected, actual });
  }

  /** Records a finding unless `actual` equals `expected` (compared as JSON). */
  equal(path: string, actual: unknown, expected: unknown): boolean {
    const a = show(actual);
    const e = show(expected);
    if (a === e) return true;
    this.add(path, e, a);
    return false;
  }

  status(label: string, answer: Answer, accepted: (status: number) => boolean, expected: string): boolean {
    if (accepted(answer.status)) return true;
    this.add(`${label}: status`, expected, String(answer.status));
    return false;
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
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
