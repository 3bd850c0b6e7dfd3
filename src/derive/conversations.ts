/**
 * Conversations: a message and everything that answers it, down the reply links.
 *
 * A thread is the wrong unit for several signals: in a comment export every post is a
 * thread, so "a thread with two members" says nothing. The unit people mean by "a real
 * conversation" is a top-level comment (or a chat thread) and its replies. This module
 * groups messages that way, once, in typed arrays:
 *
 * - a message with a parent joins its parent's conversation;
 * - in a chat, a message without a parent that follows its own author's previous message in
 *   the same channel and thread within the inferred-reply gap continues it (people split a
 *   thought over several messages);
 * - any other message opens a conversation.
 *
 * It also counts, per message, its direct replies by other members. What answered a question
 * (its first reply by another member or by the brand, the next message of its conversation by
 * one of them) is found by `questionAnswers`, for the questions only: four per-message columns
 * read at questions alone cost 16 bytes a message (48 MB at 3M rows).
 */
import { type Dataset, NO_TARGET, ReplyKindCode } from '../model/dataset.js';
import { INFERRED_REPLY_GAP_MS } from '../load/builder.js';
import { Lex } from '../lexicon/index.js';
import type { Derived } from './index.js';
import { PairTable } from './pair-table.js';

export interface Conversations {
  count: number;
  /** per message: its conversation */
  of: Int32Array;
  /** per conversation: the message that opened it */
  opener: Int32Array;
  messages: Int32Array;
  /** distinct members who wrote in it */
  members: Int32Array;
  brandMessages: Int32Array;
  /** member→member replies in it */
  memberReplies: Int32Array;
  /** a member came back after another member wrote: A…B…A */
  backAndForth: Uint8Array;
  /** per message: direct replies written by members other than its author */
  memberReplyCount: Int32Array;
  /** the messages of conversation c are order[start[c] .. start[c + 1]), in time order */
  start: Int32Array;
  order: Int32Array;
  /**
   * per message, one bit: it may answer whoever spoke before it (`looseReply`); read with
   * `isLoose`. Kept as bits (n / 8 bytes): every pass that walks conversations asks, and the
   * rule reads the parent's author, out of order.
   */
  loose: Uint32Array;
}

/** whether message k may answer whoever spoke just before it in its conversation */
export function isLoose(conv: Conversations, k: number): boolean {
  return ((conv.loose[k >>> 5]! >>> (k & 31)) & 1) === 1;
}

const cache = new WeakMap<Derived, Conversations>();

/**
 * Whether a message may answer whoever spoke just before it in its conversation. In threads
 * and chats without reply ids (Slack threads, inferred chats), and under a member's message
 * (platforms that flatten replies to two levels), the order of speakers is all there is.
 * A comment under a brand's post is addressed to the brand: it answers no other commenter.
 */
function looseReply(ds: Dataset, d: Derived): (k: number) => boolean {
  const { parent, replyKind, author } = ds.messages;
  const { isMemberAuthor } = d;
  return (k) => {
    const p = parent[k]!;
    if (p < 0 || replyKind[k] === ReplyKindCode.thread || replyKind[k] === ReplyKindCode.inferred) return true;
    return isMemberAuthor[author[p]!] === 1;
  };
}

