/**
 * Builds the columnar Dataset from the records the readers produce.
 *
 * Readers call `addMessage` once per message, in any order; `finish` then sorts the
 * messages into a canonical order (so shuffled rows give the same audit), resolves
 * parents, breaks reply cycles, groups threads, applies the `@name` fallback and the
 * inferred replies of chats without reply data, and chooses the brand accounts.
 */
import { classifyText } from '../lexicon/index.js';
import {
  type Author,
  type BrandInfo,
  type Dataset,
  type LoadIssue,
  type Member,
  type MessageColumns,
  type ReplyKind,
  type SourceInfo,
  type SourceKind,
  type Thread,
  NO_TARGET,
  POST_AUTHOR,
  ReplyKindCode,
} from '../model/dataset.js';
import { copyString, leadingMention, makeExcerpt, normalizeName } from './text.js';

export interface SourceOptions {
  file: string;
  format: string;
  kind: SourceKind;
  platform: string;
  /**
   * How the source links replies. `parent`: explicit parent ids; `thread`: a thread key only
   * (replies answer the thread's root); `none`: nothing, replies are inferred in chats.
   */
  links: 'parent' | 'thread' | 'none';
  /**
   * Sources with the same scope share their message ids and thread keys: the parts and
   * channels of one Discord server, the pages of one YouTube export, Reddit comments and
   * their posts in two files. Without it, ids are only unique within their own source.
   */
  idScope?: string;
}

export interface MessageInput {
  id?: string;
  authorKey: string;
  authorName?: string;
  createdAt: number;
  /** the other reading of an ambiguous day/month date; used if the source's column turns out month-first */
  createdAtAlt?: number;
  text: string;
  parentId?: string;
  /** post id, Slack thread_ts, topic id… */
  threadKey?: string;
  channel?: string;
  /** the platform of this row when the source mixes several (a generic CSV with a platform column) */
  platform?: string;
  reactions?: number;
  /** the author is a bot (kept out of the signals) */
  bot?: boolean;
  line?: number;
  /** the link kind when the reader knows better than the source default (e.g. a forum `reply_to_post_number`) */
  replyKind?: ReplyKind;
}

export interface FinishOptions {
  /** accounts named with --brand: ids or names, any platform */
  brand?: string[];
  members?: Member[];
  since?: number;
  until?: number;
}

/** Messages of a chat with no reply data count as a reply to the previous speaker within this gap. */
export const INFERRED_REPLY_GAP_MS = 30 * 60 * 1000;
/** In a chat with no threads, a silence this long starts a new conversation. */
export const SESSION_GAP_MS = 6 * 60 * 60 * 1000;

interface Growable {
  author: Int32Array;
  createdAt: Float64Array;
  reactions: Int32Array;
  channel: Int32Array;
  source: Uint16Array;
  lex: Uint32Array;
  line: Int32Array;
}

function grow<T extends Int32Array | Float64Array | Uint16Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

export interface DatasetBuilder {
  addSource(options: SourceOptions): number;
  addMessage(source: number, input: MessageInput): void;
  /** a row that could not be used: counted, and reported with its line */
  skip(source: number, code: string, line?: number, values?: Record<string, string | number>): void;
  /** the rows of a source skipped so far, by reason */
  skipsOf(source: number): Record<string, number>;
  /** a join, a bot or a deletion: counted, kept out of the signals */
  countSystem(source: number): void;
  issue(issue: LoadIssue): void;
  /** a member known from the messages' own export (a role column, a users list) */
  addMember(member: Member): void;
  /** the source's dates were month-first after all: switch to their other reading */
  useAltDates(source: number): void;
  count(): number;
  finish(options?: FinishOptions): Dataset;
}

const MAX_LISTED_SKIPS = 50;
/** Dates outside this range are no message date: 1970-01-01 is an empty date, 2100 a typo or a placeholder. */
export const MIN_DATE = Date.UTC(1980, 0, 1);
export const MAX_DATE = Date.UTC(2100, 0, 1);
/** Reactions are stored in 32 bits: a count beyond is a broken cell, not a post. */
const MAX_REACTIONS = 2_000_000_000;

