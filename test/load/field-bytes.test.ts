/**
 * Each step of the byte path against the string step it replaces: trimmed fields, UTF-8
 * validity, like counts, leading mentions, the text hash.
 */
import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, createCsvScanner } from '../../src/load/csv-scan.js';
import { ByteRange, leadingMentionBytes, mentionPrefix, plainCount, readTrimmed, utf8Kind } from '../../src/load/field-bytes.js';
import { parseReactions, valueHash } from '../../src/load/formats/csv.js';
import { leadingMention } from '../../src/load/text.js';

/** Strings made of what trimming, quoting and decoding care about. */
const piece = fc.constantFrom(' ', '\t', '\u00a0', '\u202f', '\u2003', '\u2028', '\u3000', '\ufeff', '\u1680', '\u205f', '\u180e', '\u0085', '’', 'é', 'e\u0301', '😀', '👋🏽', '"', ',', '\n', 'a', 'Z', '@', '.', '-', '_', '1', 'Ü', '名', '𝐀', '\u200b', 'x');
const cellText = fc.oneof(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));
/** bytes that are not all UTF-8: a Latin-1 é, a cut sequence, an encoded surrogate, a lone continuation */
const raw = fc.constantFrom([0xe9], [0xc3], [0xe2, 0x80], [0xa0], [0xed, 0xa0, 0x80], [0xc2, 0xa0], [0xef, 0xbb, 0xbf], [0xe3, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xc0, 0xaf]);
const cellBytes = fc.oneof(
  { weight: 3, arbitrary: cellText.map((s) => Buffer.from(s)) },
  { weight: 1, arbitrary: fc.tuple(cellText, raw, cellText).map(([a, r, b]) => Buffer.concat([Buffer.from(a), Buffer.from(r), Buffer.from(b)])) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map((a) => Buffer.from(a)) },
);

