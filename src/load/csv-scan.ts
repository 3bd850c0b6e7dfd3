/**
 * A CSV scanner over raw UTF-8 bytes, with papaparse's semantics.
 *
 * Why not papaparse itself: papaparse works on decoded text, so every byte of a large
 * export is decoded to a JS string and every field becomes a substring, and it cannot say
 * where a record starts in the file. Here the structure (quotes, delimiters, newlines:
 * all ASCII, never part of a multi-byte UTF-8 sequence) is found on the bytes, only the
 * fields a reader asks for are decoded, and each record carries its byte offset, so that
 * the loader can read a message's text back later instead of keeping it in memory.
 *
 * Semantics follow papaparse 5 (the parser this project used before, and still uses for
 * comparison in test/load/csv-scan.test.ts): a field is quoted only when its first
 * character is a quote; `""` inside quotes is one quote; a closing quote must be followed
 * by the delimiter or the newline, possibly after whitespace, else it is taken as text;
 * an unterminated quote runs to the end of the input, kept raw; the newline is one of
 * `\r\n`, `\n`, `\r`, guessed from the head as papaparse guesses it; a file that ends with
 * a newline has no empty last record; a blank line is a record with one empty field.
 */

import { decodeUtf8Lenient } from './read.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export type Newline = '\n' | '\r\n' | '\r';

/** Field kinds: how to turn the bytes into the value. */
const PLAIN = 0;
const QUOTED = 1;
/** quoted, with `""` to unescape */
const ESCAPED = 2;

/** A field's value from its raw bytes `b[s, e)` (as `CsvRecord.get` gives it): `escaped` when they hold `""` escapes. */
export function decodeField(b: Buffer, s: number, e: number, escaped: boolean): string {
  if (s >= e) return '';
  const v = decodeUtf8Lenient(b, s, e);
  return escaped ? v.replace(/""/g, '"') : v;
}

/**
 * One record, valid only during the `onRecord` call (the scanner reuses it): fields are
 * decoded on demand.
 */
export class CsvRecord {
  buf: Buffer = Buffer.alloc(0);
  count = 0;
  /** byte offset of the record's first byte in the whole input */
  offset = 0;
  /** byte length of the record, newline excluded */
  length = 0;
  starts = new Int32Array(16);
  ends = new Int32Array(16);
  kinds = new Uint8Array(16);
  /** what papaparse would report for this record: a quote never closed, or a stray closing quote */
  problem: 'unclosed-quote' | 'stray-quote' | null = null;

  /** The value of field `i`, as papaparse would give it; '' when the record is shorter. */
  get(i: number): string {
    if (i >= this.count) return '';
    return decodeField(this.buf, this.starts[i]!, this.ends[i]!, this.kinds[i] === ESCAPED);
  }

  /** The value of field `i` up to byte `end` of `buf` (a prefix of `get(i)` when `end` is where a character starts). */
  getRange(i: number, end: number): string {
    if (i >= this.count) return '';
    return decodeField(this.buf, this.starts[i]!, Math.min(end, this.ends[i]!), this.kinds[i] === ESCAPED);
  }

  /** Whether field `i` holds `""` escapes to undo (its raw bytes are not its value). */
  escaped(i: number): boolean {
    return i < this.count && this.kinds[i] === ESCAPED;
  }

  /** Byte offset of field `i` in `buf`. */
  start(i: number): number {
    return i < this.count ? this.starts[i]! : 0;
  }

  /** Byte length of field `i` (escapes included): 0 for an empty field. */
  size(i: number): number {
    return i < this.count ? this.ends[i]! - this.starts[i]! : 0;
  }

  /** Whether field `i` is empty or only ASCII spaces and tabs (what `.trim() === ''` says for most exports). */
  isBlank(i: number): boolean {
    if (i >= this.count) return true;
    for (let j = this.starts[i]!, e = this.ends[i]!; j < e; j++) {
      const c = this.buf[j]!;
      if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) continue;
      return c >= 0x80 ? this.get(i).trim() === '' : false;
    }
    return true;
  }

  /** Line breaks inside the record's fields (each `\n`), for line numbers. */
  newlines(): number {
    const end = this.offsetInBuf + this.length;
    const first = this.buf.indexOf(LF, this.offsetInBuf);
    if (first < 0 || first >= end) return 0;
    let n = 0;
    for (let i = 0; i < this.count; i++) {
      const e = this.ends[i]!;
      for (let j = this.buf.indexOf(LF, this.starts[i]!); j >= 0 && j < e; j = this.buf.indexOf(LF, j + 1)) n++;
    }
    return n;
  }

  toArray(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.get(i);
    return out;
  }

  /** where the record starts in `buf` */
  offsetInBuf = 0;

  push(s: number, e: number, kind: number): void {
    const i = this.count++;
    if (i >= this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.kinds = grow(this.kinds);
    }
    this.starts[i] = s;
    this.ends[i] = e;
    this.kinds[i] = kind;
  }
}

