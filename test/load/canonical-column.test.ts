import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalColumn } from '../../src/load/builder.js';

/** The copy finish made before putting columns in order in place: entry k = entry order[k]. */
function gather(a: Float64Array, order: Int32Array, count: number): Float64Array {
  const to = new Float64Array(count);
  for (let k = 0; k < count; k++) to[k] = a[order[k]!]!;
  return to;
}

describe('canonicalColumn', () => {
  it('puts a column in order in its own buffer as a copy would, whatever room the column has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true }), { minLength: 1, maxLength: 200 }).chain((values) =>
          fc.record({
            values: fc.constant(values),
            // the kept entries (--since/--until may drop some), in their new order
            order: fc.shuffledSubarray(values.map((_, i) => i)),
            room: fc.nat(300),
          }),
        ),
        ({ values, order, room }) => {
          const count = order.length;
          const column = new Float64Array(values.length + room);
          column.set(values);
          const ord = Int32Array.from(order);
          const expected = gather(column, ord, count);
          const got = canonicalColumn(column, ord, new ArrayBuffer(8 * count));
          expect(got.length).toBe(count);
          expect(Array.from(got)).toEqual(Array.from(expected));
        },
      ),
    );
  });
});
