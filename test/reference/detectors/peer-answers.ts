/** peer-answers as first written (every delay in a number array, sorted with a comparator): the reference for src/detectors/peer-answers.ts */
/** « Des personnes posent des questions et se répondent entre elles » (§4) */
import { conversationsReference as conversations } from '../conversations.js';
import { msg } from '../../../src/i18n/index.js';
import { Lex } from '../../../src/lexicon/index.js';
import { type EvidenceRef, defineDetector, quantile, ratio, round, scale } from '../../../src/detectors/define-detector.js';

const HOUR = 3600 * 1000;

/** Messages are in time order: the smaller index of two (-1 = none) came first. */
function earliest(a: number, b: number): number {
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

export default defineDetector({
  id: 'peer-answers',
  group: 'readiness',
  run({ ds, d }) {
    const m = ds.messages;
    const conv = conversations(ds, d);
    let questions = 0;
    let byMember = 0;
    let byBrand = 0;
    let brandOnly = 0;
    const memberDelays: number[] = [];
    const brandDelays: number[] = [];
    const answered: number[] = [];
    const unanswered: number[] = [];
    for (let k = 0; k < m.count; k++) {
      if (!d.isMemberAuthor[m.author[k]!] || !(m.lex[k]! & Lex.question)) continue;
      questions++;
      // the first answer: a direct reply, or (in a thread or a chat where replies point to the
      // thread rather than to the question) the next message of the conversation by someone else
      const fm = earliest(conv.firstMemberReply[k]!, conv.nextOtherMember[k]!);
      const fb = earliest(conv.firstBrandReply[k]!, conv.nextBrand[k]!);
      if (fm >= 0) {
        byMember++;
        memberDelays.push(Math.max(0, m.createdAt[fm]! - m.createdAt[k]!) / HOUR);
        if (answered.length < 3) answered.push(fm);
      }
      if (fb >= 0) {
        byBrand++;
        brandDelays.push(Math.max(0, m.createdAt[fb]! - m.createdAt[k]!) / HOUR);
        if (fm < 0) brandOnly++;
      }
      if (fm < 0 && fb < 0) unanswered.push(k);
    }
    memberDelays.sort((x, y) => x - y);
    brandDelays.sort((x, y) => x - y);
    const coverage = ratio(byMember, questions);
    const hours = (x: number | null) => (x === null ? null : round(x, 1));
    const median = hours(quantile(memberDelays, 0.5));
    const values = {
      questions,
      answeredByMember: byMember,
      answeredByBrand: byBrand,
      answeredOnlyByBrand: brandOnly,
      unanswered: unanswered.length,
      memberCoverage: round(coverage),
      brandCoverage: round(ratio(byBrand, questions)),
      medianHoursToMemberAnswer: median,
      p90HoursToMemberAnswer: hours(quantile(memberDelays, 0.9)),
      medianHoursToBrandAnswer: hours(quantile(brandDelays, 0.5)),
    };
    if (questions === 0) return { score: null, reason: msg('reason.noQuestions'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = answered.map((k) => ({ message: k }));
    return {
      score: round(scale(coverage, 0.6)),
      summary:
        median === null
          ? msg('summary.peer-answers.none', { questions, byBrand, unanswered: unanswered.length })
          : msg('summary.peer-answers', { questions, answered: byMember, coverage, byBrand, unanswered: unanswered.length, median }),
      values,
      evidence,
      highlights: {
        // questions nobody picked up first (they opened a conversation), then follow-ups; the oldest first
        unanswered: [...unanswered.filter((k) => conv.opener[conv.of[k]!] === k), ...unanswered.filter((k) => conv.opener[conv.of[k]!] !== k)]
          .slice(0, 5)
          .map((k) => ({ message: k })),
        answeredByMembers: evidence,
      },
      sample: questions,
      usesReplies: true,
    };
  },
});