export function createDatasetBuilder(): DatasetBuilder {
  let n = 0;
  let cap = 1024;
  let cols: Growable = {
    author: new Int32Array(cap),
    createdAt: new Float64Array(cap),
    reactions: new Int32Array(cap),
    channel: new Int32Array(cap),
    source: new Uint16Array(cap),
    lex: new Uint32Array(cap),
    line: new Int32Array(cap),
  };
  let alt: Float64Array | null = null;
  const extraMembers: Member[] = [];
  const ids: string[] = [];
  const excerpts: string[] = [];
  const parentIds = new Map<number, string>();
  const threadKeys = new Map<number, string>();
  const mentions = new Map<number, string>();
  const replyKindOverride = new Map<number, ReplyKind>();
  /** source + id → hash of the first row with that id (author, time, text), to drop identical copies; freed by finish */
  let seenIds: Map<string, number> | null = new Map();

  const sources: (SourceInfo & { options: SourceOptions })[] = [];
  const issues: LoadIssue[] = [];
  const skipsListed = new Map<string, number>();
  const skipsBySource: Record<string, number>[] = [];

  const authors: Author[] = [];
  const authorIndex = new Map<string, number>();
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();

  function internAuthor(platform: string, key: string, name: string | undefined, bot: boolean): number {
    const k = platform + '\u0000' + key;
    let i = authorIndex.get(k);
    if (i === undefined) {
      i = authors.length;
      authors.push({ key: copyString(key), name: displayName(name || key), platform, isBrand: false, ...(bot ? { role: 'bot' as const } : {}) });
      authorIndex.set(copyString(k), i);
    } else if (name && authors[i]!.name === displayName(authors[i]!.key) && name !== key) {
      authors[i]!.name = displayName(name);
    }
    return i;
  }

  function internChannel(name: string): number {
    let i = channelIndex.get(name);
    if (i === undefined) {
      i = channels.length;
      channels.push(copyString(name));
      channelIndex.set(channels[i]!, i);
    }
    return i;
  }

  function ensureCapacity(): void {
    if (n < cap) return;
    cap *= 2;
    cols = {
      author: grow(cols.author, cap),
      createdAt: grow(cols.createdAt, cap),
      reactions: grow(cols.reactions, cap),
      channel: grow(cols.channel, cap),
      source: grow(cols.source, cap),
      lex: grow(cols.lex, cap),
      line: grow(cols.line, cap),
    };
    if (alt) alt = grow(alt, cap);
  }

  const builder: DatasetBuilder = {
    addSource(options) {
      sources.push({
        options,
        file: options.file,
        format: options.format,
        kind: options.kind,
        platform: options.platform,
        rowsRead: 0,
        rowsSkipped: 0,
        systemMessages: 0,
        replies: [],
      });
      return sources.length - 1;
    },

    addMessage(source, m) {
      const src = sources[source]!;
      // a date no export can hold (an empty date written as 1970, a typo in the year, a number read as a date)
      if (!(m.createdAt >= MIN_DATE && m.createdAt < MAX_DATE)) {
        const value = Number.isFinite(m.createdAt) && Math.abs(m.createdAt) < 8.64e15 ? new Date(m.createdAt).toISOString().slice(0, 10) : String(m.createdAt);
        return builder.skip(source, 'row-date-out-of-range', m.line, { value });
      }
      // the same row twice (an export concatenated with itself, a row copied in Excel): same id, author, time and text
      if (m.id && seenIds) {
        const idKey = source + '\u0000' + m.id.slice(0, MAX_ID);
        const row = rowHash(m);
        const prev = seenIds.get(idKey);
        if (prev === row) return builder.skip(source, 'row-duplicate', m.line, { id: m.id.slice(0, 40) });
        if (prev === undefined) seenIds.set(copyString(idKey), row);
      }
      src.rowsRead++;
      ensureCapacity();
      const i = n++;
      const platform = m.platform || src.platform;
      cols.author[i] = internAuthor(platform, m.authorKey, m.authorName, m.bot ?? false);
      cols.createdAt[i] = m.createdAt;
      if (m.createdAtAlt !== undefined && m.createdAtAlt !== m.createdAt) {
        if (!alt) alt = new Float64Array(cap).fill(NaN);
        alt[i] = m.createdAtAlt;
      } else if (alt) alt[i] = NaN;
      cols.reactions[i] = m.reactions !== undefined && Number.isFinite(m.reactions) ? Math.min(MAX_REACTIONS, Math.max(0, Math.round(m.reactions))) : -1;
      cols.channel[i] = internChannel(m.channel ?? '');
      cols.source[i] = source;
      cols.lex[i] = classifyText(m.text);
      cols.line[i] = m.line ?? 0;
      ids.push(m.id ? copyString(m.id.slice(0, MAX_ID)) : '');
      excerpts.push(makeExcerpt(m.text));
      if (m.parentId) parentIds.set(i, copyString(m.parentId.slice(0, MAX_ID)));
      if (m.threadKey) threadKeys.set(i, copyString(m.threadKey.slice(0, MAX_ID)));
      if (m.replyKind) replyKindOverride.set(i, m.replyKind);
      const mention = leadingMention(m.text);
      if (mention) mentions.set(i, mention);
    },

    skip(source, code, line, values) {
      const src = sources[source]!;
      src.rowsRead++;
      src.rowsSkipped++;
      const bySource = (skipsBySource[source] ??= Object.create(null) as Record<string, number>);
      bySource[code] = (bySource[code] ?? 0) + 1;
      const listed = skipsListed.get(code) ?? 0;
      skipsListed.set(code, listed + 1);
      if (listed < MAX_LISTED_SKIPS) {
        issues.push({ code, file: src.file, ...(line !== undefined ? { line } : {}), ...(values ? { values } : {}) });
      }
    },

    skipsOf(source) {
      return { ...(skipsBySource[source] ?? {}) };
    },

    countSystem(source) {
      const src = sources[source]!;
      src.rowsRead++;
      src.systemMessages++;
    },

    issue(issue) {
      issues.push(issue);
    },

    addMember(member) {
      extraMembers.push(member);
    },

    useAltDates(source) {
      if (!alt) return;
      for (let i = 0; i < n; i++) {
        if (cols.source[i] === source && !Number.isNaN(alt[i]!)) cols.createdAt[i] = alt[i]!;
      }
    },

    count() {
      return n;
    },

    finish(options = {}) {
      seenIds = null;
      for (const [code, total] of skipsListed) {
        if (total > MAX_LISTED_SKIPS) issues.push({ code: 'more-skipped', values: { code, more: total - MAX_LISTED_SKIPS } });
      }
      return assemble(options);
    },
  };

  function assemble(options: FinishOptions): Dataset {
    // --since / --until: drop messages out of range before anything else
    let keep: number[] | null = null;
    if (options.since !== undefined || options.until !== undefined) {
      keep = [];
      for (let i = 0; i < n; i++) {
        const t = cols.createdAt[i]!;
        if (options.since !== undefined && t < options.since) continue;
        if (options.until !== undefined && t > options.until) continue;
        keep.push(i);
      }
    }
    const order = canonicalOrder(keep);
    const count = order.length;
    const oldToNew = new Int32Array(n).fill(-1);
    for (let k = 0; k < count; k++) oldToNew[order[k]!] = k;

    // authors in a canonical order too, so ties break the same way whatever the row order
    const authorOrder = authors.map((_, i) => i).sort((a, b) => cmp(authors[a]!.platform, authors[b]!.platform) || cmp(authors[a]!.key, authors[b]!.key));
    const authorOldToNew = new Int32Array(authors.length);
    authorOrder.forEach((old, k) => (authorOldToNew[old] = k));
    const sortedAuthors = authorOrder.map((old) => authors[old]!);

    const msg: MessageColumns = {
      count,
      author: new Int32Array(count),
      createdAt: new Float64Array(count),
      parent: new Int32Array(count).fill(-1),
      thread: new Int32Array(count),
      replyKind: new Uint8Array(count).fill(ReplyKindCode.none),
      reactions: new Int32Array(count),
      channel: new Int32Array(count),
      source: new Uint16Array(count),
      lex: new Uint32Array(count),
      line: new Int32Array(count),
    };
    const newIds: string[] = new Array(count);
    const newExcerpts: string[] = new Array(count);
    for (let k = 0; k < count; k++) {
      const o = order[k]!;
      msg.author[k] = authorOldToNew[cols.author[o]!]!;
      msg.createdAt[k] = cols.createdAt[o]!;
      msg.reactions[k] = cols.reactions[o]!;
      msg.channel[k] = cols.channel[o]!;
      msg.source[k] = cols.source[o]!;
      msg.lex[k] = cols.lex[o]!;
      msg.line[k] = cols.line[o]!;
      newIds[k] = ids[o] || `${sources[cols.source[o]!]!.file}:${cols.line[o]}`;
      newExcerpts[k] = excerpts[o]!;
    }

    const at = (code: string, k: number, values: Record<string, string | number>) => lineOrId(code, sources[msg.source[k]!]!.file, msg.line[k]!, newIds[k]!, values);

    // id → index, per source or per shared scope (ids are only unique within one export)
    const idScopeOf = sources.map((s, i) => (s.options.idScope !== undefined ? 's' + s.options.idScope : 'i' + i));
    const byId = new Map<string, number>();
    const duplicates: number[] = [];
    for (let k = 0; k < count; k++) {
      if (!ids[order[k]!]) continue;
      const key = idScopeOf[msg.source[k]!] + '\u0000' + newIds[k];
      if (byId.has(key)) duplicates.push(k);
      else byId.set(key, k);
    }
    for (const k of duplicates) {
      issues.push(at('duplicate-id', k, { id: newIds[k]! }));
    }

    // explicit parents, in canonical order so that warnings do not depend on row order
    let unknownParents = 0;
    for (let k = 0; k < count; k++) {
      const old = order[k]!;
      const pid = parentIds.get(old);
      if (pid === undefined) continue;
      const p = byId.get(idScopeOf[msg.source[k]!] + '\u0000' + pid);
      if (p === undefined) {
        unknownParents++;
        if (unknownParents <= 5) issues.push(at('unknown-parent', k, { id: pid }));
        continue;
      }
      if (p === k) continue; // a message answering itself is no reply
      msg.parent[k] = p;
      const src = sources[msg.source[k]!]!.options;
      msg.replyKind[k] = ReplyKindCode[replyKindOverride.get(old) ?? (src.links === 'thread' ? 'thread' : 'explicit')];
    }
    if (unknownParents > 5) issues.push({ code: 'unknown-parents', values: { count: unknownParents } });
    breakCycles(msg, issues, sources, (k) => newIds[k]!);

    // threads: explicit keys first, then parent chains, then conversations in time
    const threads: Thread[] = [];
    const threadByKey = new Map<string, number>();
    const threadOf = new Int32Array(count).fill(-1);
    for (let k = 0; k < count; k++) {
      const key = threadKeys.get(order[k]!);
      if (key === undefined) continue;
      const tk = idScopeOf[msg.source[k]!] + '\u0000' + key;
      let t = threadByKey.get(tk);
      if (t === undefined) {
        t = threads.length;
        const rootIdx = byId.get(tk);
        const kind = sources[msg.source[k]!]!.kind;
        // the root's author when the root is exported; else the post's (the brand) for comments,
        // or the earliest writer of the thread for chats
        threads.push({ key, root: rootIdx ?? -1, rootAuthor: rootIdx !== undefined ? msg.author[rootIdx]! : kind === 'comments' ? POST_AUTHOR : msg.author[k]!, channel: msg.channel[k]!, kind });
        threadByKey.set(tk, t);
      }
      threadOf[k] = t;
    }
    // a thread keyed on a message id: that message is its root
    threads.forEach((t, i) => {
      if (t.root >= 0) threadOf[t.root] = i;
    });

    // thread replies (Slack, YouTube): a message in a keyed thread without a parent answers the root
    for (let k = 0; k < count; k++) {
      const t = threadOf[k]!;
      if (t < 0 || msg.parent[k]! >= 0) continue;
      const root = threads[t]!.root;
      if (root >= 0 && root !== k && msg.createdAt[root]! <= msg.createdAt[k]!) {
        msg.parent[k] = root;
        msg.replyKind[k] = ReplyKindCode.thread;
      }
    }

    // a reply with no thread key joins its parent's thread now, so that the @name fallback below
    // looks among the authors of that thread (YouTube replies fetched apart carry no video id)
    for (let k = 0; k < count; k++) {
      const p = msg.parent[k]!;
      if (threadOf[k]! < 0 && p >= 0 && threadOf[p]! >= 0) threadOf[k] = threadOf[p]!;
    }

    // @name fallback: a leading mention of an earlier author of the same thread or channel
    const lastByName = new Map<string, number>(); // scope + name → latest message index
    const scopeOf = (k: number) => (threadOf[k]! >= 0 ? 't' + threadOf[k] : 'c' + msg.source[k] + ':' + msg.channel[k]);
    const nameKeys = sortedAuthors.map((a) => [normalizeName(a.name), normalizeName(a.key)]);
    const oldMention = new Map<number, string>();
    for (const [old, name] of mentions) {
      const k = oldToNew[old]!;
      if (k >= 0) oldMention.set(k, name);
    }
    for (let k = 0; k < count; k++) {
      const mention = oldMention.get(k);
      // a thread link only says "in the thread of X": inside it, "@Bob …" is more precise (Slack, YouTube)
      if (mention !== undefined && (msg.parent[k]! < 0 || msg.replyKind[k] === ReplyKindCode.thread)) {
        const words = mention.split(' ');
        for (let w = words.length; w >= 1; w--) {
          const p = lastByName.get(scopeOf(k) + '\u0000' + words.slice(0, w).join(' '));
          if (p !== undefined && msg.author[p] !== msg.author[k]) {
            if (msg.parent[k]! >= 0 && msg.author[msg.parent[k]!] === msg.author[p]) break; // the thread link says as much
            msg.parent[k] = p;
            msg.replyKind[k] = ReplyKindCode.mention;
            break;
          }
        }
      }
      const [name, key] = nameKeys[msg.author[k]!]!;
      const scope = scopeOf(k);
      lastByName.set(scope + '\u0000' + name, k);
      if (key !== name) lastByName.set(scope + '\u0000' + key, k);
    }

    // chats with no reply data: the previous speaker within a short gap (inferred)
    const lastInChannel = new Map<string, number>();
    for (let k = 0; k < count; k++) {
      const src = sources[msg.source[k]!]!.options;
      if (src.kind !== 'chat' || src.links !== 'none') continue;
      const ch = msg.source[k] + ':' + msg.channel[k];
      const prev = lastInChannel.get(ch);
      lastInChannel.set(ch, k);
      if (msg.parent[k]! >= 0 || prev === undefined) continue;
      if (msg.author[prev] === msg.author[k]) continue;
      if (msg.createdAt[k]! - msg.createdAt[prev]! > INFERRED_REPLY_GAP_MS) continue;
      msg.parent[k] = prev;
      msg.replyKind[k] = ReplyKindCode.inferred;
    }

    // every message without a thread: its parent's thread, or a new one
    const lastTimeInChannel = new Map<string, { t: number; thread: number }>();
    for (let k = 0; k < count; k++) {
      if (threadOf[k]! >= 0) continue;
      const p = msg.parent[k]!;
      if (p >= 0 && threadOf[p]! >= 0) {
        threadOf[k] = threadOf[p]!;
        continue;
      }
      const src = sources[msg.source[k]!]!;
      const ch = msg.source[k] + ':' + msg.channel[k];
      const last = lastTimeInChannel.get(ch);
      // chats without threads group into conversations separated by long silences
      if (src.kind === 'chat' && src.options.links === 'none' && last && msg.createdAt[k]! - last.t <= SESSION_GAP_MS) {
        threadOf[k] = last.thread;
        last.t = msg.createdAt[k]!;
        continue;
      }
      const t = threads.length;
      const kind = src.kind;
      // a generic comment export without post ids: each top-level comment is on an unexported post
      threads.push({
        key: newIds[k]!,
        root: kind === 'comments' ? -1 : k,
        rootAuthor: kind === 'comments' ? POST_AUTHOR : msg.author[k]!,
        channel: msg.channel[k]!,
        kind,
      });
      threadOf[k] = t;
      lastTimeInChannel.set(ch, { t: msg.createdAt[k]!, thread: t });
    }
    msg.thread.set(threadOf);

    // which reply kinds each source ended up with
    // a source read with no platform of its own takes its rows' platform when they all agree
    const platformsSeen = sources.map(() => new Set<string>());
    for (let k = 0; k < count; k++) platformsSeen[msg.source[k]!]!.add(sortedAuthors[msg.author[k]!]!.platform);
    sources.forEach((s, i) => {
      const seen = [...platformsSeen[i]!];
      if (s.platform === 'unknown' && seen.length === 1) s.platform = seen[0]!;
    });

    const kindsSeen = sources.map(() => new Set<number>());
    for (let k = 0; k < count; k++) if (msg.parent[k]! >= 0) kindsSeen[msg.source[k]!]!.add(msg.replyKind[k]!);
    const kindNames = Object.keys(ReplyKindCode) as ReplyKind[];
    sources.forEach((s, i) => (s.replies = kindNames.filter((name) => kindsSeen[i]!.has(ReplyKindCode[name]))));

    const members = [...extraMembers, ...(options.members ?? [])].map((m) => ({ ...m }));
    matchMembers(members, sortedAuthors);
    const brand = chooseBrand(msg, threads, sortedAuthors, members, options.brand ?? [], issues);
    for (const a of brand.authors) sortedAuthors[a]!.isBrand = true;
    for (const m of members) if (m.author !== undefined && m.role !== 'member') sortedAuthors[m.author]!.role = m.role;

    let start = Infinity;
    let end = -Infinity;
    for (let k = 0; k < count; k++) {
      const t = msg.createdAt[k]!;
      if (t < start) start = t;
      if (t > end) end = t;
    }

    return {
      messages: msg,
      messageId: (i) => newIds[i]!,
      excerpt: (i) => newExcerpts[i]!,
      authors: sortedAuthors,
      channels,
      threads,
      members,
      brand,
      period: count > 0 ? { start, end } : null,
      sources: sources.map(({ options: _o, ...s }) => s),
      issues,
    };
  }

  function canonicalOrder(keep: number[] | null): Int32Array {
    const order = keep ? Int32Array.from(keep) : Int32Array.from({ length: n }, (_, i) => i);
    const srcKey = sources.map((s) => s.file);
    return order.sort((a, b) => {
      const d = cols.createdAt[a]! - cols.createdAt[b]!;
      if (d !== 0) return d;
      const s = cmp(srcKey[cols.source[a]!]!, srcKey[cols.source[b]!]!);
      if (s !== 0) return s;
      return cmp(ids[a]!, ids[b]!) || cmp(authors[cols.author[a]!]!.key, authors[cols.author[b]!]!.key) || cmp(excerpts[a]!, excerpts[b]!) || a - b;
    });
  }

  return builder;
}

