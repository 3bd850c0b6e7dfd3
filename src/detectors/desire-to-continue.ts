/** « Vous ressentez une envie de prolonger les échanges ailleurs (Discord, Slack, WhatsApp, Skool…) » */
import { conversations } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import { type EvidenceRef, defineDetector, round, scale } from './define-detector.js';
import { offPlatformKind } from './off-platform.js';

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
    // who answered a request: a direct reply, or a voice in the conversation the request opened.
    // The requests as one bit a message (n / 8 bytes, it stays in the cache): a Set of them
    // cost two lookups per member message. Nothing to look for without a request.
    if (requests.length > 0) {
      const { author, parent } = m;
      const bits = new Uint32Array((m.count + 31) >>> 5);
      for (const k of requests) bits[k >>> 5]! |= 1 << (k & 31);
      const isRequest = (k: number) => ((bits[k >>> 5]! >>> (k & 31)) & 1) === 1;
      // per conversation, the author of the request that opened it, else -1
      const requestOpener = new Int32Array(conv.count);
      for (let c = 0; c < conv.count; c++) requestOpener[c] = isRequest(conv.opener[c]!) ? author[conv.opener[c]!]! : -1;
      for (let k = 0; k < m.count; k++) {
        const a = author[k]!;
        if (!d.isMemberAuthor[a]) continue;
        const asker = requestOpener[conv.of[k]!]!;
        const p = parent[k]!;
        // the opener's author is another member: the message is not the opener itself
        const answers = (asker >= 0 && asker !== a) || (p >= 0 && isRequest(p) && author[p] !== a);
        if (answers && !askers.has(a)) supporters.add(a);
      }
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
