/** « sans votre intervention » — what is left of the conversation when the brand steps out */
import { replyNetwork, degreeCentralization, largestComponent } from '../derive/graph.js';
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

export default defineDetector({
  id: 'brand-independence',
  group: 'community',
  run({ ds, d }) {
    const net = replyNetwork(ds, d);
    // threads started by members that another member answered without the brand
    let memberStarted = 0;
    let answeredByMember = 0;
    d.threadStats.forEach((ts) => {
      if (!ts.memberStarted) return;
      memberStarted++;
      if (ts.memberReplies > 0) answeredByMember++;
    });
    const largest = largestComponent(net.members);
    const centralWith = degreeCentralization(net.withBrand);
    const centralWithout = degreeCentralization(net.members);
    const largestShare = ratio(largest.length, d.activeMembers);
    const answeredShare = ratio(answeredByMember, memberStarted);
    const values = {
      memberStartedThreads: memberStarted,
      answeredByMember,
      answeredShare: round(answeredShare),
      largestMemberGroup: largest.length,
      activeMembers: d.activeMembers,
      largestMemberGroupShare: round(largestShare),
      centralizationWithBrand: round(centralWith),
      centralizationWithoutBrand: round(centralWithout),
    };
    if (net.withBrand.size === 0) return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = largest
      .map(Number)
      .sort((a, b) => d.authorStats[b]!.answersReceived - d.authorStats[a]!.answersReceived || a - b)
      .slice(0, 5)
      .map((a) => ({ author: a, note: msg('evidence.linkedMembers', { links: net.members.degree(String(a)) }) }));
    // hub and spoke: the brand's node holds the network together; a mesh holds without it
    const hubness = centralWith;
    const score =
      memberStarted > 0
        ? 0.35 * scale(answeredShare, 0.6) + 0.35 * scale(largestShare, 0.3) + 0.3 * (1 - hubness)
        : 0.55 * scale(largestShare, 0.3) + 0.45 * (1 - hubness);
    return {
      score: round(score),
      summary: msg('summary.brand-independence', { largest: largest.length, members: d.activeMembers, answeredByMember, memberStarted }),
      values,
      evidence,
      sample: net.withBrand.size,
      usesReplies: true,
    };
  },
});
