/** Exit codes (DESIGN §6): the contract scripts and CI rely on. */
import type { Level } from '../model/result.js';

export const ExitCode = {
  ok: 0,
  /** a --fail-under / --fail-on threshold was not met */
  thresholdNotMet: 1,
  /** bad usage, or an input that cannot be read or used */
  usage: 2,
  /** too little data to judge the threshold asked for */
  insufficientData: 3,
  /** the user pressed Ctrl-C or Escape in the questionnaire */
  interrupted: 130,
  /** a bug: the message asks to report it */
  internal: 70,
} as const;

export interface Thresholds {
  failUnder?: number;
  failOn?: 'audience' | 'ready';
}

export type ThresholdOutcome =
  | { code: 0 }
  | { code: 1; reason: 'fail-under' | 'fail-on' }
  | { code: 3 };

/**
 * `--fail-on audience` fails on an audience; `--fail-on ready` fails on anything short of a
 * community. Without enough data, a threshold cannot be judged: exit 3.
 */
export function judgeThresholds(level: Level, score: number | null, t: Thresholds): ThresholdOutcome {
  if (t.failUnder === undefined && t.failOn === undefined) return { code: 0 };
  if (level === 'insufficient-data' || score === null) return { code: 3 };
  if (t.failOn === 'audience' && level === 'audience') return { code: 1, reason: 'fail-on' };
  if (t.failOn === 'ready' && (level === 'audience' || level === 'ready')) return { code: 1, reason: 'fail-on' };
  if (t.failUnder !== undefined && score < t.failUnder) return { code: 1, reason: 'fail-under' };
  return { code: 0 };
}
