/**
 * The lexicons: every word list the detectors rely on, French and English, in one place.
 *
 * A message is classified once, while loading, into bit flags; detectors read the flags,
 * never the text. Matching runs on a normalized copy (lower case, no accents, straight
 * apostrophes, SMS spellings kept) of at most MAX_SCAN characters, and every pattern is a
 * plain alternation of literals or bounded classes: no nested quantifier, so a 1 MB line
 * costs linear time.
 */

export const Lex = {
  question: 1 << 0,
  help: 1 << 1,
  idea: 1 << 2,
  feedback: 1 << 3,
  event: 1 << 4,
  resource: 1 << 5,
  thanks: 1 << 6,
  welcome: 1 << 7,
  /** an invite link to a chat, forum or meeting tool */
  offPlatformLink: 1 << 8,
  /** a proposal to meet, call or talk in private */
  offPlatformProposal: 1 << 9,
  /** asks for a place to continue: "vous avez un groupe ?", "is there a Slack?" */
  continueRequest: 1 << 10,
  url: 1 << 11,
} as const;
export type LexFlag = keyof typeof Lex;

/** Only the start of a message is scanned: long pastes do not change what a message is. */
export const MAX_SCAN = 4000;

/** Lower case, accents removed, typographic apostrophes and spaces made plain. */
export function normalizeText(text: string): string {
  const head = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  return head
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .toLowerCase();
}

/** Builds one case-insensitive pattern from literal phrases, each bounded by non-letters. */
function words(list: readonly string[]): RegExp {
  const escaped = list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'u');
}

