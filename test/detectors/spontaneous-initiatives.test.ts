import { describe, expect, it } from 'vitest';
import { initiativeKind } from '../../src/detectors/spontaneous-initiatives.js';
import { classifyText } from '../../src/lexicon/index.js';
import { build, script } from '../helpers/dataset.js';
import { detect, keyOf } from '../helpers/detect.js';

const brand = { brand: ['brand'] };

describe('spontaneous-initiatives', () => {
  it('counts a member thread that draws two other members without the brand, and classifies it', () => {
    const s = script();
    const a = s.post('ana', 'Et si on organisait un afterwork à Lyon jeudi ?');
    s.reply(a, 'ben', 'Partant !');
    s.reply(a, 'cleo', 'Je viens');
    const q = s.post('dan', 'Des idées pour motiver un patient qui décroche ?');
    s.reply(q, 'eva', 'Des objectifs très courts');
    s.reply(q, 'ana', 'Un rappel le mercredi');
    const ds = build(s.rows, brand);
    const out = detect('spontaneous-initiatives', ds);
    expect(out.values).toMatchObject({ memberOpenedConversations: 2, initiatives: 2, event: 1, help: 1, idea: 0, kinds: 2 });
    expect(keyOf(out)).toBe('summary.spontaneous-initiatives');
    expect(out.evidence!.map((e) => e.note!.key).sort()).toEqual(['evidence.initiative.event', 'evidence.initiative.help']);
    expect(out.highlights!.initiatives).toEqual(out.evidence);
  });

  it('does not count a thread the brand joined, nor one that drew a single other member', () => {
    const s = script();
    const a = s.post('ana', 'Je propose un atelier entre membres');
    s.reply(a, 'ben', 'Oui');
    s.reply(a, 'cleo', 'Oui');
    s.reply(a, 'brand', 'Super idée, on vous aide');
    const b = s.post('dan', 'Idée : un canal pour les cas cliniques ?');
    s.reply(b, 'eva', 'Bonne idée');
    const out = detect('spontaneous-initiatives', build(s.rows, brand));
    expect(out.values).toMatchObject({ memberOpenedConversations: 2, initiatives: 0 });
    expect(out.score).toBe(0);
    expect(keyOf(out)).toBe('summary.spontaneous-initiatives.none');
  });

  it('does not apply when every thread was started by the brand', () => {
    const s = script();
    const p = s.post('brand', 'Nouvelle version');
    s.reply(p, 'ana', 'Top');
    expect(keyOf(detect('spontaneous-initiatives', build(s.rows, brand)))).toBe('reason.noMemberOpened');
  });

  it.each([
    ['On se fait un afterwork jeudi ?', 'event'],
    ['Idée : un canal #cas-cliniques ?', 'idea'],
    ['Des idées pour garder un alternant ?', 'help'],
    ['J’ai compilé nos astuces dans un guide : https://docs.example.org/guide', 'resource'],
    ['Retour d’expérience sur la v2 : le rappel marche bien', 'feedback'],
    ['Bonne semaine à tous', 'talk'],
  ])('reads « %s » as %s', (text, kind) => {
    expect(initiativeKind(classifyText(text))).toBe(kind);
  });
});
