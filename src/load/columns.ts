/**
 * Header names → fields, through one alias table in English and French. Case, accents,
 * spaces, underscores and punctuation are ignored, so `Publié le`, `publie_le` and
 * `PUBLIÉ LE` are the same header.
 */
import { maskContacts } from './text.js';

export const COMMENT_FIELDS = ['id', 'author', 'authorId', 'date', 'text', 'parent', 'post', 'reactions', 'platform', 'channel', 'role'] as const;
export type CommentField = (typeof COMMENT_FIELDS)[number];

export const COMMENT_ALIASES: Record<CommentField, readonly string[]> = {
  id: ['id', 'comment id', 'comment_id', 'message id', 'message_id', 'msg id', 'cid', 'identifiant', 'id commentaire', 'id du commentaire', 'id message', 'n°', 'numero', 'ts'],
  author: ['author', 'auteur', 'auteure', 'autrice', 'nom', 'name', 'username', 'user name', 'user', 'utilisateur', 'utilisatrice', 'profile name', 'profile', 'from', 'de', 'pseudo', 'handle', 'display name', 'author name', 'nom de l auteur', 'commenter', 'commentateur', 'membre', 'member', 'sender', 'expediteur'],
  authorId: ['author id', 'author_id', 'authorid', 'user id', 'user_id', 'userid', 'id auteur', 'id utilisateur', 'profile id', 'profile url', 'author url', 'lien du profil'],
  date: ['date', 'created_at', 'created at', 'created', 'timestamp', 'time', 'datetime', 'date time', 'publie le', 'publiee le', 'date de publication', 'posted at', 'posted on', 'published at', 'published', 'heure', 'date et heure', 'comment date', 'date du commentaire', 'sent at', 'envoye le'],
  text: ['text', 'comment', 'comments', 'commentaire', 'message', 'contenu', 'content', 'body', 'texte', 'comment text', 'texte du commentaire', 'message text', 'post text', 'corps'],
  parent: ['parent_id', 'parent id', 'parent', 'reply_to', 'reply to', 'in reply to', 'in_reply_to', 'en reponse a', 'reponse a', 'repond a', 'parent comment id', 'id parent', 'replied to', 'reply to id', 'thread parent'],
  post: ['post', 'post id', 'post_id', 'post url', 'publication', 'id publication', 'thread', 'thread id', 'thread_id', 'topic', 'topic id', 'sujet', 'discussion', 'media id', 'media', 'video id', 'url du post', 'lien du post', 'permalink'],
  reactions: ['likes', 'like count', 'like_count', 'reactions', 'reaction count', 'reactions count', "j'aime", 'j aime', 'jaime', 'nombre de j aime', 'nb likes', 'votes', 'score', 'upvotes', 'claps'],
  platform: ['platform', 'plateforme', 'network', 'reseau', 'reseau social', 'source', 'channel type', 'site'],
  channel: ['channel', 'canal', 'salon', 'group', 'groupe', 'room', 'chat'],
  role: ['role', 'author role', 'role de l auteur', 'statut', 'status', 'is admin', 'badge'],
};

export const MEMBER_FIELDS = ['id', 'name', 'role', 'joinedAt', 'lastActiveAt', 'email', 'phone'] as const;
export type MemberField = (typeof MEMBER_FIELDS)[number];

