/**
 * The series the HTML report draws, computed from the data so that renderers read only the
 * AuditResult: replies per week (members to members against members to the brand, with the
 * brand's posts), the core over time, and a readable piece of the reply network.
 * Pure: a Dataset, its Derived indexes and the core members in; plain numbers out.
 */
import { type Dataset, NO_TARGET, POST_AUTHOR } from '../model/dataset.js';
import { WEEK_MS, type Derived } from './index.js';

/** 1970-01-05 was a Monday (the same origin as `weekOf`). */
const MONDAY_EPOCH = 4 * 24 * 3600 * 1000;

export function weekStart(week: number): number {
  return week * WEEK_MS + MONDAY_EPOCH;
}

export function isoDay(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

export interface WeekCounts {
  week: string;
  memberToMember: number;
  memberToBrand: number;
  brandPosts: number;
  activeMembers: number;
  coreActive: number;
}

/**
 * The threads the brand started, by the time each began: its own top-level messages, and in
 * a comment export its posts, which are absent but seen through their first comment. A
 * comment thread keyed on its own first comment is no post (a CSV without post ids).
 */
export function brandPostMessages(ds: Dataset, d: Derived): number[] {
  const first = new Int32Array(ds.threads.length).fill(-1);
  for (let k = 0; k < ds.messages.count; k++) {
    const th = ds.messages.thread[k]!;
    if (first[th] === -1) first[th] = k;
  }
  const out: number[] = [];
  ds.threads.forEach((t, i) => {
    const k = first[i]!;
    if (k < 0) return;
    if (t.root >= 0) {
      if (t.rootAuthor >= 0 && d.isBrandAuthor[t.rootAuthor]) out.push(t.root);
    } else if (t.kind === 'comments' && t.rootAuthor === POST_AUTHOR && t.key !== ds.messageId(k)) out.push(k);
  });
  return out.sort((a, b) => a - b);
}

export function weeklySeries(ds: Dataset, d: Derived, core: ReadonlySet<number>): WeekCounts[] {
  const m = ds.messages;
  if (m.count === 0) return [];
  const n = d.lastWeek - d.firstWeek + 1;
  const rows: WeekCounts[] = Array.from({ length: n }, (_, i) => ({
    week: isoDay(weekStart(d.firstWeek + i)),
    memberToMember: 0,
    memberToBrand: 0,
    brandPosts: 0,
    activeMembers: 0,
    coreActive: 0,
  }));
  const lastSeen = new Int32Array(ds.authors.length).fill(-1);
  const isBrandTarget = (t: number) => t === POST_AUTHOR || (t >= 0 && d.isBrandAuthor[t] === 1);
  for (let k = 0; k < m.count; k++) {
    const a = m.author[k]!;
    if (!d.isMemberAuthor[a]) continue;
    const i = d.week[k]! - d.firstWeek;
    const row = rows[i]!;
    if (lastSeen[a] !== i) {
      lastSeen[a] = i;
      row.activeMembers++;
      if (core.has(a)) row.coreActive++;
    }
    const t = d.target[k]!;
    if (t === NO_TARGET) continue;
    if (isBrandTarget(t)) row.memberToBrand++;
    else if (t >= 0 && d.isMemberAuthor[t]) row.memberToMember++;
  }
  for (const k of brandPostMessages(ds, d)) rows[d.week[k]! - d.firstWeek]!.brandPosts++;
  return rows;
}

export interface NetworkView {
  nodes: { id: string; author: number | 'brand'; kind: 'brand' | 'member'; core: boolean; replies: number }[];
  edges: { source: string; target: string; replies: number }[];
  /** members with at least one reply link */
  members: number;
}

const BRAND = -10;

/**
 * The reply network cut to the `limit` most connected members (by replies sent and
 * received, the brand's included), with the brand as one node. Weighted and undirected:
 * what matters to the eye is who is linked to whom, and how much.
 */
export function networkView(ds: Dataset, d: Derived, core: ReadonlySet<number>, limit: number): NetworkView {
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
