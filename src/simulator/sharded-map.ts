/**
 * A Map from strings split over many small Maps, picked by a hash of the key.
 *
 * A JavaScript Map grows by doubling, and each doubling rehashes every entry in one synchronous step: at half a
 * million keys that is tens of milliseconds, at a million well over a hundred, during which the simulator answers
 * nobody. The workspace's indexes hold one entry per person and grow together, so at a million people one call
 * paid for several such steps at once.
 *
 * Split over {@link SHARDS} Maps, each doubling moves a few thousand entries. Shards of equal shares would still
 * double together (a hash spreads keys evenly, sequential ones most of all), so the shares are unequal: shard `i`
 * takes a share proportional to 2^(i/SHARDS). Their sizes then cover one doubling evenly, and while the map grows
 * from n to 2n keys the shards double one after another, about every n/SHARDS keys.
 */

export const SHARDS = 256;
/** Hash values (low bits) mapped to shards; a power of two, large enough for the shares to be close to exact. */
const SLOTS = 4096;
const SLOT_MASK = SLOTS - 1;
/** Which shard each slot belongs to: shard `i` owns about SLOTS × 2^(i/SHARDS) / Σ of them, consecutive slots. */
const SHARD_OF_SLOT: Uint8Array = (() => {
  const weights = Array.from({ length: SHARDS }, (_, i) => 2 ** (i / SHARDS));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const table = new Uint8Array(SLOTS);
  let slot = 0;
  let owed = 0;
  weights.forEach((weight, shard) => {
    owed += (weight / total) * SLOTS;
    for (; slot < Math.round(owed); slot++) table[slot] = shard;
  });
  for (; slot < SLOTS; slot++) table[slot] = SHARDS - 1;
  return table;
})();
/** Keys longer than this are hashed on their first and last halves of it: enough to spread real identifiers. */
const HASHED_CHARS = 64;

/** FNV-1a over the key's UTF-16 code units (for a long key, its head and its tail), mapped to a shard. */
export function shardOf(key: string): number {
  let hash = 0x811c9dc5;
  const length = key.length;
  if (length <= HASHED_CHARS) {
    for (let i = 0; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  } else {
    const half = HASHED_CHARS / 2;
    for (let i = 0; i < half; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    for (let i = length - half; i < length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  }
  return SHARD_OF_SLOT[(hash ^ (hash >>> 16)) & SLOT_MASK] as number;
}

export class ShardedMap<V> {
  /** Made on first use, so that an empty workspace (a unit test's) costs one array. */
  #shards: (Map<string, V> | undefined)[] = new Array<Map<string, V> | undefined>(SHARDS).fill(undefined);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(key: string): V | undefined {
    return this.#shards[shardOf(key)]?.get(key);
  }

  has(key: string): boolean {
    return this.#shards[shardOf(key)]?.has(key) === true;
  }

  set(key: string, value: V): this {
    const index = shardOf(key);
    let shard = this.#shards[index];
    if (shard === undefined) this.#shards[index] = shard = new Map();
    const before = shard.size;
    shard.set(key, value);
    this.#size += shard.size - before;
    return this;
  }

  delete(key: string): boolean {
    const shard = this.#shards[shardOf(key)];
    if (shard === undefined || !shard.delete(key)) return false;
    this.#size -= 1;
    return true;
  }

  /** Drops every shard at once rather than emptying each: the collector frees them later, off this call. */
  clear(): void {
    this.#shards = new Array<Map<string, V> | undefined>(SHARDS).fill(undefined);
    this.#size = 0;
  }
}
