/**
 * A hash table keyed by a pair of non-negative integers (two author indices), in typed
 * arrays with open addressing: what a `Map<number, …>` keyed by `a * authors + b` did, at a
 * few bytes a slot, with no entry object, no 2^53 key arithmetic and no 16.7M-entry cap.
 * Sized once for the most pairs it may hold; entries are never removed.
 */
export class PairTable {
  /** first and second key of each slot; -1 marks an empty slot */
  readonly first: Int32Array;
  readonly second: Int32Array;
  /** a number per entry, for the caller */
  readonly value: Int32Array;
  /** a flag per entry, for the caller */
  readonly mark: Uint8Array;
  size = 0;
  private readonly mask: number;

  constructor(maxEntries: number) {
    // at most half full: probes stay short
    let capacity = 16;
    while (capacity < maxEntries * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.value = new Int32Array(capacity);
    this.mark = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.mask + 1;
  }

  /** the slot holding (x, y), or the empty slot where it would go */
  slot(x: number, y: number): number {
    let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    let s = h & this.mask;
    for (;;) {
      const f = this.first[s]!;
      if (f === -1 || (f === x && this.second[s] === y)) return s;
      s = (s + 1) & this.mask;
    }
  }

  has(x: number, y: number): boolean {
    return this.first[this.slot(x, y)] !== -1;
  }

  /** the slot of (x, y), added (value 0, mark 0) if it was not there; `added` tells which */
  add(x: number, y: number): number {
    const s = this.slot(x, y);
    this.added = this.first[s] === -1;
    if (this.added) {
      if (this.size * 2 >= this.capacity) throw new RangeError('PairTable is full');
      this.first[s] = x;
      this.second[s] = y;
      this.size++;
    }
    return s;
  }

  /** whether the last `add` added its pair */
  added = false;
}
