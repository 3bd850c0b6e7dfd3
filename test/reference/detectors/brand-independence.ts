/** brand-independence before its typed rewrite (src/detectors/brand-independence.ts): the reference it is compared with */
/** « sans votre intervention » — what is left of the conversation when the brand steps out */
import { conversations } from '../../../src/derive/conversations.js';
import { componentCount, degreeCentralization, largestComponent, replyNetwork } from '../../../src/derive/graph.js';
import { msg } from '../../../src/i18n/index.js';
import { type EvidenceRef, blend, defineDetector, mostlyComments, ratio, round, scale, topAuthors } from '../../../src/detectors/define-detector.js';

export default defineDetector({
  id: 'brand-independence',
  group: 'community',
  run({ ds, d }) {
    const net = replyNetwork(ds, d);
    const conv = conversations(ds, d);
    const m = ds.messages;
    // conversations a member opened (a thread, or a comment under a post) that another member answered
    let opened = 0;
    let answered = 0;
    let answeredWithoutBrand = 0;
    for (let c = 0; c < conv.count; c++) {
      if (!d.isMemberAuthor[m.author[conv.opener[c]!]!]) continue;
      opened++;
      if (conv.members[c]! >= 2) {
        answered++;
        if (conv.brandMessages[c] === 0) answeredWithoutBrand++;
      }
    }
    const firstSeen = (node: string) => d.authorStats.first[Number(node)]!;
    const largest = largestComponent(net.members, firstSeen);
    const centralWith = degreeCentralization(net.withBrand);
    const centralWithout = degreeCentralization(net.members);
    const largestShare = ratio(largest.length, d.activeMembers);
    const answeredShare = ratio(answered, opened);
    const values = {
      memberOpenedConversations: opened,
      answeredByMember: answered,
      answeredWithoutBrand,
      answeredShare: round(answeredShare),
      largestMemberGroup: largest.length,
      memberGroups: componentCount(net.members),
      activeMembers: d.activeMembers,
      largestMemberGroupShare: round(largestShare),
      centralizationWithBrand: round(centralWith),
      centralizationWithoutBrand: round(centralWithout),
    };
    if (net.withBrand.size === 0) return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = topAuthors(d, largest.map(Number), (a) => net.members.degree(String(a)), 5).map((a) => ({ author: a, note: msg('evidence.linkedMembers', { links: net.members.degree(String(a)) }) }));
    // hub and spoke: the brand's node holds the network together; a mesh holds without it
    const score = blend([
      [0.35, opened > 0 ? scale(answeredShare, 0.6) : null],
      [0.35, scale(largestShare, 0.3)],
      [0.3, 1 - centralWith],
    ])!;
    const where = opened === 0 ? 'noneOpened' : mostlyComments(ds) ? 'comments' : 'threads';
    return {
      score: round(score),
      summary: msg(`summary.brand-independence.${where}`, { largest: largest.length, members: d.activeMembers, answered, opened }),
      values,
      evidence,
      sample: net.withBrand.size,
      usesReplies: true,
    };
  },
});
