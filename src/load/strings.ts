/**
 * Compact string storage for millions of short strings (message ids, parent ids).
 *
 * A JS string costs 20+ bytes of header, and one kept from a parser's chunk may pin the
 * whole chunk; a JS Map holds at most 16.7M entries. Here strings are bytes in one
 * growing buffer (Latin-1, one byte a character: ids are nearly always ASCII), the rare
 * string with wider characters goes to a side map, and lookups go through an
 * open-addressing hash table of Int32 slots (see IdIndex).
 */

function growBuffer(b: Buffer, need: number): Buffer {
  let size = b.length;
  while (size < need) size = Math.ceil(size * 1.5) + 1024;
  const n = Buffer.allocUnsafe(size);
  b.copy(n, 0, 0, b.length);
  return n;
}

/** FNV-1a over UTF-16 code units: the same value for a string and for its stored bytes. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** An append-only list of strings, entry i = the i-th `add`. */
export class StringColumn {
  private bytes: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** end offset of each entry in `bytes` */
  private ends: Int32Array;
  private n = 0;
  private wide: Map<number, string> | null = null;

  constructor(capacity = 1024) {
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  get length(): number {
    return this.n;
  }

  add(s: string): number {
    const i = this.n++;
    if (i >= this.ends.length) {
      const e = new Int32Array(Math.ceil(this.ends.length * 1.5));
      e.set(this.ends);
      this.ends = e;
    }
    const len = s.length;
    if (this.used + len > this.bytes.length) this.bytes = growBuffer(this.bytes, this.used + len);
    const b = this.bytes;
    let at = this.used;
    for (let j = 0; j < len; j++) {
      const c = s.charCodeAt(j);
      if (c > 0xff) {
        // a wide character: keep this one as a (copied) JS string
        at = this.used;
        (this.wide ??= new Map()).set(i, (' ' + s).slice(1));
        break;
      }
      b[at++] = c;
    }
    this.used = at;
    this.ends[i] = at;
    return i;
  }

  /** adds n empty entries */
  addEmpty(n: number): void {
    for (let k = 0; k < n; k++) this.add('');
  }

  private start(i: number): number {
    return i === 0 ? 0 : this.ends[i - 1]!;
  }

  get(i: number): string {
    if (this.wide) {
      const w = this.wide.get(i);
      if (w !== undefined) return w;
    }
    const s = this.start(i);
    const e = this.ends[i]!;
    return s === e ? '' : this.bytes.toString('latin1', s, e);
  }

  isEmpty(i: number): boolean {
    return this.start(i) === this.ends[i] && !this.wide?.has(i);
  }

  hash(i: number, seed = 0): number {
    const w = this.wide?.get(i);
    if (w !== undefined) return hashString(w, seed);
    let h = (0x811c9dc5 ^ seed) >>> 0;
    const b = this.bytes;
    for (let j = this.start(i), e = this.ends[i]!; j < e; j++) h = Math.imul(h ^ b[j]!, 0x01000193);
    return h >>> 0;
  }

  equals(i: number, s: string): boolean {
    const w = this.wide?.get(i);
    if (w !== undefined) return w === s;
    const st = this.start(i);
    const e = this.ends[i]!;
    if (e - st !== s.length) return false;
    const b = this.bytes;
    for (let j = 0; j < s.length; j++) if (b[st + j] !== s.charCodeAt(j)) return false;
    return true;
  }

  equalsEntry(i: number, other: StringColumn, j: number): boolean {
    const a = this.wide?.get(i);
    const b = other.wide?.get(j);
    if (a !== undefined || b !== undefined) return (a ?? this.get(i)) === (b ?? other.get(j));
    const s1 = this.start(i);
    const e1 = this.ends[i]!;
    const s2 = other.start(j);
    if (e1 - s1 !== other.ends[j]! - s2) return false;
    return this.bytes.compare(other.bytes, s2, s2 + (e1 - s1), s1, e1) === 0;
  }

  /** bytes held (for memory accounting) */
  get byteSize(): number {
    return this.bytes.length + this.ends.byteLength;
  }
}

/**
 * (source, id) → message index, over ids stored in a StringColumn. Open addressing with
 * linear probing on an Int32Array: 4 bytes a slot at 50% load at most, no entry limit.
 */
export class IdIndex {
  private slots: Int32Array;
  private hashes: Uint32Array;
  private mask: number;

  constructor(
    private ids: StringColumn,
    private sourceOf: (entry: number) => number,
    expected: number,
  ) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.hashes = new Uint32Array(size);
    this.mask = size - 1;
  }

  /** Adds entry `e` (an index into the id column) under `value`; returns the value already there, or -1. */
  insert(e: number, value: number, valueEntry: (v: number) => number): number {
    const src = this.sourceOf(e);
    const h = this.ids.hash(e, src);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v === -1) {
        this.slots[s] = value;
        this.hashes[s] = h;
        return -1;
      }
      if (this.hashes[s] === h) {
        const other = valueEntry(v);
        if (this.sourceOf(other) === src && this.ids.equalsEntry(other, this.ids, e)) return v;
      }
    }
  }

  /** The value stored for (source, id string), or -1. */
  find(source: number, id: string, valueEntry: (v: number) => number): number {
    const h = hashString(id, source);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v === -1) return -1;
      if (this.hashes[s] === h) {
        const e = valueEntry(v);
        if (this.sourceOf(e) === source && this.ids.equals(e, id)) return v;
      }
    }
  }

  /** The value stored for (source, entry j of another column), or -1. */
  findEntry(source: number, col: StringColumn, j: number, valueEntry: (v: number) => number): number {
    const h = col.hash(j, source);
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const v = this.slots[s]!;
      if (v === -1) return -1;
      if (this.hashes[s] === h) {
        const e = valueEntry(v);
        if (this.sourceOf(e) === source && this.ids.equalsEntry(e, col, j)) return v;
      }
    }
  }
}

/**
 * (source, id) → the first message with that id, filled while loading (duplicate rows are
 * told by comparing with it). Open addressing over message indices, growing by doubling;
 * the ids themselves stay in the StringColumn.
 */
export class SeenIds {
  private slots = new Int32Array(1 << 12).fill(-1);
  private size = 0;

  constructor(
    private ids: StringColumn,
    private sources: () => Uint16Array,
  ) {}

  /** the first message with (source, id), or -1 */
  find(source: number, id: string): number {
    const mask = this.slots.length - 1;
    const src = this.sources();
    for (let s = hashString(id, source) & mask; ; s = (s + 1) & mask) {
      const v = this.slots[s]!;
      if (v === -1) return -1;
      if (src[v] === source && this.ids.equals(v, id)) return v;
    }
  }

  /** adds message `i` (its id already in the column), known to be absent */
  insert(i: number, source: number): void {
    if ((this.size + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let s = this.ids.hash(i, source) & mask;
    while (this.slots[s] !== -1) s = (s + 1) & mask;
    this.slots[s] = i;
    this.size++;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    const src = this.sources();
    for (const v of old) {
      if (v === -1) continue;
      let s = this.ids.hash(v, src[v]!) & mask;
      while (this.slots[s] !== -1) s = (s + 1) & mask;
      this.slots[s] = v;
    }
  }
}
