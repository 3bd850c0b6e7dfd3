/**
 * The network view as first written (src/derive/charts.ts): a map entry per pair of nodes
 * over every reply, every linked member sorted. Kept as the reference for the two-pass
 * version.
 */
import { type Dataset, NO_TARGET, POST_AUTHOR } from '../../src/model/dataset.js';
import type { Derived } from '../../src/derive/index.js';
import type { NetworkView } from '../../src/derive/charts.js';

const BRAND = -10;

/**
 * The reply network cut to the `limit` most connected members (by replies sent and
 * received, the brand's included), with the brand as one node. Weighted and undirected:
 * what matters to the eye is who is linked to whom, and how much.
 */
export function networkViewReference(ds: Dataset, d: Derived, core: ReadonlySet<number>, limit: number): NetworkView {
  const m = ds.messages;
  const nA = ds.authors.length;
  const node = (a: number) => (a === POST_AUTHOR || (a >= 0 && d.isBrandAuthor[a]) ? BRAND : a >= 0 && d.isMemberAuthor[a] ? a : NO_TARGET);
  // key: lower * (nA + 1) + higher, the brand counted as index nA
  const weights = new Map<number, number>();
  const strength = new Float64Array(nA);
  for (let k = 0; k < m.count; k++) {
    const t = d.target[k]!;
    if (t === NO_TARGET) continue;
    const from = node(m.author[k]!);
    const to = node(t);
    if (from === NO_TARGET || to === NO_TARGET || from === to) continue;
    const x = from === BRAND ? nA : from;
    const y = to === BRAND ? nA : to;
    const key = Math.min(x, y) * (nA + 1) + Math.max(x, y);
    weights.set(key, (weights.get(key) ?? 0) + 1);
    if (x < nA) strength[x]!++;
    if (y < nA) strength[y]!++;
  }
  const linked: number[] = [];
  for (let a = 0; a < nA; a++) if (strength[a]! > 0) linked.push(a);
  linked.sort((a, b) => strength[b]! - strength[a]! || d.authorStats.firstMessage[a]! - d.authorStats.firstMessage[b]! || a - b);
  const shown = linked.slice(0, Math.max(0, limit));
  const idOf = new Map<number, string>();
  shown.forEach((a, i) => idOf.set(a, `m${i + 1}`));
  const hasBrand = ds.brand.authors.length > 0;
  if (hasBrand) idOf.set(nA, 'brand');

  const edges: NetworkView['edges'] = [];
  const nodeReplies = new Map<string, number>();
  for (const [key, w] of weights) {
    const x = Math.floor(key / (nA + 1));
    const y = key % (nA + 1);
    const sx = idOf.get(x);
    const sy = idOf.get(y);
    if (!sx || !sy) continue;
    edges.push({ source: sx, target: sy, replies: w });
    nodeReplies.set(sx, (nodeReplies.get(sx) ?? 0) + w);
    nodeReplies.set(sy, (nodeReplies.get(sy) ?? 0) + w);
  }
  const rank = (id: string) => (id === 'brand' ? 0 : Number(id.slice(1)));
  // the lower rank first, then in rank order: the same edges list whatever the map's order
  for (const e of edges) if (rank(e.source) > rank(e.target)) [e.source, e.target] = [e.target, e.source];
  edges.sort((e, f) => rank(e.source) - rank(f.source) || rank(e.target) - rank(f.target));

  const nodes: NetworkView['nodes'] = [];
  if (hasBrand) nodes.push({ id: 'brand', author: 'brand', kind: 'brand', core: false, replies: nodeReplies.get('brand') ?? 0 });
  shown.forEach((a, i) => nodes.push({ id: `m${i + 1}`, author: a, kind: 'member', core: core.has(a), replies: nodeReplies.get(`m${i + 1}`) ?? 0 }));
  return { nodes, edges, members: linked.length };
}
