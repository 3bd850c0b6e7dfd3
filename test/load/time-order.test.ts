/** The radix time order against the ranking one (the general way, and the reference). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderByRadix, orderByRank, orderByTime } from '../../src/load/time-order.js';

const base = Date.UTC(2024, 0, 1);
const time = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map((s) => base + s * 1000),
  fc.integer({ min: 0, max: 2 ** 40 }).map((ms) => base + ms),
  fc.integer({ min: -(2 ** 47), max: 2 ** 47 }).map((ms) => 2 ** 47 + ms),
  fc.constantFrom(base, base + 0.5, -1000, 0, 2 ** 49),
);

describe('time order', () => {
  it('puts messages in time order, equal times in the order given, as the ranking does', () => {
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), fc.boolean(), (times, subset) => {
        const t = Float64Array.from(times);
        const idx = Int32Array.from(times.map((_, i) => i).filter((i) => !subset || i % 3 !== 0));
        const expected = orderByRank(idx, t);
        expect(orderByTime(idx, t)).toEqual(expected);
        const radix = orderByRadix(idx, t);
        if (radix) expect(radix).toEqual(expected);
        else {
          const ts = [...idx].map((i) => t[i]!);
          expect(ts.some((x) => !Number.isInteger(x)) || Math.max(...ts) - Math.min(...ts) >= 2 ** 48).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts 300,000 times of a year in whole seconds', () => {
    const m = 300_000;
    const t = new Float64Array(m);
    let seed = 1;
    for (let i = 0; i < m; i++) t[i] = base + ((seed = (seed * 48271) % 2147483647) % 31_536_000) * 1000;
    const idx = Int32Array.from({ length: m }, (_, i) => i);
    expect(orderByRadix(idx, t)).toEqual(orderByRank(idx, t));
  });
});
