import { describe, expect, it } from 'vitest';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('off-platform', () => {
  it('a member shares an invite link and another answers: counted, with the member as evidence', () => {
    const s = script();
    const p = s.post('brand', 'Merci pour vos retours');
    const a = s.reply(p, 'ana', 'On continue sur WhatsApp ? https://chat.whatsapp.com/AbC123');
    s.reply(a, 'ben', 'Je rejoins !');
    const ds = build(s.rows, brand);
    const out = detect('off-platform', ds);
    expect(out.values).toMatchObject({ messages: 1, members: 1, answered: 1, inviteLinks: 1 });
    expect(out.evidence).toEqual([{ message: 1, note: { key: 'evidence.offPlatform.link', values: { answers: 1 } } }]);
    expect(out.highlights!.proposals).toEqual(out.evidence);
    expect(out.score).toBeGreaterThan(0.5);
  });

  it('the brand’s own invitations and customers asking the brand for a DM are not members moving elsewhere', () => {
    const s = script();
    s.post('brand', 'Rejoignez notre Discord : https://discord.gg/abc', { thread: 'p1' });
    const c = s.post('ana', 'On peut commander en DM ?', { thread: 'p1' });
    const r = s.reply(c, 'brand', 'On vous répond en DM 💌', { thread: 'p1' });
    s.reply(r, 'ana', 'Super, on se voit à la boutique ?', { thread: 'p1' });
    s.post('ben', 'Trop beau', { thread: 'p1' });
    const out = detect('off-platform', build(s.rows, { ...brand, kind: 'comments' }));
    expect(out.values).toMatchObject({ messages: 0, brandInvites: 1 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.off-platform.none');
  });

  it('a proposal to talk in private counts between members', () => {
    const s = script();
    const q = s.post('ana', 'Quelqu’un a un modèle de fiche de poste ?');
    s.reply(q, 'ben', 'Je t’envoie la nôtre en MP');
    const out = detect('off-platform', build(s.rows, brand));
    expect(out.values).toMatchObject({ messages: 1, privateProposals: 1 });
  });

  it('asking whether a Discord exists is a wish (desire-to-continue), not a move', () => {
    const s = script();
    s.post('ana', 'Vous avez un Discord ?');
    expect(detect('off-platform', build(s.rows, brand)).values.messages).toBe(0);
  });

  it('does not apply when no member wrote', () => {
    const s = script();
    s.post('brand', 'Bonjour');
    expect(keyOf(detect('off-platform', build(s.rows, brand)))).toBe('reason.noMembers');
  });
});
