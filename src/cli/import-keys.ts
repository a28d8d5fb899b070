/**
 * The people an import has already sent, kept outside the JavaScript heap. An import remembers every person it
 * met (a person met again goes with `_update: true`), so this set grows with the rows. As strings in a `Set` each
 * key costs about 60 bytes of heap, and V8 lets the heap grow to a multiple of what is live before it collects:
 * at 100,000 rows that set alone raised the import's peak RSS by about 10 MB. Here each key is its UTF-8 bytes in
 * one growing buffer and a slot in an open-addressing table of typed arrays, which the collector neither scans
 * nor multiplies. Membership is exact: a hash match is confirmed byte by byte.
 */
const encoder = new TextEncoder();

export class KeySet {
  /** Keys one after another, each as a 4-byte length and its UTF-8 bytes. */
  #bytes = new Uint8Array(1 << 16);
  #used = 0;
  /** Per slot: 1 + the offset of its key in `#bytes`, or 0 when free. */
  #slots = new Int32Array(1 << 12);
  /** Per slot: the key's hash, compared before its bytes. */
  #hashes = new Uint32Array(1 << 12);
  #size = 0;
  /** The key being looked up, encoded. */
  #scratch = new Uint8Array(256);

  get size(): number {
    return this.#size;
  }

  /** Adds `key`; returns whether it was there already. */
  add(key: string): boolean {
    const length = this.#encode(key);
    const hash = fnv1a(this.#scratch, length);
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    for (let at = this.#slots[slot] ?? 0; at !== 0; at = this.#slots[slot] ?? 0) {
      if (this.#hashes[slot] === hash && this.#equals(at - 1, length)) return true;
      slot = (slot + 1) & mask;
    }
    this.#slots[slot] = this.#append(length) + 1;
    this.#hashes[slot] = hash;
    this.#size++;
    if (this.#size * 2 > this.#slots.length) this.#rehash();
    return false;
  }

  /** Encodes `key` into the scratch buffer (grown to fit); returns its length in bytes. */
  #encode(key: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.#scratch.length < key.length * 3) this.#scratch = new Uint8Array(key.length * 3);
    return encoder.encodeInto(key, this.#scratch).written;
  }

  #equals(offset: number, length: number): boolean {
    const bytes = this.#bytes;
    if (readLength(bytes, offset) !== length) return false;
    const start = offset + 4;
    for (let i = 0; i < length; i++) if (bytes[start + i] !== this.#scratch[i]) return false;
    return true;
  }

  /** Appends the scratch key to the buffer (grown when full); returns its offset. */
  #append(length: number): number {
    const offset = this.#used;
    if (offset + 4 + length > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(this.#bytes.length * 2, offset + 4 + length));
      grown.set(this.#bytes.subarray(0, offset));
      this.#bytes = grown;
    }
    const bytes = this.#bytes;
    bytes[offset] = length >>> 24;
    bytes[offset + 1] = (length >>> 16) & 0xff;
    bytes[offset + 2] = (length >>> 8) & 0xff;
    bytes[offset + 3] = length & 0xff;
    bytes.set(this.#scratch.subarray(0, length), offset + 4);
    this.#used = offset + 4 + length;
    return offset;
  }

  /** Doubles the table and puts every key back in it. */
  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const hashes = new Uint32Array(slots.length);
    const mask = slots.length - 1;
    for (let old = 0; old < this.#slots.length; old++) {
      const at = this.#slots[old] ?? 0;
      if (at === 0) continue;
      const hash = this.#hashes[old] ?? 0;
      let slot = hash & mask;
      while ((slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      slots[slot] = at;
      hashes[slot] = hash;
    }
    this.#slots = slots;
    this.#hashes = hashes;
  }
}

function readLength(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] ?? 0) << 24) |
      ((bytes[offset + 1] ?? 0) << 16) |
      ((bytes[offset + 2] ?? 0) << 8) |
      (bytes[offset + 3] ?? 0)) >>>
    0
  );
}

/** 32-bit FNV-1a over the first `length` bytes. */
function fnv1a(bytes: Uint8Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < length; i++) hash = Math.imul(hash ^ (bytes[i] ?? 0), 0x01000193);
  return hash >>> 0;
}
