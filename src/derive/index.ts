/**
 * Indexes computed once from the Dataset and shared by every detector
 * (the `core/computed` idea of Lighthouse): who answers whom, threads, activity per
 * author and per week. Pure: a Dataset in, plain arrays and maps out.
 */
import { type Dataset, NO_TARGET, POST_AUTHOR, ReplyKindCode } from '../model/dataset.js';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
/** 1970-01-05 was a Monday: weeks start on Mondays, UTC. */
const MONDAY_EPOCH = 4 * 24 * 3600 * 1000;

export function weekOf(t: number): number {
  return Math.floor((t - MONDAY_EPOCH) / WEEK_MS);
}

/**
 * Per-thread counts, as columns indexed by thread (a typed array each, not an object per
 * thread).
 */
export interface ThreadStats {
  messages: Int32Array;
  /** distinct members (not brand, not bots) who wrote in the thread */
  members: Int32Array;
  brandMessages: Int32Array;
  /** the thread was started by a member (a root in the data, written by a member): 1 or 0 */
  memberStarted: Uint8Array;
  /** member→member replies in the thread */
  memberReplies: Int32Array;
}

/**
 * Per-author counts, as columns indexed by author: `d.authorStats.messages[a]`. A large
 * export has hundreds of thousands of authors; an object each cost ~100 bytes and a pointer
 * chase at every read, a column costs 4 or 8 bytes and reads in order.
 */
export interface AuthorStats {
  messages: Int32Array;
  /** replies to another member */
  repliesToMembers: Int32Array;
  /** replies (or top-level comments) addressed to the brand */
  repliesToBrand: Int32Array;
  /** member→this author replies received */
  answersReceived: Int32Array;
  /** distinct weeks with at least one message */
  weeks: Int32Array;
  threads: Int32Array;
  /** time of the first message (Infinity for an author without any) */
  first: Float64Array;
  /** time of the last message (-Infinity for an author without any) */
  last: Float64Array;
  /**
   * Index of the author's first message (messages are in canonical order), -1 without any:
   * a tie-break that does not depend on names, so renaming people changes nothing but the
   * names.
   */
  firstMessage: Int32Array;
}

export interface Derived {
  /** per message: the author addressed (author index), POST_AUTHOR (the brand's unexported post) or NO_TARGET */
  target: Int32Array;
  isBrandAuthor: Uint8Array;
  /** a person of the community: neither a brand account nor a bot */
  isMemberAuthor: Uint8Array;
  threadStats: ThreadStats;
  authorStats: AuthorStats;
  /** counts of replies by how they were linked */
  replyKinds: Record<'explicit' | 'thread' | 'mention' | 'inferred', number>;
  /** member messages with a target, and how they split */
  replies: { memberToMember: number; memberToBrand: number; brandToMember: number; total: number };
  /** member→member reply counts by pair (key = from * authors + to) */
  memberPairs: Map<number, number>;
  /** the weeks of the first and last messages (a message's own week is `weekOf(createdAt[k])`: not kept, 4 bytes a message for two readers) */
  firstWeek: number;
  lastWeek: number;
  memberMessages: number;
  brandMessages: number;
  /** members with at least one message */
  activeMembers: number;
}