/** Literal phrases per flag. Editing this table is the way to teach the auditor a new word. */
export const LEXICON = {
  question: [
    // French: interrogative forms, elided and SMS spellings
    'comment', 'pourquoi', 'quand', 'combien', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle',
    'est-ce que', 'est ce que', "qu'est-ce", "qu'est ce", 'qqn', "quelqu'un", 'quelqu un', 'vous avez', 'tu as',
    'avez-vous', 'as-tu', 'savez-vous', 'sais-tu', 'connaissez-vous', 'connais-tu', 'des idees', 'une idee',
    'une astuce', 'des conseils', 'un conseil', 'vous feriez', 'tu ferais', 'vous faites comment', 'ca marche comment',
    'c koi', 'cest quoi', "c'est quoi", 'kelk1', 'pk', 'pq',
    // English
    'how', 'why', 'what', 'when', 'where', 'which', 'who', 'anyone', 'anybody', 'does anyone', 'has anyone',
    'is there', 'are there', 'can i', 'can you', 'could you', 'should i', 'do you', 'any tips', 'any advice', 'wdyt',
  ],
  help: [
    'aide', 'aider', "besoin d'aide", 'un coup de main', 'galere', 'je galere', 'bloque', 'bloquee', 'probleme',
    'souci', 'astuce', 'astuces', 'conseil', 'conseils', 'essaie', 'essayez', 'perso je', 'moi je fais',
    'de mon cote', 'chez moi', 'ca a marche', 'ca marche', 'solution', 'tuto',
    'help', 'stuck', 'issue', 'problem', 'struggling', 'workaround', 'fix', 'tip', 'tips', 'try this', 'what worked for me',
    'i had the same', 'same here', 'in my experience',
  ],
  idea: [
    'idee', 'idees', 'et si on', 'on pourrait', 'je propose', 'proposition', 'suggestion', 'ce serait bien',
    'ca serait bien', 'pourquoi pas', 'il faudrait', 'envie de lancer', 'on lance', 'je lance',
    'idea', 'ideas', 'what if', 'we could', 'i suggest', 'proposal', 'would be great', "let's build", "let's start",
    'feature request',
  ],
  feedback: [
    'retour', 'retours', "retour d'experience", 'feedback', 'avis', 'mon avis', "j'ai teste", 'jai teste', 'teste',
    'bug', 'amelioration', 'ameliorer', 'dommage que', "j'adore", "j'aime bien", 'top', 'decu', 'decue',
    'review', 'tested', 'i tried', 'tried it', 'love it', 'improvement', 'would improve', 'disappointed', 'works great',
  ],
  event: [
    'afterwork', 'apero', 'meetup', 'atelier', 'webinaire', 'webinar', 'conference', 'live', 'rencontre', 'soiree',
    'on se voit', 'rdv', 'rendez-vous', 'rendez vous', 'ce jeudi', 'ce vendredi', 'samedi prochain', 'la semaine prochaine',
    'irl', 'workshop', 'event', 'meet up', "let's meet", 'next week', 'this friday', 'hangout',
  ],
  resource: [
    'ressource', 'ressources', 'lien', 'article', 'guide', 'template', 'modele', 'checklist', 'fiche', 'doc',
    'podcast', 'video', 'livre', 'a lire', 'je partage', 'je vous partage', 'voici',
    'resource', 'resources', 'link', 'here is', "here's", 'sharing', 'book', 'read this', 'check out', 'slides',
  ],
  thanks: [
    'merci', 'mrc', 'mci', 'thx', 'thanks', 'thank you', 'ty', 'cimer', 'grand merci', 'merci beaucoup', 'trop sympa',
    'appreciate', 'grateful',
  ],
  welcome: [
    'bienvenue', 'bienvenu', 'welcome', 'ravi de te', 'ravie de te', 'ravi de vous', 'ravie de vous', 'content de te voir',
    'glad to have you', 'nice to meet',
  ],
  offPlatformProposal: [
    'on se voit', 'on se capte', 'on s appelle', "on s'appelle", 'on se call', 'en dm', 'en mp', 'en prive', 'par mp',
    'je te dm', 'je vous dm', 'je t ecris en prive', "je t'ecris en prive", 'afterwork', 'apero', 'irl', 'un cafe',
    'un appel', 'un call', 'une visio', 'en visio', 'on se retrouve', 'on se fait', 'rencontre', 'rendez-vous',
    "let's meet", 'lets meet', 'meet up', 'meetup', 'grab a coffee', 'coffee chat', 'hop on a call', 'quick call',
    'dm me', 'in dm', 'in dms', 'pm me', 'in person', 'catch up',
    'whatsapp', 'discord', 'telegram', 'slack', 'skool', 'circle', 'zoom', 'google meet', 'teams', 'signal',
  ],
  continueRequest: [
    'vous avez un groupe', 'il y a un groupe', "y'a un groupe", 'y a un groupe', 'ya un groupe', 'un groupe whatsapp',
    'un groupe telegram', 'un groupe facebook', 'un discord', 'un slack', 'un serveur', 'un forum', 'un espace',
    'un endroit pour', 'continuer la discussion', 'continuer ailleurs', 'poursuivre la discussion', 'prolonger',
    'on pourrait creer un groupe', 'creer un groupe', 'on se fait un groupe', 'un groupe pour', 'ou est-ce qu on peut echanger',
    'is there a slack', 'is there a discord', 'is there a group', 'is there a community', 'any group', 'a discord',
    'a slack', 'a whatsapp group', 'a telegram group', 'a forum', 'somewhere to continue', 'continue the conversation',
    'keep the conversation going', 'where can we chat', 'should we start a group', 'start a group',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Invite links and meeting tools, as they appear in URLs. */
const INVITE_LINK =
  /(?:chat\.whatsapp\.com|wa\.me|whatsapp\.com\/channel|discord\.gg|discord\.com\/invite|t\.me\/|telegram\.me|join\.slack\.com|slack\.com\/join|skool\.com|circle\.so|meetup\.com|lu\.ma|luma\.com|eventbrite\.|calendly\.com|cal\.com|zoom\.us|meet\.google\.com|teams\.microsoft\.com|teams\.live\.com)/;
const URL = /(?:https?:\/\/|www\.)[^\s]/;
/** A question mark anywhere, including the French spaced form " ?" and "?!". */
const QUESTION_MARK = /[?¿？]/;

/** Question words count only at the start of a message (its first QUESTION_HEAD normalized characters). */
export const QUESTION_HEAD = 24;

/*
 * Matching. The straightforward way, one regex per flag over the normalized text, costs
 * about 20 µs a message: a dozen scans, plus a Unicode normalization of the whole text.
 * Here the text is normalized character by character through a cache (normalizeText of one
 * character: the same result, since NFD decomposes each character on its own and the marks
 * it removes never change a match), then every phrase of every flag is looked for in one
 * pass with a trie, at word starts only. The regex semantics are kept exactly (a phrase
 * starts at the beginning or after a character that is not a letter or digit, ends before
 * one that is not either; a space in a phrase is any run of whitespace); a property test
 * compares this matcher with the regexes (test/lexicon/classify.test.ts).
 */

const LN = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** per UTF-16 code unit: 0 unknown, 1 letter or digit, 2 whitespace, 3 other */
const charClass = new Uint8Array(65536);
function classOf(c: number): number {
  let k = charClass[c]!;
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = LN.test(ch) ? 1 : SPACE.test(ch) ? 2 : 3;
    charClass[c] = k;
  }
  return k;
}
const astralLN = new Map<number, boolean>();
/** Is the code point at `i` (below `limit`) a letter or a digit? */
function isLNAt(t: string, i: number, limit: number): boolean {
  if (limit > t.length) limit = t.length;
  if (i >= limit) return false;
  const c = t.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= limit) return classOf(c) === 1;
  const d = t.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return classOf(c) === 1;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  let v = astralLN.get(cp);
  if (v === undefined) astralLN.set(cp, (v = LN.test(String.fromCodePoint(cp))));
  return v;
}
/** Is the code point ending just before `i` a letter or a digit? */
function isLNBefore(t: string, i: number): boolean {
  if (i <= 0) return false;
  const d = t.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = t.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return isLNAt(t, i - 2, i);
  }
  return classOf(d) === 1;
}

