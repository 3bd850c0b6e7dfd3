import { describe, expect, it } from 'vitest';
import { type MessageKey, catalogKeys, hasKey, t } from '../../src/i18n/index.js';
import { CATEGORIES, INFORMATIVE_SIGNALS } from '../../src/scoring/categories.js';
import { QUESTIONS, SIGNAL_IDS, choiceKey } from '../../src/quiz/questions.js';

describe('the questions', () => {
  it('number 12 to 20, with unique kebab-case ids', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(12);
    expect(QUESTIONS.length).toBeLessThanOrEqual(20);
    const ids = QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('feed the signals of the catalogue, each scored signal but the FAQ cadence asked at least once', () => {
    const scored = [...new Set(CATEGORIES.flatMap((c) => c.signals.map((s) => s.id)))];
    expect([...SIGNAL_IDS].sort()).toEqual([...new Set([...scored, ...INFORMATIVE_SIGNALS, 'unanswered-brand-questions'])].sort());
    for (const q of QUESTIONS) expect(hasKey(`signal.${q.signal}.title`)).toBe(true);
    const asked = new Set(QUESTIONS.map((q) => q.signal));
    for (const id of SIGNAL_IDS.filter((s) => !INFORMATIVE_SIGNALS.includes(s))) expect(asked.has(id), id).toBe(true);
  });

  it('come from the three checklists of the article and the four dimensions of a sense of community', () => {
    const sources = new Set(QUESTIONS.map((q) => q.source));
    for (const s of ['audience', 'community', 'ready', 'belonging', 'influence', 'needs-met', 'shared-connection']) expect(sources.has(s as never), s).toBe(true);
    // §4 asks about the shared mission, which only the owner can tell
    expect(QUESTIONS.some((q) => q.signal === 'shared-mission')).toBe(true);
  });

  it('map each choice to a score in 0..1, spanning the scale from the audience end to the community end', () => {
    for (const q of QUESTIONS) {
      const scores = q.choices.map((c) => c.score);
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
      expect(new Set(q.choices.map((c) => c.value)).size).toBe(q.choices.length);
      for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
      expect(Math.min(...scores), q.id).toBe(0);
      expect(Math.max(...scores), q.id).toBe(1);
    }
  });

  it('have their texts in French and in English, and nothing else in the quiz section is unused', () => {
    const keys = new Set(catalogKeys('en'));
    const sameInBothLanguages = new Set(['quiz.source.influence']);
    for (const q of QUESTIONS) {
      for (const key of [`quiz.q.${q.id}`, `quiz.short.${q.id}`, `quiz.source.${q.source}`, ...q.choices.map((c) => choiceKey(q, c.value))]) {
        expect(keys.has(key), key).toBe(true);
        if (!sameInBothLanguages.has(key)) expect(t('fr', key as MessageKey), key).not.toBe(t('en', key as MessageKey));
      }
    }
    const used = new Set(QUESTIONS.flatMap((q) => [`quiz.q.${q.id}`, `quiz.short.${q.id}`, ...q.choices.map((c) => choiceKey(q, c.value))]));
    const questionKeys = [...keys].filter((k) => /^quiz\.(q|short|scale)\./.test(k));
    expect(questionKeys.filter((k) => !used.has(k))).toEqual([]);
  });

  it('write French with narrow no-break spaces before : ; ? ! and inside « »', () => {
    for (const key of catalogKeys('fr').filter((k) => k.startsWith('quiz.'))) {
      const fr = t('fr', key as MessageKey);
      expect(fr, key).not.toMatch(/ [:;?!»]|« /);
    }
    expect(t('fr', 'quiz.q.members-reply')).toBe('Vos membres se répondent-ils entre eux, pas seulement à vous\u202f?');
  });
});

describe('docs/quiz.md', () => {
  it('lists every question with its signal and the score of each answer, as the code has them', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync(new URL('../../docs/quiz.md', import.meta.url), 'utf8');
    QUESTIONS.forEach((q, i) => {
      const row = `| ${i + 1} | \`${q.id}\` | ${t('en', `quiz.source.${q.source}` as MessageKey)} | \`${q.signal}\` | ${t('en', `quiz.q.${q.id}` as MessageKey)} | ${q.choices.map((c) => `\`${c.value}\` ${c.score}`).join(' · ')} |`;
      expect(doc).toContain(row);
    });
  });
});
