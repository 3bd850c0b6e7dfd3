/**
 * A hash table keyed by a pair of non-negative integers (two author indices), in typed
 * arrays with open addressing: what a `Map<number, …>` keyed by `a * authors + b` did, at a
 * few bytes a slot, with no entry object, no 2^53 key arithmetic and no 16.7M-entry cap.
 * It starts at the size it is told to expect and doubles when half full (a count of links
 * can be several times the count of distinct pairs); entries are never removed, and a slot
 * stays valid until the next `add`.
 */
export class PairTable {
  /** first and second key of each slot; -1 marks an empty slot */
  first: Int32Array;
  second: Int32Array;
  /** a number per entry, for the caller (empty in a table made without payload) */
  value: Int32Array;
  /** a flag per entry, for the caller (empty in a table made without payload) */
  mark: Uint8Array;
  size = 0;
  private mask: number;

  /** `payload` false: a set of pairs, without `value` and `mark` (8 bytes a slot instead of 13) */
  constructor(
    expectedEntries: number,
    private readonly payload = true,
  ) {
    // at most half full: probes stay short
    let capacity = 16;
    while (capacity < expectedEntries * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.value = new Int32Array(payload ? capacity : 0);
    this.mark = new Uint8Array(payload ? capacity : 0);
  }

  /** twice the slots, every entry (its value and mark with it) put back */
  private grow(): void {
    const { first, second, value, mark } = this;
    const capacity = first.length * 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.value = new Int32Array(this.payload ? capacity : 0);
    this.mark = new Uint8Array(this.payload ? capacity : 0);
    for (let s = 0; s < first.length; s++) {
      const x = first[s]!;
      if (x === -1) continue;
      const t = this.slot(x, second[s]!);
      this.first[t] = x;
      this.second[t] = second[s]!;
      if (this.payload) {
        this.value[t] = value[s]!;
        this.mark[t] = mark[s]!;
      }
    }
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
    let s = this.slot(x, y);
    this.added = this.first[s] === -1;
    if (this.added) {
      if ((this.size + 1) * 2 > this.capacity) {
        this.grow();
        s = this.slot(x, y);
      }
      this.first[s] = x;
      this.second[s] = y;
      this.size++;
    }
    return s;
  }

  /** whether the last `add` added its pair */
  added = false;
}
