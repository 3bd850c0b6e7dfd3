/** « Des initiatives spontanées émergent (entraide, idées, feedbacks) » */
import { conversations } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

/** An initiative draws at least this many members besides the one who opened it. */
export const MIN_OTHERS = 2;

/** What an initiative is about, read from its first message; the first kind that fits wins. */
export const INITIATIVE_KINDS = ['event', 'idea', 'resource', 'feedback', 'help', 'talk'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export function initiativeKind(flags: number): InitiativeKind {
  if (flags & Lex.event) return 'event';
  // « Des idées pour… ? » asks the others for help; « Idée : un canal… ? » proposes one
  if (flags & Lex.help && flags & Lex.question) return 'help';
  if (flags & Lex.idea) return 'idea';
  if (flags & (Lex.resource | Lex.url)) return 'resource';
  if (flags & Lex.feedback) return 'feedback';
  // a question a member asks the others is mutual help in the making
  if (flags & (Lex.help | Lex.question)) return 'help';
  return 'talk';
}

export default defineDetector({
  id: 'spontaneous-initiatives',
  group: 'community',
  run({ ds, d }) {
    const conv = conversations(ds, d);
    const m = ds.messages;
    const counts: Record<InitiativeKind, number> = { event: 0, idea: 0, resource: 0, feedback: 0, help: 0, talk: 0 };
    let opened = 0;
    const found: number[] = [];
    for (let c = 0; c < conv.count; c++) {
      const k = conv.opener[c]!;
      if (!d.isMemberAuthor[m.author[k]!]) continue;
      opened++;
      if (conv.members[c]! - 1 < MIN_OTHERS || conv.brandMessages[c]! > 0) continue;
      found.push(c);
      counts[initiativeKind(m.lex[k]!)]++;
    }
    const initiatives = found.length;
    const share = ratio(initiatives, opened);
    const kinds = INITIATIVE_KINDS.filter((kind) => kind !== 'talk' && counts[kind] > 0).length;
    const values = { memberOpenedConversations: opened, initiatives, share: round(share), ...counts, kinds };
    if (opened === 0) return { score: null, reason: msg('reason.noMemberOpened'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = [...found]
      .sort((x, y) => conv.members[y]! - conv.members[x]! || x - y)
      .slice(0, 5)
      .map((c) => {
        const k = conv.opener[c]!;
        return { message: k, note: msg(`evidence.initiative.${initiativeKind(m.lex[k]!)}`, { others: conv.members[c]! - 1 }) };
      });
    // a handful of initiatives is already a sign; a share and a variety of them make it a habit
    const score = 0.4 * scale(initiatives, 8) + 0.4 * scale(share, 0.25) + 0.2 * scale(kinds, 3);
    return {
      score: round(score),
      summary:
        initiatives === 0
          ? msg('summary.spontaneous-initiatives.none', { opened })
          : msg('summary.spontaneous-initiatives', { initiatives, opened, ...counts }),
      values,
      evidence,
      highlights: { initiatives: evidence },
      sample: opened,
      usesReplies: true,
    };
  },
});