/** normalizeText of each code unit (or surrogate pair), computed once per character seen */
const foldBmp: (string | undefined)[] = new Array(65536);
const foldAstral = new Map<number, string>();
let foldBuf: Uint16Array<ArrayBuffer> = new Uint16Array(8192);

/** normalizeText(text), character by character. */
function fold(text: string): string {
  const len = Math.min(text.length, MAX_SCAN);
  // plain ASCII without a backquote: lower case is all normalization does
  let ascii = true;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7e || c === 0x60) {
      ascii = false;
      break;
    }
  }
  if (ascii) return (len < text.length ? text.slice(0, len) : text).toLowerCase();
  let out = 0;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    let f: string | undefined;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        const key = (c << 16) | d;
        f = foldAstral.get(key);
        if (f === undefined) foldAstral.set(key, (f = normalizeText(text.slice(i, i + 2))));
        i++;
      }
    }
    if (f === undefined) {
      if (c < 0x41 || (c > 0x5a && c < 0x7f && c !== 0x60)) {
        if (out >= foldBuf.length) foldBuf = growBuf(foldBuf);
        foldBuf[out++] = c;
        continue;
      }
      f = foldBmp[c];
      if (f === undefined) foldBmp[c] = f = normalizeText(String.fromCharCode(c));
    }
    if (out + f.length > foldBuf.length) foldBuf = growBuf(foldBuf);
    for (let j = 0; j < f.length; j++) foldBuf[out++] = f.charCodeAt(j);
  }
  let s = '';
  for (let p = 0; p < out; p += 4096) s += String.fromCharCode.apply(null, foldBuf.subarray(p, Math.min(out, p + 4096)) as unknown as number[]);
  return s;
}
function growBuf(b: Uint16Array): Uint16Array<ArrayBuffer> {
  const n = new Uint16Array(b.length * 2);
  n.set(b);
  return n;
}

/**
 * The phrase trie. Phrases are ASCII, so a node's children are a row of 128 slots
 * (node * 128 + character → child + 1, 0 for none); a character outside ASCII never
 * continues a phrase.
 */
