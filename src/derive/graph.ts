/**
 * The reply network, as graphology graphs: who answers whom among members, and the same
 * network with the brand as one node. Built once, on first use, and shared.
 *
 * Measures come from graphology's packages where they exist (connected components,
 * degree centrality); reciprocity and the k-core decomposition are a few lines over the
 * same graphs, as no package offers them.
 */
import graphology from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { connectedComponents } from 'graphology-components';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { NO_TARGET, POST_AUTHOR, type Dataset } from '../model/dataset.js';
import type { Derived } from './index.js';

export interface ReplyNetwork {
  /** undirected, members only; node = author index as a string */
  members: Graph;
  /** undirected, members plus one `brand` node standing for every brand account */
  withBrand: Graph;
  /** directed member→member edges, for reciprocity */
  directed: Graph;
}

const cache = new WeakMap<Derived, ReplyNetwork>();
export const BRAND_NODE = 'brand';
const BRAND = -1;

export function replyNetwork(ds: Dataset, d: Derived): ReplyNetwork {
  const hit = cache.get(d);
  if (hit) return hit;
  // distinct directed pairs first, as numbers: people answer the same people again and
  // again, so the graphs are built from far fewer edges than there are replies
  const nA = ds.authors.length;
  const pairs = new Set<number>();
  const m = ds.messages;
  const node = (a: number) => (a === POST_AUTHOR || (a >= 0 && d.isBrandAuthor[a]) ? BRAND : a);
  for (let k = 0; k < m.count; k++) {
    const to = d.target[k]!;
    if (to === NO_TARGET) continue;
    const a = m.author[k]!;
    const from = node(a);
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
  const net = { members, withBrand, directed };
  cache.set(d, net);
  return net;
}

/**
 * Freeman's degree centralization, from graphology's normalized degree centrality:
 * 1 for a star (one hub everybody talks through), 0 when every node has the same degree.
 */
export function degreeCentralization(g: Graph): number {
  const n = g.order;
  if (n < 3) return 0;
  const c = degreeCentrality(g);
  let max = 0;
  for (const v of Object.values(c)) if (v > max) max = v;
  let sum = 0;
  for (const v of Object.values(c)) sum += max - v;
  // the star's sum is (n - 1) · (1 - 1/(n - 1)) = n - 2
  return Math.min(1, Math.max(0, sum / (n - 2)));
}

/**
 * The largest connected component. Ties go to the component whose earliest member wrote
 * first (author indices follow names, so a tie broken on them would change with a rename).
 */
export function largestComponent(g: Graph, firstSeen?: (node: string) => number): string[] {
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

/** The number of connected components with at least two people. */
export function componentCount(g: Graph): number {
  return connectedComponents(g).filter((c) => c.length >= 2).length;
}

/** Share of directed member→member links answered the other way (1 = every link is mutual). */
export function reciprocity(g: Graph): number {
  if (g.size === 0) return 0;
  let mutual = 0;
  g.forEachEdge((_e, _attr, source, target) => {
    if (g.hasDirectedEdge(target, source)) mutual++;
  });
  return mutual / g.size;
}

/**
 * The k-core decomposition (Batagelj–Zaversnik): each node's core number, the largest k
 * such that the node belongs to a subgraph where everyone has at least k neighbours.
 * Linear in the number of edges, with bucket queues.
 */
export function coreNumbers(g: Graph): Map<string, number> {
  const nodes = g.nodes();
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((v, i) => index.set(v, i));
  const deg = new Int32Array(n);
  let maxDeg = 0;
  for (let i = 0; i < n; i++) {
    deg[i] = g.degree(nodes[i]!);
    if (deg[i]! > maxDeg) maxDeg = deg[i]!;
  }
  // nodes sorted by degree, with the start of each degree's bucket
  const bin = new Int32Array(maxDeg + 2);
  for (let i = 0; i < n; i++) bin[deg[i]!]!++;
  let start = 0;
  for (let k = 0; k <= maxDeg; k++) {
    const count = bin[k]!;
    bin[k] = start;
    start += count;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pos[i] = bin[deg[i]!]!;
    vert[pos[i]!] = i;
    bin[deg[i]!]!++;
  }
  for (let k = maxDeg; k >= 1; k--) bin[k] = bin[k - 1]!;
  bin[0] = 0;
  for (let j = 0; j < n; j++) {
    const v = vert[j]!;
    g.forEachNeighbor(nodes[v]!, (u) => {
      const ui = index.get(u)!;
      if (deg[ui]! > deg[v]!) {
        const du = deg[ui]!;
        const pu = pos[ui]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (ui !== w) {
          pos[ui] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = ui;
        }
        bin[du]!++;
        deg[ui]!--;
      }
    });
  }
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) out.set(nodes[i]!, deg[i]!);
  return out;
}

/** The largest k with a non-empty k-core (0 for a graph without edges). */
export function degeneracy(cores: Map<string, number>): number {
  let max = 0;
  for (const k of cores.values()) if (k > max) max = k;
  return max;
}
