/**
 * Indexes computed once from the Dataset and shared by every detector
 * (the `core/computed` idea of Lighthouse): who answers whom, threads, activity per
 * author and per week. Pure: a Dataset in, plain arrays and maps out.
 */
import { type Dataset, NO_TARGET, POST_AUTHOR, ReplyKindCode } from '../../src/model/dataset.js';

export const WEEK_MS = 7 * 24 * 3600 * 1000;
/** 1970-01-05 was a Monday: weeks start on Mondays, UTC. */
const MONDAY_EPOCH = 4 * 24 * 3600 * 1000;

export function weekOf(t: number): number {
  return Math.floor((t - MONDAY_EPOCH) / WEEK_MS);
}

export interface ThreadStats {
  messages: number;
  /** distinct members (not brand, not bots) who wrote in the thread */
  members: number;
  brandMessages: number;
  /** the thread was started by a member (a root in the data, written by a member) */
  memberStarted: boolean;
  /** member→member replies in the thread */
  memberReplies: number;
}

export interface AuthorStats {
  messages: number;
  /** replies to another member */
  repliesToMembers: number;
  /** replies (or top-level comments) addressed to the brand */
  repliesToBrand: number;
  /** member→this author replies received */
  answersReceived: number;
  /** distinct weeks with at least one message */
  weeks: number;
  threads: number;
  first: number;
  last: number;
  /**
   * Index of the author's first message (messages are in canonical order): a tie-break that
   * does not depend on names, so renaming people changes nothing but the names.
   */
  firstMessage: number;
}

export interface Derived {
  /** per message: the author addressed (author index), POST_AUTHOR (the brand's unexported post) or NO_TARGET */
  target: Int32Array;
  isBrandAuthor: Uint8Array;
  /** a person of the community: neither a brand account nor a bot */
  isMemberAuthor: Uint8Array;
  threadStats: ThreadStats[];
  authorStats: AuthorStats[];
  /** counts of replies by how they were linked */
  replyKinds: Record<'explicit' | 'thread' | 'mention' | 'inferred', number>;
  /** member messages with a target, and how they split */
  replies: { memberToMember: number; memberToBrand: number; brandToMember: number; total: number };
  /** member→member reply counts by pair (key = from * authors + to) */
  memberPairs: Map<number, number>;
  week: Int32Array;
  firstWeek: number;
  lastWeek: number;
  memberMessages: number;
  brandMessages: number;
  /** members with at least one message */
  activeMembers: number;
}

