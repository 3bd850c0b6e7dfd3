/**
 * One rule table decides the level. Rules are read top to bottom; the first that holds wins.
 * Scores here are 0..100; a category that could not be measured is `null`.
 *
 * The first rules say when a verdict would be a guess (`insufficient-data`): for a
 * questionnaire alone, too few answered questions; for data, too few messages or people,
 * nothing measurable, no reply at all in the data, or replies guessed from message order on
 * a small sample.
 */
import type { Level } from '../model/result.js';
import { MINIMUM_DATA } from './categories.js';

export interface VerdictInput {
  memberMessages: number;
  activeMembers: number;
  community: number | null;
  readiness: number | null;
  audienceDependence: number | null;
  /**
   * Present when the verdict rests on a questionnaire alone (no data): the minimum-data rule
   * then counts answered questions instead of member messages.
   */
  answers?: { answered: number; asked: number };
  /** replies linked in any way (explicit, thread, @mention, inferred) */
  replyLinks: number;
  /** share of those links inferred from message order */
  inferredShare: number;
}

export type WhyRuleKey =
  | 'why.rule.insufficient'
  | 'why.rule.insufficientAnswers'
  | 'why.rule.nothingMeasured'
  | 'why.rule.noReplyData'
  | 'why.rule.inferredSmall'
  | 'why.rule.community'
  | 'why.rule.ready'
  | 'why.rule.audience';

export interface VerdictRule {
  level: Level;
  /** catalogue key of the sentence that says why this rule matched */
  because: WhyRuleKey;
  when(v: VerdictInput): boolean;
}

/** Inferred replies need more messages before they say anything reliable. */
export const MIN_MESSAGES_WITH_INFERRED_REPLIES = 100;

export const VERDICT_RULES: readonly VerdictRule[] = [
  {
    level: 'insufficient-data',
    because: 'why.rule.insufficientAnswers',
    when: (v) =>
      v.answers !== undefined &&
      (v.answers.answered < MINIMUM_DATA.answeredQuestions || (v.community === null && v.readiness === null)),
  },
  {
    level: 'insufficient-data',
    because: 'why.rule.insufficient',
    when: (v) => v.answers === undefined && (v.memberMessages < MINIMUM_DATA.memberMessages || v.activeMembers < MINIMUM_DATA.activeMembers),
  },
  { level: 'insufficient-data', because: 'why.rule.nothingMeasured', when: (v) => v.community === null && v.readiness === null },
  { level: 'insufficient-data', because: 'why.rule.noReplyData', when: (v) => v.answers === undefined && v.replyLinks === 0 },
  {
    level: 'insufficient-data',
    because: 'why.rule.inferredSmall',
    when: (v) => v.answers === undefined && v.inferredShare > 0.5 && v.memberMessages < MIN_MESSAGES_WITH_INFERRED_REPLIES,
  },
  {
    level: 'community',
    because: 'why.rule.community',
    when: (v) => (v.community ?? 0) >= 60 && (v.audienceDependence === null || v.audienceDependence >= 45),
  },
  {
    level: 'ready',
    because: 'why.rule.ready',
    when: (v) => (v.readiness ?? 0) >= 45 || (v.community ?? 0) >= 40,
  },
  { level: 'audience', because: 'why.rule.audience', when: () => true },
];

export function decideLevel(v: VerdictInput): VerdictRule {
  return VERDICT_RULES.find((r) => r.when(v))!;
}
