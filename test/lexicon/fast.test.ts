/**
 * The fast classifier (src/lexicon/fast.ts) against the reference (classifyTextReference:
 * normalize, word form, regexes): the same flags for every text, by both ways in (a string,
 * and the UTF-8 bytes of a CSV field with its "" escapes), and the same normalized text and
 * word form wherever the fast path does not hand the text over to the reference.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  GREETINGS,
  GREETING_TAILS,
  INVITE_DOMAINS,
  LEXICON,
  MAX_SCAN,
  NOT_A_WELCOME,
  NOT_QUESTION_OPENINGS,
  PLACES,
  QUESTION_OPENINGS,
  classifyText,
  classifyTextReference,
  classifyUtf8,
  flagNames,
  foldText,
  normalizeText,
  wordForm,
} from '../../src/lexicon/index.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../../shared/samples/', import.meta.url));

/**
 * Both ways in agree with the reference: the string, and its bytes inside a larger buffer,
 * quoted the CSV way when it holds a quote (a lone surrogate there is U+FFFD: the reference
 * then reads what the bytes decode to).
 */
function expectSame(...texts: string[]): void {
  for (const text of texts) expectSameOne(text);
}
function expectSameOne(text: string): void {
  const reference = flagNames(classifyTextReference(text));
  const fast = flagNames(classifyText(text));
  const escaped = text.includes('"');
  const field = Buffer.from(escaped ? text.replace(/"/g, '""') : text);
  const bytes = Buffer.concat([Buffer.from('x,"'), field, Buffer.from('",y')]);
  const decoded = field.toString('utf8');
  const utf8 = flagNames(classifyUtf8(bytes, 3, 3 + field.length, escaped));
  const utf8Reference = flagNames(classifyTextReference(escaped ? decoded.replace(/""/g, '"') : decoded));
  expect({ text, fast, utf8 }).toEqual({ text, fast: reference, utf8: utf8Reference });
}

/** The fold gives what the reference's two first steps give (when it does not hand over). */
function expectSameFold(text: string): void {
  const f = foldText(text);
  if (f === null) return;
  const base = normalizeText(text);
  expect({ text, ...f }).toEqual({ text, base, words: wordForm(base) });
}

// ---- generators: the lexicon's own words, dressed the way people write them

const PHRASES = [
  ...Object.values(LEXICON).flat(),
  ...QUESTION_OPENINGS,
  ...NOT_QUESTION_OPENINGS,
  ...PLACES,
  ...NOT_A_WELCOME,
  ...GREETINGS.flatMap((g) => [g, `${g} ${GREETING_TAILS[0]}`, `${g} claire,`, `${g} marie-anne !`]),
  ...GREETING_TAILS,
];
const ACCENTS: Record<string, string[]> = {
  a: ['à', 'â', 'ä', 'á', 'À', 'Â', 'a\u0300'],
  e: ['é', 'è', 'ê', 'ë', 'É', 'È', 'e\u0301', 'E\u0301'],
  i: ['î', 'ï', 'í', 'İ', 'ı', 'I'],
  o: ['ô', 'ö', 'ó', 'Ô', 'ø'],
  u: ['ù', 'û', 'ü', 'Ü'],
  c: ['ç', 'Ç', 'ć'],
  n: ['ñ', 'Ñ'],
  s: ['ß', 'ś', 'ſ'],
  y: ['ÿ', 'Ÿ', 'ý'],
};
const SEPARATORS = [' ', ' ', ' ', '  ', '\u00a0', '\u202f', '\u2009', '\t', '\n', '\r\n', "'", '’', '‘', '`', '´', 'ʼ', '-', '‐', '–', '—', '_', ' - ', " ' ", '\u3000', '\u2003', '\ufeff'];
const PUNCTUATION = [',', '.', '!', '?', ' ?', '\u202f?', '\u00a0?', '\u00a0!', '¿', '？', ':', ' :', '…', '« ', ' »', '"', '""', '(', ')', ';', '/', '*', '#', '&', '...', '?!', '\u0000'];
const MENTIONS = ['@julie', '@louis.richard', '@zoé.vincent1', '@Hugo_D', '@@', '@ ', '@', '@jean-pierre'];
const URLS = [
  'https://example.org/watch?v=42&t=10',
  'http://a.b/c?d',
  'HTTPS://EXAMPLE.COM/?x',
  'www.site.fr/page?',
  'www.',
  'http:// ',
  'https://',
  'xhttp://y.z?',
  'http://?',
  'www.?',
  'docs.example.org/fiche-suivi',
  'contact@example.fr',
  'e.g.',
  'v1.2',
  ...INVITE_DOMAINS.flatMap((d) => [d, `https://${d}abc`, `x${d}`, `-${d}`, `.${d}`, `"${d}`, d.toUpperCase(), `${d.replace('.', '. ')}`]),
];
const EMOJIS = ['😀', '🙏🙏', '👍🏽', '👩‍💻', '🧑‍🤝‍🧑', '❤️', '🇫🇷', '1️⃣', '✨', '👌', '\u{1d400}', '\u{10400}', '\u{20000}', '\u{1f3fb}'];
const SPECIAL = [
  'Σ', 'ΟΔΟΣ', 'ς', 'İstanbul', 'ﬁ', 'Ǆ', 'ǅ', 'ǆ', '\u212a', '\u212b', 'Ω', 'œ', 'Œ', 'Æ', 'æ', 'Ĳ', 'ŉ', '한국', 'Ά', 'Й', 'й', 'ё', 'Ａｂ', '１２', '？',
  '\u0483', '\u0591', '\u1ab0', '\u20d0', '\u0345', '\u0334', '\u0301', '\u034f', '\u200d', '\ufe0f', '\u20e3', '\u0958', '\u1e9e', '\u1ea0\u0323',
  '\ud800', '\udc00', 'a\ud83d', '\ude00b', '\u00ad', '\u2028', '\u0085',
];

const word = fc.constantFrom(...PHRASES, 'le', 'the', 'a', 'un', 'x', 'merci2', 'on', 'se', 'sur', 'qq1', 'de', 'Slack', 'ZOOM', 'teams');
/** A phrase with accents, capitals, apostrophes or hyphens where it had spaces. */
const dressed = fc.tuple(word, fc.array(fc.nat(), { maxLength: 4 }), fc.constantFrom('lower', 'upper', 'title'), fc.constantFrom(...SEPARATORS)).map(([w, picks, kase, sep]) => {
  const chars = [...w];
  for (const p of picks) {
    const i = p % Math.max(chars.length, 1);
    const options = ACCENTS[chars[i] ?? ''];
    if (options) chars[i] = options[p % options.length]!;
  }
  let s = chars.join('');
  if (kase === 'upper') s = s.toUpperCase();
  if (kase === 'title') s = s.charAt(0).toUpperCase() + s.slice(1);
  return s.replace(/ /g, () => sep);
});
const piece = fc.oneof(
  { weight: 6, arbitrary: dressed },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 2, arbitrary: fc.constantFrom(...MENTIONS) },
  { weight: 2, arbitrary: fc.constantFrom(...URLS) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJIS) },
  { weight: 1, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) },
);
/** Pieces joined by a separator, punctuation or nothing at all ("xmerci"). */
const message = fc.array(fc.tuple(piece, fc.constantFrom(...SEPARATORS, '', '', ',', ' ', ' ')), { minLength: 1, maxLength: 14 }).map((parts) => parts.map(([a, b]) => a + b).join(''));