export function derive(ds: Dataset): Derived {
  const m = ds.messages;
  const nA = ds.authors.length;
  const isBrandAuthor = new Uint8Array(nA);
  const isMemberAuthor = new Uint8Array(nA);
  ds.authors.forEach((a, i) => {
    isBrandAuthor[i] = a.isBrand ? 1 : 0;
    isMemberAuthor[i] = !a.isBrand && a.role !== 'bot' ? 1 : 0;
  });
  const isBrandTarget = (t: number) => t === POST_AUTHOR || (t >= 0 && isBrandAuthor[t] === 1);

  const target = new Int32Array(m.count);
  const week = new Int32Array(m.count);
  const threadStats: ThreadStats[] = ds.threads.map((t) => ({
    messages: 0,
    members: 0,
    brandMessages: 0,
    memberStarted: t.root >= 0 && t.rootAuthor >= 0 && isMemberAuthor[t.rootAuthor] === 1,
    memberReplies: 0,
  }));
  const authorStats: AuthorStats[] = ds.authors.map(() => ({
    messages: 0,
    repliesToMembers: 0,
    repliesToBrand: 0,
    answersReceived: 0,
    weeks: 0,
    threads: 0,
    first: Infinity,
    firstMessage: -1,
    last: -Infinity,
  }));
  const replyKinds = { explicit: 0, thread: 0, mention: 0, inferred: 0 };
  const replies = { memberToMember: 0, memberToBrand: 0, brandToMember: 0, total: 0 };
  const lastWeekSeen = new Int32Array(nA).fill(-2147483648);
  let firstWeek = Infinity;
  let lastWeek = -Infinity;
  let memberMessages = 0;
  let brandMessages = 0;

  // messages are in time order (the builder sorts them), so weeks per author count by change
  for (let k = 0; k < m.count; k++) {
    const a = m.author[k]!;
    const th = m.thread[k]!;
    const p = m.parent[k]!;
    const thread = ds.threads[th]!;
    // Without a parent, a message answers the post it sits under (a comment, or a reply in a
    // keyed thread whose root is not exported); in a chat whose thread root is in the data, a
    // message the export does not link is said to nobody: a time-based session is no reply.
    const t = p >= 0 ? m.author[p]! : thread.root === k || thread.root >= 0 ? NO_TARGET : thread.rootAuthor;
    target[k] = t === a ? NO_TARGET : t;
    if (p >= 0) {
      const kind = m.replyKind[k]!;
      if (kind === ReplyKindCode.explicit) replyKinds.explicit++;
      else if (kind === ReplyKindCode.thread) replyKinds.thread++;
      else if (kind === ReplyKindCode.mention) replyKinds.mention++;
      else if (kind === ReplyKindCode.inferred) replyKinds.inferred++;
    }
    const w = weekOf(m.createdAt[k]!);
    week[k] = w;
    if (w < firstWeek) firstWeek = w;
    if (w > lastWeek) lastWeek = w;

    const st = authorStats[a]!;
    st.messages++;
    if (st.firstMessage < 0) st.firstMessage = k;
    if (m.createdAt[k]! < st.first) st.first = m.createdAt[k]!;
    if (m.createdAt[k]! > st.last) st.last = m.createdAt[k]!;
    if (lastWeekSeen[a] !== w) {
      // time order makes a week change a new week, except for equal weeks split by others
      if (lastWeekSeen[a]! < w) st.weeks++;
      lastWeekSeen[a] = w;
    }

    const ts = threadStats[th]!;
    ts.messages++;
    if (isBrandAuthor[a]) {
      brandMessages++;
      ts.brandMessages++;
    } else if (isMemberAuthor[a]) {
      memberMessages++;
    }

    const tt = target[k]!;
    if (tt === NO_TARGET) continue;
    if (isMemberAuthor[a]) {
      replies.total++;
      if (isBrandTarget(tt)) {
        replies.memberToBrand++;
        st.repliesToBrand++;
      } else if (tt >= 0 && isMemberAuthor[tt]) {
        replies.memberToMember++;
        st.repliesToMembers++;
        ts.memberReplies++;
        authorStats[tt]!.answersReceived++;
      }
    } else if (isBrandAuthor[a] && tt >= 0 && isMemberAuthor[tt]) {
      replies.brandToMember++;
    }
  }

  // distinct (author, thread) pairs: threads per author, members per thread. Messages are
  // grouped by thread (a counting sort) and each author stamped with the thread last seen:
  // linear, where a Set of author × thread keys costs a hash per message.
  const nT = ds.threads.length;
  const threadStart = new Int32Array(nT + 1);
  for (let k = 0; k < m.count; k++) threadStart[m.thread[k]! + 1]!++;
  for (let t = 0; t < nT; t++) threadStart[t + 1]! += threadStart[t]!;
  const byThread = new Int32Array(m.count);
  const fill = threadStart.slice(0, nT);
  for (let k = 0; k < m.count; k++) byThread[fill[m.thread[k]!]!++] = k;
  const stamp = new Int32Array(nA).fill(-1);
  for (let t = 0; t < nT; t++) {
    const ts = threadStats[t]!;
    for (let j = threadStart[t]!; j < threadStart[t + 1]!; j++) {
      const a = m.author[byThread[j]!]!;
      if (stamp[a] === t) continue;
      stamp[a] = t;
      authorStats[a]!.threads++;
      if (isMemberAuthor[a] && !isBrandAuthor[a]) ts.members++;
    }
  }

  let activeMembers = 0;
  for (let a = 0; a < nA; a++) if (isMemberAuthor[a] && authorStats[a]!.messages > 0) activeMembers++;

  // member→member pairs: a map entry per pair (hundreds of thousands on a large export),
  // built only when a detector asks for it
  let memberPairs: Map<number, number> | null = null;
  const pairs = (): Map<number, number> => {
    if (memberPairs) return memberPairs;
    memberPairs = new Map();
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
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
    authorStats,
    replyKinds,
    replies,
    week,
    firstWeek: Number.isFinite(firstWeek) ? firstWeek : 0,
    lastWeek: Number.isFinite(lastWeek) ? lastWeek : 0,
    memberMessages,
    brandMessages,
    activeMembers,
  };
}
