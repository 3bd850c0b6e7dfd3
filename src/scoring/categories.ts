/**
 * Categories are configuration (as in Lighthouse): each is a weighted mean of its signals'
 * scores. A signal the data cannot measure (score null) weighs nothing.
 */
import type { CategoryId } from '../model/result.js';

export interface CategoryConfig {
  id: CategoryId;
  /** share of the overall score */
  weight: number;
  signals: readonly { id: string; weight: number }[];
}

export const CATEGORIES: readonly CategoryConfig[] = [
  {
    id: 'community',
    weight: 0.5,
    signals: [
      { id: 'member-replies', weight: 3 },
      { id: 'brand-independence', weight: 2 },
      { id: 'spontaneous-initiatives', weight: 2 },
      { id: 'collective-dynamic', weight: 2 },
      { id: 'core-group', weight: 2 },
      { id: 'off-platform', weight: 1 },
    ],
  },
  {
    id: 'readiness',
    weight: 0.3,
    signals: [
      { id: 'real-conversations', weight: 2 },
      { id: 'peer-answers', weight: 2 },
      { id: 'desire-to-continue', weight: 2 },
      { id: 'core-group', weight: 1 },
      { id: 'shared-mission', weight: 1 },
    ],
  },
  {
    id: 'audience-dependence',
    weight: 0.2,
    signals: [
      { id: 'broadcast-ratio', weight: 2 },
      { id: 'brand-driven-activity', weight: 2 },
      { id: 'reach-without-conversation', weight: 1 },
      { id: 'one-off-participants', weight: 1 },
      { id: 'rented-ground', weight: 1 },
      { id: 'unanswered-brand-questions', weight: 1 },
    ],
  },
];

/**
 * The order in which the why-lines cite signals, most telling first, by level: for an
 * audience the signals that show it most plainly (the article's « la marque publie,
 * l’audience réagit »), for a community those that show members holding it themselves.
 */
export const WHY_ORDER = {
  audience: ['member-replies', 'broadcast-ratio', 'brand-independence', 'core-group', 'peer-answers', 'collective-dynamic', 'spontaneous-initiatives', 'reach-without-conversation', 'brand-driven-activity', 'one-off-participants', 'rented-ground', 'unanswered-brand-questions', 'off-platform'],
  ready: ['core-group', 'desire-to-continue', 'real-conversations', 'peer-answers', 'member-replies', 'collective-dynamic', 'spontaneous-initiatives'],
  missing: ['brand-independence', 'off-platform', 'spontaneous-initiatives', 'member-replies', 'collective-dynamic', 'core-group'],
  community: ['member-replies', 'brand-independence', 'spontaneous-initiatives', 'core-group', 'off-platform', 'collective-dynamic'],
} as const;

/** Informative signals: reported, never scored. */
export const INFORMATIVE_SIGNALS: readonly string[] = ['posting-cadence'];

/** Below these, a verdict would be a guess. A questionnaire alone needs this many answered questions. */
export const MINIMUM_DATA = { memberMessages: 30, activeMembers: 8, answeredQuestions: 10 } as const;

/**
 * Declared and measured scores (0..1) this far apart or more disagree. Answers are coarse
 * (a choice among four or five), so smaller gaps are noise.
 */
export const PERCEPTION_GAP = 0.3;
