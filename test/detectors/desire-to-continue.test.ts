import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('desire-to-continue', () => {
  it('members ask for a group, others answer them', () => {
    const s = script();
    const p = s.post('brand', 'Merci pour vos retours');
    const a = s.reply(p, 'ana', 'Vous avez un groupe pour continuer ces échanges ?');
    s.reply(a, 'ben', 'Partante !');
    s.reply(a, 'cleo', 'Moi aussi');
    const b = s.post('dan', 'Un Discord ?');
    s.reply(b, 'eva', 'Oui !');
    const ds = build(s.rows, brand);
    const out = detect('desire-to-continue', ds);
    expect(out.values).toMatchObject({ requests: 2, askers: 2, supporters: 3, proposers: 0 });
    expect(out.score).toBeCloseTo(0.7 * (2 / 3) + 0.3 * (3 / 4), 3);
    expect(keyOf(out)).toBe('summary.desire-to-continue.asked');
    expect(out.highlights!.requests).toEqual([
      { message: 1, note: { key: 'evidence.continueRequest', values: { answers: 2 } } },
      { message: 4, note: { key: 'evidence.continueRequest', values: { answers: 1 } } },
    ]);
  });

  it('a proposal to meet counts half; the brand offering a group counts nothing', () => {
    const s = script();
    s.post('brand', 'Vous voulez un groupe WhatsApp ? Dites-le !');
    s.post('ana', 'On se voit à l’afterwork jeudi ?');
    const out = detect('desire-to-continue', build(s.rows, brand));
    expect(out.values).toMatchObject({ askers: 0, proposers: 1 });
    expect(keyOf(out)).toBe('summary.desire-to-continue.proposersOnly');
  });

  it('no wish expressed', () => {
    const s = script();
    s.post('ana', 'Trop beau');
    const out = detect('desire-to-continue', build(s.rows, brand));
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.desire-to-continue.none');
  });
});
