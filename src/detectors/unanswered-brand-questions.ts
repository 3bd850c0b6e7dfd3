/** FAQ: « Je publie souvent des contenus, je pose des questions mais les membres ne réagissent pas beaucoup. Que faire ? » */
import { conversations, questionAnswers } from '../derive/conversations.js';
import { msg } from '../i18n/index.js';
import { defineDetector, mostlyComments, ratio, round, scale } from './define-detector.js';

export default defineDetector({
  id: 'unanswered-brand-questions',
  group: 'faq',
  run({ ds, d }) {
    const m = ds.messages;
    const conv = conversations(ds, d);
    const qa = questionAnswers(ds, d, d.isBrandAuthor);
    let questions = 0;
    let answered = 0;
    let answers = 0;
    const unanswered: number[] = [];
    for (let x = 0; x < qa.messages.length; x++) {
      const k = qa.messages[x]!;
      questions++;
      // a question that opens a conversation is answered by whoever joins it; one in a reply, by a reply
      const c = conv.of[k]!;
      const members =
        conv.opener[c] === k ? conv.members[c]! : Math.max(conv.memberReplyCount[k]!, qa.nextOtherMember[x]! >= 0 ? 1 : 0);
      answers += members;
      if (members > 0) answered++;
      else unanswered.push(k);
    }
    const perQuestion = ratio(answers, questions);
    const values = { questions, answered, unanswered: unanswered.length, membersPerQuestion: round(perQuestion, 1) };
    if (ds.brand.authors.length === 0) return { score: null, reason: msg('reason.noBrand'), values, sample: 0, usesReplies: true };
    if (questions === 0) {
      return { score: null, reason: msg(mostlyComments(ds) ? 'reason.postsNotExported' : 'reason.noBrandQuestions'), values, sample: 0, usesReplies: true };
    }
    const answeredShare = ratio(answered, questions);
    return {
      score: round(0.5 * answeredShare + 0.5 * scale(perQuestion, 3)),
      summary: msg('summary.unanswered-brand-questions', { questions, answered, unanswered: unanswered.length, perQuestion: round(perQuestion, 1) }),
      values,
      evidence: unanswered.slice(0, 3).map((k) => ({ message: k })),
      highlights: { unanswered: unanswered.slice(-5).map((k) => ({ message: k })) },
      sample: questions,
      usesReplies: true,
    };
  },
});