interface Trie {
  next: Int32Array;
  /** flags other than `question` set by a phrase ending at the node */
  flags: Int32Array;
  /** the `question` flag, which only counts in the message's head */
  question: Int32Array;
}
const SPACE_EDGE = 0x20;
function buildTrie(): Trie {
  const next: number[] = new Array(128).fill(0);
  const flags: number[] = [0];
  const question: number[] = [0];
  for (const [key, list] of Object.entries(LEXICON) as [keyof typeof LEXICON, readonly string[]][]) {
    const bit = Lex[key];
    for (const phrase of list) {
      let node = 0;
      let ascii = true;
      // a space stands for \s+, as in words()
      for (const ch of phrase) {
        const c = ch.charCodeAt(0);
        if (c >= 128 || ch.length > 1) {
          ascii = false; // normalized text never holds it: such a phrase cannot match
          break;
        }
        let child = next[node * 128 + c]!;
        if (child === 0) {
          child = flags.length;
          flags.push(0);
          question.push(0);
          for (let j = 0; j < 128; j++) next.push(0);
          next[node * 128 + c] = child;
        }
        node = child;
      }
      if (!ascii) continue;
      if (key === 'question') question[node]! |= bit;
      else flags[node]! |= bit;
    }
  }
  return { next: Int32Array.from(next), flags: Int32Array.from(flags), question: Int32Array.from(question) };
}
let trie: Trie | null = null;

/** Flags of every phrase found in the normalized text `t`. */
function matchPhrases(t: string): number {
  const T = (trie ??= buildTrie());
  const next = T.next;
  const len = t.length;
  let flags = 0;
  for (let i = 0; i < len; i++) {
    const c0 = t.charCodeAt(i);
    if (c0 >= 128) continue;
    const first = next[c0]!;
    if (first === 0 || isLNBefore(t, i)) continue;
    let node = first;
    let j = i + 1;
    for (;;) {
      const f = T.flags[node]!;
      const q = T.question[node]!;
      if (f !== 0 && !isLNAt(t, j, len)) flags |= f;
      // a question word is looked for in the head only, where the head's end is a boundary
      if (q !== 0 && j <= QUESTION_HEAD && !isLNAt(t, j, QUESTION_HEAD)) flags |= q;
      if (j >= len) break;
      const c = t.charCodeAt(j);
      let child = 0;
      if (c > 0x20 && c < 0x7f) child = next[node * 128 + c]!;
      else if (classOf(c) === 2) {
        // any run of whitespace is a phrase's space
        child = next[node * 128 + SPACE_EDGE]!;
        if (child !== 0) while (j + 1 < len && classOf(t.charCodeAt(j + 1)) === 2) j++;
      } else if (c < 0x20) child = next[node * 128 + c]!;
      if (child === 0) break;
      node = child;
      j++;
    }
  }
  return flags;
}

/** Invite links all have a dot between letters ("discord.gg", "t.me/") or end in "eventbrite.". */
function mayHaveInvite(t: string): boolean {
  for (let i = t.indexOf('.'); i >= 0; i = t.indexOf('.', i + 1)) {
    if (i === 0) continue;
    const a = t.charCodeAt(i - 1);
    const b = t.charCodeAt(i + 1);
    if (a >= 0x61 && a <= 0x7a && b >= 0x61 && b <= 0x7a) return true;
  }
  return t.includes('eventbrite.');
}

/** The lexicon flags of one message. */
export function classifyText(text: string): number {
  if (!text) return 0;
  const t = fold(text);
  let flags = matchPhrases(t);
  const hasUrl = (t.includes('//') || t.includes('www.')) && URL.test(t);
  if (hasUrl) flags |= Lex.url | Lex.resource;
  if (mayHaveInvite(t) && INVITE_LINK.test(t)) flags |= Lex.offPlatformLink;
  // "?" anywhere, or an interrogative opening without one ("qqn a testé", "anyone tried")
  if (QUESTION_MARK.test(t)) flags |= Lex.question;
  return flags;
}

export function hasFlag(flags: number, flag: LexFlag): boolean {
  return (flags & Lex[flag]) !== 0;
}
