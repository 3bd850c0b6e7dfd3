/** collective-dynamic before its typed rewrite (src/detectors/collective-dynamic.ts): the reference it is compared with */
/** « Vous sentez une vraie dynamique collective, une “émulation” » */
import { type Conversations, conversations } from '../../../src/derive/conversations.js';
import type { Derived } from '../../../src/derive/index.js';
import { reciprocity, replyNetwork } from '../../../src/derive/graph.js';
import { msg } from '../../../src/i18n/index.js';
import { Lex } from '../../../src/lexicon/index.js';
import { type Dataset, NO_TARGET } from '../../../src/model/dataset.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, topAuthors } from '../../../src/detectors/define-detector.js';

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
    // pairs of members, whichever way the replies went, and whether they met again in another
    // conversation: a question and its thanks are one exchange, talking again is a tie
    const firstConversation = new Map<number, number>();
    const repeated = new Set<number>();
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      const t = d.target[k]!;
      const to = t >= 0 && d.isMemberAuthor[t] && d.isMemberAuthor[a] ? t : implied[k]!;
      if (to < 0 || to === a) continue;
      const pair = Math.min(a, to) * nA + Math.max(a, to);
      const c = conv.of[k]!;
      const first = firstConversation.get(pair);
      if (first === undefined) firstConversation.set(pair, c);
      else if (first !== c) repeated.add(pair);
    }
    const pairs = firstConversation;
    const repeatPairs = repeated.size;
    const repeatsOf = new Map<number, number>();
    for (const key of repeated) for (const a of [Math.floor(key / nA), key % nA]) repeatsOf.set(a, (repeatsOf.get(a) ?? 0) + 1);
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
    // reciprocity over every directed link: those of the reply network, and the implied ones
    const links = replyNetwork(ds, d).directed.copy();
    for (let k = 0; k < m.count; k++) if (implied[k]! >= 0) links.mergeEdge(String(m.author[k]), String(implied[k]));
    const recip = reciprocity(links);
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
      ...topAuthors(d, repeatsOf.keys(), (a) => repeatsOf.get(a)!, 3).map((a) => ({ author: a, note: msg('evidence.repeatPartners', { partners: repeatsOf.get(a)! }) })),
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
