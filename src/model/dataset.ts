/**
 * The normalized dataset (DESIGN §3), stored by columns.
 *
 * A million-message export must fit in a few hundred megabytes, so a message is not an
 * object: it is a row index into typed arrays. Authors, channels, platforms and threads
 * are interned tables; texts are kept only as short excerpts (for evidence) plus the
 * lexicon flags computed once while loading.
 */

/** How a message's target is known, strongest first. */
export const REPLY_KINDS = ['explicit', 'thread', 'mention', 'inferred', 'none'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
export const ReplyKindCode = { explicit: 0, thread: 1, mention: 2, inferred: 3, none: 4 } as const satisfies Record<
  ReplyKind,
  number
>;

/**
 * What kind of conversation a source holds.
 * - `comments`: comments under posts (Instagram, LinkedIn, YouTube…). The post itself is
 *   usually absent; a top-level comment answers the post's author, the brand.
 * - `chat`: a chat or forum where a thread root is a message of the data.
 */
export type SourceKind = 'comments' | 'chat';

export const MEMBER_ROLES = ['owner', 'admin', 'moderator', 'staff', 'member', 'bot'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Target sentinel: the author of a post that is not in the export (the brand, by default). */
export const POST_AUTHOR = -2;
/** Target sentinel: no target (a root message). */
export const NO_TARGET = -1;

export interface Author {
  /** Stable key within its platform (an id, or a display name when that is all there is). */
  key: string;
  name: string;
  platform: string;
  isBrand: boolean;
  role?: MemberRole;
}

export interface Member {
  id?: string;
  name?: string;
  role: MemberRole;
  joinedAt?: number;
  lastActiveAt?: number;
  /** An e-mail or a phone number exists in the member file; the value itself is never kept. */
  contactable?: boolean;
  /** Index into `Dataset.authors` when this member was matched to an author of the messages. */
  author?: number;
  line: number;
}

export interface MessageColumns {
  count: number;
  author: Int32Array;
  /** epoch ms, UTC */
  createdAt: Float64Array;
  /** index of the message answered, or -1 */
  parent: Int32Array;
  /** index into `Dataset.threads` */
  thread: Int32Array;
  /** ReplyKindCode of the link to `parent` (or `none`) */
  replyKind: Uint8Array;
  /** reactions count, -1 when the export has none */
  reactions: Int32Array;
  channel: Int32Array;
  source: Uint16Array;
  /** Lexicon flags (see load/lexicon.ts), computed from the full text while loading. */
  lex: Uint32Array;
  /** Line of the source file where the message starts (1-based), 0 when unknown. */
  line: Int32Array;
}

export interface Thread {
  key: string;
  /** Index of the root message when it is in the data, else -1 (a post that is not exported). */
  root: number;
  /** Author of the root (or of the post when it is not exported): an author index, or POST_AUTHOR. */
  rootAuthor: number;
  channel: number;
  kind: SourceKind;
  /**
   * Set when the key is the id of one of the thread's messages, that message's index (-1:
   * outside a slice of the dataset): a comment export without post ids makes each top-level
   * comment a thread keyed on its own id. Spares reading ids back to tell such a thread from a post.
   */
  keyMessage?: number;
}

export interface SourceInfo {
  file: string;
  format: string;
  kind: SourceKind;
  platform: string;
  rowsRead: number;
  rowsSkipped: number;
  /** messages kept out of the signals (joins, bots, deletions) */
  systemMessages: number;
  /** how replies are known in this source */
  replies: ReplyKind[];
}

export interface LoadIssue {
  code: string;
  file?: string;
  line?: number;
  values?: Record<string, string | number>;
}

export type BrandMethod = 'option' | 'roles' | 'detected-threads' | 'detected-answers' | 'none';

export interface BrandInfo {
  method: BrandMethod;
  authors: number[];
  /** 0..1: how clearly the detected account stands out (1 when given or from roles). */
  certainty: number;
  /**
   * With roles on some platforms only: the accounts detected on the platforms that have no
   * staff (the founder of a WhatsApp group beside a Discord server's admins), part of `authors`.
   */
  assumed?: number[];
}

export interface Dataset {
  messages: MessageColumns;
  /** Message ids as found in the export (or `file:line` when it had none). */
  messageId(i: number): string;
  /** Up to ~120 characters of the message, with e-mails and phone numbers masked. */
  excerpt(i: number): string;
  authors: Author[];
  channels: string[];
  threads: Thread[];
  members: Member[];
  brand: BrandInfo;
  period: { start: number; end: number } | null;
  sources: SourceInfo[];
  issues: LoadIssue[];
}
