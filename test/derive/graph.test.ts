/**
 * The compact reply network must answer exactly as the graphology graphs it replaced:
 * same nodes in the same order, same edges, degrees, largest component (ties included),
 * centralization and reciprocity; any other graphology method goes to a real graph.
 */
import fc from 'fast-check';
import graphology from 'graphology';
import { connectedComponents } from 'graphology-components';
import type { AbstractGraph as Graph } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derive/index.js';
import { BRAND_NODE, authorDegree, componentCount, coreNumberArray, coreNumbers, largestComponentAuthors, degreeCentralization, largestComponent, reciprocity, replyNetwork } from '../../src/derive/graph.js';
import { POST_AUTHOR } from '../../src/model/dataset.js';
import { build, type Row } from '../helpers/dataset.js';

/** The graphs as graphology builds them: distinct pairs, sorted, merged in that order. */
function reference(ds: ReturnType<typeof build>, d: ReturnType<typeof derive>) {
  const nA = ds.authors.length;
  const BRAND = -1;
  const pairs = new Set<number>();
  const node = (a: number) => (a === POST_AUTHOR || (a >= 0 && d.isBrandAuthor[a]) ? BRAND : a);
  for (let k = 0; k < ds.messages.count; k++) {
    const to = d.target[k]!;
    if (to === -1) continue;
    const from = node(ds.messages.author[k]!);
    const target = node(to);
    if (from === target) continue;
    if (from !== BRAND && !d.isMemberAuthor[from]) continue;
    if (target !== BRAND && !d.isMemberAuthor[target]) continue;
    pairs.add((from + 1) * (nA + 1) + (target + 1));
  }
  const members: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const withBrand: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const directed: Graph = new graphology.DirectedGraph({ allowSelfLoops: false });
  const name = (x: number) => (x === BRAND ? BRAND_NODE : String(x));
  for (const key of [...pairs].sort((x, y) => x - y)) {
    const from = Math.floor(key / (nA + 1)) - 1;
    const to = (key % (nA + 1)) - 1;
    withBrand.mergeEdge(name(from), name(to));
    if (from !== BRAND && to !== BRAND) {
      members.mergeEdge(name(from), name(to));
      directed.mergeEdge(name(from), name(to));
    }
  }
  return { members, withBrand, directed };
}

/** The same measures computed the graphology way, on the reference graphs. */
function largestRef(g: Graph, firstSeen?: (v: string) => number): string[] {
  let best: string[] = [];
  let bestFirst = Infinity;
  for (const c of connectedComponents(g)) {
    let first = Infinity;
    for (const v of c) {
      const f = firstSeen ? firstSeen(v) : Number(v);
      if (f < first) first = f;
    }
    if (c.length > best.length || (c.length === best.length && first < bestFirst)) {
      best = c;
      bestFirst = first;
    }
  }
  return best;
}

const rowsArb = fc.array(fc.record({ author: fc.integer({ min: 0, max: 14 }), parent: fc.option(fc.nat(), { nil: undefined }) }), { minLength: 1, maxLength: 60 }).map((list) =>
  list.map((r, i): Row => ({ id: `m${i}`, author: r.author === 0 ? 'brand' : `u${r.author}`, at: i, ...(r.parent !== undefined && i > 0 ? { parent: `m${r.parent % i}` } : {}) })),
);

describe('reply network', () => {
  it('answers as graphology does, on any reply pattern', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const ds = build(rows, { brand: ['brand'] });
        const d = derive(ds);
        const net = replyNetwork(ds, d);
        const ref = reference(ds, d);
        for (const name of ['members', 'withBrand', 'directed'] as const) {
          const g = net[name];
          const r = ref[name];
          expect(g.order).toBe(r.order);
          expect(g.size).toBe(r.size);
          const nodes: string[] = [];
          g.forEachNode((n) => void nodes.push(n));
          expect({ name, nodes }).toEqual({ name, nodes: r.nodes() });
          for (const n of nodes) expect(g.degree(n)).toBe(r.degree(n));
          // the edge set is dropped once built and remade on demand: every pair asked either way
          for (const u of nodes) for (const v of nodes) expect(g.hasEdge(u, v), `${u}-${v}`).toBe(r.hasEdge(u, v));
          const edges: string[] = [];
          g.forEachEdge((_e, _a, s, t) => void edges.push(`${s}>${t}`));
          expect(edges).toEqual(r.mapEdges((_e, _a, s, t) => `${s}>${t}`));
          expect(largestComponent(g)).toEqual(largestRef(r));
          const firstSeen = (v: string) => (v === BRAND_NODE ? -1 : ds.messages.count - Number(v));
          expect(largestComponent(g, firstSeen)).toEqual(largestRef(r, firstSeen));
          expect(componentCount(g)).toBe(connectedComponents(r).filter((c) => c.length >= 2).length);
          // the real graphology graph takes the graphology-metrics path
          expect(degreeCentralization(g)).toBe(degreeCentralization(r));
          expect([...coreNumbers(g)]).toEqual([...coreNumbers(r)]);
          expect([...coreNumberArray(g)]).toEqual([...coreNumbers(r).values()]);
          if (name === 'members') {
            // the integer forms the detectors use: the same group (in node order), the same degrees
            const first = Array.from({ length: ds.authors.length }, (_, a) => (a * 7) % 5);
            const ids = largestComponentAuthors(g, first);
            expect(ids).toEqual(r.nodes().map(Number).filter((a) => ids.includes(a)));
            expect([...ids].sort((x, y) => x - y)).toEqual(largestRef(r, (v) => first[Number(v)]!).map(Number).sort((x, y) => x - y));
            for (let a = 0; a < ds.authors.length; a++) expect(authorDegree(g, a)).toBe(r.hasNode(String(a)) ? r.degree(String(a)) : 0);
          }
          const neighbors = nodes.map((n) => g.neighbors(n));
          expect(neighbors).toEqual(nodes.map((n) => r.neighbors(n)));
        }
        expect(reciprocity(net.directed)).toBe(reciprocity(ref.directed));
        // a copy takes more links, as graphology's copy does
        const copy = net.directed.copy();
        const refCopy = ref.directed.copy();
        for (let k = 0; k + 1 < ds.authors.length; k += 2) {
          copy.mergeEdge(String(k + 1), String(k));
          refCopy.mergeEdge(String(k + 1), String(k));
        }
        expect(copy.size).toBe(refCopy.size);
        expect(reciprocity(copy)).toBe(reciprocity(refCopy));
      }),
      { numRuns: 400 },
    );
  });

  it('falls back to a real graphology graph for other methods', () => {
    const ds = build([
      { id: 'a', author: 'ann', at: 0 },
      { id: 'b', author: 'bob', at: 1, parent: 'a' },
      { id: 'c', author: 'cid', at: 2, parent: 'b' },
    ]);
    const net = replyNetwork(ds, derive(ds));
    expect(net.members.nodes()).toEqual(['1', '0', '2']);
    expect(net.members.neighbors('1').sort()).toEqual(['0', '2']);
    expect(net.members.inspect()).toBeDefined();
    expect(connectedComponents(net.members).length).toBe(1);
  });
});
