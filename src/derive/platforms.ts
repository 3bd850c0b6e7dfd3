/**
 * Activity per platform, when one audit reads several exports (an Instagram CSV and a Slack
 * export, say): how much happens where, and whether members talk to each other there or
 * only to the brand. An author belongs to one platform (the builder keys authors by
 * platform), so a message's platform is its author's. Pure: a Dataset and its Derived in.
 */
import type { Dataset } from '../model/dataset.js';
import type { Derived } from './index.js';

export interface PlatformStats {
  platform: string;
  messages: number;
  /** share of all messages, 0..1 */
  share: number;
  authors: number;
  /** members (not brand, not bots) with at least one message */
  activeMembers: number;
  memberMessages: number;
  brandMessages: number;
  /** member replies addressed to another member */
  memberToMember: number;
  /** member replies (or top-level comments) addressed to the brand */
  memberToBrand: number;
}

export function platformBreakdown(ds: Dataset, d: Derived): PlatformStats[] {
  // platforms numbered once per author: the message loop reads a column, not a name and a map
  const indexOf = new Map<string, number>();
  const stats: PlatformStats[] = [];
  const platformOf = new Int32Array(ds.authors.length);
  ds.authors.forEach((a, i) => {
    let p = indexOf.get(a.platform);
    if (p === undefined) {
      p = stats.length;
      indexOf.set(a.platform, p);
      stats.push({ platform: a.platform, messages: 0, share: 0, authors: 0, activeMembers: 0, memberMessages: 0, brandMessages: 0, memberToMember: 0, memberToBrand: 0 });
    }
    platformOf[i] = p;
  });
  // derive already counted each member's replies to members and to the brand (the same
  // targets, the same rule): a platform's totals are its members' sums, no pass over messages
  const { messages, repliesToBrand, repliesToMembers } = d.authorStats;
  const toBrand = new Float64Array(stats.length);
  const toMember = new Float64Array(stats.length);
  for (let i = 0; i < ds.authors.length; i++) {
    if (messages[i] === 0) continue;
    const p = platformOf[i]!;
    const s = stats[p]!;
    s.authors++;
    s.messages += messages[i]!;
    if (d.isMemberAuthor[i]) {
      s.activeMembers++;
      s.memberMessages += messages[i]!;
      toBrand[p]! += repliesToBrand[i]!;
      toMember[p]! += repliesToMembers[i]!;
    } else if (d.isBrandAuthor[i]) s.brandMessages += messages[i]!;
  }
  const m = ds.messages;
  // a platform is listed when one of its authors wrote
  const total = m.count;
  const out = stats.filter((s) => s.authors > 0);
  for (const s of out) {
    const p = indexOf.get(s.platform)!;
    s.memberToBrand = toBrand[p]!;
    s.memberToMember = toMember[p]!;
    s.share = total > 0 ? Math.round((s.messages / total) * 1000) / 1000 : 0;
  }
  return out.sort((x, y) => y.messages - x.messages || (x.platform < y.platform ? -1 : x.platform > y.platform ? 1 : 0));
}
