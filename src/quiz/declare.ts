/**
 * From answers to declared signals: each signal's score is the mean of its answered
 * questions' scores. No weighting of its own: the categories, the verdict rule table and
 * the recommendations are the data audit's (src/scoring/).
 */
import { type MessageKey, msg } from '../i18n/index.js';
import { createDatasetBuilder } from '../load/builder.js';
import type { AuditResultT } from '../model/result.js';
import type { DeclaredSignal, QuestionnaireInfo } from '../scoring/declared.js';
import { type AuditOptions, runAudit } from '../scoring/run-audit.js';
import { type Answers, QUESTIONS, SIGNALS, SIGNAL_IDS, type SignalId, choiceKey } from './questions.js';

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function questionnaireInfo(answers: Answers): QuestionnaireInfo {
  const answered = QUESTIONS.filter((q) => answers.get(q.id) != null).length;
  return { questions: QUESTIONS.length, answered, skipped: QUESTIONS.length - answered };
}

/**
 * Every signal of the catalogue, declared: a score from its answers, or none with the reason
 * (its questions were skipped, or the questionnaire does not ask about it).
 */
export function declareSignals(answers: Answers): Map<SignalId, DeclaredSignal> {
  const out = new Map<SignalId, DeclaredSignal>();
  for (const id of SIGNAL_IDS) {
    const questions = QUESTIONS.filter((q) => q.signal === id);
    const given = questions.flatMap((q) => {
      const value = answers.get(q.id);
      const choice = value == null ? undefined : q.choices.find((c) => c.value === value);
      if (!choice) return [];
      return [{ question: q.id, answer: choice.value, score: choice.score, text: msg(`quiz.q.${q.id}` as MessageKey), short: msg(`quiz.short.${q.id}` as MessageKey), answerText: msg(choiceKey(q, choice.value) as MessageKey) }];
    });
    const score = given.length > 0 ? round3(given.reduce((s, a) => s + a.score, 0) / given.length) : null;
    out.set(id, {
      group: SIGNALS[id],
      score,
      answers: given,
      ...(score === null ? { reason: questions.length > 0 ? msg('quiz.reason.skipped', { count: questions.length }) : msg('quiz.reason.notAsked') } : {}),
    });
  }
  return out;
}

/** The audit of a questionnaire alone: the data audit's scoring over declared signals, on an empty dataset. */
export function auditAnswers(answers: Answers, options: Omit<AuditOptions, 'declared' | 'questionnaire' | 'detectors'>): AuditResultT {
  const empty = createDatasetBuilder().finish();
  return runAudit(empty, { ...options, detectors: [], declared: declareSignals(answers), questionnaire: questionnaireInfo(answers) });
}

/** What `--quiz` adds to a data audit. */
export function declaredOptions(answers: Answers): Pick<AuditOptions, 'declared' | 'questionnaire'> {
  return { declared: declareSignals(answers), questionnaire: questionnaireInfo(answers) };
}
