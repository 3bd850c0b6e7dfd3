import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type LexFlag,
  LEXICON,
  LIST_PATTERNS,
  Lex,
  MAX_SCAN,
  PATTERNS,
  QUESTION_OPENINGS,
  classifyText,
  classifyTextReference,
  classifyUtf8,
  flagNames,
  normalizeText,
  openingOf,
  phraseFlags,
  wordForm,
} from '../../src/lexicon/index.js';

/** [message, flags it must have, flags it must not have] */
type Case = [string, LexFlag[], LexFlag[]];

const QUESTIONS: Case[] = [
  ['Quelqu’un a déjà testé un ATS gratuit pour une équipe de 8', ['question'], []],
  ['qqn a une astuce pour l’export stp', ['question', 'help'], []],
  ['Vous faites comment pour l’onboarding quand tout le monde est en télétravail', ['question'], []],
  ['@Hugo comment tu fais pour tenir le rythme', ['question'], []],
  ['Bonjour à tous, est-ce que vous utilisez Notion pour vos fiches ?', ['question'], []],
  ['Hello Claire, how do you run your onboarding', ['question'], []],
  ['Anyone tried the new export 🙏', ['question'], []],
  ['C’est dispo quand ?', ['question'], []],
  ['Prix svp ?', ['question'], []],
  ['Vraiment ?!', ['question'], []],
  ['kelk1 a le lien du replay', ['question'], []],
  ['Pk ça ne marche plus depuis hier', ['question'], []],
  // not questions: a "how" or « comment » further in, exclamations, agreement, a "?" in a URL
  ['Je sais comment faire, merci !', ['thanks'], ['question']],
  ['Here is how we did it: one call a week.', [], ['question']],
  ['Quelle finesse 😍', [], ['question']],
  ['What a beauty!!', [], ['question']],
  ['Pourquoi pas ! Je suis partante', [], ['question']],
  ['Vous avez raison, très juste', [], ['question']],
  ['Le replay est là : https://example.org/watch?v=42&t=10', ['url', 'resource'], ['question']],
];

const KINDS: Case[] = [
  ['Je galère avec les séances en visio, le son coupe tout le temps.', ['help'], ['offPlatformProposal', 'event']],
  ['Perso je fais un point de 5 minutes au début, ça a marché pour moi', ['help'], []],
  ['Ça marche, à demain !', [], ['help']],
  ['Et si on organisait un atelier entre membres ?', ['idea', 'event', 'question'], []],
  ['Idée : un canal #cas-cliniques pour discuter de cas anonymisés ?', ['idea'], []],
  ['Retour comme promis : le rappel du mercredi marche super bien 👌', ['feedback'], []],
  ['J’ai testé la vague avec deux ados, validé !', ['feedback'], []],
  ['Je vous partage ma fiche : https://docs.example.org/fiche-suivi', ['resource', 'url'], ['offPlatformLink']],
  ['Merci Julie 🙏🙏', ['thanks'], []],
  ['mrc bcp pour le tuto', ['thanks', 'help'], []],
  ['thx a lot, that fixed it', ['thanks', 'help'], []],
  ['Bienvenue parmi nous Nadia 😊', ['welcome'], []],
  ['Welcome aboard Sam!', ['welcome'], []],
  ["You're welcome, happy to help", ['help'], ['welcome']],
  ['Je vais chez la mercière demain', [], ['thanks']],
];