export function conversations(ds: Dataset, d: Derived): Conversations {
  const hit = cache.get(d);
  if (hit) return hit;
  const m = ds.messages;
  const n = m.count;
  const nA = ds.authors.length;
  const { author, parent, thread, createdAt, source, channel } = m;
  const { isBrandAuthor, isMemberAuthor, target } = d;
  const of = new Int32Array(n).fill(-1);
  // openers in a typed array that grows: a large export opens hundreds of thousands
  let opener = new Int32Array(1024);
  let count = 0;
  const open = (k: number) => {
    if (count === opener.length) {
      const grown = new Int32Array(opener.length * 2);
      grown.set(opener);
      opener = grown;
    }
    of[k] = count;
    opener[count++] = k;
  };
  // the last message of each (source, channel): a column when the pairs are few (always, in
  // practice), a map otherwise
  const nCh = Math.max(1, ds.channels.length);
  const slots = ds.sources.length * nCh;
  const lastInChannel = slots <= 1 << 20 ? new Int32Array(Math.max(1, slots)).fill(-1) : null;
  const lastInChannelMap = new Map<number, number>();
  const chatThread = new Uint8Array(ds.threads.length);
  ds.threads.forEach((t, i) => (chatThread[i] = t.kind === 'chat' ? 1 : 0));
  for (let k = 0; k < n; k++) {
    const p = parent[k]!;
    const chKey = source[k]! * nCh + channel[k]!;
    let prev: number;
    if (lastInChannel) {
      prev = lastInChannel[chKey]!;
      lastInChannel[chKey] = k;
    } else {
      prev = lastInChannelMap.get(chKey) ?? -1;
      lastInChannelMap.set(chKey, k);
    }
    if (p >= 0) {
      // parents come first in time; a parent dated later (a broken export) is resolved after
      if (of[p]! >= 0) of[k] = of[p]!;
      continue;
    }
    const th = thread[k]!;
    if (chatThread[th] && prev >= 0 && author[prev] === author[k] && thread[prev] === th && createdAt[k]! - createdAt[prev]! <= INFERRED_REPLY_GAP_MS && of[prev]! >= 0) {
      of[k] = of[prev]!;
      continue;
    }
    open(k);
  }
  // messages whose parent came later: follow the chain up to a message that has a conversation
  for (let k = 0; k < n; k++) {
    if (of[k]! >= 0) continue;
    let top = k;
    let guard = 0;
    while (of[top]! < 0 && parent[top]! >= 0 && guard++ < n) top = parent[top]!;
    if (of[top]! < 0) open(top);
    const c = of[top]!;
    for (let x = k; of[x]! < 0; x = parent[x]!) of[x] = c;
  }
  opener = opener.slice(0, count);

  const messages = new Int32Array(count);
  for (let k = 0; k < n; k++) messages[of[k]!]!++;
  const start = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) start[c + 1] = start[c]! + messages[c]!;
  const fill = start.slice(0, count);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[fill[of[k]!]!++] = k;

  const members = new Int32Array(count);
  const brandMessages = new Int32Array(count);
  const memberReplies = new Int32Array(count);
  const backAndForth = new Uint8Array(count);
  // per author, stamped with the conversation being read, so nothing is cleared between them
  const seen = new Int32Array(nA).fill(-1);
  const lastSeq = new Int32Array(nA);
  const rule = looseReply(ds, d);
  const looseBits = new Uint32Array((n + 31) >>> 5);
  for (let k = 0; k < n; k++) if (rule(k)) looseBits[k >>> 5]! |= 1 << (k & 31);
  const loose = (k: number) => ((looseBits[k >>> 5]! >>> (k & 31)) & 1) === 1;
  // the (replier, member answered) pairs of named replies, each stamped with the last
  // conversation it was seen in: one typed table for all conversations, never cleared
  let named = 0;
  for (let k = 0; k < n; k++) {
    const t = target[k]!;
    if (t >= 0 && isMemberAuthor[t] && isMemberAuthor[author[k]!] && !loose(k)) named++;
  }
  const pairs = new PairTable(named);
  for (let c = 0; c < count; c++) {
    let lastMemberSeq = -1;
    for (let i = start[c]!, seq = 0; i < start[c + 1]!; i++, seq++) {
      const k = order[i]!;
      const a = author[k]!;
      if (isBrandAuthor[a]) {
        brandMessages[c]!++;
        continue;
      }
      if (!isMemberAuthor[a]) continue;
      const t = target[k]!;
      if (t !== NO_TARGET && t >= 0 && isMemberAuthor[t]) memberReplies[c]!++;
      if (seen[a] !== c) {
        seen[a] = c;
        members[c]!++;
      } else if (lastMemberSeq > lastSeq[a]! && loose(k)) backAndForth[c] = 1;
      // a reply that names its target: a back-and-forth when that member answered this one before
      if (t >= 0 && t !== a && isMemberAuthor[t] && !loose(k)) {
        const back = pairs.slot(t, a);
        if (pairs.first[back] !== -1 && pairs.value[back] === c) backAndForth[c] = 1;
        pairs.value[pairs.add(a, t)] = c;
      }
      lastSeq[a] = seq;
      lastMemberSeq = seq;
    }
  }

  const memberReplyCount = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = m.parent[k]!;
    if (p < 0) continue;
    const a = m.author[k]!;
    if (a === m.author[p]) continue;
    if (d.isMemberAuthor[a]) memberReplyCount[p]!++;
  }

  const out: Conversations = {
    count,
    of,
    opener,
    messages,
    members,
    brandMessages,
    memberReplies,
    backAndForth,
    memberReplyCount,
    start,
    order,
    loose: looseBits,
  };
  cache.set(d, out);
  return out;
}

