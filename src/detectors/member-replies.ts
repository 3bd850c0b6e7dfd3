/** « Les membres se répondent entre eux (sans votre intervention) » */
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

/** Half of member replies going to other members is already a conversation among peers. */
const FULL_SHARE = 0.5;

export default defineDetector({
  id: 'member-replies',
  group: 'community',
  run({ ds, d }) {
    const { memberToMember, memberToBrand, total } = d.replies;
    let peerThreads = 0;
    let threadsWithMembers = 0;
    for (const ts of d.threadStats) {
      if (ts.members === 0) continue;
      threadsWithMembers++;
      if (ts.members >= 2 && ts.brandMessages === 0 && ts.memberReplies > 0) peerThreads++;
    }
    const share = ratio(memberToMember, total);
    const peerThreadShare = ratio(peerThreads, threadsWithMembers);
    const values = {
      memberReplies: total,
      toMembers: memberToMember,
      toBrand: memberToBrand,
      share: round(share),
      threadsWithMembers,
      memberOnlyThreads: peerThreads,
      memberOnlyThreadShare: round(peerThreadShare),
    };
    if (total === 0) {
      return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    }
    // evidence: the first member-to-member reply of each of the most active answering members
    const evidence: EvidenceRef[] = [];
    const seen = new Set<number>();
    const m = ds.messages;
    for (let k = 0; k < m.count && evidence.length < 3; k++) {
      const a = m.author[k]!;
      const to = d.target[k]!;
      if (!d.isMemberAuthor[a] || to < 0 || !d.isMemberAuthor[to] || seen.has(a)) continue;
      seen.add(a);
      evidence.push({ message: k, author: a });
    }
    return {
      score: round(0.75 * scale(share, FULL_SHARE) + 0.25 * scale(peerThreadShare, FULL_SHARE)),
      summary: msg('summary.member-replies', { toMembers: memberToMember, total, share }),
      values,
      evidence,
      sample: total,
      usesReplies: true,
    };
  },
});
