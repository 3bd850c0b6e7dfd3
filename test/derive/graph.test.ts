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
import { BRAND_NODE, degreeCentralization, largestComponent, reciprocity, replyNetwork } from '../../src/derive/graph.js';
import { POST_AUTHOR } from '../../src/model/dataset.js';
import { build, type Row } from '../helpers/dataset.js';

/** The graphs as they were built before: graphology, one mergeEdge per reply. */
function reference(ds: ReturnType<typeof build>, d: ReturnType<typeof derive>) {
  const members: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const withBrand: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const directed: Graph = new graphology.DirectedGraph({ allowSelfLoops: false });
  const node = (a: number) => (a === POST_AUTHOR || d.isBrandAuthor[a] ? BRAND_NODE : String(a));
  for (let k = 0; k < ds.messages.count; k++) {
    const a = ds.messages.author[k]!;
    const to = d.target[k]!;
    if (to === -1) continue;
    const from = node(a);
    const target = node(to);
    if (from === target) continue;
    const fm = from !== BRAND_NODE && d.isMemberAuthor[a] === 1;
    const tm = target !== BRAND_NODE && d.isMemberAuthor[to] === 1;
    if (!(fm || from === BRAND_NODE) || !(tm || target === BRAND_NODE)) continue;
    withBrand.mergeEdge(from, target);
    if (fm && tm) {
      members.mergeEdge(from, target);
      directed.mergeEdge(from, target);
    }
  }
  return { members, withBrand, directed };
}

function largestRef(g: Graph): string[] {
  let best: string[] = [];
  for (const c of connectedComponents(g)) if (c.length > best.length || (c.length === best.length && c.join() < best.join())) best = c;
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
          const edges: string[] = [];
          g.forEachEdge((_e, _a, s, t) => void edges.push(`${s}>${t}`));
          expect(edges).toEqual(r.mapEdges((_e, _a, s, t) => `${s}>${t}`));
          expect(largestComponent(g)).toEqual(largestRef(r));
          expect(degreeCentralization(g)).toBeCloseTo(degreeCentralization(r), 12);
        }
        expect(reciprocity(net.directed)).toBe(reciprocity(ref.directed));
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
    expect(connectedComponents(net.members).length).toBe(1);
  });
});
