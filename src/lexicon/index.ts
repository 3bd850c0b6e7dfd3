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

const compiled = Object.fromEntries(Object.entries(LEXICON).map(([k, list]) => [k, words(list)])) as Record<
  keyof typeof LEXICON,
  RegExp
>;

/** The lexicon flags of one message. */
export function classifyText(text: string): number {
  if (!text) return 0;
  const t = normalizeText(text);
  let flags = 0;
  const hasUrl = URL.test(t);
  if (hasUrl) flags |= Lex.url;
  if (INVITE_LINK.test(t)) flags |= Lex.offPlatformLink;
  const asks = QUESTION_MARK.test(t);
  // "?" anywhere, or an interrogative opening without one ("qqn a testé", "anyone tried")
  if (asks || compiled.question.test(t.slice(0, 24))) flags |= Lex.question;
  if (compiled.help.test(t)) flags |= Lex.help;
  if (compiled.idea.test(t)) flags |= Lex.idea;
  if (compiled.feedback.test(t)) flags |= Lex.feedback;
  if (compiled.event.test(t)) flags |= Lex.event;
  if (hasUrl || compiled.resource.test(t)) flags |= Lex.resource;
  if (compiled.thanks.test(t)) flags |= Lex.thanks;
  if (compiled.welcome.test(t)) flags |= Lex.welcome;
  if (compiled.offPlatformProposal.test(t)) flags |= Lex.offPlatformProposal;
  if (compiled.continueRequest.test(t)) flags |= Lex.continueRequest;
  return flags;
}

export function hasFlag(flags: number, flag: LexFlag): boolean {
  return (flags & Lex[flag]) !== 0;
}