const ELSEWHERE: Case[] = [
  ['Rejoignez le groupe : https://chat.whatsapp.com/AbCdEf123', ['offPlatformLink', 'offPlatformProposal', 'url'], []],
  ['Le serveur est ici discord.gg/abc123', ['offPlatformLink'], []],
  ['Inscriptions sur https://lu.ma/rh-pme 🎉', ['offPlatformLink'], []],
  ['Prends un créneau : calendly.com/julie/30min', ['offPlatformLink'], []],
  ['Voir www.local.com/cal.com-style', [], ['offPlatformLink']],
  ['On se voit à l’afterwork jeudi ? IRL ça change tout', ['offPlatformProposal', 'event', 'question'], []],
  ['Je propose qu’on se fasse un call Zoom mensuel, qui est partant ?', ['offPlatformProposal', 'offPlatformTool', 'idea', 'question'], []],
  ["Let's meet at the conference next month", ['offPlatformProposal', 'event'], []],
  ['Ce serait top de se voir IRL un de ces jours', ['offPlatformProposal'], []],
  // "IRL" alone says where, it proposes nothing (a forum post about fiction)
  ['It’d be like actually being a person IRL who spends time on Facebook instead of studying.', [], ['offPlatformProposal']],
  ['Je te réponds en DM', ['privateMessage'], []],
  ['On peut commander en MP ?', ['privateMessage', 'question'], []],
  ['DM me and I will send you the template', ['privateMessage', 'resource'], []],
  ['On continue sur WhatsApp ?', ['offPlatformProposal', 'offPlatformTool', 'question'], []],
  ['Le lien Teams est dans l’invitation, on se retrouve sur Teams', ['offPlatformTool', 'offPlatformProposal'], []],
  // ordinary words that are also tool names
  ['Cut me some slack, it was a long week', [], ['offPlatformTool', 'offPlatformProposal']],
  ['We sat in a circle and shared our wins', [], ['offPlatformTool']],
  ['Our teams of three worked great', [], ['offPlatformTool']],
  ['C’est un signal fort pour la suite', [], ['offPlatformTool']],
  ['Petit zoom sur notre nouvelle collection ✨', [], ['offPlatformTool']],
  ['En vrai c’est top', [], ['offPlatformProposal']],
  ['J’ai rdv chez le médecin, je reviens', [], ['offPlatformProposal']],
];

const CONTINUE: Case[] = [
  ['Vous avez un groupe pour continuer ces échanges ? Ce serait top.', ['continueRequest', 'question'], []],
  ['Un Discord ?', ['continueRequest', 'question'], ['offPlatformProposal']],
  ['Is there a Slack for this?', ['continueRequest', 'question'], []],
  ['On devrait créer un groupe WhatsApp entre RH de PME, qui est partant ?', ['continueRequest', 'offPlatformTool'], []],
  ['Il y a un espace pour prolonger la discussion ailleurs que sur LinkedIn ?', ['continueRequest'], []],
  ['Y a un groupe Facebook ?', ['continueRequest'], []],
  ['would love a place to chat about this outside linkedin', ['continueRequest'], []],
  ['Vous avez un espace de vente à Lyon ?', ['question'], ['continueRequest']],
  ['Il reste des tasses bleues ?', ['question'], ['continueRequest']],
];

function check([text, yes, no]: Case) {
  const flags = flagNames(classifyText(text));
  return { text, missing: yes.filter((f) => !flags.includes(f)), unexpected: no.filter((f) => flags.includes(f)) };
}

describe('lexicon, on real-looking sentences (accents, elisions, SMS spellings, emojis, URLs)', () => {
  for (const [name, table] of [
    ['questions', QUESTIONS],
    ['help, ideas, feedback, resources, thanks and welcomes', KINDS],
    ['invite links, proposals to meet and tool names', ELSEWHERE],
    ['requests for a place to continue', CONTINUE],
  ] as const) {
    it(name, () => {
      for (const c of table) expect(check(c)).toEqual({ text: c[0], missing: [], unexpected: [] });
    });
  }

  it('reads the opening after @mentions, greetings and emojis', () => {
    expect(openingOf(wordForm(normalizeText('🙂 @julie.m @Hugo Bonjour à tous, qui a testé ?')))).toMatch(/^qui a teste/);
    expect(openingOf(wordForm(normalizeText('Hello Claire, anyone tried it')))).toMatch(/^anyone tried/);
  });

  it('has no duplicate phrase in a list (a duplicate hides a typo elsewhere)', () => {
    for (const [name, list] of Object.entries<readonly string[]>({ ...LEXICON, openings: QUESTION_OPENINGS })) {
      expect({ name, dupes: list.filter((w, i) => list.indexOf(w) !== i) }).toEqual({ name, dupes: [] });
    }
  });

  it('the single-pass matcher finds exactly what each list’s own pattern finds', () => {
    const phrases = Object.values(LEXICON).flat();
    const token = fc.oneof(fc.constantFrom(...phrases), fc.constantFrom('le', 'the', 'a', 'un', 'x', 'merci2', 'on', 'se', 'sur', '?', '🙂'));
    fc.assert(
      fc.property(fc.array(token, { minLength: 1, maxLength: 12 }), (tokens) => {
        const w = tokens.join(' ');
        const found = phraseFlags(w);
        for (const [list, re] of Object.entries(LIST_PATTERNS)) expect({ w, list, found: (found & Lex[list as LexFlag]) !== 0 }).toEqual({ w, list, found: re.test(w) });
      }),
      { numRuns: 500 },
    );
  });

  it('writes every phrase in the normalized word form it is matched against', () => {
    for (const [name, list] of Object.entries({ ...LEXICON, openings: QUESTION_OPENINGS })) {
      for (const w of list) expect({ name, w, form: wordForm(normalizeText(w)) }).toEqual({ name, w, form: w });
    }
  });
});

