/**
 * The series the HTML report draws, computed from the data so that renderers read only the
 * AuditResult: replies per week (members to members against members to the brand, with the
 * brand's posts), the core over time, and a readable piece of the reply network.
 * Pure: a Dataset, its Derived indexes and the core members in; plain numbers out.
 */
import { type Dataset, type Thread, NO_TARGET, POST_AUTHOR } from '../model/dataset.js';
import { WEEK_MS, type Derived, weekOf } from './index.js';

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
    } else if (t.kind === 'comments' && t.rootAuthor === POST_AUTHOR && !keyedOnOwnId(ds, t, k)) out.push(k);
  });
  return out.sort((a, b) => a - b);
}

/**
 * Whether thread `t`, whose first message is `k`, is keyed on the id of `k`. Only a thread
 * made from its first comment can be (a post's key that is a message's id makes that
 * message its root), so ids (read back from the file) are compared only when a slice of
 * the dataset starts inside such a thread.
 */
function keyedOnOwnId(ds: Dataset, t: Thread, k: number): boolean {
  return t.keyMessage !== undefined && (t.keyMessage === k || t.key === ds.messageId(k));
}

export function weeklySeries(ds: Dataset, d: Derived, core: ReadonlySet<number>): WeekCounts[] {
  const m = ds.messages;
  if (m.count === 0) return [];
  const n = d.lastWeek - d.firstWeek + 1;
  // counts in columns, rows made once at the end
  const memberToMember = new Int32Array(n);
  const memberToBrand = new Int32Array(n);
  const activeMembers = new Int32Array(n);
  const coreActive = new Int32Array(n);
  const isCore = new Uint8Array(ds.authors.length);
  for (const a of core) if (a >= 0 && a < isCore.length) isCore[a] = 1;
  const lastSeen = new Int32Array(ds.authors.length).fill(-1);
  const { author } = m;
  const { isMemberAuthor, isBrandAuthor, target, firstWeek } = d;
  const { createdAt } = m;
  for (let k = 0; k < m.count; k++) {
    const a = author[k]!;
    if (!isMemberAuthor[a]) continue;
    const i = weekOf(createdAt[k]!) - firstWeek;
    if (lastSeen[a] !== i) {
      lastSeen[a] = i;
      activeMembers[i]!++;
      if (isCore[a]) coreActive[i]!++;
    }
    const t = target[k]!;
    if (t === NO_TARGET) continue;
    if (t === POST_AUTHOR || (t >= 0 && isBrandAuthor[t] === 1)) memberToBrand[i]!++;
    else if (t >= 0 && isMemberAuthor[t]) memberToMember[i]!++;
  }
  const brandPosts = new Int32Array(n);
  for (const k of brandPostMessages(ds, d)) brandPosts[weekOf(createdAt[k]!) - firstWeek]!++;
  return Array.from({ length: n }, (_, i) => ({
    week: isoDay(weekStart(firstWeek + i)),
    memberToMember: memberToMember[i]!,
    memberToBrand: memberToBrand[i]!,
    brandPosts: brandPosts[i]!,
    activeMembers: activeMembers[i]!,
    coreActive: coreActive[i]!,
  }));
}

export interface NetworkView {
  nodes: { id: string; author: number | 'brand'; kind: 'brand' | 'member'; core: boolean; replies: number }[];
  edges: { source: string; target: string; replies: number }[];
  /** members with at least one reply link */
  members: number;
}

/**
 * The reply network cut to the `limit` most connected members (by replies sent and
 * received, the brand's included), with the brand as one node. Weighted and undirected:
 * what matters to the eye is who is linked to whom, and how much.
 *
 * No map: each member's replies (sent and received) pick the members shown, from derive's
 * counts and the brand's replies; a pass over the messages then adds up the replies between
 * shown nodes in a small square table. (test/reference/network-view.ts is the map-of-every-pair version
 * it replaced; a property test compares them.)
 */