export function derive(ds: Dataset): Derived {
  const m = ds.messages;
  const n = m.count;
  const nA = ds.authors.length;
  const nT = ds.threads.length;
  const isBrandAuthor = new Uint8Array(nA);
  const isMemberAuthor = new Uint8Array(nA);
  ds.authors.forEach((a, i) => {
    isBrandAuthor[i] = a.isBrand ? 1 : 0;
    isMemberAuthor[i] = !a.isBrand && a.role !== 'bot' ? 1 : 0;
  });

  // the thread table read once into columns: the loop below reads them per message
  const threadRoot = new Int32Array(nT);
  const threadRootAuthor = new Int32Array(nT);
  const threadStats: ThreadStats = {
    messages: new Int32Array(nT),
    members: new Int32Array(nT),
    brandMessages: new Int32Array(nT),
    memberStarted: new Uint8Array(nT),
    memberReplies: new Int32Array(nT),
  };
  ds.threads.forEach((t, i) => {
    threadRoot[i] = t.root;
    threadRootAuthor[i] = t.rootAuthor;
    threadStats.memberStarted[i] = t.root >= 0 && t.rootAuthor >= 0 && isMemberAuthor[t.rootAuthor] === 1 ? 1 : 0;
  });
  const st: AuthorStats = {
    messages: new Int32Array(nA),
    repliesToMembers: new Int32Array(nA),
    repliesToBrand: new Int32Array(nA),
    answersReceived: new Int32Array(nA),
    weeks: new Int32Array(nA),
    threads: new Int32Array(nA),
    first: new Float64Array(nA).fill(Infinity),
    last: new Float64Array(nA).fill(-Infinity),
    firstMessage: new Int32Array(nA).fill(-1),
  };
  const target = new Int32Array(n);
  const kinds = new Int32Array(5);
  let memberToMember = 0;
  let memberToBrand = 0;
  let brandToMember = 0;
  let repliesTotal = 0;
  const lastWeekSeen = new Int32Array(nA).fill(-2147483648);
  let firstWeek = Infinity;
  let lastWeek = -Infinity;
  let memberMessages = 0;
  let brandMessages = 0;
  const { author, thread, parent, createdAt, replyKind } = m;

  // messages are in time order (the builder sorts them), so weeks per author count by change
  for (let k = 0; k < n; k++) {
    const a = author[k]!;
    const th = thread[k]!;
    const p = parent[k]!;
    // Without a parent, a message answers the post it sits under (a comment, or a reply in a
    // keyed thread whose root is not exported); in a chat whose thread root is in the data, a
    // message the export does not link is said to nobody: a time-based session is no reply.
    const root = threadRoot[th]!;
    const t0 = p >= 0 ? author[p]! : root === k || root >= 0 ? NO_TARGET : threadRootAuthor[th]!;
    const tt = t0 === a ? NO_TARGET : t0;
    target[k] = tt;
    if (p >= 0) kinds[replyKind[k]!]!++;
    const at = createdAt[k]!;
    const w = weekOf(at);
    if (w < firstWeek) firstWeek = w;
    if (w > lastWeek) lastWeek = w;

    st.messages[a]!++;
    if (st.firstMessage[a]! < 0) st.firstMessage[a] = k;
    if (at < st.first[a]!) st.first[a] = at;
    if (at > st.last[a]!) st.last[a] = at;
    if (lastWeekSeen[a] !== w) {
      // time order makes a week change a new week, except for equal weeks split by others
      if (lastWeekSeen[a]! < w) st.weeks[a]!++;
      lastWeekSeen[a] = w;
    }

    threadStats.messages[th]!++;
    const member = isMemberAuthor[a] === 1;
    if (isBrandAuthor[a]) {
      brandMessages++;
      threadStats.brandMessages[th]!++;
    } else if (member) {
      memberMessages++;
    }

    if (tt === NO_TARGET) continue;
    if (member) {
      repliesTotal++;
      if (tt === POST_AUTHOR || (tt >= 0 && isBrandAuthor[tt] === 1)) {
        memberToBrand++;
        st.repliesToBrand[a]!++;
      } else if (tt >= 0 && isMemberAuthor[tt]) {
        memberToMember++;
        st.repliesToMembers[a]!++;
        threadStats.memberReplies[th]!++;
        st.answersReceived[tt]!++;
      }
    } else if (isBrandAuthor[a] && tt >= 0 && isMemberAuthor[tt]) {
      brandToMember++;
    }
  }

  // distinct (author, thread) pairs: threads per author, members per thread. The authors of
  // the messages are grouped by thread (a counting sort) and each author stamped with the
  // thread last seen: linear, where a Set of author × thread keys costs a hash per message.
  // The groups hold the authors themselves, not the messages: read back in thread order, the
  // author column would be read out of order.
  const threadStart = new Int32Array(nT + 1);
  for (let k = 0; k < n; k++) threadStart[thread[k]! + 1]!++;
  for (let t = 0; t < nT; t++) threadStart[t + 1]! += threadStart[t]!;
  const authorsByThread = new Int32Array(n);
  const fill = threadStart.slice(0, nT);
  for (let k = 0; k < n; k++) authorsByThread[fill[thread[k]!]!++] = author[k]!;
  const stamp = new Int32Array(nA).fill(-1);
  for (let t = 0; t < nT; t++) {
    for (let j = threadStart[t]!; j < threadStart[t + 1]!; j++) {
      const a = authorsByThread[j]!;
      if (stamp[a] === t) continue;
      stamp[a] = t;
      st.threads[a]!++;
      if (isMemberAuthor[a] && !isBrandAuthor[a]) threadStats.members[t]!++;
    }
  }

  let activeMembers = 0;
  for (let a = 0; a < nA; a++) if (isMemberAuthor[a] && st.messages[a]! > 0) activeMembers++;

  // member→member pairs: a map entry per pair (hundreds of thousands on a large export),
  // built only when a detector asks for it
  let memberPairs: Map<number, number> | null = null;
  const pairs = (): Map<number, number> => {
    if (memberPairs) return memberPairs;
    memberPairs = new Map();
    for (let k = 0; k < n; k++) {
      const a = author[k]!;
      const tt = target[k]!;
      if (tt < 0 || !isMemberAuthor[a] || !isMemberAuthor[tt]) continue;
      const key = a * nA + tt;
      memberPairs.set(key, (memberPairs.get(key) ?? 0) + 1);
    }
    return memberPairs;
  };

  return {
    get memberPairs() {
      return pairs();
    },
    target,
    isBrandAuthor,
    isMemberAuthor,
    threadStats,
    authorStats: st,
    replyKinds: {
      explicit: kinds[ReplyKindCode.explicit]!,
      thread: kinds[ReplyKindCode.thread]!,
      mention: kinds[ReplyKindCode.mention]!,
      inferred: kinds[ReplyKindCode.inferred]!,
    },
    replies: { memberToMember, memberToBrand, brandToMember, total: repliesTotal },
    firstWeek: Number.isFinite(firstWeek) ? firstWeek : 0,
    lastWeek: Number.isFinite(lastWeek) ? lastWeek : 0,
    memberMessages,
    brandMessages,
    activeMembers,
  };
}