/** What answered each question (a message the lexicon flags as one) asked by some authors. */
export interface QuestionAnswers {
  /** the questions asked by those authors, in message (time) order; the columns below are indexed like it */
  messages: Int32Array;
  /** first direct reply by a member other than the question's author, or -1 */
  firstMemberReply: Int32Array;
  /** first direct reply by a brand account other than the question's author, or -1 */
  firstBrandReply: Int32Array;
  /** the next message of its conversation written by a member other than its author, or -1 */
  nextOtherMember: Int32Array;
  /** the next message of its conversation written by a brand account, or -1 */
  nextBrand: Int32Array;
}

/**
 * The answers to the questions asked by the authors `askedBy` flags (`d.isMemberAuthor`,
 * `d.isBrandAuthor`). Not cached: each detector asks for its own askers and lets the columns
 * go when it is done (two thirds of a comment export can be questions: 20 bytes each, kept
 * through the whole audit, were 40 MB at 3M rows).
 */
export function questionAnswers(ds: Dataset, d: Derived, askedBy: Uint8Array): QuestionAnswers {
  return answerColumns(ds, d, askedBy, false);
}

/** The first answer to each question by a member and by the brand, whichever way it came. */
export interface FirstAnswers {
  /** the questions, in message (time) order; the columns below are indexed like it */
  messages: Int32Array;
  /** the earlier of the first direct reply and the next message of its conversation by another member, or -1 */
  member: Int32Array;
  /** the same by a brand account, or -1 */
  brand: Int32Array;
}

/**
 * `questionAnswers` with each pair of columns folded into its earlier answer, as peer-answers
 * reads them: 12 bytes a question instead of 20 (two thirds of a comment export can be
 * questions: 16 MB less at 3M rows while it runs).
 */
export function firstAnswers(ds: Dataset, d: Derived, askedBy: Uint8Array): FirstAnswers {
  const qa = answerColumns(ds, d, askedBy, true);
  return { messages: qa.messages, member: qa.firstMemberReply, brand: qa.firstBrandReply };
}

