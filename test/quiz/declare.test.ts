import { describe, expect, it } from 'vitest';
import { auditAnswers, declareSignals, questionnaireInfo } from '../../src/quiz/declare.js';
import { QUESTIONS } from '../../src/quiz/questions.js';

const answers = (pairs: Record<string, string | null>) => new Map(QUESTIONS.map((q) => [q.id, pairs[q.id] ?? null]));

describe('declareSignals', () => {
  it('scores a signal as the mean of its answered questions', () => {
    const d = declareSignals(answers({ core: 'ten-or-more', belonging: 'partly', 'members-reply': 'often' }));
    expect(d.get('core-group')).toMatchObject({ group: 'community', score: 0.75 });
    expect(d.get('core-group')!.answers.map((a) => a.question)).toEqual(['core', 'belonging']);
    expect(d.get('member-replies')!.score).toBe(0.75);
  });

  it('scores a question asked the other way round the other way round', () => {
    expect(declareSignals(answers({ 'step-in': 'very-often' })).get('brand-independence')!.score).toBe(0);
    expect(declareSignals(answers({ 'step-in': 'never' })).get('brand-independence')!.score).toBe(1);
  });

  it('gives no score, and says why, to a skipped signal and to one the questionnaire does not ask', () => {
    const d = declareSignals(answers({}));
    expect(d.get('peer-answers')).toMatchObject({ score: null, reason: { key: 'quiz.reason.skipped', values: { count: 2 } } });
    expect(d.get('posting-cadence')).toMatchObject({ score: null, reason: { key: 'quiz.reason.notAsked' } });
  });

  it('counts answered and skipped questions', () => {
    expect(questionnaireInfo(answers({ core: 'nobody', mission: 'clearly' }))).toEqual({ questions: QUESTIONS.length, answered: 2, skipped: QUESTIONS.length - 2 });
  });
});

describe('auditAnswers', () => {
  it('goes through the data audit scoring: the category is the weighted mean of declared scores', () => {
    // community category: member-replies 3, brand-independence 2, spontaneous-initiatives 2, collective-dynamic 2, core-group 2, off-platform 1
    const r = auditAnswers(answers({ 'members-reply': 'very-often', 'step-in': 'very-often' }), { lang: 'en', generatedAt: new Date(0) });
    expect(r.categories.find((c) => c.id === 'community')!.score).toBe(Math.round(((1 * 3 + 0 * 2) / 5) * 100));
    expect(r.verdict.level).toBe('insufficient-data');
    expect(r.input.brand.note).toBeNull();
  });

  it('lowers the confidence when many questions are skipped', () => {
    const all = Object.fromEntries(QUESTIONS.map((q) => [q.id, q.choices[1]!.value]));
    expect(auditAnswers(answers(all), { lang: 'en' }).verdict.confidence).toBe('medium');
    const some = Object.fromEntries(QUESTIONS.slice(0, 12).map((q) => [q.id, q.choices[1]!.value]));
    expect(auditAnswers(answers(some), { lang: 'en' }).verdict.confidence).toBe('low');
  });
});
