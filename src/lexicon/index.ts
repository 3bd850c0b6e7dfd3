/**
 * The lexicons: every word list the detectors rely on, French and English, in one place.
 *
 * A message is classified once, while loading, into bit flags; detectors read the flags,
 * never the text. Editing the lists below is the way to teach the auditor a new word.
 *
 * How matching works, and why it stays linear on any input:
 * - only the first MAX_SCAN UTF-16 code units are read (a 1 MB paste costs what 4 000 cost);
 * - the definition (`classifyTextReference`, readable, regexes): the text is normalized once
 *   (lower case, accents removed, typographic apostrophes and spaces made plain), then put in
 *   word form (apostrophes and hyphens are spaces, runs of spaces collapsed: "Qu’est-ce" →
 *   "qu est ce", "J'ai testé" → "j ai teste"); every list is compiled into one alternation of
 *   plain literals between two word boundaries (`\b`: the word form is ASCII). No pattern has
 *   a quantifier inside a repeated group (test/lexicon/index.test.ts checks every pattern), so
 *   no input can make one backtrack;
 * - what runs (`classifyText`, `classifyUtf8`; src/lexicon/fast.ts): the same flags in one pass
 *   over the code units (or the UTF-8 bytes of a CSV field, not decoded), one table lookup and
 *   one step of an automaton holding every phrase per unit, no string built: about 9 times
 *   cheaper on the benchmark's texts (docs/performance.md), linear with no regex at all. The
 *   tables are learnt from the definition itself, character by character; a message holding
 *   a character they cannot cover exactly (a rare combining mark, a lone surrogate, Σ…) is
 *   classified by the definition. test/lexicon/fast.test.ts proves both give the same flags
 *   (properties over generated messages, every character, every fixture text).
 *
 * Choices that are not obvious:
 * - A question is a "?" outside URLs, or an interrogative *opening* ("Quelqu’un a testé…",
 *   "Anyone tried…"), read after any @mention and greeting. A "how" or a « comment » further in
 *   the sentence is not a question ("Je sais comment faire", "Here is how").
 * - « Quelle finesse », "What a beauty": exclamations, not questions; « quel »/"what" count
 *   only followed by a verb ("quel est", "what do").
 * - Tool names that are ordinary words elsewhere ("slack", "circle", "teams", "signal", "zoom",
 *   "meet") count only in a form that names the tool ("sur Slack", "a Slack", "zoom call",
 *   "google meet"); « un zoom sur » (a close look at) and "cut some slack" do not.
 * - "You're welcome" answers a thanks; it is not a welcome.
 * - « En vrai » is filler in French (« honestly »), not "in real life"; « IRL » and
 *   « en présentiel » are. « IRL » alone says where, not that someone proposes to meet ("a
 *   person IRL who…"): it is an event word, and a proposal only in « se voir IRL », "meet IRL".
 */

import { type FastClassifier, createFastClassifier } from './fast.js';

export const Lex = {
  question: 1 << 0,
  help: 1 << 1,
  idea: 1 << 2,
  feedback: 1 << 3,
  event: 1 << 4,
  resource: 1 << 5,
  thanks: 1 << 6,
  welcome: 1 << 7,
  /** an invite link to a chat, a community platform, an event or a meeting tool */
  offPlatformLink: 1 << 8,
  /** a proposal to meet, call or join a group elsewhere */
  offPlatformProposal: 1 << 9,
  /** asks for a place to continue: "vous avez un groupe ?", "is there a Slack?" */
  continueRequest: 1 << 10,
  url: 1 << 11,
  /** a proposal to talk in private: « en DM », « par MP », "DM me" */
  privateMessage: 1 << 12,
  /** names a chat or meeting tool in a form that cannot be an ordinary word ("sur Slack", "Discord") */
  offPlatformTool: 1 << 13,
} as const;
export type LexFlag = keyof typeof Lex;

/**
 * No set of flags (they use 14 bits): a worker's answer for a text whose bytes are not UTF-8,
 * left to the main thread, which decodes them as the CSV reader does (Windows-1252 bytes).
 */
