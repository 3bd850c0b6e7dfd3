import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDatasetBuilder } from '../../src/load/builder.js';

/**
 * Text handles are kept as Uint32 while loading and switch to Float64 at the first handle
 * that does not fit (a file over 4 GiB): every message's excerpt must be read back from its
 * own handle either way, and a message given no handle has none.
 */
describe('text handles while loading', () => {
  const T0 = Date.UTC(2024, 0, 1);
  const build = (handles: (number | null)[]) => {
    const b = createDatasetBuilder();
    const src = b.addSource({ file: 'x.csv', format: 'test', kind: 'chat', platform: 'forum', links: 'parent', reread: (h) => `text ${h}` });
    handles.forEach((h, i) => {
      b.addMessage(src, { id: `m${i}`, authorKey: `a${i % 3}`, createdAt: T0 + i * 60_000, text: h === null ? `eager ${i}` : '', line: i + 2, ...(h === null ? {} : { textHandle: h }) });
    });
    return b.finish();
  };
  const expected = (handles: (number | null)[]) => handles.map((h, i) => (h === null ? `eager ${i}` : `text ${h}`));

  it('reads every text back, under and over 4 GiB, with and without handles', () => {
    const handles = [0, 12, null, 2 ** 32 - 2, 2 ** 32 - 1, 2 ** 32 + 7, 5e12, 99, null];
    const ds = build(handles);
    expect(handles.map((_, k) => ds.excerpt(k))).toEqual(expected(handles));
  });

  it('agrees with the handles given, for any mix (property)', () => {
    const handle = fc.oneof(fc.constant(null), fc.nat(1000), fc.integer({ min: 2 ** 32 - 3, max: 2 ** 32 + 3 }), fc.nat({ max: 2 ** 40 }));
    fc.assert(
      fc.property(fc.array(handle, { minLength: 1, maxLength: 3000 }), (handles) => {
        const ds = build(handles);
        expect(handles.map((_, k) => ds.excerpt(k))).toEqual(expected(handles));
      }),
      { numRuns: 40 },
    );
  });
});
