import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('peer-answers', () => {
  it('questions answered by members, by the brand, and by nobody', () => {
    const s = script(60);
    const q1 = s.post('ana', 'Quelqu’un a testé l’export PDF ?');
    s.reply(q1, 'ben', 'Oui, ça marche');
    const q2 = s.post('cleo', 'Vous livrez en Belgique ?');
    s.reply(q2, 'brand', 'Oui');
    s.post('dan', 'Qui a un modèle de grille d’entretien ?');
    s.post('eva', 'Merci pour le partage');
    const ds = build(s.rows, brand);
    const out = detect('peer-answers', ds);
    expect(out.values).toMatchObject({ questions: 3, answeredByMember: 1, answeredByBrand: 1, answeredOnlyByBrand: 1, unanswered: 1, medianHoursToMemberAnswer: 1 });
    expect(out.score).toBeCloseTo(1 / 3 / 0.6, 3);
    expect(keyOf(out)).toBe('summary.peer-answers');
    expect(out.highlights!.unanswered).toEqual([{ message: 4 }]);
    expect(out.evidence).toEqual([{ message: 1 }]);
  });

  it('a follow-up question in a thread is answered by the next member who speaks in it', () => {
    const s = script();
    const q = s.post('ana', 'Comment vous gérez les rappels ?');
    s.reply(q, 'ben', 'Un SMS le mercredi');
    s.reply(q, 'ana', '@Ben tu peux m’en dire plus sur la fréquence ?');
    s.reply(q, 'ben', 'Une fois par semaine');
    const out = detect('peer-answers', build(s.rows, brand));
    expect(out.values).toMatchObject({ questions: 2, answeredByMember: 2, unanswered: 0 });
  });

  it('lists questions nobody picked up before unanswered follow-ups', () => {
    const s = script();
    const q = s.post('ana', 'Comment vous gérez les rappels ?');
    s.reply(q, 'ben', 'Un SMS le mercredi');
    s.reply(q, 'ana', 'Et la fréquence ?');
    s.post('cleo', 'Quelqu’un utilise Notion ?');
    const out = detect('peer-answers', build(s.rows, brand));
    expect(out.highlights!.unanswered).toEqual([{ message: 3 }, { message: 2 }]);
  });

  it('none answered by members, and no question at all', () => {
    const s = script();
    const q = s.post('ana', 'Prix svp ?');
    s.reply(q, 'brand', '25 €');
    const out = detect('peer-answers', build(s.rows, brand));
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.peer-answers.none');
    const t = script();
    t.post('ana', 'Trop beau');
    expect(keyOf(detect('peer-answers', build(t.rows, brand)))).toBe('reason.noQuestions');
  });
});
