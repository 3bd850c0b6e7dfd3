/** « Vos posts ont de la portée, mais peu de conversations entre membres » */
import { msg } from '../i18n/index.js';
import { defineDetector, ratio, round, scale } from './define-detector.js';

/** One reply between members for every five reactions is already a conversation, not just reach. */
const FULL_RATIO = 0.2;

export default defineDetector({
  id: 'reach-without-conversation',
  group: 'audience',
  run({ ds, d }) {
    const m = ds.messages;
    let reactions = 0;
    let counted = 0;
    for (let k = 0; k < m.count; k++) {
      const r = m.reactions[k]!;
      if (r < 0) continue;
      counted++;
      reactions += r;
    }
    const conversation = d.replies.memberToMember;
    const threads = ds.threads.length;
    const perHundred = ratio(conversation * 100, reactions);
    const values = {
      reactions,
      messagesWithReactions: counted,
      memberToMemberReplies: conversation,
      threads,
      reactionsPerThread: round(ratio(reactions, threads), 1),
      memberRepliesPerThread: round(ratio(conversation, threads), 2),
      repliesPer100Reactions: round(perHundred, 1),
    };
    if (counted === 0) return { score: null, reason: msg('reason.noReactions'), values, sample: 0, usesReplies: true };
    if (reactions === 0) return { score: null, reason: msg('reason.noReactionsCounted', { messages: counted }), values, sample: 0, usesReplies: true };
    return {
      score: round(scale(ratio(conversation, reactions), FULL_RATIO)),
      summary: msg('summary.reach-without-conversation', { reactions, replies: conversation, perHundred: round(perHundred, 1), threads }),
      values,
      sample: threads,
      usesReplies: true,
    };
  },
});
