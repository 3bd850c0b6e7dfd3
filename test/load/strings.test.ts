/** The compact tables of loading against plain JS Maps and strings. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteKeys, SeenIds, StringColumn } from '../../src/load/strings.js';

const key = fc.oneof(fc.constantFrom('', 'a', 'A', 'é', 'e\u0301', '😀', '\ud800', 'x\udfffy', '\ud83d\ude00'), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.nat({ max: 5000 }).map(String));

describe('ByteKeys', () => {
  it('numbers keys as a Map per group would, by string or by bytes, through growth', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 3 }), key, fc.boolean()), { maxLength: 3000 }), (ops) => {
        const keys = new ByteKeys();
        const ref = new Map<string, number>();
        for (const [group, k, asBytes] of ops) {
          const name = group + '\u0000' + k;
          const known = ref.get(name);
          // bytes say a well-formed string only
          const bytes = asBytes && !/\p{Cs}/u.test(k);
          const b = Buffer.from('xx' + k);
          const i = bytes ? keys.intern(group, b, 2, b.length) : keys.internString(group, k);
          expect(keys.added).toBe(known === undefined);
          if (known === undefined) ref.set(name, i);
          else expect(i).toBe(known);
          expect(keys.get(i)).toBe(k);
          expect(keys.group(i)).toBe(group);
        }
        expect(keys.length).toBe(ref.size);
      }),
      { numRuns: 200 },
    );
  });

  it('holds a hundred thousand keys', () => {
    const keys = new ByteKeys();
    for (let i = 0; i < 100_000; i++) expect(keys.internString(i % 3, 'user' + i)).toBe(i);
    for (let i = 0; i < 100_000; i += 997) {
      const b = Buffer.from('user' + i);
      expect(keys.intern(i % 3, b, 0, b.length)).toBe(i);
      expect(keys.equalsBytes(i, b, 0, b.length)).toBe(true);
      expect(keys.get(i)).toBe('user' + i);
    }
  });
});

describe('StringColumn', () => {
  it('stores bytes as the strings they decode to, and drops the last entry', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.boolean(), fc.boolean()), { maxLength: 200 }), (ops) => {
        const col = new StringColumn(4);
        const ref: string[] = [];
        for (const [s, asBytes, undo] of ops) {
          const b = Buffer.from('"' + s);
          if (asBytes) col.addBytes(b, 1, b.length);
          else col.add(s);
          ref.push(s);
          if (undo) {
            col.removeLast();
            ref.pop();
          }
        }
        expect(col.length).toBe(ref.length);
        ref.forEach((s, i) => {
          expect(col.get(i)).toBe(s);
          expect(col.equals(i, s)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('SeenIds', () => {
  it('finds the first message of each (source, id), by string, entry or another column; a replaced first stays found', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 2 }), fc.constantFrom('1', '2', 'é', 'abc', '', 'x'.repeat(20), '😀', '\ud800')), { maxLength: 400 }), fc.nat({ max: 100 }), (rows, reserve) => {
        const ids = new StringColumn();
        const sources = new Uint16Array(rows.length);
        const seen = new SeenIds(ids, () => sources);
        seen.reserve(reserve);
        const first = new Map<string, number>();
        rows.forEach(([src, id], i) => {
          ids.add(id);
          sources[i] = src;
          const k = src + '\u0000' + id;
          const found = seen.findEntry(src, i);
          expect(found).toBe(first.get(k) ?? -1);
          if (found < 0) {
            seen.insert(i, src);
            first.set(k, i);
          }
        });
        const parents = new StringColumn();
        for (const [k, i] of first) {
          const [src, id] = [Number(k.split('\u0000')[0]), k.slice(k.indexOf('\u0000') + 1)];
          expect(seen.find(src, id)).toBe(i);
          parents.add(id);
          expect(seen.findColumnEntry(src, parents, parents.length - 1)).toBe(i);
        }
        // a later message with the same id takes the first's place
        rows.forEach(([src, id], i) => {
          const k = src + '\u0000' + id;
          if (first.get(k)! < i) {
            seen.replace(first.get(k)!, i);
            first.set(k, i);
            expect(seen.find(src, id)).toBe(i);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('permuted: entry k is entry order[k], wide strings and empty entries included', () => {
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 200 }).chain((keys) => fc.tuple(fc.constant(keys), fc.array(fc.nat({ max: Math.max(0, keys.length - 1) }), { maxLength: keys.length === 0 ? 0 : 300 }))),
        ([keys, order]) => {
          const col = new StringColumn(4);
          for (const k of keys) col.add(k);
          const p = col.permuted(Int32Array.from(order));
          expect(p.length).toBe(order.length);
          order.forEach((o, k) => {
            expect(p.get(k)).toBe(keys[o]);
            expect(p.isEmpty(k)).toBe(keys[o] === '');
            expect(p.hash(k, 3)).toBe(col.hash(o, 3));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
