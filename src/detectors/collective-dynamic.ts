/** « Vous sentez une vraie dynamique collective, une “émulation” » */
import { type Conversations, conversations } from '../derive/conversations.js';
import type { Derived } from '../derive/index.js';
import { PairTable } from '../derive/pair-table.js';
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import { type Dataset, NO_TARGET } from '../model/dataset.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, topAuthors } from './define-detector.js';

/**
 * For each member message that the export links to nobody, the member it answers in its
 * conversation: the last other member who wrote before it (or -1).
 */
function impliedTargets(ds: Dataset, d: Derived, conv: Conversations): Int32Array {
  const m = ds.messages;
  const out = new Int32Array(m.count).fill(-1);
  for (let c = 0; c < conv.count; c++) {
    let last = -1;
    for (let i = conv.start[c]!; i < conv.start[c + 1]!; i++) {
      const k = conv.order[i]!;
      const a = m.author[k]!;
      if (!d.isMemberAuthor[a]) continue;
      if (d.target[k] === NO_TARGET && last >= 0 && last !== a) out[k] = last;
      last = a;
    }
  }
  return out;
}

export default defineDetector({
  id: 'collective-dynamic',
  group: 'community',
  run({ ds, d }) {
    const m = ds.messages;
    const nA = ds.authors.length;
    const conv = conversations(ds, d);
    // who answers whom: the reply links, plus the answers the export does not link. In a
    // thread where every reply points to the root (Slack), the asker's "Merci Julie" answers
    // nobody; said in a conversation, it answers the last member who spoke before.
    const implied = impliedTargets(ds, d, conv);
    let impliedReplies = 0;
    for (let k = 0; k < m.count; k++) if (implied[k]! >= 0) impliedReplies++;
    // who a member message answers among members: its reply target, else the implied one
    const memberTo = (k: number, a: number) => {
      const t = d.target[k]!;
      return t >= 0 && d.isMemberAuthor[t] && d.isMemberAuthor[a] ? t : implied[k]!;
    };
    let links = 0;
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      const to = memberTo(k, a);
      if (to >= 0 && to !== a) links++;
    }
    // pairs of members, whichever way the replies went, and whether they met again in another
    // conversation: a question and its thanks are one exchange, talking again is a tie. A
    // typed table (the pair's first conversation, marked when they met again) where a Map and
    // a Set took an entry object per pair.
    // Both tables start for a quarter of the links and grow: sized for every link, they took
    // 2–4 times the slots the distinct pairs need (over 200 MB at 3M rows).
    const pairs = new PairTable(links >>> 2);
    // the directed links for reciprocity: those of the reply network (member to member) and
    // the implied ones; a link is mutual when the reverse one exists
    const directed = new PairTable(links >>> 2, false);
    let repeatPairs = 0;
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      const to = memberTo(k, a);
      if (to < 0 || to === a) continue;
      const c = conv.of[k]!;
      const s = pairs.add(Math.min(a, to), Math.max(a, to));
      if (pairs.added) pairs.value[s] = c;
      else if (pairs.value[s] !== c && !pairs.mark[s]) {
        pairs.mark[s] = 1;
        repeatPairs++;
      }
      const t = d.target[k]!;
      if (t >= 0 && d.isMemberAuthor[t] && d.isMemberAuthor[a]) directed.add(a, t);
      if (implied[k]! >= 0) directed.add(a, implied[k]!);
    }
    const repeatsOf = new Int32Array(nA);
    for (let s = 0; s < pairs.capacity; s++) {
      if (!pairs.mark[s]) continue;
      repeatsOf[pairs.first[s]!]!++;
      repeatsOf[pairs.second[s]!]!++;
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
    // thanks and welcomes from one member to another: the warmth of a group
    let warm = 0;
    const warmExamples: number[] = [];
    for (let k = 0; k < m.count; k++) {
      if (!(m.lex[k]! & (Lex.thanks | Lex.welcome))) continue;
      const to = d.target[k]! === NO_TARGET ? implied[k]! : d.target[k]!;
      if (!d.isMemberAuthor[m.author[k]!] || to < 0 || !d.isMemberAuthor[to]) continue;
      warm++;
      if (warmExamples.length < 3) warmExamples.push(k);
    }
    let mutual = 0;
    for (let s = 0; s < directed.capacity; s++) if (directed.first[s] !== -1 && directed.has(directed.second[s]!, directed.first[s]!)) mutual++;
    const recip = ratio(mutual, directed.size);
    const repeatShare = ratio(repeatPairs, pairs.size);
    const threePlusShare = ratio(threePlus, withMembers);
    const warmPerMember = ratio(warm, d.activeMembers);
    const values = {
      reciprocity: round(recip),
      impliedReplies,
      memberPairs: pairs.size,
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
      summary: msg('summary.collective-dynamic', { reciprocity: recip, repeatPairs, pairs: pairs.size, threePlus, withMembers, warm }),
      values,
      evidence,
      sample: d.replies.total,
      usesReplies: true,
    };
  },
});
