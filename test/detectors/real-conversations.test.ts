import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('real-conversations', () => {
  it('counts a question, an answer from another member and the asker coming back', () => {
    const s = script();
    const q = s.post('ana', 'Vous faites comment ?');
    const a = s.reply(q, 'ben', 'Un point le lundi');
    s.reply(a, 'ana', 'Merci, je teste');
    const ds = build(s.rows, brand);
    const out = detect('real-conversations', ds);
    expect(out.values).toMatchObject({ conversationsWithMembers: 1, realConversations: 1, share: 1 });
    expect(out.evidence).toEqual([{ message: 0, note: { key: 'evidence.conversation', values: { messages: 3, members: 2 } } }]);
    expect(keyOf(out)).toBe('summary.real-conversations');
  });

  it('the same back and forth in a Slack-like thread, where every reply points to the root', () => {
    const s = script();
    const q = s.post('ana', 'Vous faites comment ?');
    s.reply(q, 'ben', 'Un point le lundi');
    s.reply(q, 'ana', 'Merci Ben');
    expect(detect('real-conversations', build(s.rows, brand)).values.realConversations).toBe(1);
  });

  it('not a conversation: two messages, three voices that never answer back, or a member and the brand', () => {
    const s = script();
    const a = s.post('ana', 'Bonjour');
    s.reply(a, 'ben', 'Salut');
    const b = s.post('cleo', 'Une idée');
    s.reply(b, 'dan', 'Oui');
    s.reply(b, 'eva', 'Oui aussi');
    const c = s.post('fred', 'Vous livrez ?');
    const r = s.reply(c, 'brand', 'Oui');
    s.reply(r, 'fred', 'Merci');
    const out = detect('real-conversations', build(s.rows, brand));
    expect(out.values).toMatchObject({ conversationsWithMembers: 3, realConversations: 0 });
    expect(out.score).toBe(0);
  });

  it('does not apply without replies', () => {
    const s = script();
    s.post('ana', 'Bonjour');
    expect(keyOf(detect('real-conversations', build(s.rows, brand)))).toBe('reason.noMemberReplies');
  });
});
