/**
 * CSV field values as byte ranges, for the generic comment CSV's fast path.
 *
 * Decoding every field of a million rows into strings, trimming them and hashing them in
 * `Map`s cost more than scanning the file. Most fields need no string at all: an author
 * seen before is found by its bytes, an id is stored as bytes, a date or a like count is
 * read digit by digit. A `ByteRange` is a field's value as UTF-8 bytes, with exactly the
 * meaning of the string the slow path made (`record.get(i).trim()`): decoding the range
 * gives that string, and two ranges hold the same bytes exactly when the strings are equal.
 * When the raw bytes cannot promise that (quotes to unescape, bytes that are not UTF-8 and
 * decode as Windows-1252, a Unicode space at an edge), the field goes the string way and
 * its value is re-encoded into the range's own buffer: the result is the same, only slower.
 */
import type { CsvRecord } from './csv-scan.js';
import { normalizeName } from './text.js';

const EMPTY = Buffer.alloc(0);

/** `\t \n \v \f \r` and space: the ASCII characters `String.prototype.trim` removes. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Lead bytes of every non-ASCII character `trim` removes (U+00A0, U+1680, U+2000–U+200A,
 * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF): a value starting or ending with a
 * character led by one of these takes the string way (most are not spaces: `’` is E2 80 99).
 */
function mayBeUnicodeSpace(lead: number): boolean {
  return lead === 0xc2 || lead === 0xe1 || lead === 0xe2 || lead === 0xe3 || lead === 0xef;
}

/**
 * 0: only ASCII bytes; 1: well-formed UTF-8 with non-ASCII characters; -1: not UTF-8
 * (overlong forms, surrogates, cut sequences: what `buffer.isUtf8` refuses).
 */
export function utf8Kind(b: Uint8Array, s: number, e: number): number {
  let kind = 0;
  for (let i = s; i < e; ) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    kind = 1;
    let len: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      len = 3;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 4;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return -1;
    if (i + len > e) return -1;
    const c1 = b[i + 1]!;
    if (c1 < lo || c1 > hi) return -1;
    for (let k = 2; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return -1;
    i += len;
  }
  return kind;
}

/** A value as UTF-8 bytes: `buf[start, end)`, empty when `start === end`. */
export class ByteRange {
  buf: Buffer = EMPTY;
  start = 0;
  end = 0;
  /** where values that went the string way are re-encoded (one per range: several are alive per row) */
  private own: Buffer = EMPTY;

  get size(): number {
    return this.end - this.start;
  }

  clear(): void {
    this.buf = EMPTY;
    this.start = 0;
    this.end = 0;
  }

  set(buf: Buffer, start: number, end: number): void {
    this.buf = buf;
    this.start = start;
    this.end = end;
  }

  /** A copy of `o`'s bytes, kept in this range's own buffer (valid after `o`'s record is gone). */
  assign(o: ByteRange): void {
    const dst = this.ownBuffer(o.size);
    o.buf.copy(dst, 0, o.start, o.end);
    this.end = o.size;
  }

  /** The value from a string (well-formed: any decoded text is). */
  setString(s: string): void {
    if (s === '') return this.clear();
    if (this.own.length < s.length * 3) this.own = Buffer.allocUnsafe(Math.max(64, s.length * 3));
    this.buf = this.own;
    this.start = 0;
    this.end = this.own.write(s, 0, 'utf8');
  }

  /** Room for `size` bytes of the range's own, returned to be filled (then `end` is set by the caller). */
  ownBuffer(size: number): Buffer {
    if (this.own.length < size) this.own = Buffer.allocUnsafe(Math.max(64, size));
    this.buf = this.own;
    this.start = 0;
    this.end = 0;
    return this.own;
  }

  toString(): string {
    return this.end === this.start ? '' : this.buf.toString('utf8', this.start, this.end);
  }

  equals(o: ByteRange): boolean {
    const n = this.end - this.start;
    if (n !== o.end - o.start) return false;
    for (let k = 0; k < n; k++) if (this.buf[this.start + k] !== o.buf[o.start + k]) return false;
    return true;
  }

  /** Whether every byte is ASCII (then one byte is one UTF-16 code unit of the string). */
  isAscii(): boolean {
    for (let k = this.start; k < this.end; k++) if (this.buf[k]! >= 0x80) return false;
    return true;
  }
}

/**
 * Field `i` of `r` as `r.get(i).trim()` would give it, into `out`: a range of the record's
 * own bytes when they are that value, else the string's UTF-8 re-encoded.
 */
