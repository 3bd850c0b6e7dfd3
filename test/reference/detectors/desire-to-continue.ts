/** desire-to-continue before its rewrite without Sets of messages (src/detectors/desire-to-continue.ts): the reference it is compared with */
/** « Vous ressentez une envie de prolonger les échanges ailleurs (Discord, Slack, WhatsApp, Skool…) » */
import { conversations } from '../../../src/derive/conversations.js';
import type { Derived } from '../../../src/derive/index.js';
import type { Dataset } from '../../../src/model/dataset.js';
import { msg } from '../../../src/i18n/index.js';
import { Lex } from '../../../src/lexicon/index.js';
import { type EvidenceRef, defineDetector, round, scale } from '../../../src/detectors/define-detector.js';

/** off-platform's offPlatformKind as it was then (it now tests the flags before the parent) */
function offPlatformKind(ds: Dataset, d: Derived, k: number): string | null {
  const m = ds.messages;
  if (!d.isMemberAuthor[m.author[k]!]) return null;
  const f = m.lex[k]!;
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

export default defineDetector({
  id: 'desire-to-continue',
  group: 'readiness',
  run({ ds, d }) {
    const m = ds.messages;
    const conv = conversations(ds, d);
    const askers = new Set<number>();
    const proposers = new Set<number>();
    const supporters = new Set<number>();
    const requests: number[] = [];
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      if (!d.isMemberAuthor[a]) continue;
      if (m.lex[k]! & Lex.continueRequest) {
        askers.add(a);
        requests.push(k);
      } else if (offPlatformKind(ds, d, k)) proposers.add(a);
    }
    // who answered a request: a direct reply, or a voice in the conversation the request opened
    const requestSet = new Set(requests);
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      if (!d.isMemberAuthor[a]) continue;
      const p = m.parent[k]!;
      const opener = conv.opener[conv.of[k]!]!;
      const answers = (p >= 0 && requestSet.has(p) && m.author[p] !== a) || (opener !== k && requestSet.has(opener) && m.author[opener] !== a);
      if (answers && !askers.has(a)) supporters.add(a);
    }
    for (const a of askers) proposers.delete(a);
    const values = {
      requests: requests.length,
      askers: askers.size,
      supporters: supporters.size,
      proposers: proposers.size,
      memberMessages: d.memberMessages,
    };
    if (d.memberMessages === 0) return { score: null, reason: msg('reason.noMembers'), values, sample: 0, usesReplies: false };
    const firstByAsker = new Map<number, number>();
    for (const k of requests) if (!firstByAsker.has(m.author[k]!)) firstByAsker.set(m.author[k]!, k);
    const evidence: EvidenceRef[] = [...firstByAsker.values()]
      .slice(0, 5)
      .map((k) => ({ message: k, note: msg('evidence.continueRequest', { answers: conv.memberReplyCount[k]! }) }));
    // "an envie" is felt from a few voices: three members asking, or more proposing, is plenty
    const score = 0.7 * scale(askers.size + 0.5 * proposers.size, 3) + 0.3 * scale(supporters.size, 4);
    return {
      score: round(score),
      summary:
        askers.size > 0 && proposers.size > 0
          ? msg('summary.desire-to-continue', { askers: askers.size, supporters: supporters.size, proposers: proposers.size })
          : askers.size > 0
            ? msg('summary.desire-to-continue.asked', { askers: askers.size, supporters: supporters.size })
          : proposers.size > 0
            ? msg('summary.desire-to-continue.proposersOnly', { proposers: proposers.size })
            : msg('summary.desire-to-continue.none', { memberMessages: d.memberMessages }),
      values,
      evidence,
      highlights: { requests: evidence },
      sample: d.memberMessages,
      usesReplies: false,
    };
  },
});