/** the number of bits set in a 32-bit word */
function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Messages are in time order: the smaller index of two (-1 = none) came first. */
function earliest(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

/**
 * The columns of `questionAnswers`; with `fold`, the next message by another member (by the
 * brand) is written into the first-reply column itself, and every direct reply then keeps the
 * earlier of the two (the earliest direct reply is the first one).
 */
function answerColumns(ds: Dataset, d: Derived, askedBy: Uint8Array, fold: boolean): QuestionAnswers {
  const conv = conversations(ds, d);
  const m = ds.messages;
  const n = m.count;
  const { author, parent, lex } = m;
  const { isBrandAuthor, isMemberAuthor } = d;
  // Each question's position among them (-1 for any other message), for the passes below: a
  // binary search per question and per reply cost 0.1 s at 1M rows. One bit a message and the
  // count of questions before each word of 32 (a rank: that count plus the bits before it in
  // its word): n / 4 bytes where a position per message took 4 (12 MB at 3M rows), and small
  // enough to stay in the cache when each reply looks its parent up.
  const words = (n + 31) >>> 5;
  const bits = new Uint32Array(words);
  let q = 0;
  for (let k = 0; k < n; k++) {
    if ((lex[k]! & Lex.question) === 0 || askedBy[author[k]!] === 0) continue;
    bits[k >>> 5]! |= 1 << (k & 31);
    q++;
  }
  const before = new Int32Array(words);
  for (let w = 0, c = 0; w < words; w++) {
    before[w] = c;
    c += popcount(bits[w]!);
  }
  const indexOf = (k: number): number => {
    const word = bits[k >>> 5]!;
    const bit = 1 << (k & 31);
    // bit - 1: the bits below k's (for the top bit, -2^31 - 1 is 0x7fffffff once an int32)
    return (word & bit) === 0 ? -1 : before[k >>> 5]! + popcount(word & (bit - 1));
  };
  const messages = new Int32Array(q);
  for (let k = 0, i = 0; k < n; k++) if ((bits[k >>> 5]! >>> (k & 31)) & 1) messages[i++] = k;
  const firstMemberReply = new Int32Array(q).fill(-1);
  const firstBrandReply = new Int32Array(q).fill(-1);
  const nextOtherMember = fold ? firstMemberReply : new Int32Array(q).fill(-1);
  const nextBrand = fold ? firstBrandReply : new Int32Array(q).fill(-1);

  // What comes next in each conversation, read backwards: the nearest member message (j1, by
  // a1) and the nearest one by someone other than a1 (j2), so each question finds the next
  // message by somebody else in constant time; only a loose message can answer whatever came
  // before it.
  const loose = (k: number) => isLoose(conv, k);
  if (conv.count * 4 <= n) {
    // Few, long conversations (a comment export: one per post, their messages spread over the
    // whole file): the messages read backwards in time order, each conversation's four values
    // side by side in a small table (16 bytes a conversation), instead of reading every
    // column out of order conversation by conversation.
    const state = new Int32Array(conv.count * 4).fill(-1);
    const { of } = conv;
    // read backwards, the questions come last first: their positions count down from q
    let next = q;
    for (let k = n - 1; k >= 0; k--) {
      const s = of[k]! * 4;
      const a = author[k]!;
      const x = (bits[k >>> 5]! >>> (k & 31)) & 1 ? --next : -1;
      if (x >= 0) {
        nextOtherMember[x] = state[s + 1] !== a ? state[s]! : state[s + 2]!;
        nextBrand[x] = state[s + 3]!;
      }
      if (!loose(k)) continue;
      if (isBrandAuthor[a]) state[s + 3] = k;
      else if (isMemberAuthor[a]) {
        if (a !== state[s + 1]) state[s + 2] = state[s]!;
        state[s] = k;
        state[s + 1] = a;
      }
    }
  } else {
    // many short conversations: read conversation by conversation, the four values in locals
    const { start, order } = conv;
    for (let c = 0; c < conv.count; c++) {
      let j1 = -1;
      let a1 = -1;
      let j2 = -1;
      let nb = -1;
      for (let i = start[c + 1]! - 1; i >= start[c]!; i--) {
        const k = order[i]!;
        const a = author[k]!;
        const x = indexOf(k);
        if (x >= 0) {
          nextOtherMember[x] = a1 !== a ? j1 : j2;
          nextBrand[x] = nb;
        }
        if (!loose(k)) continue;
        if (isBrandAuthor[a]) nb = k;
        else if (isMemberAuthor[a]) {
          if (a !== a1) j2 = j1;
          j1 = k;
          a1 = a;
        }
      }
    }
  }

  for (let k = 0; k < n; k++) {
    const p = parent[k]!;
    if (p < 0) continue;
    const x = indexOf(p);
    if (x < 0) continue;
    const a = author[k]!;
    if (a === author[p]) continue;
    if (fold) {
      if (isMemberAuthor[a]) firstMemberReply[x] = earliest(firstMemberReply[x]!, k);
      else if (isBrandAuthor[a]) firstBrandReply[x] = earliest(firstBrandReply[x]!, k);
    } else if (isMemberAuthor[a]) {
      if (firstMemberReply[x]! < 0) firstMemberReply[x] = k;
    } else if (isBrandAuthor[a] && firstBrandReply[x]! < 0) firstBrandReply[x] = k;
  }

  return { messages, firstMemberReply, firstBrandReply, nextOtherMember, nextBrand };
}