/**
 * What the opening logic reads: @mentions, leading punctuation or emojis (around the 40 units
 * it skips at most), a greeting with a tail or a name of a few words before a stop, an opening.
 */
const junk = fc.array(fc.constantFrom('🙂', '!', ' ', '«', '…', '-', '*', '👩‍💻', '\u00a0'), { maxLength: 30 }).map((a) => a.join(''));
const name = fc.array(fc.constantFrom('claire', 'Marie', 'anne', 'J.', 'de', 'la', '@hugo', 'x'), { maxLength: 5 }).map((a) => a.join(' '));
const greeting = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom(...GREETINGS), fc.constantFrom(...GREETING_TAILS, '')).map(([g, t]) => `${g} ${t}`),
  fc.tuple(fc.constantFrom(...GREETINGS), name, fc.constantFrom(',', '!', '.', ':', ' ,', '', '?')).map(([g, n, stop]) => `${g} ${n}${stop}`),
);
const opening = fc
  .tuple(fc.array(fc.constantFrom(...MENTIONS), { maxLength: 3 }), junk, fc.array(greeting, { maxLength: 3 }), junk, fc.constantFrom(...QUESTION_OPENINGS, ...NOT_QUESTION_OPENINGS, 'merci', 'je', ''), message)
  .map(([mentions, j1, greetings, j2, open, rest]) => `${mentions.join(' ')} ${j1}${greetings.join(' ')} ${j2}${open} ${rest}`);