/** Runs `f` on the first field of a one-record CSV holding `cell`, quoted (with "" escapes) or not. */
function withField<T>(cell: Buffer, quoted: boolean, f: (r: CsvRecord) => T): T {
  const escaped = Buffer.from(cell.toString('latin1').replace(/"/g, '""'), 'latin1');
  const line = quoted ? Buffer.concat([Buffer.from('"'), escaped, Buffer.from('",x')]) : Buffer.concat([cell.filter((c) => c !== 0x2c && c !== 0x0a && c !== 0x0d), Buffer.from(',x')]);
  let out: T | undefined;
  let seen = false;
  const scanner = createCsvScanner(',', '\n', (r) => {
    if (!seen) out = f(r);
    seen = true;
  });
  scanner.push(line);
  scanner.end();
  return out as T;
}

describe('readTrimmed', () => {
  it('gives the bytes of r.get(i).trim(), on the record or re-encoded', () => {
    fc.assert(
      fc.property(cellBytes, fc.boolean(), (cell, quoted) => {
        withField(cell, quoted, (r) => {
          const range = new ByteRange();
          readTrimmed(r, 0, range);
          expect(range.toString()).toBe(r.get(0).trim());
          expect(Buffer.from(range.buf.subarray(range.start, range.end))).toEqual(Buffer.from(r.get(0).trim(), 'utf8'));
        });
      }),
      { numRuns: 20000 },
    );
  });

  it('makes equal ranges exactly for equal values (bytes compare as strings do)', () => {
    fc.assert(
      fc.property(cellBytes, cellBytes, fc.boolean(), fc.boolean(), (a, b, qa, qb) => {
        const [ra, sa] = withField(a, qa, (r) => {
          const x = new ByteRange();
          readTrimmed(r, 0, x);
          const own = new ByteRange();
          own.assign(x);
          return [own, r.get(0).trim()] as const;
        });
        const [rb, sb] = withField(b, qb, (r) => {
          const x = new ByteRange();
          readTrimmed(r, 0, x);
          return [x.toString(), r.get(0).trim()] as const;
        });
        const other = new ByteRange();
        other.setString(rb);
        expect(ra.equals(other)).toBe(sa === sb);
      }),
      { numRuns: 10000 },
    );
  });
});

describe('utf8Kind', () => {
  it('says what buffer.isUtf8 says, and whether every byte is ASCII', () => {
    fc.assert(
      fc.property(cellBytes, (b) => {
        const kind = utf8Kind(b, 0, b.length);
        expect(kind >= 0).toBe(isUtf8(b));
        expect(kind === 0).toBe(b.every((c) => c < 0x80));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('plainCount', () => {
  it('reads digits as parseReactions does, and leaves anything else to it', () => {
    const value = fc.oneof(fc.stringMatching(/^[0-9]{0,18}$/), fc.constantFrom('1 234', '1,2k', '-3', '2e3', '٣', '12a'), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(value, (v) => {
        const r = new ByteRange();
        r.setString(v);
        const fast = plainCount(r);
        if (fast !== undefined) expect(fast).toBe(parseReactions(v));
        else expect(v === '' || v.length > 15 || /[^0-9]/.test(v)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('leading mentions on bytes', () => {
  // U+00C0–U+00FF are normalized on the bytes by a table: every one of them, among the others
  const latin = fc.integer({ min: 0xc0, max: 0xff }).map((c) => String.fromCharCode(c));
  const other = fc.constantFrom('a', 'B', 'z', '0', '_', '.', '-', 'é', 'Ü', 'e\u0301', '名', '𝐀', '😀', '’', ' ', '\u00a0', '"', '@', 'ǅ', 'ﬁ', '\u200b', 'ª', 'µ', 'Ā');
  const name = fc.array(fc.oneof({ weight: 3, arbitrary: other }, { weight: 1, arbitrary: latin }), { maxLength: 60 }).map((a) => a.join(''));
  const text = fc.oneof(
    fc.tuple(fc.constantFrom('', ' ', '  ', '\t', '\u00a0', '\u2003 ', ' '.repeat(97), ' '.repeat(99), '\ufeff'), name, fc.string({ maxLength: 10 })).map(([s, n, rest]) => `${s}@${n}${rest}`),
    fc.string({ unit: 'grapheme', maxLength: 60 }),
  );
  const textBytes = fc.oneof({ weight: 4, arbitrary: text.map((s) => Buffer.from(s)) }, { weight: 1, arbitrary: fc.tuple(text, raw, text).map(([a, r, b]) => Buffer.concat([Buffer.from(a), Buffer.from(r), Buffer.from(b)])) });

  it('find what leadingMention finds in the decoded text, or leave it to it', () => {
    fc.assert(
      fc.property(textBytes, fc.boolean(), (cell, quoted) => {
        withField(cell, quoted, (r) => {
          const out = new ByteRange();
          const found = leadingMentionBytes(r.buf, r.start(0), r.start(0) + r.size(0), out);
          const expected = leadingMention(r.get(0));
          if (found === 1) expect(out.toString()).toBe(expected);
          if (found === 0) expect(expected).toBeUndefined();
          // the string way, on the prefix the reader decodes
          expect(leadingMention(mentionPrefix(r, 0))).toBe(expected);
        });
      }),
      { numRuns: 20000 },
    );
  });

  it('read long texts from a prefix of their bytes', () => {
    for (const text of ['@Zoé ' + 'é'.repeat(500), '   @bob.martin ' + '😀'.repeat(300), '"@x" ' + '"'.repeat(900), '@' + 'ü'.repeat(200)]) {
      withField(Buffer.from(text), true, (r) => {
        expect(mentionPrefix(r, 0).length).toBeLessThan(r.get(0).length);
        expect(leadingMention(mentionPrefix(r, 0))).toBe(leadingMention(r.get(0)));
      });
    }
  });
});

describe('the text hash', () => {
  it('is the same for the same value, however it was quoted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[,\n\r]/.test(s) && !s.startsWith('"')), (v) => {
        const plain = withField(Buffer.from(v), false, (r) => valueHash(r, 0));
        const quoted = withField(Buffer.from(v), true, (r) => valueHash(r, 0));
        expect(quoted).toBe(plain);
      }),
      { numRuns: 5000 },
    );
  });

  it('tells different values apart', () => {
    const hashes = new Set<number>();
    const values = ['', 'a', 'a\u0000', 'ab', 'abc', 'abcd', 'abcde', 'a"b', 'merci', 'Merci', 'merci ', 'merci !'];
    for (const v of values) hashes.add(withField(Buffer.from(v), true, (r) => valueHash(r, 0)));
    expect(hashes.size).toBe(values.length);
  });
});
