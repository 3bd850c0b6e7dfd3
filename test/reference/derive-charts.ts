/** weeklySeries before its typed rewrite (src/derive/charts.ts): a row object updated per message, the core as a Set. The reference it is compared with. */
import { type Dataset, NO_TARGET, POST_AUTHOR } from '../../src/model/dataset.js';
import { type Derived, weekOf } from '../../src/derive/index.js';
import { type WeekCounts, brandPostMessages, isoDay, weekStart } from '../../src/derive/charts.js';

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
    const i = weekOf(m.createdAt[k]!) - d.firstWeek;
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
  for (const k of brandPostMessages(ds, d)) rows[weekOf(m.createdAt[k]!) - d.firstWeek]!.brandPosts++;
  return rows;
}

/**
 * brandPostMessages before threads said which message their key is (src/derive/charts.ts):
 * every comment thread without a root compared its key with its first message's id.
 */
export function brandPostMessagesReference(ds: Dataset, d: Derived): number[] {
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