export function readTrimmed(r: CsvRecord, i: number, out: ByteRange): void {
  const size = r.size(i);
  if (size === 0) return out.clear();
  const b = r.buf;
  let s = r.start(i);
  let e = s + size;
  if (!r.escaped(i)) {
    while (s < e && isAsciiSpace(b[s]!)) s++;
    while (e > s && isAsciiSpace(b[e - 1]!)) e--;
    if (s === e) return out.clear();
    const kind = utf8Kind(b, s, e);
    if (kind === 0) return out.set(b, s, e);
    if (kind === 1) {
      let last = e - 1;
      while ((b[last]! & 0xc0) === 0x80) last--;
      if (!mayBeUnicodeSpace(b[s]!) && !mayBeUnicodeSpace(b[last]!)) return out.set(b, s, e);
    }
  }
  out.setString(r.get(i).trim());
}

/**
 * A hash of a field's value as bytes ("" escapes undone): a text's identity without
 * decoding it. FNV-style, but mixing four bytes at a time (one multiplication a word, not
 * a byte), then the length; the same value gives the same hash however it was quoted.
 * `b[start, end)` are the field's raw bytes, `escaped` when they hold `""` escapes (the
 * lexicon worker hashes texts from the file's bytes with it).
 */
export function fieldHash(b: Uint8Array, start: number, end: number, escaped: boolean): number {
  let h = 0x811c9dc5 | 0;
  let w = 0;
  let shift = 0;
  let len = 0;
  if (escaped) {
    for (let j = start; j < end; j++) {
      const c = b[j]!;
      if (c === 0x22) j++; // "" stands for one quote
      w |= c << shift;
      len++;
      if ((shift += 8) === 32) {
        h = Math.imul(h ^ w, 0x01000193);
        w = 0;
        shift = 0;
      }
    }
  } else {
    let j = start;
    for (; j + 4 <= end; j += 4) h = Math.imul(h ^ (b[j]! | (b[j + 1]! << 8) | (b[j + 2]! << 16) | (b[j + 3]! << 24)), 0x01000193);
    for (; j < end; j++, shift += 8) w |= b[j]! << shift;
    len = end - start;
  }
  if (shift > 0) h = Math.imul(h ^ w, 0x01000193);
  return Math.imul(h ^ len, 0x01000193) >>> 0;
}

/** Likes as a run of ASCII digits (up to 15), or undefined when the value needs the general reader. */
export function plainCount(v: ByteRange): number | undefined {
  const n = v.end - v.start;
  if (n === 0 || n > 15) return undefined;
  let x = 0;
  for (let k = v.start; k < v.end; k++) {
    const d = v.buf[k]! - 48;
    if (d < 0 || d > 9) return undefined;
    x = x * 10 + d;
  }
  return x;
}

/** Bytes of a text that `leadingMention` may look at: 100 UTF-16 code units take at most 300 bytes. */
const MENTION_PREFIX_BYTES = 400;

/**
 * Where the part of the raw field `b[s, e)` that `leadingMention` may look at ends: the
 * whole field, or about its first MENTION_PREFIX_BYTES cut on a character boundary.
 */
export function mentionPrefixEnd(b: Uint8Array, s: number, e: number): number {
  if (e - s <= MENTION_PREFIX_BYTES) return e;
  let cut = s + MENTION_PREFIX_BYTES;
  // never inside a character: the byte at the cut starts one (or is ASCII, or stray)
  while (cut > s && (b[cut]! & 0xc0) === 0x80) cut--;
  return cut;
}

/**
 * The first bytes of field `i`, decoded (quotes unescaped), cut on a character boundary:
 * enough for `leadingMention`, which reads the first 100 code units only.
 */
export function mentionPrefix(r: CsvRecord, i: number): string {
  const s = r.start(i);
  return r.getRange(i, mentionPrefixEnd(r.buf, s, s + r.size(i)));
}

