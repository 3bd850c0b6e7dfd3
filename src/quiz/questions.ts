/**
 * The questionnaire, as data. Each question comes from one of the article's checklists
 * (§1 signs of an audience, §2 signs of a community, §4 signs that it is time) or from one
 * of the four dimensions of a sense of community (belonging, influence, needs met, shared
 * emotional connection), and feeds the signal of the same id as the data detector that
 * measures it. An answer maps to a score in 0..1, higher = more community, as a detector's.
 *
 * Texts live in the catalogue (src/i18n/messages/quiz.ts): `quiz.q.<id>` for the question,
 * `quiz.scale.<scale>.<value>` for a shared scale, `quiz.q.<id>.<value>` for its own choices.
 */
import type { SignalGroup } from '../model/result.js';

/** Every signal of the catalogue (DESIGN §4), with its group, whether or not a detector exists yet. */
export const SIGNALS = {
  'member-replies': 'community',
  'brand-independence': 'community',
  'spontaneous-initiatives': 'community',
  'off-platform': 'community',
  'collective-dynamic': 'community',
  'core-group': 'community',
  'broadcast-ratio': 'audience',
  'reach-without-conversation': 'audience',
  'brand-driven-activity': 'audience',
  'one-off-participants': 'audience',
  'rented-ground': 'audience',
  'real-conversations': 'readiness',
  'peer-answers': 'readiness',
  'desire-to-continue': 'readiness',
  'shared-mission': 'readiness',
  'unanswered-brand-questions': 'faq',
  'posting-cadence': 'faq',
} as const satisfies Record<string, SignalGroup>;

export type SignalId = keyof typeof SIGNALS;
export const SIGNAL_IDS = Object.keys(SIGNALS).sort() as SignalId[];

/** Where a question comes from: a checklist of the article, or a dimension of a sense of community. */
export type QuestionSource = 'audience' | 'community' | 'ready' | 'faq' | 'belonging' | 'influence' | 'needs-met' | 'shared-connection';

export interface Choice {
  value: string;
  /** 0..1, higher = more community */
  score: number;
}

export interface Question {
  id: string;
  signal: SignalId;
  source: QuestionSource;
  /** a shared scale (its labels are shared too), or choices of its own */
  scale: 'frequency' | 'agreement' | 'own';
  choices: readonly Choice[];
}

const FREQUENCY: readonly Choice[] = [
  { value: 'never', score: 0 },
  { value: 'rarely', score: 0.25 },
  { value: 'sometimes', score: 0.5 },
  { value: 'often', score: 0.75 },
  { value: 'very-often', score: 1 },
];

/** For a question where "often" is the audience's side (you have to step in, say). */
const FREQUENCY_REVERSED: readonly Choice[] = FREQUENCY.map((c) => ({ value: c.value, score: 1 - c.score }));

const AGREEMENT: readonly Choice[] = [
  { value: 'not-at-all', score: 0 },
  { value: 'a-little', score: 0.25 },
  { value: 'partly', score: 0.5 },
  { value: 'largely', score: 0.75 },
  { value: 'completely', score: 1 },
];

const own = (...pairs: [string, number][]): readonly Choice[] => pairs.map(([value, score]) => ({ value, score }));

/** In the order they are asked: the audience first, then the community, the readiness, the sense of community, the FAQ. */
export const QUESTIONS: readonly Question[] = [
  // §1 « Vous avez une audience quand… » and the introduction's « la marque publie, l'audience réagit »
  { id: 'who-starts', signal: 'broadcast-ratio', source: 'audience', scale: 'own', choices: own(['always-me', 0], ['mostly-me', 0.3], ['both', 0.65], ['mostly-members', 1]) },
  { id: 'reach-vs-conversation', signal: 'reach-without-conversation', source: 'audience', scale: 'own', choices: own(['reactions-only', 0], ['comments-to-me', 0.3], ['some-exchanges', 0.65], ['discussions', 1]) },
  { id: 'without-posts', signal: 'brand-driven-activity', source: 'audience', scale: 'own', choices: own(['silence', 0], ['big-drop', 0.3], ['some-talk', 0.65], ['as-usual', 1]) },
  { id: 'come-back', signal: 'one-off-participants', source: 'audience', scale: 'own', choices: own(['almost-none', 0], ['a-few', 0.35], ['a-good-share', 0.7], ['most', 1]) },
  { id: 'account-blocked', signal: 'rented-ground', source: 'audience', scale: 'own', choices: own(['none', 0], ['some', 0.35], ['most', 0.7], ['all', 1]) },
  // §2 « Vous avez une communauté quand… »
  { id: 'members-reply', signal: 'member-replies', source: 'community', scale: 'frequency', choices: FREQUENCY },
  { id: 'step-in', signal: 'brand-independence', source: 'community', scale: 'frequency', choices: FREQUENCY_REVERSED },
  { id: 'initiatives', signal: 'spontaneous-initiatives', source: 'community', scale: 'frequency', choices: FREQUENCY },
  { id: 'outside', signal: 'off-platform', source: 'community', scale: 'frequency', choices: FREQUENCY },
  { id: 'emulation', signal: 'collective-dynamic', source: 'community', scale: 'agreement', choices: AGREEMENT },
  // §4 « Voici quelques signaux qui montrent que c'est le moment »
  { id: 'core', signal: 'core-group', source: 'ready', scale: 'own', choices: own(['nobody', 0], ['one-or-two', 0.3], ['three-to-nine', 0.7], ['ten-or-more', 1]) },
  { id: 'conversations', signal: 'real-conversations', source: 'ready', scale: 'frequency', choices: FREQUENCY },
  { id: 'peer-answers', signal: 'peer-answers', source: 'ready', scale: 'frequency', choices: FREQUENCY },
  { id: 'elsewhere', signal: 'desire-to-continue', source: 'ready', scale: 'own', choices: own(['never', 0], ['once-or-twice', 0.4], ['several', 0.75], ['often', 1]) },
  { id: 'mission', signal: 'shared-mission', source: 'ready', scale: 'own', choices: own(['not-really', 0], ['somewhat', 0.35], ['clearly', 0.7], ['why-they-are-here', 1]) },
  // the four dimensions of a sense of community, in our own words
  { id: 'belonging', signal: 'core-group', source: 'belonging', scale: 'agreement', choices: AGREEMENT },
  { id: 'influence', signal: 'spontaneous-initiatives', source: 'influence', scale: 'agreement', choices: AGREEMENT },
  { id: 'needs-met', signal: 'peer-answers', source: 'needs-met', scale: 'agreement', choices: AGREEMENT },
  { id: 'shared-moments', signal: 'collective-dynamic', source: 'shared-connection', scale: 'agreement', choices: AGREEMENT },
  // the FAQ: « je pose des questions mais les membres ne réagissent pas beaucoup »
  { id: 'your-questions', signal: 'unanswered-brand-questions', source: 'faq', scale: 'own', choices: own(['hardly-anyone', 0], ['a-few', 0.35], ['many-to-me', 0.7], ['many-together', 1]) },
];

export const QUESTION_IDS: readonly string[] = QUESTIONS.map((q) => q.id);

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id);
}

/** The catalogue key of a choice's label. */
export function choiceKey(q: Question, value: string): string {
  return q.scale === 'own' ? `quiz.q.${q.id}.${value}` : `quiz.scale.${q.scale}.${value}`;
}

/** What the person answered: a choice value per question id; null (or absent) = skipped. */
export type Answers = ReadonlyMap<string, string | null>;
