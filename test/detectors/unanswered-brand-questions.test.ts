import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('unanswered-brand-questions', () => {
  it('the brand asks; members answer one question and not the other', () => {
    const s = script();
    const q1 = s.post('brand', 'Vous le préférez nature ou aux figues ?');
    for (const m of ['ana', 'ben', 'cleo']) s.reply(q1, m, 'Aux figues');
    s.post('brand', 'Qu’est-ce qui vous a fait venir ici ?');
    const out = detect('unanswered-brand-questions', build(s.rows, brand));
    expect(out.values).toMatchObject({ questions: 2, answered: 1, unanswered: 1, membersPerQuestion: 1.5 });
    expect(out.score).toBeCloseTo(0.5 * 0.5 + 0.5 * 0.5, 3);
    expect(out.highlights!.unanswered).toEqual([{ message: 4 }]);
    expect(keyOf(out)).toBe('summary.unanswered-brand-questions');
  });

  it('a question in a reply is answered by the member who answers it', () => {
    const s = script();
    const c = s.post('ana', 'J’adore');
    const r = s.reply(c, 'brand', 'Merci ! Vous l’utilisez comment ?');
    s.reply(r, 'ana', 'Tous les matins');
    const out = detect('unanswered-brand-questions', build(s.rows, brand));
    expect(out.values).toMatchObject({ questions: 1, answered: 1 });
  });

  it('says why it cannot measure: posts not exported, or no question asked', () => {
    const s = script();
    const c = s.post('ana', 'Joli', { thread: 'p1' });
    s.reply(c, 'brand', 'Merci', { thread: 'p1' });
    expect(keyOf(detect('unanswered-brand-questions', build(s.rows, { ...brand, kind: 'comments' })))).toBe('reason.postsNotExported');
    expect(keyOf(detect('unanswered-brand-questions', build(s.rows, brand)))).toBe('reason.noBrandQuestions');
  });
});