/**
 * Catastrophic backtracking needs a quantified group whose body can itself repeat: (a+)+,
 * (a|aa)*, (\s*x?)+… This walks each pattern's source and fails on any group that is repeated
 * without bound (* + {n,}) and contains a quantifier of its own.
 */
function nestedQuantifiers(source: string): string[] {
  const found: string[] = [];
  const stack: { start: number; quantified: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') stack.push({ start: i, quantified: false });
    else if (c === ')') {
      const group = stack.pop()!;
      const next = source[i + 1];
      const unbounded = next === '*' || next === '+' || (next === '{' && /^\{\d+,\}/.test(source.slice(i + 1)));
      if (unbounded && group.quantified) found.push(source.slice(group.start, i + 2));
      if (stack.length > 0 && (group.quantified || unbounded || next === '?' || next === '{')) stack[stack.length - 1]!.quantified = true;
    } else if ((c === '*' || c === '+' || c === '?' || c === '{') && stack.length > 0) {
      // a ? right after ( opens a group kind (?: (?= (?<!…), it is no quantifier
      if (!(c === '?' && source[i - 1] === '(')) stack[stack.length - 1]!.quantified = true;
    }
  }
  return found;
}

describe('lexicon safety', () => {
  it('the backtracking check catches what it must', () => {
    expect(nestedQuantifiers('(a+)+')).toHaveLength(1);
    expect(nestedQuantifiers('(?:\\s*x?)*y')).toHaveLength(1);
    expect(nestedQuantifiers('(?:ab|cd)+')).toHaveLength(0);
    expect(nestedQuantifiers('(?<![\\p{L}])(?:a b|c)(?![\\p{L}])')).toHaveLength(0);
  });

  it('no pattern repeats a group that holds a quantifier of its own', () => {
    for (const [name, re] of Object.entries(PATTERNS)) expect({ name, nested: nestedQuantifiers(re.source) }).toEqual({ name, nested: [] });
  });

  // a hang (a regex backtracking over a megabyte) fails on the test timeout; speed itself is `npm run bench`'s
  it('classifies a 1 MB line and pathological inputs, the fast path and the definition agreeing', () => {
    const inputs = [
      'a'.repeat(1 << 20),
      'qqn '.repeat(1 << 18),
      ' '.repeat(1 << 20) + '?',
      '@'.repeat(1 << 20),
      'https://'.repeat(1 << 17),
      'é'.repeat(1 << 19) + ' merci',
      '😀'.repeat(1 << 18),
      'discord.gg/'.repeat(1 << 16),
    ];
    // the last ones go to the reference (characters the fast path does not cover)
    inputs.push('\u0483'.repeat(1 << 20), 'Σ ' + 'qqn '.repeat(1 << 18), '\ud800'.repeat(1 << 20));
    for (const text of inputs) {
      const bytes = Buffer.from(text);
      const expected = classifyTextReference(text);
      expect({ text: text.slice(0, 12), flags: classifyText(text) }).toEqual({ text: text.slice(0, 12), flags: expected });
      expect({ text: text.slice(0, 12), flags: classifyUtf8(bytes, 0, bytes.length, true) }).toEqual({ text: text.slice(0, 12), flags: expected });
    }
    expect(MAX_SCAN).toBeLessThanOrEqual(10_000);
  });

  it('reads only the start of a long paste: what a message is does not change past MAX_SCAN', () => {
    const head = 'Merci pour le partage, ';
    expect(classifyText(head + 'x '.repeat(MAX_SCAN) + 'Vous avez un groupe ?')).toBe(classifyText(head));
  });
});
