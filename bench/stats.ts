/** Small statistics over benchmark samples. */

/** The middle value (mean of the two middle ones for an even count). Throws on an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The nearest-rank percentile (0–100) of samples. Throws on an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** a / b, or NaN when b is not a positive number (so a missing baseline never looks like a result). */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : Number.NaN;
}

/**
 * The median over rounds of a / b measured in the same round: each pair was measured seconds apart, so a burst of
 * other work on a shared machine moves both sides of a pair, and the median drops the rounds it hit unevenly.
 * NaN when no round has both values.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const pairs = a.flatMap((x, i) => {
    const r = ratio(x, b[i] ?? Number.NaN);
    return Number.isNaN(r) ? [] : [r];
  });
  return pairs.length === 0 ? Number.NaN : median(pairs);
}

/** Rotates a list by `by` places, so that each round of an interleaved benchmark starts with another contender. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = ((by % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Rounds to `digits` decimals for reports and JSON. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * A contender's rounds summed up: the median of each named field over the rounds, and each round with those
 * fields rounded. `digits` names the fields and the decimals each keeps. Throws on no rounds, as `median` does.
 */
export function overRounds<K extends string, S extends Record<K, number>>(
  rounds: readonly S[],
  digits: Record<K, number>,
): { medians: Record<K, number>; rounds: S[] } {
  const fields = Object.entries(digits) as [K, number][];
  const each = (value: (field: K) => number) =>
    Object.fromEntries(fields.map(([field, d]) => [field, round(value(field), d)])) as Record<K, number>;
  return {
    medians: each((field) => median(rounds.map((s) => s[field]))),
    rounds: rounds.map((s) => ({ ...s, ...each((field) => s[field]) })),
  };
}
