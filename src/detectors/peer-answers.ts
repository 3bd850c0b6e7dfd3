/** « Des personnes posent des questions et se répondent entre elles » (§4) */
import { msg } from '../i18n/index.js';
import { Lex } from '../lexicon/index.js';
import { type EvidenceRef, defineDetector, ratio, round, scale } from './define-detector.js';

const HOUR = 3600 * 1000;

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export default defineDetector({
  id: 'peer-answers',
  group: 'readiness',
  run({ ds, d }) {
    const m = ds.messages;
    // first answer to each member question, by a member and by the brand
    const firstMember = new Map<number, number>();
    const firstBrand = new Map<number, number>();
    const isQuestion = new Uint8Array(m.count);
    let questions = 0;
    for (let k = 0; k < m.count; k++) {
      if (d.isMemberAuthor[m.author[k]!] && m.lex[k]! & Lex.question) {
        isQuestion[k] = 1;
        questions++;
      }
      const p = m.parent[k]!;
      if (p < 0 || !isQuestion[p] || m.author[k] === m.author[p]) continue;
      const a = m.author[k]!;
      if (d.isMemberAuthor[a] && !firstMember.has(p)) firstMember.set(p, k);
      if (d.isBrandAuthor[a] && !firstBrand.has(p)) firstBrand.set(p, k);
    }
    const delays = (answers: Map<number, number>) =>
      [...answers].map(([q, a]) => (m.createdAt[a]! - m.createdAt[q]!) / HOUR).filter((h) => h >= 0).sort((x, y) => x - y);
    const memberDelays = delays(firstMember);
    const brandDelays = delays(firstBrand);
    const coverage = ratio(firstMember.size, questions);
    const brandCoverage = ratio(firstBrand.size, questions);
    const hours = (x: number | null) => (x === null ? null : round(x, 1));
    const values = {
      questions,
      answeredByMember: firstMember.size,
      answeredByBrand: firstBrand.size,
      memberCoverage: round(coverage),
      brandCoverage: round(brandCoverage),
      medianHoursToMemberAnswer: hours(quantile(memberDelays, 0.5)),
      p90HoursToMemberAnswer: hours(quantile(memberDelays, 0.9)),
      medianHoursToBrandAnswer: hours(quantile(brandDelays, 0.5)),
    };
    if (questions === 0) return { score: null, reason: msg('reason.noQuestions'), values, sample: 0, usesReplies: true };
    const evidence: EvidenceRef[] = [...firstMember]
      .sort((x, y) => x[0] - y[0])
      .slice(0, 3)
      .map(([, answer]) => ({ message: answer, author: m.author[answer]! }));
    return {
      score: round(scale(coverage, 0.6)),
      summary: msg('summary.peer-answers', { answered: firstMember.size, questions, coverage }),
      values,
      evidence,
      sample: questions,
      usesReplies: true,
    };
  },
});
