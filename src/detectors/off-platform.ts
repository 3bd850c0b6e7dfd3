/** « Les interactions se poursuivent en dehors des réseaux » */
import { type Conversations, conversations } from '../derive/conversations.js';
import type { Derived } from '../derive/index.js';
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import type { Dataset } from '../model/dataset.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

export type OffPlatformKind = 'link' | 'meet' | 'private' | 'tool';

/**
 * How a member's message carries the exchange elsewhere, or null. An invite link always
 * counts. A proposal to meet or a tool's name counts unless it answers one of your messages
 * (then it is a customer asking you something). A private-message proposal counts only
 * between members: « on peut commander en DM ? » under your post is customer service.
 */
const OFF_PLATFORM_FLAGS = Lex.offPlatformLink | Lex.offPlatformProposal | Lex.offPlatformTool | Lex.privateMessage;

export function offPlatformKind(ds: Dataset, d: Derived, k: number): OffPlatformKind | null {
  const m = ds.messages;
  if (!d.isMemberAuthor[m.author[k]!]) return null;
  const f = m.lex[k]!;
  // most messages carry none of these flags: answered before the parent is read
  if (!(f & OFF_PLATFORM_FLAGS)) return null;
  if (f & Lex.offPlatformLink) return 'link';
  const p = m.parent[k]!;
  const answersBrand = p >= 0 && d.isBrandAuthor[m.author[p]!] === 1;
  if (f & Lex.offPlatformProposal && !answersBrand) return 'meet';
  // asking whether a place exists is a wish (desire-to-continue), not a move
  if (f & Lex.offPlatformTool && !answersBrand && !(f & Lex.continueRequest)) return 'tool';
  const to = d.target[k]!;
  if (f & Lex.privateMessage && to >= 0 && d.isMemberAuthor[to]) return 'private';
  return null;
}

/** Another member answered the message, or joined the conversation it opened. */
export function answeredByMember(conv: Conversations, k: number): boolean {
  const c = conv.of[k]!;
  return conv.memberReplyCount[k]! > 0 || (conv.opener[c] === k && conv.members[c]! >= 2);
}

export default defineDetector({
  id: 'off-platform',
  group: 'community',
  run({ ds, d }) {
    const m = ds.messages;
    const conv = conversations(ds, d);
    const byKind: Record<OffPlatformKind, number> = { link: 0, meet: 0, private: 0, tool: 0 };
    const proposers = new Set<number>();
    const firstOf = new Map<number, number>();
    let messages = 0;
    let answered = 0;
    let brandInvites = 0;
    for (let k = 0; k < m.count; k++) {
      const f = m.lex[k]!;
      if (f === 0) continue;
      if (d.isBrandAuthor[m.author[k]!] && f & (Lex.offPlatformLink | Lex.offPlatformProposal)) brandInvites++;
      const kind = offPlatformKind(ds, d, k);
      if (!kind) continue;
      messages++;
      byKind[kind]++;
      const a = m.author[k]!;
      proposers.add(a);
      if (!firstOf.has(a)) firstOf.set(a, k);
      if (answeredByMember(conv, k)) answered++;
    }
    const values = {
      messages,
      members: proposers.size,
      answered,
      answeredShare: round(ratio(answered, messages)),
      inviteLinks: byKind.link,
      meetProposals: byKind.meet,
      privateProposals: byKind.private,
      toolMentions: byKind.tool,
      brandInvites,
      memberMessages: d.memberMessages,
    };
    if (d.memberMessages === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: false };
    const evidence: EvidenceRef[] = [...firstOf.values()]
      .sort((x, y) => x - y)
      .slice(0, 5)
      .map((k) => ({ message: k, note: msg(`evidence.offPlatform.${offPlatformKind(ds, d, k)!}`, { answers: conv.memberReplyCount[k]! }) }));
    // a few members taking the exchange elsewhere is the sign; a big group needs a few more
    const target = Math.max(3, Math.round(d.activeMembers * 0.03));
    const score = 0.6 * scale(proposers.size, target) + 0.4 * ratio(answered, messages);
    return {
      score: round(score),
      summary:
        messages === 0
          ? msg('summary.off-platform.none', { memberMessages: d.memberMessages })
          : msg('summary.off-platform', { members: proposers.size, messages, answered }),
      values,
      evidence,
      highlights: { proposals: evidence },
      sample: d.memberMessages,
      usesReplies: false,
    };
  },
});
