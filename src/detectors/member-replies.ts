/** « Les membres se répondent entre eux (sans votre intervention) » */
import { conversations } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, topAuthors } from './define-detector.js';

/** Half of member replies going to other members is already a conversation among peers. */
const FULL_SHARE = 0.5;

export default defineDetector({
  id: 'member-replies',
  group: 'community',
  run({ ds, d }) {
    const { memberToMember, memberToBrand, total } = d.replies;
    const conv = conversations(ds, d);
    const m = ds.messages;
    // member messages that sit in a conversation between members only: two members or more,
    // one answering the other, and no message of yours
    let peerConversations = 0;
    let inPeerConversations = 0;
    for (let c = 0; c < conv.count; c++) {
      if (conv.members[c]! < 2 || conv.brandMessages[c]! > 0 || conv.memberReplies[c]! === 0) continue;
      peerConversations++;
      for (let i = conv.start[c]!; i < conv.start[c + 1]!; i++) if (d.isMemberAuthor[m.author[conv.order[i]!]!]) inPeerConversations++;
    }
    const share = ratio(memberToMember, total);
    const peerMessageShare = ratio(inPeerConversations, d.memberMessages);
    const values = {
      memberReplies: total,
      toMembers: memberToMember,
      toBrand: memberToBrand,
      share: round(share),
      memberMessages: d.memberMessages,
      memberOnlyConversations: peerConversations,
      messagesInMemberOnlyConversations: inPeerConversations,
      memberOnlyMessageShare: round(peerMessageShare),
    };
    if (total === 0) {
      return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    }
    // evidence: one reply to another member from each of the members who answer others most
    const { repliesToMembers } = d.authorStats;
    const candidates: number[] = [];
    for (let a = 0; a < ds.authors.length; a++) if (d.isMemberAuthor[a] && repliesToMembers[a]! > 0) candidates.push(a);
    const answerers = topAuthors(d, candidates, (a) => repliesToMembers[a]!, 3);
    const wanted = new Set(answerers);
    const firstReply = new Map<number, number>();
    for (let k = 0; k < m.count && firstReply.size < wanted.size; k++) {
      const a = m.author[k]!;
      const to = d.target[k]!;
      if (wanted.has(a) && !firstReply.has(a) && to >= 0 && d.isMemberAuthor[to]) firstReply.set(a, k);
    }
    const evidence: EvidenceRef[] = answerers.map((a) => ({
      message: firstReply.get(a)!,
      note: msg('evidence.answersOthers', { replies: repliesToMembers[a]! }),
    }));
    const score = 0.75 * scale(share, FULL_SHARE) + 0.25 * scale(peerMessageShare, FULL_SHARE);
    const band = share < 0.15 ? 'low' : share < 0.4 ? 'mid' : 'high';
    return {
      score: round(score),
      summary: msg(`summary.member-replies.${band}`, { toMembers: memberToMember, total, share, peerShare: peerMessageShare }),
      values,
      evidence,
      sample: total,
      usesReplies: true,
    };
  },
});
