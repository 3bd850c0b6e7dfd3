/** src/derive/platforms.ts before its typed rewrite: the reference it is compared with */
/**
 * Activity per platform, when one audit reads several exports (an Instagram CSV and a Slack
 * export, say): how much happens where, and whether members talk to each other there or
 * only to the brand. An author belongs to one platform (the builder keys authors by
 * platform), so a message's platform is its author's. Pure: a Dataset and its Derived in.
 */
import type { Dataset } from '../../src/model/dataset.js';
import type { Derived } from '../../src/derive/index.js';
import { POST_AUTHOR } from '../../src/model/dataset.js';

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
  const byName = new Map<string, PlatformStats>();
  const of = (platform: string) => {
    let s = byName.get(platform);
    if (!s) byName.set(platform, (s = { platform, messages: 0, share: 0, authors: 0, activeMembers: 0, memberMessages: 0, brandMessages: 0, memberToMember: 0, memberToBrand: 0 }));
    return s;
  };
  const { messages } = d.authorStats;
  ds.authors.forEach((a, i) => {
    if (messages[i] === 0) return;
    const s = of(a.platform);
    s.authors++;
    s.messages += messages[i]!;
    if (d.isMemberAuthor[i]) {
      s.activeMembers++;
      s.memberMessages += messages[i]!;
    } else if (d.isBrandAuthor[i]) s.brandMessages += messages[i]!;
  });
  const m = ds.messages;
  for (let k = 0; k < m.count; k++) {
    const a = m.author[k]!;
    if (!d.isMemberAuthor[a]) continue;
    const target = d.target[k]!;
    if (target === POST_AUTHOR || (target >= 0 && d.isBrandAuthor[target])) of(ds.authors[a]!.platform).memberToBrand++;
    else if (target >= 0 && d.isMemberAuthor[target]) of(ds.authors[a]!.platform).memberToMember++;
  }
  const total = m.count;
  const out = [...byName.values()];
  for (const s of out) s.share = total > 0 ? Math.round((s.messages / total) * 1000) / 1000 : 0;
  return out.sort((x, y) => y.messages - x.messages || (x.platform < y.platform ? -1 : x.platform > y.platform ? 1 : 0));
}
