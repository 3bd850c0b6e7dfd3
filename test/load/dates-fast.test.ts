/** The regex-free reading of plain ISO dates must give what the general reader gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDateColumn } from '../../src/load/dates.js';

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
});
