/** conversations before its typed rewrite (src/derive/conversations.ts): the reference it is compared with */
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
 * It also records, per message, its first direct reply by another member and by the brand:
 * what "answered" means for questions.
 */
import { type Dataset, NO_TARGET, ReplyKindCode } from '../../src/model/dataset.js';
import { INFERRED_REPLY_GAP_MS } from '../../src/load/builder.js';
import type { Derived } from '../../src/derive/index.js';

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
  /** per message: first direct reply by another member, or -1 */
  firstMemberReply: Int32Array;
  /** per message: first direct reply by a brand account, or -1 */
  firstBrandReply: Int32Array;
  /** per message: direct replies written by members other than its author */
  memberReplyCount: Int32Array;
  /** per message: the next message of its conversation written by a member other than its author, or -1 */
  nextOtherMember: Int32Array;
  /** per message: the next message of its conversation written by a brand account, or -1 */
  nextBrand: Int32Array;
  /** the messages of conversation c are order[start[c] .. start[c + 1]), in time order */
  start: Int32Array;
  order: Int32Array;
}



export function conversationsReference(ds: Dataset, d: Derived): Conversations {


  const m = ds.messages;
  const n = m.count;
  const nA = ds.authors.length;
  const of = new Int32Array(n).fill(-1);
  const openers: number[] = [];
  const lastInChannel = new Map<number, number>();
  const nCh = Math.max(1, ds.channels.length);

  const open = (k: number) => {
    of[k] = openers.length;
    openers.push(k);
  };
  for (let k = 0; k < n; k++) {
    const p = m.parent[k]!;
    const chKey = m.source[k]! * nCh + m.channel[k]!;
    const prev = lastInChannel.get(chKey);
    lastInChannel.set(chKey, k);
    if (p >= 0) {
      // parents come first in time; a parent dated later (a broken export) is resolved after
      if (of[p]! >= 0) of[k] = of[p]!;
      continue;
    }
    const chat = ds.threads[m.thread[k]!]!.kind === 'chat';
    if (chat && prev !== undefined && m.author[prev] === m.author[k] && m.thread[prev] === m.thread[k] && m.createdAt[k]! - m.createdAt[prev]! <= INFERRED_REPLY_GAP_MS && of[prev]! >= 0) {
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
    while (of[top]! < 0 && m.parent[top]! >= 0 && guard++ < n) top = m.parent[top]!;
    if (of[top]! < 0) open(top);
    const c = of[top]!;
    for (let x = k; of[x]! < 0; x = m.parent[x]!) of[x] = c;
  }

  const count = openers.length;
  const opener = Int32Array.from(openers);
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
  // Whether a message may answer whoever spoke just before it in its conversation. In threads
  // and chats without reply ids (Slack threads, inferred chats), and under a member's message
  // (platforms that flatten replies to two levels), the order of speakers is all there is.
  // A comment under a brand's post is addressed to the brand: it answers no other commenter.
  const loose = (k: number) => {
    const p = m.parent[k]!;
    if (p < 0 || m.replyKind[k] === ReplyKindCode.thread || m.replyKind[k] === ReplyKindCode.inferred) return true;
    return d.isMemberAuthor[m.author[p]!] === 1;
  };
  const pairs = new Set<number>();
  for (let c = 0; c < count; c++) {
    pairs.clear();
    let lastMemberSeq = -1;
    for (let i = start[c]!, seq = 0; i < start[c + 1]!; i++, seq++) {
      const k = order[i]!;
      const a = m.author[k]!;
      if (d.isBrandAuthor[a]) {
        brandMessages[c]!++;
        continue;
      }
      if (!d.isMemberAuthor[a]) continue;
      const t = d.target[k]!;
      if (t !== NO_TARGET && t >= 0 && d.isMemberAuthor[t]) memberReplies[c]!++;
      if (seen[a] !== c) {
        seen[a] = c;
        members[c]!++;
      } else if (lastMemberSeq > lastSeq[a]! && loose(k)) backAndForth[c] = 1;
      // a reply that names its target: a back-and-forth when that member answered this one before
      if (t >= 0 && t !== a && d.isMemberAuthor[t] && !loose(k)) {
        if (pairs.has(t * nA + a)) backAndForth[c] = 1;
        pairs.add(a * nA + t);
      }
      lastSeq[a] = seq;
      lastMemberSeq = seq;
    }
  }

  // what comes next in each conversation, read backwards: the nearest member message (j1, by
  // a1) and the nearest one by someone other than a1 (j2), so each message finds the next
  // message by somebody else in constant time
  const nextOtherMember = new Int32Array(n).fill(-1);
  const nextBrand = new Int32Array(n).fill(-1);
  for (let c = 0; c < count; c++) {
    let j1 = -1;
    let a1 = -1;
    let j2 = -1;
    let nb = -1;
    for (let i = start[c + 1]! - 1; i >= start[c]!; i--) {
      const k = order[i]!;
      const a = m.author[k]!;
      nextOtherMember[k] = a1 !== a ? j1 : j2;
      nextBrand[k] = nb;
      // only a loose message can answer whatever came before it
      if (!loose(k)) continue;
      if (d.isBrandAuthor[a]) nb = k;
      else if (d.isMemberAuthor[a]) {
        if (a !== a1) j2 = j1;
        j1 = k;
        a1 = a;
      }
    }
  }

  const firstMemberReply = new Int32Array(n).fill(-1);
  const firstBrandReply = new Int32Array(n).fill(-1);
  const memberReplyCount = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = m.parent[k]!;
    if (p < 0) continue;
    const a = m.author[k]!;
    if (a === m.author[p]) continue;
    if (d.isMemberAuthor[a]) {
      memberReplyCount[p]!++;
      if (firstMemberReply[p]! < 0) firstMemberReply[p] = k;
    } else if (d.isBrandAuthor[a] && firstBrandReply[p]! < 0) firstBrandReply[p] = k;
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
    firstMemberReply,
    firstBrandReply,
    memberReplyCount,
    nextOtherMember,
    nextBrand,
    start,
    order,
  };

  return out;
}
