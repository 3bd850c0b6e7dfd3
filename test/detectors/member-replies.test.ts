import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

/** Comments under a brand's post: each follower comments, the brand answers each one. */
function audience() {
  const s = script();
  for (const f of ['ana', 'ben', 'cleo', 'dan', 'eva', 'fred']) {
    const c = s.post(f, 'Trop beau 😍', { thread: 'post-1' });
    s.reply(c, 'brand', 'Merci !', { thread: 'post-1' });
  }
  return build(s.rows, { ...brand, kind: 'comments' });
}

/** A forum where members answer each other under the brand's post and in their own threads. */
function peers() {
  const s = script();
  const p = s.post('brand', 'Nouvelle version en ligne');
  const a = s.reply(p, 'ana', 'Super, quelqu’un a testé l’export ?');
  const b = s.reply(a, 'ben', 'Oui, ça marche bien chez moi');
  s.reply(b, 'ana', 'Merci Ben');
  const q = s.post('cleo', 'Vous faites comment pour les rappels ?');
  const r = s.reply(q, 'dan', 'Un message le mercredi');
  s.reply(r, 'cleo', 'Bonne idée');
  s.reply(q, 'ben', 'Pareil, le mercredi');
  return build(s.rows, brand);
}

describe('member-replies', () => {
  it('an audience: every member reply goes to the brand', () => {
    const out = detect('member-replies', audience());
    expect(out.score).toBeLessThan(0.05);
    expect(out.values).toMatchObject({ memberReplies: 6, toMembers: 0, toBrand: 6, share: 0 });
    expect(out.evidence).toEqual([]);
    expect(keyOf(out)).toBe('summary.member-replies.low');
  });

  it('peers: members answer each other, with and without the brand in the thread', () => {
    const ds = peers();
    const out = detect('member-replies', ds);
    expect(out.values).toMatchObject({ memberReplies: 6, toMembers: 5, toBrand: 1 });
    // the conversation opened by cleo is among members only; ana's sits under the brand's post
    expect(out.values.messagesInMemberOnlyConversations).toBe(4);
    expect(out.score).toBeGreaterThan(0.8);
    expect(keyOf(out)).toBe('summary.member-replies.high');
    // evidence: one reply to another member from each of the members who answer most
    const authors = out.evidence!.map((e) => ds.authors[ds.messages.author[e.message!]!]!.name);
    expect(authors).toEqual(['ben', 'ana', 'cleo']); // ben answered twice; ties go to whoever wrote first
    expect(out.evidence!.every((e) => e.note?.key === 'evidence.answersOthers')).toBe(true);
  });

  it('does not apply when nobody answers anybody', () => {
    const s = script();
    for (const a of ['ana', 'ben', 'cleo']) s.post(a, 'Bonjour');
    const out = detect('member-replies', build(s.rows, brand));
    expect(out.score).toBeNull();
    expect(keyOf(out)).toBe('reason.noMemberReplies');
  });

  it('a brand message in a member conversation takes it out of the members-only share, not out of the reply share', () => {
    const s = script();
    const q = s.post('cleo', 'Vous faites comment ?');
    s.reply(q, 'dan', 'Le mercredi');
    const without = detect('member-replies', build(s.rows, brand));
    s.reply(q, 'brand', 'Bonne question !');
    const withBrand = detect('member-replies', build(s.rows, brand));
    expect(withBrand.values.share).toBe(without.values.share);
    expect(withBrand.values.memberOnlyMessageShare).toBeLessThan(without.values.memberOnlyMessageShare as number);
    expect(withBrand.score!).toBeLessThan(without.score!);
  });
});