export const MEMBER_ALIASES: Record<MemberField, readonly string[]> = {
  id: ['id', 'member id', 'member_id', 'user id', 'user_id', 'userid', 'identifiant', 'id membre', 'author id', 'profile url', 'username', 'user name', 'handle', 'pseudo', 'login'],
  name: ['name', 'nom', 'display name', 'full name', 'nom complet', 'prenom nom', 'author', 'auteur', 'profile name', 'membre', 'member', 'real name'],
  role: ['role', 'roles', 'statut', 'status', 'type', 'member type', 'type de membre', 'trust level', 'niveau', 'groupe', 'group', 'admin', 'moderator', 'title', 'titre'],
  joinedAt: ['joined', 'joined at', 'joined_at', 'join date', 'date joined', 'member since', 'created at', 'created_at', 'inscription', 'date d inscription', 'inscrit le', 'arrive le', 'date d arrivee', 'membre depuis'],
  lastActiveAt: ['last active', 'last_active', 'last seen', 'last_seen', 'last seen at', 'last_seen_at', 'last activity', 'derniere activite', 'derniere connexion', 'vu le', 'last posted at', 'last_posted_at'],
  email: ['email', 'e-mail', 'mail', 'courriel', 'adresse e-mail', 'adresse mail', 'email address', 'primary email', 'secondary emails'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'portable', 'phone number', 'numero de telephone', 'whatsapp'],
};

/** How two header names are compared. */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2019`´]/g, "'")
    .replace(/[_\-./()#:]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const normalizedAliases = new Map<readonly string[], Set<string>>();
function aliasSet(list: readonly string[]): Set<string> {
  let s = normalizedAliases.get(list);
  if (!s) normalizedAliases.set(list, (s = new Set(list.map(normalizeHeader))));
  return s;
}

/**
 * Maps each field to a column index. `overrides` (from --map) win; then the first header
 * matching an alias, in the order of the alias list (so `author` beats `user`); then, for a
 * field still without a column, a header that matches once a closing remark in brackets is
 * left out (`Date (UTC)`, `Name (click to view profile)`, `Likes (total)`).
 */
export function mapColumns<F extends string>(
  headers: readonly string[],
  aliases: Record<F, readonly string[]>,
  overrides: Partial<Record<string, string>> = {},
): { columns: Partial<Record<F, number>>; unknownOverrides: string[] } {
  const norm = headers.map(normalizeHeader);
  const columns: Partial<Record<F, number>> = {};
  const used = new Set<number>();
  const unknownOverrides: string[] = [];
  for (const [field, column] of Object.entries(overrides)) {
    if (!column || !Object.hasOwn(aliases, field)) continue;
    let i = headers.indexOf(column);
    if (i < 0) i = norm.indexOf(normalizeHeader(column));
    if (i < 0) {
      unknownOverrides.push(column);
      continue;
    }
    columns[field as F] = i;
    used.add(i);
  }
  const bare = headers.map((h) => normalizeHeader(h.replace(/\s*\([^()]*\)\s*$/, '')));
  for (const names of [norm, bare]) {
    for (const field of Object.keys(aliases) as F[]) {
      if (columns[field] !== undefined) continue;
      const list = aliases[field].map(normalizeHeader);
      const set = aliasSet(aliases[field]);
      let best = -1;
      let bestRank = Infinity;
      names.forEach((h, i) => {
        if (used.has(i) || !set.has(h)) return;
        const rank = list.indexOf(h);
        if (rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      });
      if (best >= 0) {
        columns[field] = best;
        used.add(best);
      }
    }
  }
  return { columns, unknownOverrides };
}

const SHOWN_HEADERS = 20;

/**
 * A header as an error message shows it: short, one line, and masked, because a file
 * without a header row has its first data row here (e-mails and phones included).
 */
export function showHeader(h: string): string {
  // a 10 MB "header" (a file with no line break) is cut before anything else looks at it;
  // an address cut in two by the cut is dropped, not shown half
  const cut = h.length > 400;
  const head = cut ? h.slice(0, 400).replace(/\S*@\S*$/, '') : h;
  const one = maskContacts(head.replace(/\s+/g, ' ').trim());
  return one.length > 40 || cut ? one.slice(0, 39) + '…' : one;
}

/** The headers of a file, for an error message: a few of them, each shown with showHeader. */
export function showHeaders(headers: readonly string[]): string {
  if (headers.length === 0) return '(none)';
  const shown = headers.slice(0, SHOWN_HEADERS).map((h) => `"${showHeader(h)}"`).join(', ');
  return headers.length > SHOWN_HEADERS ? `${shown}, … (${headers.length})` : shown;
}
