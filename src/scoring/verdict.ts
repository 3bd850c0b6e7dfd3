/**
 * One rule table decides the level. Rules are read top to bottom; the first that holds wins.
 * Scores here are 0..100; a category that could not be measured is `null`.
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
}

export interface VerdictRule {
  level: Level;
  /** catalogue key of the sentence that says why this rule matched */
  because: 'why.rule.insufficient' | 'why.rule.insufficientAnswers' | 'why.rule.community' | 'why.rule.ready' | 'why.rule.audience';
  when(v: VerdictInput): boolean;
}

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
    when: (v) =>
      v.answers === undefined &&
      (v.memberMessages < MINIMUM_DATA.memberMessages ||
        v.activeMembers < MINIMUM_DATA.activeMembers ||
        (v.community === null && v.readiness === null)),
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
