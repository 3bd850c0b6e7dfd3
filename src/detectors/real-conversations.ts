/** « Vous observez de vraies conversations en commentaires » */
import { conversations } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

/** A real conversation: this many messages or more… */
export const MIN_MESSAGES = 3;
/** …from this many members or more, one of whom answers back after another spoke. */
export const MIN_MEMBERS = 2;

export default defineDetector({
  id: 'real-conversations',
  group: 'readiness',
  run({ ds, d }) {
    const conv = conversations(ds, d);
    let withMembers = 0;
    const real: number[] = [];
    for (let c = 0; c < conv.count; c++) {
      if (conv.members[c]! === 0) continue;
      withMembers++;
      if (conv.messages[c]! >= MIN_MESSAGES && conv.members[c]! >= MIN_MEMBERS && conv.backAndForth[c]) real.push(c);
    }
    const share = ratio(real.length, withMembers);
    const values = { conversationsWithMembers: withMembers, realConversations: real.length, share: round(share) };
    if (d.replies.total === 0) return { score: null, reason: msg('reason.noMemberReplies'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = [...real]
      .sort((x, y) => conv.messages[y]! - conv.messages[x]! || x - y)
      .slice(0, 3)
      .map((c) => ({ message: conv.opener[c]!, note: msg('evidence.conversation', { messages: conv.messages[c]!, members: conv.members[c]! }) }));
    // a few conversations already show it; their share says whether they are the rule
    const score = 0.5 * scale(real.length, 8) + 0.5 * scale(share, 0.2);
    return {
      score: round(score),
      summary: msg('summary.real-conversations', { real: real.length, withMembers }),
      values,
      evidence,
      sample: withMembers,
      usesReplies: true,
    };
  },
});
