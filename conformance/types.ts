/**
 * The vocabulary of the conformance suite: what a check is, what it reports, and what it runs against.
 */
import type { PersonRecord } from "../src/simulator/types.js";
import type { Problem } from "../src/problem.js";

/** A rule of the endpoint (`C1` … `C24`), as numbered in the spec's operation description. */
export type ClauseId = `C${number}`;

export type CheckKind = "client" | "wire" | "behaviour" | "traffic";
export type CheckStatus = "passed" | "failed" | "skipped";
/** Where a check's demand comes from (see `CheckDefinition.source`). */
export type CheckSource = "seed" | "customerio" | "lint";

/**
 * One way in which what happened differs from what the spec or a rule says: a {@link Problem} (`code`, `path`,
 * `message`) with the check that found it and the expected and actual values side by side.
 */
export interface Finding extends Problem {
  /** The check that found it. */
  readonly check: string;
  /** Where: the scenario step, then the element (`["{ id }: identifier"]`, `["body", "created_at"]`). */
  readonly path: readonly (string | number)[];
  readonly expected: string;
  readonly actual: string;
  /** For findings about recorded traffic: the `seq` of the request at fault. */
  readonly request?: number;
}

/** A request and its response, as reports show them: credentials redacted, bodies cut at 2 KiB. */
export interface Exchange {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  /** Why no response arrived. */
  error?: string;
}

/** What a check is, as its definition declares it and its result repeats it. */
export interface CheckIdentity {
  /** Stable id, such as `wire.no-5xx` or `behaviour.C3.adopt-path-identifier`. */
  id: string;
  title: string;
  kind: CheckKind;
  /** The rules it proves. */
  clauses: ClauseId[];
  /** The element of the spec it checks, such as `responses.200.content` or `PersonAttributes.created_at`. */
  specElement: string;
  /**
   * For wire checks: what the demand rests on: the endpoint's description (`seed`), Customer.io's documentation
   * (`customerio`), or only this project's lint of the spec's declarations (`lint`), which Customer.io does not
   * document as refused. `lint` checks run only with `strict: true` (`--strict`).
   */
  source?: CheckSource;
}

export interface CheckResult extends CheckIdentity {
  status: CheckStatus;
  /** Why it was skipped. */
  reason?: string;
  findings: Finding[];
  /** For failures: the exchanges behind the findings (at most a few). */
  exchanges: Exchange[];
  durationMs: number;
}

/** Checks skipped for one reason, counted once rather than repeated per check. */
export interface SkipGroup {
  reason: string;
  checks: string[];
}

export interface ConformanceReport {
  /** What was checked: `embedded simulator`, a URL, or `client`. */
  target: string;
  seed: number;
  /**
   * Every identifier the run creates on the target (path identifiers, ids, emails, anonymous ids, related
   * object ids) starts with this, so a person can find and delete what a run against a real workspace left.
   */
  runPrefix: string;
  /** The skipped checks, grouped by reason. */
  skips: SkipGroup[];
  /**
   * Set when a requirement of the run was not met although no check failed, such as `requireBehaviour` with
   * behaviour checks skipped: one line saying why. The command exits 1.
   */
  unmetRequirement?: string;
  startedAt: string;
  durationMs: number;
  summary: { passed: number; failed: number; skipped: number; total: number };
  results: CheckResult[];
}

/**
 * A person as an observer reports them: the simulator's {@link PersonRecord}, as its inspection API
 * (`GET /__simulator/people/{cio_id}`) returns it.
 */
export type ObservedPerson = PersonRecord;

/** An entry of the workspace's activity log as an observer reports it. */
export interface ObservedActivity {
  seq: number;
  type:
    | "person_created"
    | "attributes_updated"
    | "attribute_update_failure"
    | "failed_attribute_change"
    | "request_dropped"
    | "person_deleted"
    | (string & {});
  cio_id?: string;
  /** Which identifier the entry concerns: `path`, `id`, `email`, `anonymous_id`. */
  identifier?: string;
  reason?: string;
}

export type PersonRef = { id: string } | { email: string } | { cioId: string };

/**
 * Lets behaviour checks see state behind a `200 {}`. The embedded simulator implements it in-process and over its
 * `/__simulator/` routes; another target can implement it to have the C1–C24 checks run against it. Without an
 * observer those checks are reported as skipped, never as passed.
 */
export interface Observer {
  person(ref: PersonRef): Promise<ObservedPerson | undefined>;
  /** Entries after `since` (a seq), oldest first. */
  activity(since?: number): Promise<ObservedActivity[]>;
  deletePerson(ref: PersonRef): Promise<boolean>;
  /** Changes workspace settings; checks that need a setting are skipped when this is missing. */
  updateSettings?(patch: { identifiedBy?: "email_or_id" | "id"; allowEmailUpdatesById?: boolean }): Promise<void>;
}

/** Something that serves `PUT /api/v1/customers/{identifier}`. */
export interface Target {
  /** How reports name it. */
  name: string;
  baseUrl: string;
  siteId: string;
  apiKey: string;
  fetch: (request: Request) => Promise<Response>;
  observer?: Observer;
}
