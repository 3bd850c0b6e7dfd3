/**
 * The reply network, as graphology graphs: who answers whom among members, and the same
 * network with the brand as one node. Built once, on first use, and shared.
 */
import graphology from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { connectedComponents } from 'graphology-components';
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

export function replyNetwork(ds: Dataset, d: Derived): ReplyNetwork {
  const hit = cache.get(d);
  if (hit) return hit;
  const members: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const withBrand: Graph = new graphology.UndirectedGraph({ allowSelfLoops: false });
  const directed: Graph = new graphology.DirectedGraph({ allowSelfLoops: false });
  const m = ds.messages;
  const node = (a: number) => (a === POST_AUTHOR || d.isBrandAuthor[a] ? BRAND_NODE : String(a));
  for (let k = 0; k < m.count; k++) {
    const a = m.author[k]!;
    const to = d.target[k]!;
    if (to === NO_TARGET) continue;
    const from = node(a);
    const target = node(to);
    if (from === target) continue;
    const fromMember = from !== BRAND_NODE && d.isMemberAuthor[a] === 1;
    const toMember = target !== BRAND_NODE && d.isMemberAuthor[to] === 1;
    if (!(fromMember || from === BRAND_NODE) || !(toMember || target === BRAND_NODE)) continue;
    withBrand.mergeEdge(from, target);
    if (fromMember && toMember) {
      members.mergeEdge(from, target);
      directed.mergeEdge(from, target);
    }
  }
  const net = { members, withBrand, directed };
  cache.set(d, net);
  return net;
}

/** Freeman's degree centralization: 1 for a star (one hub), 0 when every node has the same degree. */
export function degreeCentralization(g: Graph): number {
  const n = g.order;
  if (n < 3) return 0;
  let max = 0;
  let sum = 0;
  g.forEachNode((node) => {
    const deg = g.degree(node);
    sum += deg;
    if (deg > max) max = deg;
  });
  return (n * max - sum) / ((n - 1) * (n - 2));
}

export function largestComponent(g: Graph): string[] {
  let best: string[] = [];
  for (const c of connectedComponents(g)) if (c.length > best.length || (c.length === best.length && c.join() < best.join())) best = c;
  return best;
}

/** Share of directed member→member links answered the other way. */
export function reciprocity(g: Graph): number {
  if (g.size === 0) return 0;
  let mutual = 0;
  g.forEachEdge((_e, _attr, source, target) => {
    if (g.hasDirectedEdge(target, source)) mutual++;
  });
  return mutual / g.size;
}