describe('the fast classifier gives the reference’s flags', () => {
  it('on messages that start the many ways a question can open', () => {
    fc.assert(fc.property(opening, (text) => expectSame(text)), { numRuns: 3000 });
    // the limits of openingOf, one unit either side: 40 leading units skipped, a name read in
    // the first 32 units after a greeting, six rounds of mentions and greetings
    for (let k = 30; k < 50; k++) {
      expectSame(`${'!'.repeat(k)}qui a testé`);
      expectSame(`${'🙂'.repeat(k >> 1)}${k & 1 ? '!' : ''}how do you`);
      expectSame(`Bonjour ${'a'.repeat(k - 10)}, qui a testé`);
      expectSame(`Hello ${'x '.repeat((k - 20) >> 1)}x, how do you`);
    }
    for (let k = 4; k < 9; k++) expectSame(`${'@a '.repeat(k)}qui a testé`, `${'salut, '.repeat(k)}qui a testé`);
  });

  it('on arbitrary messages made of the lexicon’s phrases, greetings, mentions, URLs, emojis and odd characters', () => {
    fc.assert(fc.property(message, (text) => expectSame(text)), { numRuns: 4000 });
  });

  it('and the same normalized text and word form whenever it does not hand the text to the reference', () => {
    fc.assert(fc.property(message, (text) => expectSameFold(text)), { numRuns: 2000 });
  });

  it('on texts longer than MAX_SCAN, whatever falls across the cut (a phrase, an emoji, an accent, a "" escape)', () => {
    const filler = fc.array(fc.constantFrom('ab ', 'é', '"', '""', '😀', ' ', 'x', '?', 'www.', '@'), { minLength: 1, maxLength: 8 }).map((a) => a.join(''));
    const long = fc.tuple(filler, fc.integer({ min: 0, max: 40 }), message).map(([f, k, tail]) => {
      const head = f.repeat(Math.ceil(MAX_SCAN / f.length) + 1).slice(0, MAX_SCAN - k);
      return head + tail + ' merci vous avez un groupe ?';
    });
    fc.assert(fc.property(long, (text) => expectSame(text)), { numRuns: 600 });
    // a phrase cut in its middle, an emoji cut between its two halves
    for (let k = 0; k < 12; k++) {
      expectSame('x '.repeat(MAX_SCAN).slice(0, MAX_SCAN - k) + 'je t envoie un mp');
      expectSame('a'.repeat(MAX_SCAN - 1 - k) + ' ' + '😀'.repeat(8) + ' merci');
      expectSame('"'.repeat(MAX_SCAN - k) + 'é merci');
    }
  });

  it('on arbitrary bytes of a field (invalid UTF-8 included), read the way the worker reads them', () => {
    const bytes = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(0x22, 0x22, 0x20, 0x3f, 0xc3, 0xa9, 0xe2, 0x80, 0x99, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xef, 0xbf, 0xbd, 0xf4, 0x90),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(bytes, fc.string({ maxLength: 10 }), fc.boolean(), (raw, text, escaped) => {
        const field = Buffer.concat([Buffer.from(raw), Buffer.from(text)]);
        let decoded = field.toString('utf8');
        if (escaped) decoded = decoded.replace(/""/g, '"');
        expect({ field: field.toString('hex'), escaped, flags: classifyUtf8(field, 0, field.length, escaped) }).toEqual({
          field: field.toString('hex'),
          escaped,
          flags: classifyTextReference(decoded),
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('character by character: every BMP code unit and every plane-1 character, in context', () => {
    const contexts = (c: string) => [`Éa${c}b e\u0301${c}${c} merci`, `${c}qqn a${c}testé ?`, `${c}`, `@x ${c} bonjour ${c}, how do`, `w${c}ww.a${c}b`];
    let handed = 0;
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const c = String.fromCodePoint(cp);
      for (const text of contexts(c)) {
        const f = foldText(text);
        if (f === null) {
          handed++;
          continue;
        }
        const base = normalizeText(text);
        if (f.base !== base || f.words !== wordForm(base)) expect({ cp: cp.toString(16), text, ...f }).toEqual({ cp: cp.toString(16), text, base, words: wordForm(base) });
        if (classifyText(text) !== classifyTextReference(text)) expect({ cp: cp.toString(16), text, flags: flagNames(classifyText(text)) }).toEqual({ cp: cp.toString(16), text, flags: flagNames(classifyTextReference(text)) });
      }
    }
    // most characters are covered: the reference is for the rare ones
    expect(handed).toBeLessThan(0.2 * 5 * 0x1f800);
  });

  it('covers the characters of French and English messages, so that they take the fast path', () => {
    const common = [
      'Qu’est-ce que « ça » donne ? Très bien… À bientôt ! Œuvre, cœur, naïve, Noël, façade, déjà-vu — 20 % — 5 €',
      'Hello 👋🏽 anyone tried it? Thanks!! 🙏🙏 👩‍💻 ❤️ 🇫🇷 1️⃣ https://chat.whatsapp.com/AbC',
      'Ñandú, Ærø, straße, Łódź, İzmir, ÿ, ﬁ, ½, ², №, ™, ©, ±, ×, ÷, ¿qué?',
    ];
    for (const text of common) expect({ text, handed: foldText(text) === null }).toEqual({ text, handed: false });
  });
});

// ---- every text of the fixtures (and of the real samples when they are there)

/** Every string a fixture file holds: CSV fields, JSON strings, XML attributes, lines of text. */
function textsOf(file: string): string[] {
  const content = readFileSync(file, 'utf8');
  if (file.endsWith('.csv')) return (Papa.parse<string[]>(content, { skipEmptyLines: true }).data as string[][]).flat();
  if (file.endsWith('.json') || file.endsWith('.ndjson')) {
    // some fixtures are broken on purpose: their lines are texts too
    const lines = content.split('\n');
    try {
      return strings(JSON.parse(content));
    } catch {
      return lines.flatMap((l) => {
        try {
          return strings(JSON.parse(l));
        } catch {
          return [l];
        }
      });
    }
  }
  if (file.endsWith('.xml')) return [...content.matchAll(/="([^"]*)"/g)].map((m) => m[1]!.replace(/&#xA;/g, '\n').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
  if (file.endsWith('.txt')) return content.split('\n').flatMap((l) => [l, l.slice(l.indexOf(': ') + 2)]);
  return [];
}
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the fast classifier on real texts', () => {
  it('gives the reference’s flags on every text of every fixture', () => {
    const texts = files(FIXTURES).flatMap(textsOf);
    expect(texts.length).toBeGreaterThan(2000);
    for (const text of texts) expectSame(text);
  });

  it.skipIf(!existsSync(SAMPLES))('gives the reference’s flags on every text of the real samples (../shared/samples)', () => {
    const texts = files(SAMPLES).flatMap(textsOf);
    for (const text of texts) expectSame(text);
  });
  if (!existsSync(SAMPLES)) console.warn(`lexicon: ${SAMPLES} is absent, the real-sample comparison is skipped`);
});
