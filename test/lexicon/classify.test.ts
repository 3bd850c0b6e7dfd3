/**
 * The one-pass phrase matcher must flag exactly what one regex per flag over the
 * normalized text flags (the way the lexicon was first written, kept here as the
 * reference): same phrases, same word boundaries, same 24-character head for question
 * words, same handling of accents, apostrophes, odd spaces, emojis and long texts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEXICON, Lex, MAX_SCAN, QUESTION_HEAD, classifyText, hasFlag, normalizeText } from '../../src/lexicon/index.js';

function words(list: readonly string[]): RegExp {
  const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}
const compiled = Object.fromEntries(Object.entries(LEXICON).map(([k, list]) => [k, words(list)])) as Record<keyof typeof LEXICON, RegExp>;
const INVITE_LINK =
  /(?:chat\.whatsapp\.com|wa\.me|whatsapp\.com\/channel|discord\.gg|discord\.com\/invite|t\.me\/|telegram\.me|join\.slack\.com|slack\.com\/join|skool\.com|circle\.so|meetup\.com|lu\.ma|luma\.com|eventbrite\.|calendly\.com|cal\.com|zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com)/;
const URL = /(?:https?:\/\/|www\.)[^\s]/;

function reference(text: string): number {
  if (!text) return 0;
  const t = normalizeText(text);
  let flags = 0;
  const hasUrl = URL.test(t);
  if (hasUrl) flags |= Lex.url;
  if (INVITE_LINK.test(t)) flags |= Lex.offPlatformLink;
  if (/[?¿？]/.test(t) || compiled.question.test(t.slice(0, QUESTION_HEAD))) flags |= Lex.question;
  for (const key of Object.keys(LEXICON) as (keyof typeof LEXICON)[]) {
    if (key === 'question') continue;
    if (compiled[key].test(t)) flags |= Lex[key];
  }
  if (hasUrl) flags |= Lex.resource;
  return flags;
}

const phrases = Object.values(LEXICON).flat();
const noise = fc.constantFrom(
  ' ', '  ', '\n', '\t', '\u00a0', '\u202f', '\u2009', '\u3000', ',', '.', '!', '?', ' ?', "'", '’', '`', '-', '_', '@', '#', '/', '//',
  'é', 'É', 'è', 'ç', 'à', 'ÀÉ', 'e\u0301', '\u0301', '\u05b0', 'İ', 'ß', 'Σ', 'ﬁ', '한', '😀', '👩‍💻', '🇫🇷', '𝐀', '\ud835', '1', '42', 'x', 'Q',
  'https://', 'www.', 'discord.gg/abc', 'chat.whatsapp.com/x', 'eventbrite.', 't.me/', 'mci', 'MERCI', 'Merci', 'Bienvenue', 'ÇA MARCHE',
);
const token = fc.oneof(fc.constantFrom(...phrases), fc.constantFrom(...phrases).map((p) => p.toUpperCase()), noise, fc.string({ maxLength: 3 }));

describe('lexicon matcher', () => {
  it('flags French and English messages', () => {
    expect(hasFlag(classifyText('Merci beaucoup pour l’astuce !'), 'thanks')).toBe(true);
    expect(hasFlag(classifyText('Quelqu’un a testé en bivouac'), 'question')).toBe(true);
    expect(hasFlag(classifyText('Is there a Discord for this?'), 'continueRequest')).toBe(true);
    expect(hasFlag(classifyText('join us https://discord.gg/abc'), 'offPlatformLink')).toBe(true);
    expect(hasFlag(classifyText('commentaire'), 'question')).toBe(false);
  });

  it('looks for question words in the head only', () => {
    expect(hasFlag(classifyText('x'.repeat(30) + ' pourquoi'), 'question')).toBe(false);
    expect(hasFlag(classifyText('abcdefghijklmnopqrst how'), 'question')).toBe(true);
  });

  it('flags exactly what one regex per flag flags', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 40 }), (parts) => {
        const text = parts.join(parts.length % 3 === 0 ? '' : ' ');
        expect(classifyText(text)).toBe(reference(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('agrees on long texts cut at the scan limit', () => {
    fc.assert(
      fc.property(fc.constantFrom(...phrases), fc.integer({ min: MAX_SCAN - 12, max: MAX_SCAN + 2 }), fc.constantFrom('a', ' ', '😀'), (p, at, pad) => {
        const text = pad.repeat(Math.ceil(at / pad.length)).slice(0, at) + ' ' + p + ' ?';
        expect(classifyText(text)).toBe(reference(text));
      }),
      { numRuns: 500 },
    );
  });
});
