/** « Vous sentez une vraie dynamique collective, une “émulation” » */
import { type Conversations, conversations } from '../derive/conversations.js';
import type { Derived } from '../derive/index.js';
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import { type Dataset, NO_TARGET } from '../model/dataset.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, topAuthors } from './define-detector.js';

/**
 * The member-to-member links of a dataset, grouped by the lower author of each pair: who
 * answers whom (the reply link, else the implied one), in which conversation, counted pair
 * by pair without a hash table.
 */
interface Links {
  /** links with one member answering another, written through the export or implied */
  count: number;
  /** member messages the export links to nobody but that answer the member who spoke before */
  impliedReplies: number;
  /** thanks and welcomes from one member to another */
  warm: number;
  /** the first three of them, in message order */
  warmExamples: number[];
  /** the links of pair (x, y), x < y, are at start[x] .. start[x + 1]: y * 2 + 1 when y wrote
   * to x, y * 2 when x wrote to y, in `other`; the conversation in `conv` */
  start: Int32Array;
  other: Int32Array;
  conv: Int32Array;
}

/**
 * One pass over the messages in time order, twice (to count, then to place the links): a
 * member message the export links to nobody answers the last other member who wrote before
 * it in its conversation (`lastMember`, a column per conversation), else its reply target
 * when that is a member. The links are placed with a counting sort by the pair's lower author
 * (stable: each group keeps message order), 8 bytes a link; the hash tables this replaced
 * held 13 bytes a slot at 2–4 slots a distinct pair, plus a column of implied targets.
 */
function memberLinks(ds: Dataset, d: Derived, conv: Conversations): Links {
  const m = ds.messages;
  const n = m.count;
  const nA = ds.authors.length;
  const { author, lex } = m;
  const { target, isMemberAuthor } = d;
  const of = conv.of;
  const lastMember = new Int32Array(conv.count);
  // pos[x + 2] counts the links of group x; after the prefix sums pos[x + 1] is where group
  // x starts, and it is moved along as the group is filled, ending where group x + 1 starts
  const pos = new Int32Array(nA + 2);
  let other = new Int32Array(0);
  let convOf = new Int32Array(0);
  const out: Links = { count: 0, impliedReplies: 0, warm: 0, warmExamples: [], start: pos, other, conv: convOf };
  for (let pass = 0; pass < 2; pass++) {
    lastMember.fill(-1);
    for (let k = 0; k < n; k++) {
      const a = author[k]!;
      if (!isMemberAuthor[a]) continue;
      const c = of[k]!;
      const last = lastMember[c]!;
      lastMember[c] = a;
      const t = target[k]!;
      // the reply target when it is a member (never the author: derive drops self-replies);
      // without one, the member who spoke last (implied); a reply to the brand answers no member
      let to: number;
      let implied = false;
      if (t >= 0) {
        if (!isMemberAuthor[t]) continue;
        to = t;
      } else if (t === NO_TARGET && last >= 0 && last !== a) {
        to = last;
        implied = true;
      } else continue;
      const lo = a < to ? a : to;
      if (pass === 0) {
        pos[lo + 2]!++;
        out.count++;
        if (implied) out.impliedReplies++;
        if (lex[k]! & (Lex.thanks | Lex.welcome)) {
          out.warm++;
          if (out.warmExamples.length < 3) out.warmExamples.push(k);
        }
      } else {
        const j = pos[lo + 1]!++;
        other[j] = lo === a ? to * 2 : a * 2 + 1;
        convOf[j] = c;
      }
    }
    if (pass === 0) {
      for (let x = 2; x < nA + 2; x++) pos[x]! += pos[x - 1]!;
      other = out.other = new Int32Array(out.count);
      convOf = out.conv = new Int32Array(out.count);
    }
  }
  return out;
}

export default defineDetector({
  id: 'collective-dynamic',
  group: 'community',
  run({ ds, d }) {
    const nA = ds.authors.length;
    const conv = conversations(ds, d);
    // who answers whom: the reply links, plus the answers the export does not link. In a
    // thread where every reply points to the root (Slack), the asker's "Merci Julie" answers
    // nobody; said in a conversation, it answers the last member who spoke before.
    const links = memberLinks(ds, d, conv);
    const { impliedReplies, warm, warmExamples } = links;
    // pairs of members, whichever way the replies went, and whether they met again in another
    // conversation: a question and its thanks are one exchange, talking again is a tie. The
    // links of each lower author are read together; the other author of each is stamped with
    // the group, its pair's first conversation and what the pair has shown so far (bit 1: the
    // lower one wrote to the other, bit 2: the other way, bit 4: they met again). Reciprocity
    // counts the directed pairs (the reply network's member links and the implied ones) whose
    // reverse exists.
    const stamp = new Int32Array(nA).fill(-1);
    const firstConv = new Int32Array(nA);
    const state = new Uint8Array(nA);
    const repeatsOf = new Int32Array(nA);
    let memberPairs = 0;
    let repeatPairs = 0;
    let directed = 0;
    let mutual = 0;
    const { start, other, conv: convOf } = links;
    for (let x = 0; x < nA; x++) {
      for (let j = start[x]!; j < start[x + 1]!; j++) {
        const y = other[j]! >>> 1;
        const bit = (other[j]! & 1) + 1;
        const c = convOf[j]!;
        if (stamp[y] !== x) {
          stamp[y] = x;
          firstConv[y] = c;
          state[y] = bit;
          memberPairs++;
          directed++;
          continue;
        }
        let s = state[y]!;
        if (!(s & 4) && firstConv[y] !== c) {
          s |= 4;
          repeatPairs++;
          repeatsOf[x]!++;
          repeatsOf[y]!++;
        }
        if (!(s & bit)) {
          s |= bit;
          directed++;
          mutual += 2;
        }
        state[y] = s;
      }
    }
    const repeaters: number[] = [];
    for (let a = 0; a < nA; a++) if (repeatsOf[a]! > 0) repeaters.push(a);
    let withMembers = 0;
    let threePlus = 0;
    for (let c = 0; c < conv.count; c++) {
      if (conv.members[c]! === 0) continue;
      withMembers++;
      if (conv.members[c]! >= 3) threePlus++;
    }
    const recip = ratio(mutual, directed);
    const repeatShare = ratio(repeatPairs, memberPairs);
    const threePlusShare = ratio(threePlus, withMembers);
    const warmPerMember = ratio(warm, d.activeMembers);
    const values = {
      reciprocity: round(recip),
      impliedReplies,
      memberPairs,
      repeatPairs,
      repeatPairShare: round(repeatShare),
      conversationsWithMembers: withMembers,
      conversationsWith3Members: threePlus,
      threeMemberShare: round(threePlusShare),
      thanksAndWelcomes: warm,
      activeMembers: d.activeMembers,
    };
    if (d.replies.total === 0) return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = [
      ...topAuthors(d, repeaters, (a) => repeatsOf[a]!, 3).map((a) => ({ author: a, note: msg('evidence.repeatPartners', { partners: repeatsOf[a]! }) })),
      ...warmExamples.map((k) => ({ message: k })),
    ];
    const score =
      0.3 * scale(recip, 0.5) + 0.25 * scale(repeatShare, 0.4) + 0.25 * scale(threePlusShare, 0.3) + 0.2 * scale(warmPerMember, 0.3);
    return {
      score: round(score),
      summary: msg('summary.collective-dynamic', { reciprocity: recip, repeatPairs, pairs: memberPairs, threePlus, withMembers, warm }),
      values,
      evidence,
      sample: d.replies.total,
      usesReplies: true,
    };
  },
});
