/**
 * Declared signals: what the owner answered in the questionnaire, entered into the same
 * scoring as measured signals (same categories, same verdict rule table, same
 * recommendations). Data, when it measures a signal, wins; answers fill what data cannot
 * measure, and where both exist the two are set side by side (the perception gap).
 */
import { type MessageKey, type MsgRef, msg } from '../i18n/index.js';
import type { DeclaredAnswerT, MessageT, PerceptionT, SignalGroup, SignalT } from '../model/result.js';
import { PERCEPTION_GAP } from './categories.js';

/** One answer, its texts still catalogue keys: rendered with the report's language. */
export interface DeclaredAnswerRef {
  question: string;
  answer: string;
  score: number;
  text: MsgRef;
  /** the question in a few words, for one-line summaries */
  short: MsgRef;
  answerText: MsgRef;
}

export interface DeclaredSignal {
  group: SignalGroup;
  /** 0..1, higher = more community; null when every question of the signal was skipped */
  score: number | null;
  answers: DeclaredAnswerRef[];
  /** why there is no score (skipped, not asked) */
  reason?: MsgRef;
}

/** How many questions there were and how many were answered. */
export interface QuestionnaireInfo {
  questions: number;
  answered: number;
  skipped: number;
}

type Render = (ref: MsgRef) => MessageT;

export function renderAnswers(answers: DeclaredAnswerRef[], render: Render): DeclaredAnswerT[] {
  return answers.map((a) => ({ question: a.question, text: render(a.text).text, answer: a.answer, answerText: render(a.answerText).text, score: a.score }));
}

/** « Your answers: often (members answer each other); partly (…) » */
function summaryOf(answers: DeclaredAnswerRef[], render: Render): MsgRef {
  const list = answers.map((a) => render(msg('quiz.answerItem', { answer: render(a.answerText).text, question: render(a.short).text })).text);
  return msg('quiz.summary', { count: answers.length, answers: list.join(render(msg('why.listSeparator')).text) });
}

/** A declared signal as the report shows it: status `declared`, or `not-applicable` with the reason. */
export function declaredSignalResult(id: string, title: string, article: string, dec: DeclaredSignal, render: Render, dataReason?: MessageT | null): SignalT {
  const answers = renderAnswers(dec.answers, render);
  if (dec.score === null) {
    return {
      id, group: dec.group, title, article, status: 'not-applicable', score: null, summary: null,
      reason: render(dec.reason ?? msg('quiz.reason.notAsked')), values: {}, evidence: [],
      confidence: { level: 'low', notes: [] },
    };
  }
  const notes: MessageT[] = [render(msg('quiz.confidence.declared'))];
  if (dataReason) notes.push(render(msg('quiz.confidence.filled', { reason: dataReason.text.replace(/\.$/, '') })));
  return {
    id, group: dec.group, title, article, status: 'declared',
    score: dec.score,
    summary: render(summaryOf(dec.answers, render)),
    reason: null,
    values: { answered: answers.length, declaredScore: dec.score },
    evidence: [],
    confidence: { level: 'medium', notes },
    answers,
  };
}

/** Both the answers and the data speak to this signal: how far apart are they? */
export function perceptionOf(measured: SignalT, dec: DeclaredSignal, render: Render): PerceptionT | null {
  if (measured.score === null || dec.score === null) return null;
  const gap = Math.round((dec.score - measured.score) * 1000) / 1000;
  const view = Math.abs(gap) < PERCEPTION_GAP ? 'agree' : gap > 0 ? 'higher' : 'lower';
  const answers = renderAnswers(dec.answers, render);
  const said = answers.map((a) => render(msg('quiz.answeredItem', { answer: a.answerText, question: a.text })).text).join('; ');
  // the data's sentence follows a colon: « dans les données : vous lancez… »
  const sentence = measured.summary?.text.replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase());
  const data = sentence ?? render(msg('perception.noSummary', { score: Math.round(measured.score * 100) })).text;
  return {
    signal: measured.id,
    title: measured.title,
    declared: dec.score,
    measured: measured.score,
    gap,
    view,
    answers,
    text: render(msg(`perception.${view}` as MessageKey, { answers: said, measured: data })),
  };
}