export const LEX_ON_MAIN = 0xffffffff;

/** Only the start of a message is scanned: long pastes do not change what a message is. */
export const MAX_SCAN = 4000;

/** Lower case, accents removed, typographic apostrophes and spaces made plain. URLs stay readable. */
export function normalizeText(text: string): string {
  const head = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  // most messages of an English export are plain ASCII: nothing to decompose
  if (ASCII.test(head)) return head.replace(/`/g, "'").toLowerCase();
  return head
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/œ/g, 'oe')
    .toLowerCase();
}

/** The form the word lists are matched against: apostrophes and hyphens are spaces, one space between words. */
export function wordForm(normalized: string): string {
  return normalized.replace(/[\s'\-_\u2010-\u2014]+/g, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;
/** Every invite domain has a dot between two word characters ("discord.gg", "lu.ma"). */
const DOTTED = /[a-z0-9]\.[a-z]/;

/**
 * Literal phrases per flag, in word form (lower case, no accents, spaces for apostrophes and
 * hyphens). A phrase matches between word boundaries: "merci" matches « Merci ! » but not « mercière ».
 */
export const LEXICON = {
  help: [
    // French: asking for help, and giving it from experience
    'aide', 'aider', 'aidez moi', 'aide moi', 'besoin d aide', 'besoin de conseils', 'un coup de main', 'galere', 'je galere',
    'bloque', 'bloquee', 'je bloque', 'probleme', 'souci', 'astuce', 'astuces', 'conseil', 'conseils', 'je conseille',
    'je te conseille', 'je vous conseille', 'essaie', 'essaye', 'essayez', 'perso je', 'moi je fais', 'de mon cote',
    'chez nous on', 'ce qui a marche', 'ce qui marche', 'ca a marche', 'a marche pour moi', 'solution', 'tuto', 'tutoriel',
    'depanner', 'sos', 'des idees pour', 'une idee pour', 'des idees d', 'une idee d',
    // English
    'help', 'need help', 'stuck', 'issue', 'problem', 'struggling', 'workaround', 'fix', 'fixed it', 'tip', 'tips',
    'try this', 'try using', 'what worked for me', 'worked for me', 'i had the same', 'same here', 'in my experience',
    'i recommend', 'i d recommend', 'any ideas', 'any idea',
  ],
  idea: [
    'idee', 'idees', 'et si on', 'on pourrait', 'je propose', 'proposition', 'suggestion', 'ce serait bien', 'ca serait bien',
    'ce serait top', 'il faudrait', 'on devrait', 'envie de lancer', 'on lance', 'je lance',
    'idea', 'ideas', 'what if', 'we could', 'we should', 'i suggest', 'proposal', 'would be great', 'it would be nice',
    'let s build', 'let s start', 'feature request', 'how about',
  ],
  feedback: [
    'retour', 'retours', 'retour d experience', 'feedback', 'feedbacks', 'avis', 'mon avis', 'j ai teste', 'jai teste',
    'je l ai teste', 'teste et approuve', 'valide', 'bug', 'beug', 'amelioration', 'ameliorer', 'dommage que', 'decu', 'decue',
    'review', 'tested', 'i tried', 'tried it', 'improvement', 'would improve', 'disappointed', 'works great', 'my feedback',
  ],
  event: [
    'afterwork', 'after work', 'apero', 'meetup', 'meet up', 'atelier', 'ateliers', 'webinaire', 'webinar', 'conference',
    'en live', 'un live', 'rencontre', 'soiree', 'on se voit', 'rdv', 'rendez vous', 'dej', 'dejeuner', 'congres',
    'ce lundi', 'ce mardi', 'ce mercredi', 'ce jeudi', 'ce vendredi', 'ce samedi', 'ce dimanche', 'irl',
    'workshop', 'event', 'evenement', 'let s meet', 'hangout', 'live session', 'this friday', 'this thursday',
  ],
  resource: [
    'ressource', 'ressources', 'le lien', 'un lien', 'article', 'guide', 'template', 'modele', 'checklist', 'fiche', 'doc',
    'podcast', 'video', 'livre', 'a lire', 'je partage', 'je vous partage', 'je te partage', 'je t envoie',
    'resource', 'resources', 'link', 'sharing', 'book', 'read this', 'check out', 'slides',
  ],
  thanks: [
    'merci', 'mercii', 'merciii', 'mrc', 'mci', 'thx', 'thnx', 'thanks', 'thank you', 'thank u', 'ty', 'tysm', 'cimer',
    'trop sympa', 'appreciate', 'grateful',
  ],
  welcome: [
    'bienvenue', 'bienvenu', 'bvn', 'welcome', 'ravi de te', 'ravie de te', 'ravi de vous', 'ravie de vous',
    'content de te voir', 'contente de te voir', 'glad to have you', 'nice to meet',
  ],
  offPlatformProposal: [
    // meeting, calling, joining a group elsewhere
    // (not « une visio », « un appel », « un café », « rdv » alone: « mes séances en visio », « j'ai rdv chez le médecin »)
    'on se voit', 'on se capte', 'on s appelle', 'on se call', 'on se fait un', 'on se fait une', 'se fasse un', 'se faire un',
    'on fait un call', 'on fait une visio', 'un call ensemble', 'un appel ensemble', 'une visio ensemble', 'dispo pour un call',
    'dispo pour un appel', 'call mensuel', 'visio mensuelle', 'afterwork', 'after work', 'apero', 'se voir irl', 'se voir en irl',
    'se rencontrer irl', 'en presentiel',
    'prendre un cafe', 'un cafe ensemble', 'on se retrouve', 'se rencontrer', 'meetup', 'meet up', 'rejoignez nous', 'rejoins nous',
    'rejoignez le groupe', 'rejoins le groupe', 'je t ajoute', 'je vous ajoute', 'ajoute moi', 'ajoutez moi',
    'on continue sur', 'on continue en', 'on en parle sur',
    'let s meet', 'lets meet', 'meet irl', 'see you irl', 'meet in real life', 'grab a coffee', 'coffee chat', 'hop on a call', 'jump on a call', 'quick call',
    'in person', 'let s catch up', 'join us', 'join our', 'add me on', 'let s continue on', 'let s move to',
  ],
  privateMessage: [
    'en dm', 'en dms', 'en mp', 'en prive', 'par mp', 'par dm', 'en message prive', 'je te dm', 'je vous dm', 'dm moi',
    'mp moi', 'je t ecris en prive', 'ecris moi', 'ecrivez moi', 'je t envoie un mp',
    'dm me', 'in dm', 'in dms', 'pm me', 'send me a dm', 'in private', 'check your dms',
  ],
  offPlatformTool: [
    // unambiguous names
    'whatsapp', 'whats app', 'discord', 'telegram', 'skool', 'eventbrite', 'calendly', 'google meet', 'gmeet', 'jitsi',
    'whereby', 'groupe facebook', 'facebook group',
    // ordinary words elsewhere: only in a form that names the tool
    'sur slack', 'un slack', 'le slack', 'notre slack', 'via slack', 'on slack', 'a slack', 'our slack', 'the slack',
    'in slack', 'slack group', 'slack channel', 'sur circle', 'on circle', 'via circle', 'sur luma', 'on luma',
    'sur meetup', 'on meetup', 'sur meet', 'via meet', 'un meet', 'sur zoom', 'on zoom', 'via zoom', 'par zoom', 'en zoom',
    'zoom call', 'call zoom', 'appel zoom', 'visio zoom', 'lien zoom', 'zoom link', 'a zoom', 'sur teams', 'on teams',
    'via teams', 'ms teams', 'microsoft teams', 'un teams', 'sur signal', 'on signal', 'via signal',
  ],
  continueRequest: [
    'vous avez un groupe', 'vous avez un discord', 'vous avez un slack', 'vous avez un forum', 'vous avez une communaute',
    'il y a un groupe', 'y a un groupe', 'ya un groupe', 'y a t il un groupe', 'un groupe whatsapp', 'un groupe telegram',
    'un groupe facebook', 'un groupe pour', 'un groupe prive', 'creer un groupe', 'faire un groupe', 'monter un groupe',
    'lancer un groupe', 'on se fait un groupe', 'continuer la discussion', 'continuer les echanges', 'continuer ailleurs',
    'poursuivre la discussion', 'poursuivre les echanges', 'poursuivre ailleurs', 'prolonger la discussion',
    'prolonger les echanges', 'prolonger ailleurs', 'ailleurs que sur', 'un espace pour echanger', 'un espace pour prolonger',
    'un endroit pour echanger', 'un endroit pour continuer',
    'is there a slack', 'is there a discord', 'is there a group', 'is there a community', 'is there a forum',
    'do you have a group', 'do you have a slack', 'do you have a discord', 'do you have a community', 'a whatsapp group',
    'a telegram group', 'a facebook group', 'start a group', 'create a group', 'somewhere to continue',
    'continue the conversation', 'continue this conversation', 'keep the conversation going', 'keep this going',
    'where can we chat', 'where can we talk', 'a place to chat', 'a place to talk',
  ],
} as const satisfies Record<string, readonly string[]>;

/**
 * Openings that make a message a question even without a "?", read at the very start of the
 * message (after @mentions and a greeting). SMS spellings included: qqn, qq1, kelk1, pk, esk.
 */
export const QUESTION_OPENINGS = [
  'est ce que', 'est ce qu', 'esk', 'eske', 'qu est ce', 'quest ce', 'c est quoi', 'cest quoi', 'c quoi', 'c koi',
  'quelqu un', 'quelquun', 'quelqu une', 'qqn', 'qq1', 'kelk1', 'qui a', 'qui aurait', 'qui connait', 'qui peut',
  'qui pourrait', 'qui saurait', 'qui veut', 'qui est partant', 'qui est partante', 'qui utilise', 'qui d autre',
  'comment vous', 'comment tu', 'comment t', 'comment on', 'comment faire', 'comment faites', 'comment fais',
  'comment gerez', 'comment ca', 'comment avez', 'comment est ce', 'comment s y', 'pourquoi', 'pk', 'pq', 'combien',
  'quand est ce', 'c est quand', 'cest quand', 'quand sort', 'quand arrive', 'quand sera', 'quel est', 'quelle est',
  'quels sont', 'quelles sont', 'quel serait', 'quelle serait', 'lequel', 'laquelle', 'lesquels', 'lesquelles',
  'ou est ce', 'ou trouver', 'ou peut on', 'avez vous', 'auriez vous', 'savez vous', 'sauriez vous', 'connaissez vous',
  'pouvez vous', 'pourriez vous', 'utilisez vous', 'as tu', 'aurais tu', 'sais tu', 'connais tu', 'peux tu',
  'pourrais tu', 'y a t il', 'existe t il', 'vous auriez', 'tu aurais', 'vous conseillez', 'vous recommandez',
  'tu conseilles', 'tu recommandes', 'vous faites comment', 'tu fais comment', 'on fait comment', 'ca marche comment',
  'des idees pour', 'une idee pour', 'des conseils pour', 'un conseil pour', 'une astuce pour', 'des astuces pour',
  'des retours sur', 'un avis sur', 'vos avis', 'votre avis', 'ton avis',
  'how do', 'how does', 'how did', 'how can', 'how could', 'how should', 'how would', 'how to', 'how are', 'how is',
  'how much', 'how many', 'how long', 'how often', 'how come', 'what is', 'what s', 'whats', 'what are', 'what do',
  'what does', 'what did', 'what would', 'what should', 'what about', 'what kind', 'which', 'why', 'when is', 'when will',
  'when do', 'when does', 'when are', 'where is', 'where are', 'where can', 'where do', 'who has', 'who knows', 'who can',
  'who else', 'who wants', 'who is', 'anyone', 'anybody', 'does anyone', 'has anyone', 'is anyone', 'did anyone',
  'is there', 'are there', 'can i', 'can you', 'can we', 'could you', 'could i', 'should i', 'should we', 'do you', 'do we',
  'do i', 'did you', 'have you', 'any tips', 'any advice', 'any idea', 'any ideas', 'any thoughts', 'any recommendations',
  'wdyt', 'thoughts on', 'is it', 'is this', 'are you', 'does it', 'will you', 'would you', 'would anyone',
] as const;

/** Openings that look interrogative but agree or exclaim: « Pourquoi pas ! », "Why not". */
export const NOT_QUESTION_OPENINGS = ['pourquoi pas', 'why not', 'comment ne pas', 'comment dire', 'comment te dire', 'qui a dit'] as const;

/** Words a question often starts with before the real opening; skipped when looking for it. */
export const GREETINGS = ['bonjour', 'bonsoir', 'salut', 'coucou', 'hello', 'hey', 'hi', 'yo', 'slt', 'bjr', 'cc', 're'] as const;
export const GREETING_TAILS = ['a tous', 'a toutes', 'a tou te s', 'tout le monde', 'les amis', 'la team', 'team', 'everyone', 'all', 'folks', 'guys'] as const;

/** Places to continue: with a question they make a request ("Un Discord ?", "A Slack maybe?"). */
export const PLACES = [
  'un groupe', 'une communaute', 'un forum', 'un serveur', 'un discord', 'un slack', 'un whatsapp', 'un telegram',
  'un skool', 'un circle', 'un espace membres', 'un espace communautaire', 'un espace d echange',
  'a group', 'a community', 'a forum', 'a server', 'a discord', 'a slack', 'a whatsapp', 'a telegram', 'a skool',
  'a circle', 'a subreddit',
] as const;

/** Answers to a thanks that contain "welcome". */
export const NOT_A_WELCOME = ['you re welcome', 'youre welcome', 'your welcome', 'you are welcome'] as const;

/** Invite links and meeting tools, as they appear in URLs (matched on the lower-cased text). */
export const INVITE_DOMAINS = [
  'chat.whatsapp.com', 'wa.me/', 'whatsapp.com/channel', 'discord.gg/', 'discord.com/invite', 'discordapp.com/invite', 't.me/',
  'telegram.me/', 'join.slack.com', 'slack.com/join', 'skool.com/', 'circle.so', 'meetup.com/', 'lu.ma/', 'luma.com/',
  'eventbrite.', 'calendly.com/', 'cal.com/', 'zoom.us/', 'meet.google.com', 'teams.microsoft.com', 'teams.live.com',
  'signal.group', 'facebook.com/groups', 'fb.com/groups', 'meet.jit.si', 'whereby.com/',
] as const;
const URL = /(?:https?:\/\/|www\.)[^\s]/;
const URLS = /(?:https?:\/\/|www\.)\S*/g;
/** A question mark, including the French spaced form " ?" and the full-width one. */
const QUESTION_MARK = /[?¿？]/;

function escape(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern from literal phrases, each bounded by word boundaries on both sides. The word
 * form is plain ASCII letters and digits once accents are gone, so the ASCII `\b` is the
 * right boundary, and ten times faster than a Unicode look-behind at every position.
 */
function anywhere(list: readonly string[]): RegExp {
  // longest first, so that "je galere" is preferred to "galere" where both start
  const alts = [...list].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`\\b(?:${alts.join('|')})\\b`);
}

function atStart(list: readonly string[]): RegExp {
  const alts = [...list].sort((a, b) => b.length - a.length).map(escape);
  return new RegExp(`^(?:${alts.join('|')})\\b`);
}

/** One pattern per list: the reference the single-pass matcher below is tested against. */
export const LIST_PATTERNS = Object.fromEntries(Object.entries(LEXICON).map(([k, list]) => [k, anywhere(list)])) as Record<
  keyof typeof LEXICON,
  RegExp
>;
const INVITE_LINK = new RegExp(`(?<![a-z0-9-])(?:${INVITE_DOMAINS.map(escape).join('|')})`);
const OPENING = atStart(QUESTION_OPENINGS);
const NOT_OPENING = atStart(NOT_QUESTION_OPENINGS);
const GREETING = atStart(GREETINGS);
const GREETING_TAIL = atStart(GREETING_TAILS);
const PLACE = anywhere(PLACES);
const NOT_WELCOME = anywhere(NOT_A_WELCOME);

/** Flags of the two helper lists, above the Lex bits: they qualify other flags, then are dropped. */
const PLACE_BIT = 1 << 30;
const NOT_WELCOME_BIT = 1 << 29;

/**
 * All the lists as one pattern, read in a single pass (eleven passes cost three times as
 * much on a long message). Each phrase maps to its flags, plus the flags of the shorter
 * phrases it starts with ("je t envoie un mp" is also "je t envoie"); after a match the scan
 * resumes at the next word, so phrases that begin inside a match are found too.
 */
const PHRASE_FLAGS = new Map<string, number>();
for (const [flag, list] of Object.entries(LEXICON)) for (const p of list) PHRASE_FLAGS.set(p, (PHRASE_FLAGS.get(p) ?? 0) | Lex[flag as keyof typeof LEXICON]);
for (const p of PLACES) PHRASE_FLAGS.set(p, (PHRASE_FLAGS.get(p) ?? 0) | PLACE_BIT);
for (const p of NOT_A_WELCOME) PHRASE_FLAGS.set(p, (PHRASE_FLAGS.get(p) ?? 0) | NOT_WELCOME_BIT);
for (const p of [...PHRASE_FLAGS.keys()].sort((a, b) => a.length - b.length)) {
  // shortest first, so a prefix already holds the flags of its own prefixes
  for (let i = p.indexOf(' '); i > 0; i = p.indexOf(' ', i + 1)) PHRASE_FLAGS.set(p, PHRASE_FLAGS.get(p)! | (PHRASE_FLAGS.get(p.slice(0, i)) ?? 0));
}
const ALL_PHRASES = new RegExp(`\\b(?:${[...PHRASE_FLAGS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})\\b`, 'g');

/** The flags of every phrase found in a word-form text, in one pass. */
export function phraseFlags(words: string): number {
  let flags = 0;
  ALL_PHRASES.lastIndex = 0;
  for (let m = ALL_PHRASES.exec(words); m; m = ALL_PHRASES.exec(words)) {
    flags |= PHRASE_FLAGS.get(m[0])!;
    const space = m[0].indexOf(' ');
    if (space >= 0) ALL_PHRASES.lastIndex = m.index + space + 1;
  }
  return flags;
}

/** Every pattern the lexicon runs, for the test that proves none can backtrack. */
export const PATTERNS: Readonly<Record<string, RegExp>> = {
  ...LIST_PATTERNS,
  opening: OPENING,
  notOpening: NOT_OPENING,
  greeting: GREETING,
  greetingTail: GREETING_TAIL,
  place: PLACE,
  notWelcome: NOT_WELCOME,
  allPhrases: ALL_PHRASES,
  inviteLink: INVITE_LINK,
  dotted: DOTTED,
  ascii: ASCII,
  url: URL,
  urls: URLS,
  questionMark: QUESTION_MARK,
};

/** Leading characters that are not words: spaces, punctuation, emojis. */
function isWordChar(c: string): boolean {
  return /[\p{L}\p{N}@]/u.test(c);
}

/**
 * The start of the message where a question would open: after @mentions, a greeting
 * ("Bonjour à tous,", "Hello Claire,") and any leading punctuation or emoji.
 */
export function openingOf(words: string): string {
  let s = words;
  for (let guard = 0; guard < 6; guard++) {
    let i = 0;
    while (i < s.length && i < 40 && !isWordChar(s[i]!)) i++;
    s = s.slice(i);
    if (s.startsWith('@')) {
      const space = s.indexOf(' ');
      s = space < 0 ? '' : s.slice(space + 1);
      continue;
    }
    const g = GREETING.exec(s);
    if (g) {
      s = s.slice(g[0].length).trimStart();
      const tail = GREETING_TAIL.exec(s);
      if (tail) s = s.slice(tail[0].length);
      else {
        // "Bonjour Claire, …": a name of up to three words before a comma or "!"
        const head = s.slice(0, 32);
        const stop = head.search(/[,!.:]/);
        if (stop > 0 && head.slice(0, stop).split(' ').length <= 3) s = s.slice(stop + 1);
      }
      continue;
    }
    break;
  }
  return s.slice(0, 80);
}

/** The flags of a message from what its text holds: the last step of both classifiers. */
function combine(found: number, asks: boolean, url: boolean, invite: boolean): number {
  let flags = 0;
  if (url) flags |= Lex.url | Lex.resource;
  if (invite) flags |= Lex.offPlatformLink;
  if (asks) flags |= Lex.question;
  flags |= found & ~(PLACE_BIT | NOT_WELCOME_BIT | Lex.welcome);
  if (found & Lex.welcome && !(found & NOT_WELCOME_BIT)) flags |= Lex.welcome;
  if (asks && found & PLACE_BIT) flags |= Lex.continueRequest;
  return flags;
}

/**
 * The lexicon flags of one message, the readable way: normalize, word form, one regex per
 * step. This is the definition; `classifyText` computes the same flags faster and comes back
 * here for any character its tables do not cover.
 */
export function classifyTextReference(text: string): number {
  if (!text) return 0;
  const base = normalizeText(text);
  const w = wordForm(base);
  const url = URL.test(base);
  const invite = DOTTED.test(base) && INVITE_LINK.test(base);
  const withoutUrls = url ? base.replace(URLS, ' ') : base;
  const opening = openingOf(w);
  const asks = QUESTION_MARK.test(withoutUrls) || (OPENING.test(opening) && !NOT_OPENING.test(opening));
  return combine(phraseFlags(w), asks, url, invite);
}

/** Built on first use (~20 ms): a run that classifies nothing (the quiz, the schema) does not pay for it. */
let fast: FastClassifier | null = null;
function fastClassifier(): FastClassifier {
  fast ??= createFastClassifier({
    maxScan: MAX_SCAN,
    normalize: normalizeText,
    phrases: PHRASE_FLAGS,
    openings: QUESTION_OPENINGS,
    notOpenings: NOT_QUESTION_OPENINGS,
    greetings: GREETINGS,
    greetingTails: GREETING_TAILS,
    inviteLinks: INVITE_DOMAINS,
    combine,
  });
  return fast;
}

/** The lexicon flags of one message (src/lexicon/fast.ts: one pass, an automaton, no regex). */
export function classifyText(text: string): number {
  if (!text) return 0;
  const flags = fastClassifier().text(text);
  return flags >= 0 ? flags : classifyTextReference(text);
}

/**
 * The flags of a text given as well-formed UTF-8 bytes, or -1 when the fast path cannot say
 * (a character its tables do not cover, or bytes that are not UTF-8): the caller then decodes
 * the text its own way (the CSV reader's lenient decoding) and calls `classifyText`.
 */
export function classifyUtf8OrNot(bytes: Uint8Array, start: number, end: number, escaped: boolean): number {
  return start >= end ? 0 : fastClassifier().utf8(bytes, start, end, escaped);
}

/**
 * The lexicon flags of a text given as UTF-8 bytes (a CSV field: `escaped` when it was quoted
 * with "" inside), without decoding it when its characters are covered.
 */
export function classifyUtf8(bytes: Uint8Array, start: number, end: number, escaped: boolean): number {
  if (start >= end) return 0;
  const flags = fastClassifier().utf8(bytes, start, end, escaped);
  if (flags >= 0) return flags;
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);
  if (escaped) text = text.replace(/""/g, '"');
  return classifyTextReference(text);
}

/** The fast path's normalized text and word form, or null when it hands the text to the reference (for tests). */
export function foldText(text: string): { base: string; words: string } | null {
  return fastClassifier().fold(text);
}

export function hasFlag(flags: number, flag: LexFlag): boolean {
  return (flags & Lex[flag]) !== 0;
}

/** The names of the flags set, for tests and diagnostics. */
export function flagNames(flags: number): LexFlag[] {
  return (Object.keys(Lex) as LexFlag[]).filter((k) => (flags & Lex[k]) !== 0);
}
