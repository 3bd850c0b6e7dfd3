/**
 * Arbitrary small datasets for properties that compare two implementations of the same
 * measure: a few members and a brand who post, reply (to earlier messages, sometimes in a
 * thread without a parent), over several weeks, with texts the lexicon flags (questions,
 * thanks, welcomes, requests to move elsewhere, invite links), in chats and comment exports.
 */
import fc from 'fast-check';
import type { Dataset } from '../../src/model/dataset.js';
import { type BuildOptions, type Row, build } from './dataset.js';

const TEXTS = [
  '',
  'Vous faites comment ?',
  'Merci Ben !',
  'Bienvenue parmi nous',
  'Un point le lundi',
  'How do you handle this?',
  'Thanks a lot',
  'On se fait un groupe WhatsApp ?',
  'Rejoignez-nous sur discord.gg/abc',
  'Super photo',
  'Is there a Discord?',
  '@u2 je suis d’accord',
] as const;

const rowArb = fc.record({
  author: fc.integer({ min: 0, max: 9 }),
  parent: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
  thread: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined, freq: 2 }),
  gap: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 3 * 7 * 24 * 60 })),
  text: fc.integer({ min: 0, max: TEXTS.length - 1 }),
  /** a second platform now and then: one audit over two exports */
  platform: fc.option(fc.constant('instagram'), { nil: undefined, freq: 4 }),
});

export interface RandomDataset {
  ds: Dataset;
  rows: Row[];
  options: BuildOptions;
}

export const randomDataset: fc.Arbitrary<RandomDataset> = fc
  .record({
    rows: fc.array(rowArb, { minLength: 1, maxLength: 80 }),
    kind: fc.constantFrom('chat' as const, 'comments' as const),
    links: fc.constantFrom('parent' as const, 'thread' as const, 'none' as const),
    brand: fc.constantFrom<string[] | undefined>(['brand'], undefined, []),
  })
  .map(({ rows: list, kind, links, brand }) => {
    let at = 0;
    const rows = list.map((r, i): Row => {
      at += r.gap;
      return {
        id: `m${i}`,
        author: r.author === 0 ? 'brand' : `u${r.author}`,
        at,
        text: TEXTS[r.text]!,
        ...(r.parent !== undefined && i > 0 ? { parent: `m${r.parent % i}` } : {}),
        ...(r.thread !== undefined ? { thread: `t${r.thread}` } : {}),
        ...(r.platform ? { platform: r.platform } : {}),
      };
    });
    const options: BuildOptions = { kind, links, ...(brand ? { brand } : {}) };
    return { ds: build(rows, options), rows, options };
  });
