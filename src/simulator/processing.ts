/**
 * When an accepted identify call is applied.
 *
 * - `immediate` (the default): decided and committed before the `200 {}` is answered, one call after another.
 * - `eventual`: answered `200 {}` at once and queued, as Customer.io queues it; applied later, when the delay
 *   after the first waiting call has passed, or when `settle()` is called. Waiting calls are applied as a queue
 *   with parallel workers would apply them: in groups of `workers` consecutive calls, each call of a group
 *   decided against the workspace as it was when the group started (so no call of a group sees what another
 *   decided), then committed in an order drawn from a PRNG seeded with `seed`. Two identify calls for one new
 *   person in one group therefore create two people, as the `_update` field's description warns; with
 *   `_update: true` on the later call it finds nobody (C24) and creates nobody (C23).
 */
import type { ActivityLog } from "./activity.js";
import { commitDecision } from "./commit.js";
import { decideIdentify } from "./decide.js";
import type { Decision, RuleBook } from "./decision.js";
import { mulberry32 } from "./faults.js";
import type { Workspace } from "./workspace.js";

export type ProcessingMode = "immediate" | "eventual";

export interface EventualOptions {
  /**
   * Milliseconds from the first waiting call until the waiting calls are applied. Default 1000. `Infinity`:
   * only settle() applies them.
   */
  delayMs?: number;
  /** Parallel workers: how many waiting calls are decided against the same state. Default 4. */
  workers?: number;
  /** Seed of the order in which the calls of a group commit. Default 1. */
  seed?: number;
}

/** One accepted identify call. */
interface Accepted {
  identifier: string;
  body: Readonly<Record<string, unknown>>;
  receivedAt: number;
  /** The request log's seq of the call. */
  seq: number | undefined;
}

export interface Processor {
  /** Takes an accepted call: applies it now (immediate) or queues it (eventual). */
  accept(identifier: string, body: Readonly<Record<string, unknown>>, seq?: number): void;
  /** Applies every waiting call; returns how many were applied. */
  settle(): number;
  /** Calls accepted and not yet applied. */
  pending(): number;
  /** Forgets waiting calls and stops the timer; the PRNG starts again from its seed. */
  reset(): void;
}

export interface ProcessorContext {
  workspace: Workspace;
  log: ActivityLog;
  rules: RuleBook;
  now: () => number;
  /** Called once per call committed. */
  onApplied: () => void;
}

export function createProcessor(mode: ProcessingMode, ctx: ProcessorContext, options: EventualOptions = {}): Processor {
  if (mode === "eventual") return new EventualProcessor(ctx, options);
  return {
    accept(identifier, body, seq) {
      commitDecision(ctx.workspace, ctx.log, decideIdentify(ctx.rules, ctx.workspace, identifier, body), { seq });
      ctx.onApplied();
    },
    settle: () => 0,
    pending: () => 0,
    reset: () => undefined,
  };
}

class EventualProcessor implements Processor {
  readonly #ctx: ProcessorContext;
  readonly #delayMs: number;
  readonly #workers: number;
  readonly #seed: number;
  #random: () => number;
  #queue: Accepted[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: ProcessorContext, options: EventualOptions) {
    this.#ctx = ctx;
    this.#delayMs = options.delayMs ?? 1000;
    this.#workers = options.workers ?? 4;
    this.#seed = options.seed ?? 1;
    this.#random = mulberry32(this.#seed);
  }

  accept(identifier: string, body: Readonly<Record<string, unknown>>, seq?: number): void {
    this.#queue.push({ identifier, body, receivedAt: this.#ctx.now(), seq });
    if (this.#timer === undefined && Number.isFinite(this.#delayMs)) {
      this.#timer = setTimeout(() => this.settle(), this.#delayMs);
      // A waiting timer must not keep a Node process alive on its own.
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  settle(): number {
    this.#stopTimer();
    const queue = this.#queue;
    this.#queue = [];
    for (let start = 0; start < queue.length; start += this.#workers)
      this.#applyGroup(queue.slice(start, start + this.#workers));
    return queue.length;
  }

  pending(): number {
    return this.#queue.length;
  }

  reset(): void {
    this.#stopTimer();
    this.#queue = [];
    this.#random = mulberry32(this.#seed);
  }

  /** Decides every call of a group against the same state, then commits them in a seeded order. */
  #applyGroup(group: readonly Accepted[]): void {
    const { workspace, log, rules, onApplied } = this.#ctx;
    const decided: { call: Accepted; decision: Decision }[] = group.map((call) => ({
      call,
      decision: decideIdentify(rules, workspace, call.identifier, call.body),
    }));
    for (const { call, decision } of this.#shuffled(decided)) {
      commitDecision(workspace, log, decision, { receivedAt: call.receivedAt, seq: call.seq });
      onApplied();
    }
  }

  /** A Fisher–Yates shuffle driven by the seeded PRNG. */
  #shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.#random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
