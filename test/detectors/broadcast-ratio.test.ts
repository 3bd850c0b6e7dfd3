import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('broadcast-ratio', () => {
  it('the brand publishes, the audience reacts', () => {
    const s = script();
    for (const post of ['p1', 'p2', 'p3']) {
      const p = s.post('brand', 'Nouveauté !', { thread: post });
      for (const m of ['ana', 'ben']) s.reply(p, m, 'Trop bien', { thread: post });
    }
    const out = detect('broadcast-ratio', build(s.rows, brand));
    expect(out.values).toMatchObject({ threads: 3, brandThreads: 3, brandPostShare: 1, membersReplying: 2, membersOnlyAnsweringBrand: 2, onlyBrandShare: 1 });
    expect(out.score).toBeLessThan(0.15);
    expect(keyOf(out)).toBe('summary.broadcast-ratio.threads');
  });

  it('members start the threads and answer each other', () => {
    const s = script();
    for (const [a, b] of [['ana', 'ben'], ['ben', 'cleo'], ['cleo', 'ana']] as const) {
      const q = s.post(a, 'Une question ?');
      s.reply(q, b, 'Une réponse');
    }
    const p = s.post('brand', 'Merci à tous');
    s.reply(p, 'ana', 'Merci à toi');
    const out = detect('broadcast-ratio', build(s.rows, brand));
    expect(out.values).toMatchObject({ threads: 4, brandThreads: 1, membersOnlyAnsweringBrand: 0 });
    expect(out.score).toBeGreaterThan(0.7);
  });

  it('comments under posts that are not exported: the posts are the brand’s', () => {
    const s = script();
    for (const post of ['p1', 'p2']) for (const m of ['ana', 'ben']) s.post(m, 'Joli', { thread: post });
    const out = detect('broadcast-ratio', build(s.rows, { kind: 'comments' }));
    expect(out.values).toMatchObject({ threads: 2, brandThreads: 2, brandMessages: 0 });
    expect(keyOf(out)).toBe('summary.broadcast-ratio.comments');
  });

  it('does not apply without any brand account or brand thread', () => {
    const s = script();
    const q = s.post('ana', 'Une question ?');
    s.reply(q, 'ben', 'Une réponse');
    expect(keyOf(detect('broadcast-ratio', build(s.rows, { brand: ['nobody'] })))).toBe('reason.noBrand');
  });
});
