/** « Des personnes posent des questions et se répondent entre elles » (§4) */
import { conversations, firstAnswers } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale, selectQuantile } from './define-detector.js';

const HOUR = 3600 * 1000;

export default defineDetector({
  id: 'peer-answers',
  group: 'readiness',
  run({ ds, d }) {
    const m = ds.messages;
    const conv = conversations(ds, d);
    const qa = firstAnswers(ds, d, d.isMemberAuthor);
    let questions = 0;
    let byMember = 0;
    let byBrand = 0;
    let brandOnly = 0;
    const { author, createdAt } = m;
    // delays in a typed array, their quantiles found by selection: a large export has hundreds of
    // thousands of questions. One array, the members' delays first, then the brand's (8 bytes a
    // question less while it runs)
    const asked = qa.messages.length;
    const delays = new Float64Array(asked);
    const answered: number[] = [];
    // the questions nobody answered: how many, and the first five that opened a conversation
    // and the first five that did not (the highlights list the former first)
    let unanswered = 0;
    const unansweredOpeners: number[] = [];
    const unansweredOthers: number[] = [];
    for (let x = 0; x < qa.messages.length; x++) {
      const k = qa.messages[x]!;
      questions++;
      // the first answer: a direct reply, or (in a thread or a chat where replies point to the
      // thread rather than to the question) the next message of the conversation by someone else
      const fm = qa.member[x]!;
      const fb = qa.brand[x]!;
      if (fm >= 0) {
        byMember++;
        delays[byMember - 1] = Math.max(0, createdAt[fm]! - createdAt[k]!) / HOUR;
        if (answered.length < 3) answered.push(fm);
      }
      if (fb >= 0) {
        byBrand++;
        if (fm < 0) brandOnly++;
      }
      if (fm < 0 && fb < 0) {
        unanswered++;
        const list = conv.opener[conv.of[k]!] === k ? unansweredOpeners : unansweredOthers;
        if (list.length < 5) list.push(k);
      }
    }
    const memberAnswered = delays.subarray(0, byMember);
    const coverage = ratio(byMember, questions);
    const hours = (x: number | null) => (x === null ? null : round(x, 1));
    const median = hours(selectQuantile(memberAnswered, 0.5));
    const p90 = hours(selectQuantile(memberAnswered, 0.9));
    // the brand's delays, in the same array once the members' quantiles are read
    for (let x = 0, i = 0; x < asked; x++) {
      const fb = qa.brand[x]!;
      if (fb >= 0) delays[i++] = Math.max(0, createdAt[fb]! - createdAt[qa.messages[x]!]!) / HOUR;
    }
    const brandMedian = hours(selectQuantile(delays.subarray(0, byBrand), 0.5));
    const values = {
      questions,
      answeredByMember: byMember,
      answeredByBrand: byBrand,
      answeredOnlyByBrand: brandOnly,
      unanswered,
      memberCoverage: round(coverage),
      brandCoverage: round(ratio(byBrand, questions)),
      medianHoursToMemberAnswer: median,
      p90HoursToMemberAnswer: p90,
      medianHoursToBrandAnswer: brandMedian,
    };
    if (questions === 0) return { score: null, reason: msg('reason.noQuestions'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = answered.map((k) => ({ message: k }));
    return {
      score: round(scale(coverage, 0.6)),
      summary:
        median === null
          ? msg('summary.peer-answers.none', { questions, byBrand, unanswered })
          : msg('summary.peer-answers', { questions, answered: byMember, coverage, byBrand, unanswered, median }),
      values,
      evidence,
      highlights: {
        // questions nobody picked up first (they opened a conversation), then follow-ups; the oldest first
        unanswered: [...unansweredOpeners, ...unansweredOthers].slice(0, 5).map((k) => ({ message: k })),
        answeredByMembers: evidence,
      },
      sample: questions,
      usesReplies: true,
    };
  },
});
