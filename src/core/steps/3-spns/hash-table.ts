/**
 * An open-addressing table from 53-bit SPN hashes to the ordinal of the object that held the SPN
 * first, in two typed arrays: 12 bytes a slot at a load of at most one half, so about 24 bytes an
 * SPN (2.4 MB per 100,000), where a Map of number to number costs V8 50-60 bytes an entry plus a
 * heap number for every key beyond 31 bits. The forest-wide duplicate scan (./duplicates.ts) keeps
 * one entry per distinct SPN, so this is what its memory grows with.
 */
const EMPTY = -1;

export class HashOrdinalTable {
  private keys: Float64Array;
  private values: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size).fill(EMPTY);
  }

  get size(): number {
    return this.used;
  }

  /** Bytes held by the two arrays (for tests and benchmarks). */
  get bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }

  private slot(hash: number): number {
    // Mix the high and the low part: the hash may differ only above bit 32.
    const mixed = Math.imul((hash % 0x1_0000_0000) ^ Math.floor(hash / 0x1_0000_0000), 0x9e3779b1);
    return (mixed >>> 0) & (this.keys.length - 1);
  }

  /** The ordinal stored for `hash`, or undefined. */
  get(hash: number): number | undefined {
    const mask = this.keys.length - 1;
    for (let i = this.slot(hash); ; i = (i + 1) & mask) {
      const v = this.values[i] as number;
      if (v === EMPTY) return undefined;
      if (this.keys[i] === hash) return v;
    }
  }

  /** Stores `ordinal` for `hash` unless the hash is already there. */
  setIfAbsent(hash: number, ordinal: number): void {
    if (!Number.isInteger(ordinal) || ordinal < 0 || ordinal > 0x7fffffff)
      throw new RangeError(`ordinal ${ordinal} does not fit the table`);
    if ((this.used + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    for (let i = this.slot(hash); ; i = (i + 1) & mask) {
      if (this.values[i] === EMPTY) {
        this.keys[i] = hash;
        this.values[i] = ordinal;
        this.used++;
        return;
      }
      if (this.keys[i] === hash) return;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(EMPTY);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) {
      const v = values[i] as number;
      if (v !== EMPTY) this.setIfAbsent(keys[i] as number, v);
    }
  }
}
