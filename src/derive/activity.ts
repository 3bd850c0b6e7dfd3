/**
 * Activity in time: member messages per week, the brand's posts and when they went out.
 *
 * A brand post is a thread the brand started. Its time is its root message when the export
 * holds it (chats, forums); in a comment export the post itself is absent, so its first
 * comment stands for it (a post is commented within hours of going out).
 */
import { type Dataset, POST_AUTHOR } from '../model/dataset.js';
import { type Derived, weekOf } from './index.js';

/** Beyond this many weeks (dates decades apart) weekly series are not built. */
export const MAX_WEEKS = 10_000;

export interface Activity {
  /** weeks from the first message's week to the last one's, or 0 when too many */
  weeks: number;
  firstWeek: number;
  memberMessagesByWeek: Int32Array;
  brandPostsByWeek: Int32Array;
  /** brand posts, in time order */
  brandPostTimes: Float64Array;
  /** how many of them are messages of the data (exact times) rather than a first comment */
  exactBrandPosts: number;
  /** threads started by the brand (including posts that are not exported) */
  brandThreads: number;
  /** per thread: the time of its first message */
  threadStart: Float64Array;
  /** per thread: started by the brand */
  brandThread: Uint8Array;
}

const cache = new WeakMap<Derived, Activity>();

export function activity(ds: Dataset, d: Derived): Activity {
  const hit = cache.get(d);
  if (hit) return hit;
  const m = ds.messages;
  const nT = ds.threads.length;
  const threadStart = new Float64Array(nT).fill(Infinity);
  for (let k = 0; k < m.count; k++) {
    const th = m.thread[k]!;
    if (m.createdAt[k]! < threadStart[th]!) threadStart[th] = m.createdAt[k]!;
  }
  const brandThread = new Uint8Array(nT);
  const posts: number[] = [];
  let exact = 0;
  ds.threads.forEach((t, i) => {
    const byBrand = t.rootAuthor === POST_AUTHOR || (t.rootAuthor >= 0 && d.isBrandAuthor[t.rootAuthor] === 1);
    if (!byBrand || !Number.isFinite(threadStart[i]!)) return;
    brandThread[i] = 1;
    if (t.root >= 0) {
      exact++;
      posts.push(m.createdAt[t.root]!);
    } else posts.push(threadStart[i]!);
  });
  const brandPostTimes = Float64Array.from(posts).sort();
  const span = m.count > 0 ? d.lastWeek - d.firstWeek + 1 : 0;
  const weeks = span > 0 && span <= MAX_WEEKS ? span : 0;
  const memberMessagesByWeek = new Int32Array(weeks);
  const brandPostsByWeek = new Int32Array(weeks);
  if (weeks > 0) {
    for (let k = 0; k < m.count; k++) if (d.isMemberAuthor[m.author[k]!]) memberMessagesByWeek[weekOf(m.createdAt[k]!) - d.firstWeek]!++;
    for (const t of brandPostTimes) {
      const w = weekOf(t) - d.firstWeek;
      if (w >= 0 && w < weeks) brandPostsByWeek[w]!++;
    }
  }
  const out: Activity = {
    weeks,
    firstWeek: d.firstWeek,
    memberMessagesByWeek,
    brandPostsByWeek,
    brandPostTimes,
    exactBrandPosts: exact,
    brandThreads: posts.length,
    threadStart,
    brandThread,
  };
  cache.set(d, out);
  return out;
}

export interface WeekSplit {
  /** weeks with at least one brand post, and member messages in them */
  postingWeeks: number;
  postingMessages: number;
  /** weeks without a brand post, and member messages in them */
  silentWeeks: number;
  silentMessages: number;
}

/** Member activity in the weeks the brand posts against the weeks it is silent. */
export function postingAndSilentWeeks(act: Activity): WeekSplit {
  const out: WeekSplit = { postingWeeks: 0, postingMessages: 0, silentWeeks: 0, silentMessages: 0 };
  for (let w = 0; w < act.weeks; w++) {
    if (act.brandPostsByWeek[w]! > 0) {
      out.postingWeeks++;
      out.postingMessages += act.memberMessagesByWeek[w]!;
    } else {
      out.silentWeeks++;
      out.silentMessages += act.memberMessagesByWeek[w]!;
    }
  }
  return out;
}
