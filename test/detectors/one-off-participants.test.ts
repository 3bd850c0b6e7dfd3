import { describe, expect, it } from 'vitest';
import { WEEK, build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('one-off-participants', () => {
  it('everyone passes once, in one thread: fleeting exchanges', () => {
    const s = script();
    const p = s.post('brand', 'Nouveauté');
    for (let i = 0; i < 10; i++) s.reply(p, `visitor${i}`, 'Top');
    const out = detect('one-off-participants', build(s.rows, brand));
    expect(out.values).toMatchObject({ activeMembers: 10, wroteOnce: 10, inOneThreadOnly: 10, cameBackAnotherWeek: 0, gini: 0 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.one-off-participants');
  });

  it('members who come back, week after week, in several threads', () => {
    const s = script();
    for (let w = 0; w < 3; w++) {
      s.at(w * WEEK);
      const q = s.post('ana', 'Point de la semaine ?');
      s.reply(q, 'ben', 'Ça avance');
      s.reply(q, 'cleo', 'Pareil');
    }
    const out = detect('one-off-participants', build(s.rows, brand));
    expect(out.values).toMatchObject({ activeMembers: 3, wroteOnce: 0, inOneThreadOnly: 0, cameBackAnotherWeek: 3, returningShare: 1 });
    expect(out.score).toBe(1);
  });

  it('measures concentration: the most active tenth, and the Gini coefficient', () => {
    const s = script();
    const p = s.post('brand', 'Nouveauté');
    for (let i = 0; i < 9; i++) s.reply(p, `visitor${i}`, 'Top');
    for (let i = 0; i < 11; i++) s.reply(p, 'fan', 'Encore !');
    const out = detect('one-off-participants', build(s.rows, brand));
    expect(out.values.top10PercentShare).toBeCloseTo(11 / 20, 3);
    expect(out.values.gini as number).toBeGreaterThan(0.4);
  });
});
