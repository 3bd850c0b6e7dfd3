/**
 * Declared signals in the data audit's scoring: the rule table for a questionnaire, the
 * recommendations for answers, and how runAudit merges answers with detector outputs.
 */
import { describe, expect, it } from 'vitest';
import type { Detector } from '../../src/detectors/define-detector.js';
import { msg } from '../../src/i18n/index.js';
import { AuditResult } from '../../src/model/result.js';
import { declareSignals } from '../../src/quiz/declare.js';
import { QUESTIONS } from '../../src/quiz/questions.js';
import { recommend } from '../../src/scoring/recommendations.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { decideLevel } from '../../src/scoring/verdict.js';
import { build } from '../helpers/dataset.js';

describe('the verdict rule table, for a questionnaire', () => {
  const scores = { community: 80, readiness: 80, audienceDependence: 80 };
  it.each([
    [{ ...scores, answers: { answered: 9, asked: 20 } }, 'insufficient-data', 'why.rule.insufficientAnswers'],
    [{ ...scores, answers: { answered: 10, asked: 20 } }, 'community', 'why.rule.community'],
    [{ community: null, readiness: null, audienceDependence: 80, answers: { answered: 12, asked: 20 } }, 'insufficient-data', 'why.rule.insufficientAnswers'],
    [{ community: 30, readiness: 50, audienceDependence: 20, answers: { answered: 20, asked: 20 } }, 'ready', 'why.rule.ready'],
    [{ community: 20, readiness: 20, audienceDependence: 20, answers: { answered: 20, asked: 20 } }, 'audience', 'why.rule.audience'],
  ] as const)('%o → %s', (v, level, because) => {
    // a questionnaire has no messages: the answered questions stand in for them
    const rule = decideLevel({ memberMessages: 0, activeMembers: 0, replyLinks: 0, inferredShare: 0, ...v });
    expect([rule.level, rule.because]).toEqual([level, because]);
  });

  it('still asks data for messages when there is no questionnaire', () => {
    expect(decideLevel({ memberMessages: 10, activeMembers: 3, replyLinks: 5, inferredShare: 0, ...scores }).because).toBe('why.rule.insufficient');
    expect(decideLevel({ memberMessages: 300, activeMembers: 30, replyLinks: 200, inferredShare: 0, ...scores }).level).toBe('community');
  });
});

const FACTS = { replyLinks: 100, inferredShare: 0, memberMessages: 300, activeMembers: 40 };

describe('recommendations for declared signals', () => {
  it('use the wording without counts, and cite no evidence', () => {
    const recs = recommend('audience', [
      { id: 'member-replies', score: 0.25, values: {}, evidence: [], declared: true },
      { id: 'broadcast-ratio', score: 0, values: {}, evidence: [], declared: true },
    ], FACTS);
    expect(recs.map((r) => [r.id, r.detail.key])).toEqual([
      ['seed-interactions', 'rec.seed-interactions.declared'],
      ['step-back', 'rec.step-back.declared'],
    ]);
    expect(recs.every((r) => r.evidence.length === 0 && r.detail.values === undefined)).toBe(true);
  });

  it('do not read data values the answers do not have (invite-core needs a count from data, a score from answers)', () => {
    const fromData = recommend('ready', [{ id: 'core-group', score: 0.8, values: {}, evidence: [] }], FACTS);
    const fromAnswers = recommend('ready', [{ id: 'core-group', score: 0.8, values: {}, evidence: [], declared: true }], FACTS);
    expect(fromData.map((r) => r.id)).not.toContain('invite-core');
    expect(fromAnswers.map((r) => r.id)).toContain('invite-core');
  });

  it('ask to name the shared mission when the owner says there is little of one', () => {
    expect(recommend('ready', [{ id: 'shared-mission', score: 0.35, values: {}, evidence: [], declared: true }], FACTS).map((r) => r.id)).toEqual(['state-mission']);
    expect(recommend('ready', [{ id: 'shared-mission', score: 1, values: {}, evidence: [], declared: true }], FACTS)).toEqual([]);
  });
});

describe('runAudit with declared signals', () => {
  // stand-in detectors: one that measures, one the data cannot measure
  const measuring: Detector = {
    id: 'member-replies',
    group: 'community',
    run: () => ({ score: 0.05, summary: msg('summary.member-replies.low', { toMembers: 4, total: 100, share: 0.04 }), values: { share: 0.04 }, sample: 100, usesReplies: true }),
  };
  const notApplicable: Detector = {
    id: 'peer-answers',
    group: 'readiness',
    run: () => ({ score: null, reason: msg('reason.noQuestions'), values: {}, sample: 0, usesReplies: true }),
  };
  const ds = build([
    { id: '1', author: 'brand', at: 0, text: 'hello' },
    { id: '2', author: 'ana', at: 5, parent: '1', text: 'hi' },
  ], { brand: ['brand'] });
  const answers = new Map(QUESTIONS.map((q) => [q.id, q.choices.at(-1)!.value as string | null]));
  answers.set('step-in', 'never');
  const audit = () => runAudit(ds, { lang: 'en', generatedAt: new Date(0), detectors: [measuring, notApplicable], declared: declareSignals(answers), questionnaire: { questions: 20, answered: 20, skipped: 0 } });

  it('keeps the measured score, and sets the answer against it', () => {
    const r = audit();
    expect(r.signals.find((s) => s.id === 'member-replies')).toMatchObject({ status: 'measured', score: 0.05 });
    expect(r.perception).toEqual([
      expect.objectContaining({ signal: 'member-replies', declared: 1, measured: 0.05, view: 'higher', gap: 0.95 }),
    ]);
    expect(r.perception![0]!.text.text).toBe(
      'You see more than the data shows. You answered “Very often” to “Do your members answer each other, not only you?”; in the data: of 100 member replies, 4 go to another member (4%): they talk to you, not yet to each other.',
    );
  });

  it('fills a signal the data cannot measure, and says the data could not', () => {
    const s = audit().signals.find((x) => x.id === 'peer-answers')!;
    expect(s).toMatchObject({ status: 'declared', score: 1 });
    expect(s.confidence.notes.map((n) => n.key)).toEqual(['quiz.confidence.declared', 'quiz.confidence.filled']);
    expect(s.confidence.notes[1]!.text).toBe('Not measurable from the data (No member question found in the messages); this score is your answer.');
  });

  it('adds the signals no detector measures, sorted with the others, and the result is a valid AuditResult', () => {
    const r = AuditResult.parse(audit());
    expect(r.signals.map((s) => s.id)).toEqual([...r.signals.map((s) => s.id)].sort());
    expect(r.signals.find((s) => s.id === 'shared-mission')).toMatchObject({ status: 'declared', score: 1 });
    expect(r.signals.find((s) => s.id === 'posting-cadence')).toMatchObject({ status: 'not-applicable' });
    expect(r.input.questionnaire).toEqual({ questions: 20, answered: 20, skipped: 0 });
  });

  it('changes nothing for an audit without answers', () => {
    const r = runAudit(ds, { lang: 'en', generatedAt: new Date(0), detectors: [measuring, notApplicable] });
    expect(r.perception).toBeUndefined();
    expect(r.input.questionnaire).toBeUndefined();
    expect(r.signals.map((s) => [s.id, s.status])).toEqual([['member-replies', 'measured'], ['peer-answers', 'not-applicable']]);
  });
});