/** An issue about one message: by its line when the format has lines, else by its id (`code-at`: JSON exports). */
function lineOrId(code: string, file: string, line: number, message: string, values: Record<string, string | number> = {}): LoadIssue {
  return line > 0 ? { code, file, line, values } : { code: code + '-at', file, values: { ...values, message } };
}

/** Longer than this, a "name" is a broken cell (a text in the author column): shown cut. */
const MAX_NAME = 100;
/** Ids are kept to this length: they are compared, and shown in warnings. */
const MAX_ID = 256;

/** FNV-1a over what makes two rows the same message: enough to tell a copy from another message with the same id. */
function rowHash(m: MessageInput): number {
  let h = 0x811c9dc5;
  const s = m.authorKey + '\u0000' + (m.platform ?? '') + '\u0000' + m.createdAt + '\u0000' + m.text;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function displayName(name: string): string {
  return copyString(name.length > MAX_NAME ? name.slice(0, MAX_NAME - 1) + '…' : name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reply cycles (A answers B answers A) cannot happen in time, but exports can hold them: cut each at its latest link. */
function breakCycles(msg: MessageColumns, issues: LoadIssue[], sources: SourceInfo[], id: (k: number) => string): void {
  const state = new Uint8Array(msg.count); // 0 unseen, 1 on the current path, 2 done
  const path: number[] = [];
  for (let s = 0; s < msg.count; s++) {
    if (state[s] !== 0) continue;
    let k = s;
    path.length = 0;
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      path.push(k);
      k = msg.parent[k]!;
    }
    if (k >= 0 && state[k] === 1) {
      msg.parent[k] = -1;
      msg.replyKind[k] = ReplyKindCode.none;
      issues.push(lineOrId('reply-cycle', sources[msg.source[k]!]!.file, msg.line[k]!, id(k)));
    }
    for (const p of path) state[p] = 2;
  }
}

function matchMembers(members: Member[], authors: Author[]): void {
  if (members.length === 0) return;
  const byKey = new Map<string, number>();
  const byName = new Map<string, number>();
  authors.forEach((a, i) => {
    byKey.set(a.key, i);
    const name = normalizeName(a.name);
    if (!byName.has(name)) byName.set(name, i);
    const key = normalizeName(a.key);
    if (!byName.has(key)) byName.set(key, i);
  });
  for (const m of members) {
    const found = (m.id !== undefined ? byKey.get(m.id) ?? byName.get(normalizeName(m.id)) : undefined) ?? (m.name !== undefined ? byName.get(normalizeName(m.name)) : undefined);
    if (found !== undefined) m.author = found;
  }
}

/** Below this, no account stands out enough from the others to be taken for the brand. */
export const MIN_BRAND_CERTAINTY = 0.2;

const STAFF_ROLES = new Set(['owner', 'admin', 'moderator', 'staff']);

/** DESIGN §3: --brand, else the member file's roles, else detected and said so. */
function chooseBrand(msg: MessageColumns, threads: Thread[], authors: Author[], members: Member[], named: string[], issues: LoadIssue[]): BrandInfo {
  if (named.length > 0) {
    const wanted = named.map(normalizeName);
    const found = authors.flatMap((a, i) => (wanted.includes(normalizeName(a.key)) || wanted.includes(normalizeName(a.name)) ? [i] : []));
    const missing = named.filter((w) => !authors.some((a) => normalizeName(a.key) === normalizeName(w) || normalizeName(a.name) === normalizeName(w)));
    for (const m of missing) issues.push({ code: 'brand-not-found', values: { name: m } });
    return { method: 'option', authors: found, certainty: 1 };
  }
  const staff = [...new Set(members.filter((m) => STAFF_ROLES.has(m.role) && m.author !== undefined).map((m) => m.author!))].sort((a, b) => a - b);
  if (staff.length > 0) return { method: 'roles', authors: staff, certainty: 1 };
  if (msg.count === 0) return { method: 'none', authors: [], certainty: 0 };

  // chats and forums: the account that starts most threads with answers
  const startsByAuthor = new Map<number, number>();
  let rootsInData = 0;
  for (const t of threads) {
    if (t.root < 0) continue;
    rootsInData++;
    const a = msg.author[t.root]!;
    startsByAuthor.set(a, (startsByAuthor.get(a) ?? 0) + 1);
  }
  if (rootsInData >= Math.max(3, threads.length / 2)) {
    const ranked = [...startsByAuthor].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    const [top, second] = ranked;
    if (top) {
      const certainty = round2(Math.min(1, (top[1] - (second?.[1] ?? 0)) / Math.max(1, top[1])));
      if (certainty >= MIN_BRAND_CERTAINTY) return { method: 'detected-threads', authors: [top[0]], certainty };
    }
  }
  // comments under posts that are not exported: the account answering the most distinct people
  const answered = new Map<number, Set<number>>();
  for (let k = 0; k < msg.count; k++) {
    const p = msg.parent[k]!;
    if (p < 0) continue;
    const a = msg.author[k]!;
    const to = msg.author[p]!;
    if (a === to) continue;
    let set = answered.get(a);
    if (!set) answered.set(a, (set = new Set()));
    set.add(to);
  }
  const ranked = [...answered].map(([a, s]) => [a, s.size] as const).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
  const [top, second] = ranked;
  if (!top || top[1] < 2) return { method: 'none', authors: [], certainty: 0 };
  const certainty = round2(Math.min(1, (top[1] - (second?.[1] ?? 0)) / Math.max(1, top[1])));
  // a group of peers has no account that stands out: better no brand than a guessed one
  if (certainty < MIN_BRAND_CERTAINTY) return { method: 'none', authors: [], certainty: 0 };
  return { method: 'detected-answers', authors: [top[0]], certainty };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export { NO_TARGET, POST_AUTHOR };