function isWordByte(c: number): boolean {
  // [\p{L}\p{N}_.\-] for ASCII
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x2d;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE_CHAR = /\s/u;

/**
 * U+00C0–U+00FF (UTF-8 `C3 80`–`C3 BF`: the accented letters of French and other Latin
 * names): whether each is a name character, and what `normalizeName` makes of it alone, as
 * UTF-8 bytes (`é` → `e`, `Æ` → `æ`). Names made of these and ASCII are normalized on their
 * bytes, one character at a time: `normalizeName` of such a name is the same as of each of
 * its characters (no combining mark to reorder, no case rule that depends on neighbours).
 */
const LATIN_WORD = new Uint8Array(0x40);
const LATIN_FOLD: Buffer[] = [];
for (let k = 0; k < 0x40; k++) {
  const ch = String.fromCharCode(0xc0 + k);
  LATIN_WORD[k] = WORD_CHAR.test(ch) ? 1 : 0;
  LATIN_FOLD.push(Buffer.from(normalizeName(ch)));
}

/** Byte length of the UTF-8 character at `b[p]` (non-ASCII), or -1 when the bytes are none (they would decode as Windows-1252). */
function charLength(b: Buffer, p: number, e: number): number {
  const c = b[p]!;
  const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
  return p + len <= e && utf8Kind(b, p, p + len) === 1 ? len : -1;
}

/**
 * At `b[p]`, `units` UTF-16 code units into the text: the byte length of a name character
 * (`[\p{L}\p{N}_.\-]`) that lies whole within the first 100 units, 0 for anything else,
 * -1 for bytes that are no UTF-8 character.
 */
function nameCharAt(b: Buffer, p: number, e: number, units: number): number {
  if (p >= e || units >= 100) return 0;
  const c = b[p]!;
  if (c < 0x80) return isWordByte(c) ? 1 : 0;
  if (c === 0xc3 && p + 1 < e) {
    const c1 = b[p + 1]! - 0x80;
    if (c1 >= 0 && c1 < 0x40) return LATIN_WORD[c1] === 1 ? 2 : 0;
  }
  const len = charLength(b, p, e);
  if (len < 0) return -1;
  // a character beyond U+FFFF takes two units: cut by the 100th, its half is no letter
  if (len === 4 && units + 2 > 100) return 0;
  return WORD_CHAR.test(b.toString('utf8', p, p + len)) ? len : 0;
}

/** Mentioned names repeat (the regulars): their normalized forms are kept, up to a bound. */
const NORMALIZED_KEPT = 10_000;
const normalizedNames = new Map<string, string>();

function normalizedName(name: string): string {
  let n = normalizedNames.get(name);
  if (n === undefined) {
    if (normalizedNames.size >= NORMALIZED_KEPT) normalizedNames.clear();
    normalizedNames.set(name, (n = normalizeName(name)));
  }
  return n;
}

/**
 * `leadingMention` (text.ts) read on the text's raw bytes: 1 and the normalized mention in
 * `out`, 0 when the text opens on no mention, -1 when bytes that are not UTF-8 are in the
 * way (then ask `leadingMention` on the string). It follows the string version step by
 * step: spaces, "@", then up to three words of 1 to 40 name characters separated by one
 * space, all within the first 100 UTF-16 code units. An ASCII name is lowercased here;
 * any other goes through `normalizeName`, as the string version does. Escaped quotes need
 * no care: a quote ends the name, and before it bytes and characters are in step.
 */
export function leadingMentionBytes(b: Buffer, s: number, e: number, out: ByteRange): number {
  let p = s;
  let units = 0;
  while (p < e && units < 100) {
    const c = b[p]!;
    if (c < 0x80) {
      if (!isAsciiSpace(c)) break;
      p++;
    } else {
      const len = charLength(b, p, e);
      if (len < 0) return -1;
      if (!SPACE_CHAR.test(b.toString('utf8', p, p + len))) return 0; // neither a space nor "@"
      p += len; // every Unicode space is one unit
    }
    units++;
  }
  if (p >= e || units >= 100 || b[p] !== 0x40) return 0;
  p++;
  units++;
  const from = p;
  let ascii = true;
  /** every non-ASCII character is one of U+00C0–U+00FF */
  let latin = true;
  for (let word = 0; word < 3; word++) {
    if (word > 0) {
      // " " then a name character, or the name ends before the space
      if (p >= e || b[p] !== 0x20) break;
      const next = nameCharAt(b, p + 1, e, units + 1);
      if (next < 0) return -1;
      if (next === 0) break;
      p++;
      units++;
    }
    let count = 0;
    for (; count < 40; count++) {
      const len = nameCharAt(b, p, e, units);
      if (len < 0) return -1;
      if (len === 0) break;
      if (len > 1) {
        ascii = false;
        if (len !== 2 || b[p] !== 0xc3) latin = false;
      }
      p += len;
      units += len === 4 ? 2 : 1;
    }
    if (count === 0) return 0; // "@" with no name
  }
  if (!ascii && !latin) {
    out.setString(normalizedName(b.toString('utf8', from, p)));
    return 1;
  }
  // ASCII lowercased, U+00C0–U+00FF folded by the table (never longer than the name)
  const dst = out.ownBuffer(p - from);
  let at = 0;
  for (let k = from; k < p; k++) {
    const c = b[k]!;
    if (c < 0x80) dst[at++] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    else {
      const fold = LATIN_FOLD[b[++k]! - 0x80]!;
      for (let j = 0; j < fold.length; j++) dst[at++] = fold[j]!;
    }
  }
  out.end = at;
  return 1;
}
