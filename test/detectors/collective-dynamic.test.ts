import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('collective-dynamic', () => {
  it('members who answer back, again and again, in threads of three and more, thanking each other', () => {
    const s = script();
    for (let round = 0; round < 3; round++) {
      const q = s.post('ana', 'Vous faites comment ?');
      const b = s.reply(q, 'ben', 'Un point le lundi');
      s.reply(b, 'ana', 'Merci Ben !');
      s.reply(q, 'cleo', 'Pareil');
    }
    const ds = build(s.rows, brand);
    const out = detect('collective-dynamic', ds);
    expect(out.values).toMatchObject({ memberPairs: 2, repeatPairs: 2, conversationsWith3Members: 3, thanksAndWelcomes: 3 });
    // ana↔ben both ways, cleo→ana one way
    expect(out.values.reciprocity).toBeCloseTo(2 / 3, 3);
    expect(out.score).toBeGreaterThan(0.9);
    expect(out.evidence![0]).toEqual({ author: ds.authors.findIndex((a) => a.name === 'ana'), note: { key: 'evidence.repeatPartners', values: { partners: 2 } } });
  });

  it('reads the asker’s answer in a Slack-like thread, where every reply points to the root', () => {
    const s = script();
    const q = s.post('ana', 'Vous faites comment ?');
    s.reply(q, 'ben', 'Un point le lundi');
    s.reply(q, 'ana', 'Merci Ben !');
    const out = detect('collective-dynamic', build(s.rows, brand));
    expect(out.values).toMatchObject({ impliedReplies: 1, reciprocity: 1, thanksAndWelcomes: 1 });
  });

  it('a star of one-off answers to one member has no dynamic', () => {
    const s = script();
    const q = s.post('ana', 'Des conseils ?');
    for (const m of ['ben', 'cleo', 'dan', 'eva']) {
      const t = s.post(m, 'Autre sujet');
      void t;
    }
    for (const m of ['ben', 'cleo']) s.reply(q, m, 'Courage');
    const out = detect('collective-dynamic', build(s.rows, brand));
    expect(out.values).toMatchObject({ reciprocity: 0, repeatPairs: 0, thanksAndWelcomes: 0 });
    expect(out.score).toBeLessThan(0.3);
    expect(keyOf(out)).toBe('summary.collective-dynamic');
  });

  it('does not apply without replies', () => {
    const s = script();
    s.post('ana', 'Bonjour');
    expect(keyOf(detect('collective-dynamic', build(s.rows, brand)))).toBe('reason.noMemberReplies');
  });
});