export function networkView(ds: Dataset, d: Derived, core: ReadonlySet<number>, limit: number): NetworkView {
  const m = ds.messages;
  const n = m.count;
  const nA = ds.authors.length;
  const { author } = m;
  const { target, isBrandAuthor, isMemberAuthor } = d;
  // a node per member, the brand's accounts (and its unexported posts) as one node, index nA;
  // -1 for anyone else (bots)
  const nodeOf = (a: number) => (a === POST_AUTHOR || (a >= 0 && isBrandAuthor[a]) ? nA : a >= 0 && isMemberAuthor[a] ? a : -1);
  // A member's replies sent (to members and to the brand) and received from members are
  // derive's counts; only the brand's replies to members are counted here, on the brand's
  // messages alone.
  const { repliesToMembers, repliesToBrand, answersReceived } = d.authorStats;
  const strength = new Int32Array(nA);
  for (let a = 0; a < nA; a++) if (isMemberAuthor[a]) strength[a] = repliesToMembers[a]! + repliesToBrand[a]! + answersReceived[a]!;
  for (let k = 0; k < n; k++) {
    if (!isBrandAuthor[author[k]!]) continue;
    const t = target[k]!;
    if (t >= 0 && isMemberAuthor[t]) strength[t]!++;
  }
  let members = 0;
  for (let a = 0; a < nA; a++) if (strength[a]! > 0) members++;
  // the most connected first; ties to whoever wrote first, then the lower index
  const firstMessage = d.authorStats.firstMessage;
  const before = (a: number, b: number) =>
    strength[a]! > strength[b]! || (strength[a] === strength[b] && (firstMessage[a]! < firstMessage[b]! || (firstMessage[a] === firstMessage[b] && a < b)));
  const shown: number[] = [];
  const want = Math.max(0, limit);
  for (let a = 0; a < nA && want > 0; a++) {
    if (strength[a] === 0) continue;
    let i = shown.length;
    if (i === want) {
      if (!before(a, shown[want - 1]!)) continue;
      i--;
    }
    while (i > 0 && before(a, shown[i - 1]!)) {
      shown[i] = shown[i - 1]!;
      i--;
    }
    shown[i] = a;
  }
  // rank of a node in the view: 0 the brand, i + 1 the member shown i-th (id `m${i + 1}`)
  const hasBrand = ds.brand.authors.length > 0;
  const rank = new Int32Array(nA + 1).fill(-1);
  shown.forEach((a, i) => (rank[a] = i + 1));
  if (hasBrand) rank[nA] = 0;
  const side = shown.length + 1;
  const weights = new Float64Array(side * side);
  if (shown.length > 0) {
    for (let k = 0; k < n; k++) {
      const t = target[k]!;
      if (t === NO_TARGET) continue;
      const x = nodeOf(author[k]!);
      const y = nodeOf(t);
      if (x < 0 || y < 0 || x === y) continue;
      const rx = rank[x]!;
      const ry = rank[y]!;
      if (rx < 0 || ry < 0) continue;
      weights[Math.min(rx, ry) * side + Math.max(rx, ry)]!++;
    }
  }
  const idOf = (r: number) => (r === 0 ? 'brand' : `m${r}`);
  const edges: NetworkView['edges'] = [];
  const nodeReplies = new Float64Array(side);
  // the lower rank first, then in rank order
  for (let r = 0; r < side; r++) {
    for (let q = r + 1; q < side; q++) {
      const w = weights[r * side + q]!;
      if (w === 0) continue;
      edges.push({ source: idOf(r), target: idOf(q), replies: w });
      nodeReplies[r]! += w;
      nodeReplies[q]! += w;
    }
  }
  const nodes: NetworkView['nodes'] = [];
  if (hasBrand) nodes.push({ id: 'brand', author: 'brand', kind: 'brand', core: false, replies: nodeReplies[0]! });
  shown.forEach((a, i) => nodes.push({ id: `m${i + 1}`, author: a, kind: 'member', core: core.has(a), replies: nodeReplies[i + 1]! }));
  return { nodes, edges, members };
}
