import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from '../../src/derive/pair-table.js';

describe('PairTable', () => {
  it('holds what a Map keyed by the pair holds, values and marks kept as it grows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40), fc.integer()), { maxLength: 400 }), fc.nat(50), (adds, expected) => {
        const table = new PairTable(expected);
        const map = new Map<string, { value: number; mark: number }>();
        for (const [x, y, v] of adds) {
          const s = table.add(x, y);
          const key = `${x},${y}`;
          expect(table.added).toBe(!map.has(key));
          if (table.added) {
            table.value[s] = v;
            map.set(key, { value: v, mark: 0 });
          } else if (v % 3 === 0) {
            table.mark[s] = 1;
            map.get(key)!.mark = 1;
          }
          expect(table.size * 2).toBeLessThanOrEqual(table.capacity);
        }
        expect(table.size).toBe(map.size);
        const held = new Map<string, { value: number; mark: number }>();
        for (let s = 0; s < table.capacity; s++) if (table.first[s] !== -1) held.set(`${table.first[s]},${table.second[s]}`, { value: table.value[s]!, mark: table.mark[s]! });
        expect(held).toEqual(map);
        for (const [x, y] of adds) expect(table.has(y, x)).toBe(map.has(`${y},${x}`));
        // a set of pairs (no payload) holds the same pairs
        const set = new PairTable(expected, false);
        for (const [x, y] of adds) set.add(x, y);
        expect(set.size).toBe(map.size);
        for (const [x, y] of adds) expect([set.has(x, y), set.has(y, x)]).toEqual([true, map.has(`${y},${x}`)]);
      }),
      { numRuns: 300 },
    );
  });
});
