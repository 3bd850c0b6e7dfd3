/** The regex-free reading of plain ISO dates must give what the general reader gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDateColumn, plainIsoBytes, utc, utcByDate } from '../../src/load/dates.js';

const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
const iso = fc
  .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two, two, fc.constantFrom('T', ' ', 't', '_'), two, two, two, fc.constantFrom('', 'Z', 'z', '+02:00', '.5'))
  .map(([y, mo, d, sep, h, mi, s, z]) => `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${z}`);

describe('plain ISO dates', () => {
  it('read the same with and without the fast path (padding forces the general reader)', () => {
    fc.assert(
      fc.property(iso, (s) => {
        const col = createDateColumn();
        expect(col.parse(s)).toEqual(col.parse(` ${s} `));
      }),
      { numRuns: 5000 },
    );
  });

  it('reject dates that are not in the calendar', () => {
    expect(createDateColumn().parse('2024-02-30T10:00:00Z')).toBeNull();
    expect(createDateColumn().parse('2024-02-29T10:00:00Z')).toEqual({ t: Date.UTC(2024, 1, 29, 10) });
  });

  it('read on bytes give what the string reader gives', () => {
    const any = fc.oneof(iso, fc.string({ maxLength: 22 }), iso.map((s) => s.replace(/\d/, '٣')), iso.map((s) => s + 'é'));
    fc.assert(
      fc.property(any, fc.constantFrom<Parameters<typeof createDateColumn>[0]>(undefined, 'iso', 'dmy', 'epoch-s'), (s, forced) => {
        const b = Buffer.from('  ' + s);
        expect(createDateColumn(forced).parseBytes(b, 2, b.length)).toEqual(createDateColumn(forced).parse(s));
        const plain = plainIsoBytes(b, 2, b.length);
        if (plain !== undefined) expect(createDateColumn().parse(s)).toEqual(Number.isNaN(plain) ? null : { t: plain });
      }),
      { numRuns: 5000 },
    );
  });
});

describe('calendar arithmetic', () => {
  it('gives what Date gives: leap years, 31/02, 23:59:60, offsets, years 0 to 9999', () => {
    const n = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(n(9999), n(13), n(32), n(24), n(60), n(61), n(999), fc.integer({ min: -900, max: 900 }), (y, mo, d, h, mi, s, ms, off) => {
        expect(utc(y, mo, d, h, mi, s, ms, off)).toBe(utcByDate(y, mo, d, h, mi, s, ms, off));
      }),
      { numRuns: 50000 },
    );
    for (const [y, mo, d] of [[2000, 2, 29], [1900, 2, 29], [2024, 2, 29], [2023, 2, 29], [0, 1, 1], [99, 12, 31], [2024, 4, 31]] as const) {
      expect(utc(y, mo, d, 23, 59, 60, 500, 0)).toBe(utcByDate(y, mo, d, 23, 59, 60, 500, 0));
    }
    expect(utc(2024, 1, 1, 0, 0, 0, 0.5, 0)).toBe(utcByDate(2024, 1, 1, 0, 0, 0, 0.5, 0));
    expect(utc(2024, 1, Number.NaN, 0, 0, 0, 0, 0)).toBeNaN();
  });
});
