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

/** An accepted call not yet applied, as the state file keeps it (the request log is not kept, so no seq). */
export interface PendingCall {
  identifier: string;
  body: Readonly<Record<string, unknown>>;
  received_at: number;
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
  /** The calls waiting, oldest first (for the state file). */
  waiting(): PendingCall[];
  /**
   * Takes back calls accepted before a restart, ahead of any new one: they wait as they did (eventual), or are
   * applied at once (immediate).
   */
  restore(calls: readonly PendingCall[]): void;
  /** Sets what is called after the waiting calls changed (the state file's writer). */
  onChange(listener: () => void): void;
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
  const apply = (identifier: string, body: Readonly<Record<string, unknown>>, meta: CommitMeta) => {
    commitDecision(ctx.workspace, ctx.log, decideIdentify(ctx.rules, ctx.workspace, identifier, body), meta);
    ctx.onApplied();
  };
  return {
    accept: (identifier, body, seq) => apply(identifier, body, { seq }),
    settle: () => 0,
    pending: () => 0,
    reset: () => undefined,
    waiting: () => [],
    restore(calls) {
      for (const call of calls) apply(call.identifier, call.body, { receivedAt: call.received_at, seq: undefined });
    },
    onChange: () => undefined,
  };
}

type CommitMeta = Parameters<typeof commitDecision>[3];

class EventualProcessor implements Processor {
  readonly #ctx: ProcessorContext;
  readonly #delayMs: number;
  readonly #workers: number;
  readonly #seed: number;
  #random: () => number;
  #queue: Accepted[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #changed: () => void = () => undefined;

  constructor(ctx: ProcessorContext, options: EventualOptions) {
    this.#ctx = ctx;
    this.#delayMs = options.delayMs ?? 1000;
    this.#workers = options.workers ?? 4;
    this.#seed = options.seed ?? 1;
    this.#random = mulberry32(this.#seed);
  }

  accept(identifier: string, body: Readonly<Record<string, unknown>>, seq?: number): void {
    this.#queue.push({ identifier, body, receivedAt: this.#ctx.now(), seq });
    this.#startTimer();
    this.#changed();
  }

  settle(): number {
    this.#stopTimer();
    const queue = this.#queue;
    this.#queue = [];
    for (let start = 0; start < queue.length; start += this.#workers)
      this.#applyGroup(queue.slice(start, start + this.#workers));
    if (queue.length > 0) this.#changed();
    return queue.length;
  }

  waiting(): PendingCall[] {
    return this.#queue.map((call) => ({ identifier: call.identifier, body: call.body, received_at: call.receivedAt }));
  }

  restore(calls: readonly PendingCall[]): void {
    const restored = calls.map((call) => ({
      identifier: call.identifier,
      body: call.body,
      receivedAt: call.received_at,
      seq: undefined,
    }));
    this.#queue = [...restored, ...this.#queue];
    if (this.#queue.length > 0) this.#startTimer();
  }

  onChange(listener: () => void): void {
    this.#changed = listener;
  }

  #startTimer(): void {
    if (this.#timer === undefined && Number.isFinite(this.#delayMs)) {
      this.#timer = setTimeout(() => this.#settleWhenIdle(), this.#delayMs);
      // A waiting timer must not keep a Node process alive on its own.
      (this.#timer as { unref?: () => void }).unref?.();
    }
  }

  pending(): number {
    return this.#queue.length;
  }

  /** settle(), once no seed is being applied in slices (Workspace.writing): its people are all there or none. */
  #settleWhenIdle(): void {
    const writing = this.#ctx.workspace.writing;
    if (writing === undefined) this.settle();
    else void writing.then(() => this.#settleWhenIdle());
  }

  reset(): void {
    this.#stopTimer();
    const had = this.#queue.length;
    this.#queue = [];
    this.#random = mulberry32(this.#seed);
    if (had > 0) this.#changed();
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
