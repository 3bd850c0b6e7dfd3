import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/model/dataset.js';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

function rows() {
  const s = script();
  const p = s.post('brand', 'Nouveauté');
  s.reply(p, 'ana', 'Top');
  s.reply(p, 'ben', 'Bravo');
  return s.rows;
}
const file = (contacts: boolean[]): Member[] =>
  contacts.map((contactable, i) => ({ name: `m${i}`, role: 'member', contactable, line: i + 2 }));

describe('rented-ground', () => {
  it('all on a network the brand rents, no member file', () => {
    const out = detect('rented-ground', build(rows(), { brand: ['brand'], platform: 'instagram' }));
    expect(out.values).toMatchObject({ rentedMessages: 3, ownedMessages: 0, rentedShare: 1, platforms: 'instagram', memberFileMembers: 0, contactableShare: null });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.rented-ground.platformsOnly');
  });

  it('a space the brand owns, and a member file with direct contacts', () => {
    const out = detect('rented-ground', build(rows(), { brand: ['brand'], platform: 'discord', members: file([true, true, false, true]) }));
    expect(out.values).toMatchObject({ ownedMessages: 3, rentedShare: 0, contactable: 3, memberFileMembers: 4, contactableShare: 0.75 });
    expect(out.score).toBeCloseTo(0.7 + 0.3 * 0.75, 3);
    expect(keyOf(out)).toBe('summary.rented-ground');
  });

  it('reads each author’s platform in a mixed export', () => {
    const s = script();
    const p = s.post('brand', 'Nouveauté', { platform: 'linkedin' });
    s.reply(p, 'ana', 'Top', { platform: 'linkedin' });
    s.post('ben', 'On en parle ici aussi', { platform: 'slack' });
    s.post('cleo', 'Et ici', { platform: 'slack' });
    const out = detect('rented-ground', build(s.rows, { brand: ['brand'] }));
    expect(out.values).toMatchObject({ rentedMessages: 2, ownedMessages: 2, rentedShare: 0.5, platforms: 'linkedin, slack' });
  });

  it('unknown platform: the member file alone, or nothing to say', () => {
    const withFile = detect('rented-ground', build(rows(), { brand: ['brand'], platform: 'unknown', members: file([true, false]) }));
    expect(withFile.score).toBe(0.5);
    expect(keyOf(withFile)).toBe('summary.rented-ground.fileOnly');
    const without = detect('rented-ground', build(rows(), { brand: ['brand'], platform: 'unknown' }));
    expect(keyOf(without)).toBe('reason.platformUnknown');
  });
});
