import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };
const members = ['ana', 'ben', 'cleo', 'dan', 'eva', 'fred', 'gus', 'hana'];

describe('brand-independence', () => {
  it('hub and spoke: every exchange goes through the brand', () => {
    const s = script();
    for (const m of members) {
      const c = s.post(m, 'Vous livrez en Belgique ?', { thread: 'post-1' });
      s.reply(c, 'brand', 'Oui !', { thread: 'post-1' });
    }
    const out = detect('brand-independence', build(s.rows, { ...brand, kind: 'comments' }));
    expect(out.values).toMatchObject({ memberOpenedConversations: 8, answeredByMember: 0, largestMemberGroup: 0 });
    expect(out.values.centralizationWithBrand).toBe(1);
    expect(out.score).toBeLessThan(0.05);
    expect(keyOf(out)).toBe('summary.brand-independence.comments');
  });

  it('a mesh: member-started threads answered by members, one group that holds without the brand', () => {
    const s = script();
    for (let i = 0; i < members.length; i++) {
      const q = s.post(members[i]!, 'Des conseils pour démarrer ?');
      s.reply(q, members[(i + 1) % members.length]!, 'Commence petit');
      s.reply(q, members[(i + 3) % members.length]!, 'Un point par semaine');
    }
    const ds = build(s.rows, brand);
    const out = detect('brand-independence', ds);
    expect(out.values).toMatchObject({ memberOpenedConversations: 8, answeredByMember: 8, answeredWithoutBrand: 8, largestMemberGroup: 8, memberGroups: 1 });
    expect(out.score).toBeGreaterThan(0.9);
    expect(keyOf(out)).toBe('summary.brand-independence.threads');
    expect(out.evidence).toHaveLength(5);
    expect(out.evidence![0]!.note).toEqual({ key: 'evidence.linkedMembers', values: { links: 4 } });
  });

  it('says members opened nothing of their own rather than "0 of 0 threads"', () => {
    const s = script();
    const p = s.post('brand', 'Quoi de neuf ?');
    const a = s.reply(p, 'ana', 'Tout va bien');
    s.reply(a, 'ben', 'Pareil');
    const out = detect('brand-independence', build(s.rows, brand));
    expect(keyOf(out)).toBe('summary.brand-independence.noneOpened');
    expect(out.values.memberOpenedConversations).toBe(0);
    expect(out.score).not.toBeNull();
  });

  it('does not apply without any reply', () => {
    const s = script();
    s.post('ana', 'Bonjour');
    s.post('brand', 'Bienvenue à tous');
    expect(keyOf(detect('brand-independence', build(s.rows, brand)))).toBe('reason.noMemberReplies');
  });
});
