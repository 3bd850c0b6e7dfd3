import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

function posts(likes: number, memberExchanges: boolean) {
  const s = script();
  for (const post of ['p1', 'p2']) {
    const p = s.post('brand', 'Nouveauté', { thread: post, reactions: likes });
    const a = s.reply(p, 'ana', 'Bravo', { thread: post, reactions: 2 });
    if (memberExchanges) {
      const b = s.reply(a, 'ben', 'Tu l’as testé ?', { thread: post, reactions: 0 });
      s.reply(b, 'ana', 'Oui, très bien', { thread: post, reactions: 0 });
    }
  }
  return build(s.rows, brand);
}

describe('reach-without-conversation', () => {
  it('many reactions, no conversation between members', () => {
    const out = detect('reach-without-conversation', posts(200, false));
    expect(out.values).toMatchObject({ reactions: 404, memberToMemberReplies: 0, threads: 2, reactionsPerThread: 202 });
    expect(out.score).toBe(0);
  });

  it('the same reach with members talking scores higher', () => {
    const quiet = detect('reach-without-conversation', posts(20, false));
    const talking = detect('reach-without-conversation', posts(20, true));
    expect(talking.values).toMatchObject({ reactions: 44, memberToMemberReplies: 4 });
    expect(talking.score!).toBeGreaterThan(quiet.score!);
    expect(talking.score).toBeCloseTo(4 / 44 / 0.2, 2);
    expect(keyOf(talking)).toBe('summary.reach-without-conversation');
  });

  it('does not apply without a reactions column, nor when every count is 0', () => {
    const s = script();
    const p = s.post('brand', 'Nouveauté');
    s.reply(p, 'ana', 'Bravo');
    expect(keyOf(detect('reach-without-conversation', build(s.rows, brand)))).toBe('reason.noReactions');
    expect(keyOf(detect('reach-without-conversation', zeroes()))).toBe('reason.noReactionsCounted');
  });
});

function zeroes() {
  const s = script();
  const p = s.post('brand', 'Nouveauté', { reactions: 0 });
  s.reply(p, 'ana', 'Bravo', { reactions: 0 });
  return build(s.rows, brand);
}