/** papaparse's line-ending guess, on the head of the decoded text. */
export function guessNewline(text: string): Newline {
  let input = text.substring(0, 1024 * 1024);
  input = input.replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0]!.length < r[0]!.length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i]![0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

export interface CsvScanner {
  /** more bytes of the input, in order */
  push(chunk: Buffer): void;
  /** the input is over: the last record, if any, is emitted */
  end(): void;
}

const INCOMPLETE = -1;

/**
 * Scans UTF-8 bytes (BOM already removed) into records. `onRecord` receives the same
 * CsvRecord object each time. `joinHead`: how many bytes of a chunk are first joined to a
 * record cut at the end of the previous one (tests make it tiny).
 */
export function createCsvScanner(delimiter: string, newline: Newline, onRecord: (r: CsvRecord) => void, joinHead = 256): CsvScanner {
  const DELIM = delimiter.charCodeAt(0);
  // newline as bytes: its first byte, and whether a second (\n after \r) is required
  const NL0 = newline === '\n' ? LF : CR;
  const NL_LEN = newline.length;
  const rec = new CsvRecord();
  let pending: Buffer | null = null;
  /** absolute offset of pending[0] */
  let base = 0;
  /** do not rescan a long incomplete record before this many bytes are there (keeps huge records linear) */
  let retryAt = 0;
  let extra: Buffer[] = [];
  let extraLen = 0;

  function newlineAt(d: Buffer, i: number, len: number): number {
    // 1: a newline starts at i; 0: none; -1: cannot tell yet (\r at the end of the data)
    if (d[i] !== NL0) return 0;
    if (NL_LEN === 1) return 1;
    if (i + 1 >= len) return -1;
    return d[i + 1] === LF ? 1 : 0;
  }

  /** papaparse's check after a closing quote that is not directly followed by the delimiter or newline. */
  function closeAfterSpaces(d: Buffer, q: number, len: number, final: boolean): { kind: 'delim' | 'newline' | 'invalid' | 'incomplete'; at: number } {
    let nextDelim = d.indexOf(DELIM, q + 1);
    if (nextDelim >= len) nextDelim = -1;
    let nextNewline = -1;
    for (let j = d.indexOf(NL0, q + 1); j >= 0 && j < len; j = d.indexOf(NL0, j + 1)) {
      if (NL_LEN === 1 || (j + 1 < len && d[j + 1] === LF)) {
        nextNewline = j;
        break;
      }
      if (j + 1 >= len && !final) return { kind: 'incomplete', at: 0 };
    }
    // with neither in sight yet, more input may decide (papaparse looks again with the next chunk too)
    if (!final && nextDelim === -1 && nextNewline === -1) return { kind: 'incomplete', at: 0 };
    const spaces = (upTo: number) => {
      if (upTo === -1 || upTo <= q + 1) return 0;
      const between = d.toString('utf8', q + 1, upTo);
      return between.trim() === '' ? upTo - (q + 1) : 0;
    };
    const checkUpTo = nextNewline === -1 ? nextDelim : Math.min(nextDelim, nextNewline);
    const s1 = spaces(checkUpTo);
    if (q + 1 + s1 < len && d[q + 1 + s1] === DELIM) return { kind: 'delim', at: q + 1 + s1 };
    const s2 = spaces(nextNewline);
    if (nextNewline !== -1 && q + 1 + s2 === nextNewline) return { kind: 'newline', at: nextNewline };
    if (nextNewline === -1 && !final) return { kind: 'incomplete', at: 0 };
    return { kind: 'invalid', at: 0 };
  }

  /** Parses one record at `pos`; returns where the next one starts, or INCOMPLETE. */
  function record(d: Buffer, pos: number, len: number, final: boolean): number {
    rec.count = 0;
    rec.problem = null;
    let p = pos;
    for (;;) {
      if (p < len && d[p] === QUOTE) {
        let q = p;
        let kind = QUOTED;
        for (;;) {
          q = d.indexOf(QUOTE, q + 1);
          if (q >= len) q = -1;
          if (q === -1) {
            if (!final) return INCOMPLETE;
            // unterminated: the rest of the input, raw (papaparse does not unescape it)
            rec.problem = 'unclosed-quote';
            rec.push(p + 1, len, PLAIN);
            rec.length = len - pos;
            return len;
          }
          if (q === len - 1) {
            if (!final) return INCOMPLETE;
            rec.push(p + 1, q, kind);
            rec.length = len - pos;
            return len;
          }
          const c = d[q + 1]!;
          if (c === QUOTE) {
            kind = ESCAPED;
            q++;
            continue;
          }
          if (c === DELIM) {
            rec.push(p + 1, q, kind);
            p = q + 2;
            break;
          }
          const nl = newlineAt(d, q + 1, len);
          if (nl === 1) {
            rec.push(p + 1, q, kind);
            rec.length = q + 1 - pos;
            return q + 1 + NL_LEN;
          }
          if (nl === -1 && !final) return INCOMPLETE;
          const r = closeAfterSpaces(d, q, len, final);
          if (r.kind === 'incomplete') return INCOMPLETE;
          if (r.kind === 'delim') {
            rec.push(p + 1, q, kind);
            p = r.at + 1;
            break;
          }
          if (r.kind === 'newline') {
            rec.push(p + 1, q, kind);
            rec.length = r.at - pos;
            return r.at + NL_LEN;
          }
          // a stray quote: part of the text; papaparse resumes its search after the next character
          if (rec.problem === null) rec.problem = 'stray-quote';
          q++;
        }
        continue;
      }
      // unquoted: up to the delimiter or the newline
      let i = p;
      for (; i < len; i++) {
        const c = d[i]!;
        if (c === DELIM) break;
        if (c === NL0) {
          if (NL_LEN === 1) break;
          if (i + 1 >= len) {
            if (!final) return INCOMPLETE;
            continue;
          }
          if (d[i + 1] === LF) break;
        }
      }
      if (i >= len) {
        if (!final) return INCOMPLETE;
        rec.push(p, len, PLAIN);
        rec.length = len - pos;
        return len;
      }
      rec.push(p, i, PLAIN);
      if (d[i] === DELIM) {
        p = i + 1;
        continue;
      }
      rec.length = i - pos;
      return i + NL_LEN;
    }
  }

  /** Emits the complete records of `d` from `from` (`d[0]` is at offset `at` of the input); returns where the first incomplete one starts. */
  function emit(d: Buffer, from: number, at: number, final: boolean): number {
    const len = d.length;
    let pos = from;
    rec.buf = d;
    while (pos < len) {
      const next = record(d, pos, len, final);
      if (next === INCOMPLETE) break;
      rec.offset = at + pos;
      rec.offsetInBuf = pos;
      onRecord(rec);
      pos = next;
    }
    return pos;
  }

  /** `d` (at offset `at`) is read up to `pos`: the rest waits for more input. */
  function keep(d: Buffer, pos: number, at: number): void {
    if (pos < d.length) {
      pending = Buffer.from(d.subarray(pos));
      base = at + pos;
      retryAt = pending.length > 1 << 20 ? pending.length * 2 : 0;
    } else {
      pending = null;
      base = at + d.length;
      retryAt = 0;
    }
  }

  function scan(d: Buffer, final: boolean): void {
    const at = base;
    keep(d, emit(d, 0, at, final), at);
  }

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      if (retryAt > 0) {
        extra.push(chunk);
        extraLen += chunk.length;
        if (pending!.length + extraLen < retryAt) return;
        chunk = Buffer.concat(extra, extraLen);
        extra = [];
        extraLen = 0;
        return scan(Buffer.concat([pending!, chunk]), false);
      }
      if (!pending) return scan(chunk, false);
      // The record cut at the end of the last chunk is completed with just enough of this
      // one, joined to it (a few hundred bytes, doubled while it is not enough); the rest of
      // the chunk is scanned where it lies. Joining whole chunks copied the whole file once
      // more, and its garbage (a megabyte a chunk) made the collector run more often.
      let rest = chunk;
      for (let head = joinHead; ; head *= 2) {
        const cut = pending;
        const at = base;
        const h = Math.min(rest.length, head);
        const joined = Buffer.concat([cut, rest.subarray(0, h)]);
        const stop = emit(joined, 0, at, false);
        if (stop >= cut.length) {
          // the next record starts in the chunk itself
          const restAt = at + cut.length;
          return keep(rest, emit(rest, stop - cut.length, restAt, false), restAt);
        }
        if (h === rest.length) return keep(joined, stop, at);
        pending = Buffer.from(joined.subarray(stop));
        base = at + stop;
        rest = rest.subarray(h);
      }
    },
    end() {
      const rest = extraLen > 0 ? Buffer.concat([pending ?? Buffer.alloc(0), ...extra]) : pending;
      extra = [];
      extraLen = 0;
      pending = null;
      if (rest && rest.length > 0) scan(rest, true);
    },
  };
}
