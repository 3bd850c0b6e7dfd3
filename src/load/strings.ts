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

/** FNV-1a over bytes: for ASCII, the same value as `hashString` of the string. */
export function hashBytes(b: Uint8Array, start: number, end: number, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
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
  /** the number of entries expected in all (0: unknown), see `reserve` */
  private expected = 0;

  constructor(capacity = 1024) {
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  /**
   * Room for `entries` entries in all (a guess from the file size): the offsets are sized
   * for them now, and the bytes, when they must grow, grow to what that many entries will
   * probably take rather than by half (a column of a million ids would keep up to a third
   * of its buffer unused, and hold both buffers while copying).
   */
  reserve(entries: number): void {
    if (entries > this.ends.length) {
      const e = new Int32Array(entries);
      e.set(this.ends.subarray(0, this.n));
      this.ends = e;
    }
    this.expected = Math.max(this.expected, entries);
  }

  /** room for `need` bytes */
  private growBytes(need: number): void {
    // from 1024 entries on, their mean size tells what the expected entries will take (5% more)
    const guess = this.n >= 1024 && this.expected > this.n ? Math.ceil((this.used / this.n) * this.expected * 1.05) : 0;
    if (guess < need) this.bytes = growBuffer(this.bytes, need);
    else {
      const b = Buffer.allocUnsafe(guess);
      this.bytes.copy(b, 0, 0, this.used);
      this.bytes = b;
    }
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
    if (this.used + len > this.bytes.length) this.growBytes(this.used + len);
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

  /**
   * Adds the string that UTF-8 bytes `b[start, end)` decode to (well-formed UTF-8): ASCII is
   * copied as it is, one byte a character, as `add` stores it.
   */
  addBytes(b: Buffer, start: number, end: number): number {
    const len = end - start;
    for (let j = start; j < end; j++) if (b[j]! >= 0x80) return this.add(b.toString('utf8', start, end));
    const i = this.n++;
    if (i >= this.ends.length) {
      const e = new Int32Array(Math.ceil(this.ends.length * 1.5));
      e.set(this.ends);
      this.ends = e;
    }
    if (this.used + len > this.bytes.length) this.growBytes(this.used + len);
    const to = this.bytes;
    for (let j = start, at = this.used; j < end; j++) to[at++] = b[j]!;
    this.used += len;
    this.ends[i] = this.used;
    return i;
  }

  /** Drops the last entry (a row found to be a copy after its id was added). */
  removeLast(): void {
    if (this.n === 0) return;
    const i = --this.n;
    this.wide?.delete(i);
    this.used = this.start(i);
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
    const len = this.ends[i]! - s1;
    const s2 = other.start(j);
    if (len !== other.ends[j]! - s2) return false;
    // ids are short: a loop is cheaper than Buffer.compare's native call
    const x = this.bytes;
    const y = other.bytes;
    for (let k = 0; k < len; k++) if (x[s1 + k] !== y[s2 + k]) return false;
    return true;
  }

  /**
   * A new column whose entry k is entry `order[k]` of this one, sized exactly: the dataset
   * keeps its ids in canonical order, so it needs neither the load order nor this column.
   */
  permuted(order: Int32Array): StringColumn {
    const count = order.length;
    let size = 0;
    for (let k = 0; k < count; k++) {
      const o = order[k]!;
      size += this.ends[o]! - this.start(o);
    }
    const to = new StringColumn(0);
    to.bytes = Buffer.allocUnsafe(Math.max(1, size));
    to.ends = new Int32Array(Math.max(1, count));
    const from = this.bytes;
    const into = to.bytes;
    let at = 0;
    for (let k = 0; k < count; k++) {
      const o = order[k]!;
      const w = this.wide?.get(o);
      if (w !== undefined) (to.wide ??= new Map()).set(k, w);
      else {
        const s = this.start(o);
        const e = this.ends[o]!;
        // ids are short: a loop is cheaper than a native copy call
        for (let j = s; j < e; j++) into[at++] = from[j]!;
      }
      to.ends[k] = at;
    }
    to.used = at;
    to.n = count;
    return to;
  }

  /** Drops every entry (the column is not needed any more). */
  clear(): void {
    this.bytes = Buffer.alloc(0);
    this.ends = new Int32Array(16);
    this.used = 0;
    this.n = 0;
    this.wide = null;
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
 * the ids themselves stay in the StringColumn. Each slot holds the message and its id's
 * hash side by side: a probe touches one place in memory, compares bytes only when the
 * hashes agree, and growing hashes nothing again.
 */
export class SeenIds {
  /** slot s: [2s] message index (-1: empty), [2s + 1] hash */
  private table = new Int32Array(2 << 12).fill(-1);
  private size = 0;
  private lastEntry = -1;
  private lastSource = -1;
  private lastHash = 0;

  constructor(
    private ids: StringColumn,
    private sources: () => Uint16Array,
  ) {}

  /** room for this many ids without growing */
  reserve(count: number): void {
    let slots = this.table.length >> 1;
    while (slots < count * 2) slots *= 2;
    if (slots > this.table.length >> 1) this.rehash(slots);
  }

  /** the first message with (source, id), or -1 */
  find(source: number, id: string): number {
    const h = hashString(id, source) | 0;
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    const src = this.sources();
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = t[2 * s]!;
      if (v === -1) return -1;
      if (v >= 0 && t[2 * s + 1] === h && src[v] === source && this.ids.equals(v, id)) return v;
    }
  }

  /** the first message with (source, the id of entry `i` of the column), or -1 */
  findEntry(source: number, i: number): number {
    const h = this.ids.hash(i, source) | 0;
    this.lastEntry = i;
    this.lastSource = source;
    this.lastHash = h;
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    const src = this.sources();
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = t[2 * s]!;
      if (v === -1) return -1;
      if (t[2 * s + 1] === h && src[v] === source && this.ids.equalsEntry(v, this.ids, i)) return v;
    }
  }

  /** the first message with (source, the id of entry `j` of another column), or -1 */
  findColumnEntry(source: number, col: StringColumn, j: number): number {
    const h = col.hash(j, source) | 0;
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    const src = this.sources();
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const v = t[2 * s]!;
      if (v === -1) return -1;
      if (v >= 0 && t[2 * s + 1] === h && src[v] === source && this.ids.equalsEntry(v, col, j)) return v;
    }
  }

  /** message `to` (same source, same id) takes the place of message `from` */
  replace(from: number, to: number): void {
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    for (let s = this.ids.hash(from, this.sources()[from]!) & mask; t[2 * s] !== -1; s = (s + 1) & mask) {
      if (t[2 * s] === from) {
        t[2 * s] = to;
        return;
      }
    }
  }

  /** adds message `i` (its id already in the column), known to be absent */
  insert(i: number, source: number): void {
    if ((this.size + 1) * 2 > this.table.length >> 1) this.rehash(this.table.length);
    // the entry just looked up is not hashed twice
    const h = i === this.lastEntry && source === this.lastSource ? this.lastHash : this.ids.hash(i, source) | 0;
    const t = this.table;
    const mask = (t.length >> 1) - 1;
    let s = h & mask;
    while (t[2 * s] !== -1) s = (s + 1) & mask;
    t[2 * s] = i;
    t[2 * s + 1] = h;
    this.size++;
  }

  private rehash(slots: number): void {
    const old = this.table;
    const t = (this.table = new Int32Array(2 * slots).fill(-1));
    const mask = slots - 1;
    for (let k = 0; k < old.length; k += 2) {
      const v = old[k]!;
      if (v === -1) continue;
      const h = old[k + 1]!;
      let s = h & mask;
      while (t[2 * s] !== -1) s = (s + 1) & mask;
      t[2 * s] = v;
      t[2 * s + 1] = h;
    }
  }
}

/**
 * Interned keys (author keys within a platform, thread keys, mentions) found by their UTF-8
 * bytes: a new key's bytes are copied once, a known one is found by hashing and comparing
 * bytes, without making a string. Keys are numbered in order of first sight; their strings
 * are decoded when asked for. A group (a platform) scopes the keys: the same bytes in two
 * groups are two keys. Open addressing on Int32 slots, no entry limit.
 */
export class ByteKeys {
  private pool: Buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  /** key i: [4i] start in the pool, [4i + 1] end, [4i + 2] group, [4i + 3] hash (one place in memory) */
  private meta = new Int32Array(4 * 1024);
  /** slot s: [2s] key index (-1: empty), [2s + 1] its hash (a probe reads one place in memory) */
  private table = new Int32Array(2 * 2048).fill(-1);
  private n = 0;
  /**
   * Strings with a lone surrogate (a JSON "\ud800" escape): UTF-8 cannot say them, so they
   * are keyed by the string itself (group + NUL + string), apart from all others.
   */
  private odd: Map<string, number> | null = null;
  private oddString: Map<number, string> | null = null;
  private scratch: Buffer = Buffer.allocUnsafe(256);
  /** whether the last `intern` added the key */
  added = false;

  get length(): number {
    return this.n;
  }

  /** bytes held (for memory accounting) */
  get byteSize(): number {
    return this.pool.length + this.meta.byteLength + this.table.byteLength;
  }

  /** the index of the key `b[start, end)` (well-formed UTF-8) in `group`, added when new (see `added`) */
  intern(group: number, b: Uint8Array, start: number, end: number): number {
    const h = hashBytes(b, start, end, group) | 0;
    const t = this.table;
    const meta = this.meta;
    const mask = (t.length >> 1) - 1;
    const len = end - start;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const v = t[2 * s]!;
      if (v === -1) break;
      if (t[2 * s + 1] !== h) continue;
      const vs = meta[4 * v]!;
      if (meta[4 * v + 1]! - vs !== len || meta[4 * v + 2] !== group) continue;
      const pool = this.pool;
      let k = 0;
      while (k < len && pool[vs + k] === b[start + k]) k++;
      if (k === len) {
        this.added = false;
        return v;
      }
    }
    this.added = true;
    const i = this.push(group, h, len);
    const pool = this.pool;
    for (let k = 0, at = this.used - len; k < len; k++) pool[at + k] = b[start + k]!;
    t[2 * s] = i;
    t[2 * s + 1] = h;
    if (this.n * 2 > t.length >> 1) this.rehash(t.length);
    return i;
  }

  /** the index of key `key` in `group`, added when new (see `added`) */
  internString(group: number, key: string): number {
    if (/[\ud800-\udfff]/.test(key) && /\p{Cs}/u.test(key)) {
      const name = group + '\u0000' + key;
      const found = this.odd?.get(name);
      if (found !== undefined) {
        this.added = false;
        return found;
      }
      this.added = true;
      // no bytes: an empty entry in a group no byte lookup uses
      const i = this.push(-1 - group, 0, 0);
      (this.odd ??= new Map()).set(name, i);
      (this.oddString ??= new Map()).set(i, key);
      return i;
    }
    if (this.scratch.length < key.length * 3) this.scratch = Buffer.allocUnsafe(key.length * 3);
    const len = this.scratch.write(key, 0, 'utf8');
    return this.intern(group, this.scratch, 0, len);
  }

  private push(group: number, h: number, len: number): number {
    const i = this.n++;
    if (4 * i + 4 > this.meta.length) {
      const m = new Int32Array(4 * Math.ceil(i * 1.5 + 16));
      m.set(this.meta);
      this.meta = m;
    }
    if (this.used + len > this.pool.length) this.pool = growBuffer(this.pool, this.used + len);
    this.meta[4 * i] = this.used;
    this.used += len;
    this.meta[4 * i + 1] = this.used;
    this.meta[4 * i + 2] = group;
    this.meta[4 * i + 3] = h;
    return i;
  }

  private rehash(slots: number): void {
    const t = (this.table = new Int32Array(2 * slots).fill(-1));
    const mask = slots - 1;
    for (let i = 0; i < this.n; i++) {
      if (this.meta[4 * i + 2]! < 0) continue;
      const h = this.meta[4 * i + 3]!;
      let s = h & mask;
      while (t[2 * s] !== -1) s = (s + 1) & mask;
      t[2 * s] = i;
      t[2 * s + 1] = h;
    }
  }

  /** the key's string */
  get(i: number): string {
    const odd = this.oddString?.get(i);
    if (odd !== undefined) return odd;
    const s = this.meta[4 * i]!;
    const e = this.meta[4 * i + 1]!;
    return s === e ? '' : this.pool.toString('utf8', s, e);
  }

  /** the group the key was interned in */
  group(i: number): number {
    const g = this.meta[4 * i + 2]!;
    return g < 0 ? -1 - g : g;
  }

  /** whether key i holds the bytes `b[start, end)` */
  equalsBytes(i: number, b: Uint8Array, start: number, end: number): boolean {
    if (this.meta[4 * i + 2]! < 0) return false;
    const s = this.meta[4 * i]!;
    const len = end - start;
    if (this.meta[4 * i + 1]! - s !== len) return false;
    for (let k = 0; k < len; k++) if (this.pool[s + k] !== b[start + k]) return false;
    return true;
  }

  /** drops every key (the table is not needed after loading) */
  clear(): void {
    this.pool = Buffer.alloc(0);
    this.used = 0;
    this.meta = new Int32Array(0);
    this.table = new Int32Array(2).fill(-1);
    this.n = 0;
    this.odd = null;
    this.oddString = null;
  }
}
