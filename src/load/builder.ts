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
import type { ByteRange } from './field-bytes.js';
import { chooseBrand } from './brand.js';
import { ByteKeys, IdIndex, SeenIds, StringColumn } from './strings.js';
import { orderByTime } from './time-order.js';
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
   * Gives back a message's full text from the `textHandle` the reader passed with it (a
   * byte offset in the file): excerpts are then made only for the few messages a report
   * shows, instead of being kept for every message.
   */
  reread?: (handle: number) => string;
  /**
   * Gives back a message's id (trimmed, as the reader gave it) from the same handle: the
   * dataset then keeps no id, only reads back those a report shows (about 20 bytes a message).
   */
  rereadId?: (handle: number) => string;
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
  /** with a source that can `reread`: where this message's text can be read back */
  textHandle?: number;
  /**
   * The lexicon flags and leading @mention, when the reader computed them itself (on a
   * worker thread, for large files); the text may then be left empty. Flags can also be
   * given later with `setLex`.
   */
  lex?: number;
  mention?: string | null;
  /** with an empty `text`: a hash of the text's bytes, to tell duplicated rows apart */
  textHash?: number;
}

/**
 * A message given as byte ranges of its UTF-8 record (the generic CSV reader's fast path):
 * the same message as a `MessageInput`, without a string for each field. Every range holds
 * the trimmed value's UTF-8 bytes (see field-bytes.ts); an empty range is an absent field.
 * The reader fills one such object and passes it for every row.
 */
export interface MessageBytes {
  /** the author's key (an id, else the name): never empty */
  key: ByteRange;
  /** the author's name (else the id) */
  name: ByteRange;
  id: ByteRange;
  parent: ByteRange;
  /** post id: the thread key */
  post: ByteRange;
  /** the leading @mention, normalized (normalizeName), or empty */
  mention: ByteRange;
  createdAt: number;
  /** the other reading of an ambiguous day/month date, NaN when none */
  createdAtAlt: number;
  /** NaN when the row has none */
  reactions: number;
  /** '' when none */
  channel: string;
  platform: string | undefined;
  line: number;
  /** the text, when the reader decoded it (to classify it here, or for an eager excerpt) */
  text: string;
  /** lexicon flags given by the reader (a worker computes them), or -1 to classify `text` here */
  lex: number;
  /**
   * a hash of the text's bytes, for duplicate rows; NaN when it is given later with
   * `setTextHash` (a worker computes it), and meanwhile `textHashOf` answers when asked
   */
  textHash: number;
  /**
   * With `textHash` NaN: the text hash of this message (`index` = `count()`) or of an earlier
   * one of the same source whose hash has not been given yet; -1 when it has been.
   */
  textHashOf: ((index: number) => number) | null;
  /** with a source that can `reread`: where the text can be read back; NaN when none */
  textHandle: number;
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

interface Columns {
  author: Int32Array;
  createdAt: Float64Array;
  reactions: Int32Array;
  channel: Int32Array;
  source: Uint16Array;
  lex: Uint32Array;
  line: Int32Array;
}

type Typed = Int32Array | Float64Array | Uint16Array | Uint32Array | Uint8Array;

function grow<T extends Typed>(a: T, size: number, fill?: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  if (fill !== undefined) b.fill(fill, a.length);
  return b;
}

export interface DatasetBuilder {
  addSource(options: SourceOptions): number;
  addMessage(source: number, input: MessageInput): void;
  /** the same as `addMessage`, from byte ranges (see MessageBytes) */
  addMessageBytes(source: number, input: MessageBytes): void;
  /** a row that could not be used: counted, and reported with its line */
  skip(source: number, code: string, line?: number, values?: Record<string, string | number>): void;
  /** the rows of a source skipped so far, by reason */
  skipsOf(source: number): Record<string, number>;
  /** a join, a bot or a deletion: counted, kept out of the signals */
  countSystem(source: number): void;
  issue(issue: LoadIssue): void;
  /** a member known from the messages' own export (a role column, a users list) */
  addMember(member: Member): void;
  /** the lexicon flags of message `index` (its rank in addMessage calls), computed elsewhere */
  setLex(index: number, flags: number): void;
  /** the text hash of message `index` added with a NaN `textHash` (computed elsewhere): once per message */
  setTextHash(index: number, hash: number): void;
  /** the normalized leading mention of message `index`, as UTF-8 bytes `b[start, end)` (computed elsewhere) */
  setMention(index: number, b: Uint8Array, start: number, end: number): void;
  /** the source's dates were month-first after all: switch to their other reading */
  useAltDates(source: number): void;
  /** room for about this many more messages (a hint from the file size: fewer copies while growing) */
  reserve(more: number): void;
  count(): number;
  finish(options?: FinishOptions): Dataset;
}

const MAX_LISTED_SKIPS = 50;
/** Dates outside this range are no message date: 1970-01-01 is an empty date, 2100 a typo or a placeholder. */
export const MIN_DATE = Date.UTC(1980, 0, 1);
export const MAX_DATE = Date.UTC(2100, 0, 1);
/** Reactions are stored in 32 bits: a count beyond is a broken cell, not a post. */
const MAX_REACTIONS = 2_000_000_000;

/**
 * Memory per message while loading is a few typed-array slots (author, time, reactions,
 * channel, source, lexicon flags, line, text handle), the id's bytes and, for replies, the
 * parent id's bytes: no object, no kept text. Thread keys, channels, mentions and authors
 * are interned.
 */
export function createDatasetBuilder(): DatasetBuilder {
  let n = 0;
  let cap = 1024;
  const alloc = (size: number): Columns => ({
    author: new Int32Array(size),
    createdAt: new Float64Array(size),
    reactions: new Int32Array(size),
    channel: new Int32Array(size),
    source: new Uint16Array(size),
    lex: new Uint32Array(size),
    line: new Int32Array(size),
  });
  let cols = alloc(cap);
  let alt: Float64Array | null = null;
  /**
   * text handles of messages from sources that can reread: Uint32 (NO_HANDLE: none) while
   * every handle fits, as a file under 4 GiB gives; Float64 (NaN: none) from the first that does not
   */
  let handles: Uint32Array | Float64Array | null = null;
  let threadKeyOf: Int32Array | null = null;
  let mentionOf: Int32Array | null = null;
  const extraMembers: Member[] = [];
  /** entry i = message i's id ('' when the export has none) */
  const ids = new StringColumn(cap);
  /** entry i = message i's parent id (''), created with the first parent */
  let parents: StringColumn | null = null;
  const eagerExcerpts = new Map<number, string>();
  /** thread keys and leading mentions, interned by their bytes (their strings are made by finish) */
  const threadKeys = new ByteKeys();
  let lastThreadKey = '';
  let lastThreadKeyId = -1;
  /** the thread key of the last message given as bytes (-1: none, or one cut to MAX_ID) */
  let lastPostKey = -1;
  const mentionKeys = new ByteKeys();
  const replyKindOverride = new Map<number, ReplyKind>();
  /** source + id → hash of the first row with that id (author, time, text), to drop identical copies; freed by finish */
  let seenIds: SeenIds | null = new SeenIds(ids, () => cols.source);
  /** row hash of the first message with each id (load order) */
  let rowHashes: Uint32Array | null = new Uint32Array(cap);
  /** kept messages whose id an earlier message of their source has: pairs (message, that first message) */
  const sameIds: number[] = [];

  /**
   * Whether message `i` (being added, row hash begun as `start`) is a copy of `first`, the
   * earlier message with its id. With the text hashes coming later (`later`), the two are
   * asked for: this row's is computed now, and the first's too unless already given.
   */
  function sameRow(first: number, start: number, m: MessageBytes, i: number, later: boolean): boolean {
    if (!later) return rowHashes![first] === rowHashEnd(start, m.textHash);
    const own = m.textHashOf!(i);
    const firstHash = m.textHashOf!(first);
    const firstRow = firstHash >= 0 ? rowHashEnd(rowHashes![first]!, firstHash) : rowHashes![first];
    return firstRow === rowHashEnd(start, own);
  }

  const sources: (SourceInfo & { options: SourceOptions })[] = [];
  const issues: LoadIssue[] = [];
  const skipsListed = new Map<string, number>();
  const skipsBySource: Record<string, number>[] = [];

  /**
   * Authors while loading: keys interned by their bytes, one group per platform; no object
   * per author until finish. A name is kept only when it is not the key's own display form.
   */
  const authorKeys = new ByteKeys();
  const platformNames: string[] = [];
  const platformIds = new Map<string, number>();
  let lastPlatform: string | null = null;
  let lastPlatformId = -1;
  /** display names of the authors whose name is not their key */
  const authorNames = new Map<number, string>();
  const authorBots = new Set<number>();
  const channels: string[] = [];
  const channelIndex = new Map<string, number>();
  let lastChannel = '';
  let lastChannelId = -1;

  function platformId(platform: string): number {
    if (platform === lastPlatform) return lastPlatformId;
    let id = platformIds.get(platform);
    if (id === undefined) {
      id = platformNames.length;
      platformNames.push(platform);
      platformIds.set(platform, id);
    }
    lastPlatform = platform;
    lastPlatformId = id;
    return id;
  }

  /**
   * Author `a` is called `name` (not its key): kept when its display form differs from the
   * key's. An author whose name is its key's display form takes the first other name given.
   */
  function nameAuthor(a: number, name: string, key: string): void {
    const shown = displayName(name);
    if (shown !== displayName(key)) authorNames.set(a, shown);
  }

  function internAuthor(platform: string, key: string, name: string | undefined, bot: boolean): number {
    const i = authorKeys.internString(platformId(platform), key);
    if (authorKeys.added) {
      const nm = name || key;
      if (nm !== key) nameAuthor(i, nm, key);
      if (bot) authorBots.add(i);
    } else if (name && name !== key && !authorNames.has(i)) nameAuthor(i, name, key);
    return i;
  }

  /** internAuthor from bytes: `name` may be empty (then the key is the name) */
  function internAuthorBytes(platform: number, key: ByteRange, name: ByteRange): number {
    const i = authorKeys.intern(platform, key.buf, key.start, key.end);
    if (name.size > 0 && !name.equals(key) && (authorKeys.added || !authorNames.has(i))) nameAuthor(i, name.toString(), authorKeys.get(i));
    return i;
  }

  function internChannel(name: string): number {
    if (name === lastChannel && lastChannelId >= 0) return lastChannelId;
    let i = channelIndex.get(name);
    if (i === undefined) {
      i = channels.length;
      channels.push(copyString(name));
      channelIndex.set(channels[i]!, i);
    }
    lastChannel = name;
    lastChannelId = i;
    return i;
  }

  function internThreadKey(key: string): number {
    if (key === lastThreadKey && lastThreadKeyId >= 0) return lastThreadKeyId;
    const i = threadKeys.internString(0, key);
    lastThreadKey = key;
    lastThreadKeyId = i;
    return i;
  }

  function resize(size: number): void {
    cap = size;
    cols = {
      author: grow(cols.author, cap),
      createdAt: grow(cols.createdAt, cap),
      reactions: grow(cols.reactions, cap),
      channel: grow(cols.channel, cap),
      source: grow(cols.source, cap),
      lex: grow(cols.lex, cap),
      line: grow(cols.line, cap),
    };
    if (alt) alt = grow(alt, cap, NaN);
    if (handles) handles = handles instanceof Uint32Array ? grow(handles, cap, NO_HANDLE) : grow(handles, cap, NaN);
    if (threadKeyOf) threadKeyOf = grow(threadKeyOf, cap, -1);
    if (mentionOf) mentionOf = grow(mentionOf, cap, -1);
    if (rowHashes) rowHashes = grow(rowHashes, cap);
    ids.reserve(cap);
    parents?.reserve(cap);
  }

  /** message i's text can be read back from handle `h` */
  function setHandle(i: number, h: number): void {
    if (!handles) handles = new Uint32Array(cap).fill(NO_HANDLE);
    if (handles instanceof Uint32Array && !fitsHandle(h)) handles = Float64Array.from(handles, (x) => (x === NO_HANDLE ? NaN : x));
    handles[i] = h;
  }

  const excerptCache = new Map<number, string>();
  /** the excerpt of message `o` (an index in load order) */
  function excerptOf(o: number): string {
    const eager = eagerExcerpts.get(o);
    if (eager !== undefined) return eager;
    let e = excerptCache.get(o);
    if (e === undefined) {
      const reread = sources[cols.source[o]!]!.options.reread;
      const h = handleAt(handles, o);
      e = reread && !Number.isNaN(h) ? makeExcerpt(reread(h)) : '';
      excerptCache.set(o, e);
    }
    return e;
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
      let firstWithId = -2; // -2: no id to check; -1: the first message with this id
      let row = 0;
      const id = m.id ? m.id.slice(0, MAX_ID) : '';
      if (id && seenIds) {
        row = rowHash(m);
        firstWithId = seenIds.find(source, id);
        if (firstWithId >= 0 && rowHashes![firstWithId] === row) return builder.skip(source, 'row-duplicate', m.line, { id: m.id!.slice(0, 40) });
      }
      src.rowsRead++;
      if (n >= cap) resize(Math.ceil(cap * 1.5));
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
      cols.lex[i] = m.lex ?? classifyText(m.text);
      cols.line[i] = m.line ?? 0;
      ids.add(id);
      if (firstWithId === -1) {
        // the first message with this id: later rows are compared with it
        rowHashes![i] = row;
        seenIds!.insert(i, source);
      } else if (firstWithId >= 0) sameIds.push(i, firstWithId);
      if (m.parentId) {
        if (!parents) {
          parents = new StringColumn(cap);
          parents.reserve(cap);
          parents.addEmpty(i);
        }
        parents.add(m.parentId.slice(0, MAX_ID));
      } else if (parents) parents.add('');
      if (m.threadKey) {
        if (!threadKeyOf) threadKeyOf = new Int32Array(cap).fill(-1);
        threadKeyOf[i] = internThreadKey(m.threadKey.slice(0, MAX_ID));
      }
      if (m.replyKind) replyKindOverride.set(i, m.replyKind);
      const mention = m.mention !== undefined ? m.mention : leadingMention(m.text);
      if (mention) {
        if (!mentionOf) mentionOf = new Int32Array(cap).fill(-1);
        mentionOf[i] = mentionKeys.internString(0, mention);
      }
      if (src.options.reread && m.textHandle !== undefined) {
        setHandle(i, m.textHandle);
      } else {
        eagerExcerpts.set(i, makeExcerpt(m.text));
      }
    },

    addMessageBytes(source, m) {
      const src = sources[source]!;
      if (!(m.createdAt >= MIN_DATE && m.createdAt < MAX_DATE)) {
        const value = Number.isFinite(m.createdAt) && Math.abs(m.createdAt) < 8.64e15 ? new Date(m.createdAt).toISOString().slice(0, 10) : String(m.createdAt);
        return builder.skip(source, 'row-date-out-of-range', m.line, { value });
      }
      const platform = platformId(m.platform || src.platform);
      // the id goes into the column first: the duplicate check compares with it there
      const i = n;
      let firstWithId = -2;
      let row = 0;
      const later = Number.isNaN(m.textHash);
      if (m.id.size > 0) {
        addCapped(ids, m.id);
        if (seenIds) {
          // without the text's hash when it comes later: setTextHash completes the first row's
          row = rowHashStart(m.key, platform, m.createdAt);
          firstWithId = seenIds.findEntry(source, i);
          if (firstWithId >= 0 && sameRow(firstWithId, row, m, i, later)) {
            ids.removeLast();
            return builder.skip(source, 'row-duplicate', m.line, { id: m.id.toString().slice(0, 40) });
          }
        }
      } else ids.add('');
      src.rowsRead++;
      if (n >= cap) resize(Math.ceil(cap * 1.5));
      n++;
      cols.author[i] = internAuthorBytes(platform, m.key, m.name);
      cols.createdAt[i] = m.createdAt;
      if (!Number.isNaN(m.createdAtAlt) && m.createdAtAlt !== m.createdAt) {
        if (!alt) alt = new Float64Array(cap).fill(NaN);
        alt[i] = m.createdAtAlt;
      } else if (alt) alt[i] = NaN;
      cols.reactions[i] = Number.isFinite(m.reactions) ? Math.min(MAX_REACTIONS, Math.max(0, Math.round(m.reactions))) : -1;
      cols.channel[i] = internChannel(m.channel);
      cols.source[i] = source;
      cols.lex[i] = m.lex >= 0 ? m.lex : classifyText(m.text);
      cols.line[i] = m.line;
      if (firstWithId === -1) {
        rowHashes![i] = later ? row : rowHashEnd(row, m.textHash);
        seenIds!.insert(i, source);
      } else if (firstWithId >= 0) sameIds.push(i, firstWithId);
      if (m.parent.size > 0) {
        if (!parents) {
          parents = new StringColumn(cap);
          parents.reserve(cap);
          parents.addEmpty(i);
        }
        addCapped(parents, m.parent);
      } else if (parents) parents.add('');
      if (m.post.size > 0) {
        if (!threadKeyOf) threadKeyOf = new Int32Array(cap).fill(-1);
        const p = m.post;
        // a key longer than MAX_ID code units is cut as a string (ASCII: as bytes)
        // rows of one post often follow each other: the previous key is compared first
        if (lastPostKey >= 0 && threadKeys.equalsBytes(lastPostKey, p.buf, p.start, p.end)) threadKeyOf[i] = lastPostKey;
        else {
          threadKeyOf[i] = p.size <= MAX_ID ? threadKeys.intern(0, p.buf, p.start, p.end) : p.isAscii() ? threadKeys.intern(0, p.buf, p.start, p.start + MAX_ID) : threadKeys.internString(0, p.toString().slice(0, MAX_ID));
          lastPostKey = p.size <= MAX_ID ? threadKeyOf[i]! : -1;
        }
      }
      if (m.mention.size > 0) {
        if (!mentionOf) mentionOf = new Int32Array(cap).fill(-1);
        mentionOf[i] = mentionKeys.intern(0, m.mention.buf, m.mention.start, m.mention.end);
      }
      if (src.options.reread && !Number.isNaN(m.textHandle)) {
        setHandle(i, m.textHandle);
      } else {
        eagerExcerpts.set(i, makeExcerpt(m.text));
      }
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

    setLex(index, flags) {
      if (index >= 0 && index < n) cols.lex[index] = flags;
    },

    setTextHash(index, hash) {
      // only the first message with an id is compared with later ones; completing every row's is cheaper than asking
      if (rowHashes && index >= 0 && index < n) rowHashes[index] = rowHashEnd(rowHashes[index]!, hash);
    },

    setMention(index, b, start, end) {
      if (index < 0 || index >= n || end <= start) return;
      if (!mentionOf) mentionOf = new Int32Array(cap).fill(-1);
      mentionOf[index] = mentionKeys.intern(0, b, start, end);
    },

    useAltDates(source) {
      if (!alt) return;
      for (let i = 0; i < n; i++) {
        if (cols.source[i] === source && !Number.isNaN(alt[i]!)) cols.createdAt[i] = alt[i]!;
      }
    },

    reserve(more) {
      const want = n + Math.max(0, Math.floor(more));
      if (want > cap) resize(want);
      seenIds?.reserve(want);
    },

    count() {
      return n;
    },

    finish(options = {}) {
      rowHashes = null;
      for (const [code, total] of skipsListed) {
        if (total > MAX_LISTED_SKIPS) issues.push({ code: 'more-skipped', values: { code, more: total - MAX_LISTED_SKIPS } });
      }
      const seen = seenIds;
      seenIds = null;
      return assemble(options, seen);
    },
  };

  function assemble(options: FinishOptions, seen: SeenIds | null): Dataset {
    // --since / --until: drop messages out of range before anything else
    let keep: Int32Array | null = null;
    if (options.since !== undefined || options.until !== undefined) {
      const kept: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = cols.createdAt[i]!;
        if (options.since !== undefined && t < options.since) continue;
        if (options.until !== undefined && t > options.until) continue;
        kept.push(i);
      }
      keep = Int32Array.from(kept);
    }
    const nAuthors = authorKeys.length;
    const authorKey: string[] = new Array<string>(nAuthors);
    for (let a = 0; a < nAuthors; a++) authorKey[a] = authorKeys.get(a);
    const order = canonicalOrder(keep, authorKey);
    const count = order.length;

    // authors in a canonical order too (platform, then key), so ties break the same way whatever the row order
    const byPlatform = platformNames.map(() => [] as number[]);
    for (let a = 0; a < nAuthors; a++) byPlatform[authorKeys.group(a)]!.push(a);
    const authorOrder = new Int32Array(nAuthors);
    let ranked = 0;
    for (const p of platformNames.map((_, p) => p).sort((x, y) => cmp(platformNames[x]!, platformNames[y]!))) {
      // keys are unique within a platform: sorted by UTF-16 code units (as a native sort of the
      // keys would, as fast, without a Map from key to author: tens of MB at a million authors)
      const members = byPlatform[p]!;
      members.sort((x, y) => cmp(authorKey[x]!, authorKey[y]!));
      for (const a of members) authorOrder[ranked++] = a;
    }
    const authorOldToNew = new Int32Array(nAuthors);
    for (let k = 0; k < nAuthors; k++) authorOldToNew[authorOrder[k]!] = k;
    const sortedAuthors: Author[] = new Array<Author>(nAuthors);
    const authorPlatform = new Uint16Array(nAuthors);
    for (let k = 0; k < nAuthors; k++) {
      const a = authorOrder[k]!;
      authorPlatform[k] = authorKeys.group(a);
      const key = authorKey[a]!;
      const name = authorNames.get(a) ?? (key.length <= MAX_NAME ? key : displayName(key));
      const author: Author = { key, name, platform: platformNames[authorKeys.group(a)]!, isBrand: false };
      if (authorBots.size > 0 && authorBots.has(a)) author.role = 'bot';
      sortedAuthors[k] = author;
    }
    authorKeys.clear();
    authorNames.clear();

    // the source column is copied (the id table reads the load-order one until the threads are found)
    const source = new Uint16Array(count);
    for (let k = 0; k < count; k++) source[k] = cols.source[order[k]!]!;
    const scopeNames = new Map<string, number>();
    const scopeOfSource = Int32Array.from(sources, (src, i) => {
      const name = src.options.idScope !== undefined ? 's' + src.options.idScope : 'i' + i;
      let id = scopeNames.get(name);
      if (id === undefined) scopeNames.set(name, (id = scopeNames.size));
      return id;
    });
    // the handles first: the load-order ones (8 bytes a message) are gone before the ids are copied
    const texts = canonicalTexts(order, source, sources, handles, eagerExcerpts);
    handles = null;
    eagerExcerpts.clear();
    excerptCache.clear();
    // id → index, per source or per shared scope (ids are only unique within one export)
    const index = seen && scopeNames.size === sources.length ? idsFromLoad(seen, order) : indexIds(order, source, scopeOfSource);
    seen = null;
    const { duplicates, idOf } = index;
    let byId = index.byId;
    // the other columns are put in canonical order in their own buffers, through one scratch
    // buffer: no second set of columns (nor its garbage, 30 bytes a message) while finishing
    const scratch = new ArrayBuffer(8 * count);
    const author = canonicalColumn(cols.author, order, scratch);
    for (let k = 0; k < count; k++) author[k] = authorOldToNew[author[k]!]!;
    const createdAt = canonicalColumn(cols.createdAt, order, scratch);
    const reactions = canonicalColumn(cols.reactions, order, scratch);
    const channel = canonicalColumn(cols.channel, order, scratch);
    const lex = canonicalColumn(cols.lex, order, scratch);
    const line = canonicalColumn(cols.line, order, scratch);
    cols = { author: new Int32Array(0), createdAt: new Float64Array(0), reactions: new Int32Array(0), channel: new Int32Array(0), source: cols.source, lex: new Uint32Array(0), line: new Int32Array(0) };
    const msg: MessageColumns = {
      count,
      author,
      createdAt,
      parent: new Int32Array(count).fill(-1),
      thread: new Int32Array(count),
      replyKind: new Uint8Array(count).fill(ReplyKindCode.none),
      reactions,
      channel,
      source,
      lex,
      line,
    };
    alt = null;

    const messageId = (k: number): string => idOf(k) || `${sources[msg.source[k]!]!.file}:${msg.line[k]}`;

    const at = (code: string, k: number, values: Record<string, string | number>) => lineOrId(code, sources[msg.source[k]!]!.file, msg.line[k]!, messageId(k), values);

    for (const k of duplicates) {
      issues.push(at('duplicate-id', k, { id: messageId(k) }));
    }

    // explicit parents, in canonical order so that warnings do not depend on row order
    let unknownParents = 0;
    if (parents) {
      const pc: StringColumn = parents;
      for (let k = 0; k < count; k++) {
        const old = order[k]!;
        if (pc.isEmpty(old)) continue;
        const p = byId.findEntry(scopeOfSource[msg.source[k]!]!, pc, old);
        if (p < 0) {
          unknownParents++;
          if (unknownParents <= 5) issues.push(at('unknown-parent', k, { id: pc.get(old) }));
          continue;
        }
        if (p === k) continue; // a message answering itself is no reply
        msg.parent[k] = p;
        const src = sources[msg.source[k]!]!.options;
        msg.replyKind[k] = ReplyKindCode[replyKindOverride.get(old) ?? (src.links === 'thread' ? 'thread' : 'explicit')];
      }
      parents = null;
    }
    if (unknownParents > 5) issues.push({ code: 'unknown-parents', values: { count: unknownParents } });
    breakCycles(msg, issues, sources, messageId);

    // threads: explicit keys first, then parent chains, then conversations in time
    const threads: Thread[] = [];
    const threadOf = new Int32Array(count).fill(-1);
    if (threadKeyOf) {
      const tko: Int32Array = threadKeyOf;
      const nKeys = threadKeys.length;
      // id scope × key id → thread: an array when there is one scope (one file), else a map
      const threadByKey = scopeNames.size === 1 ? null : new Map<number, number>();
      const threadOfKey = scopeNames.size === 1 ? new Int32Array(nKeys).fill(-1) : null;
      for (let k = 0; k < count; k++) {
        const key = tko[order[k]!]!;
        if (key < 0) continue;
        const scope = scopeOfSource[msg.source[k]!]!;
        const tk = scope * nKeys + key;
        let t = threadOfKey ? threadOfKey[key]! : (threadByKey!.get(tk) ?? -1);
        if (t < 0) {
          t = threads.length;
          const keyString = threadKeys.get(key);
          const rootIdx = byId.find(scope, keyString);
          const kind = sources[msg.source[k]!]!.kind;
          // the root's author when the root is exported; else the post's (the brand) for comments,
          // or the earliest writer of the thread for chats
          threads.push({ key: keyString, root: rootIdx, rootAuthor: rootIdx >= 0 ? msg.author[rootIdx]! : kind === 'comments' ? POST_AUTHOR : msg.author[k]!, channel: msg.channel[k]!, kind });
          if (threadOfKey) threadOfKey[key] = t;
          else threadByKey!.set(tk, t);
        }
        threadOf[k] = t;
      }
      threadKeyOf = null;
    }
    // the id index is not asked any more (8 bytes a slot, half full: freed before the threads are built)
    byId = NO_IDS;
    // (the load-order source column was read by the id table until now)
    cols.source = new Uint16Array(0);
    // a thread keyed on a message id: that message is its root
    threads.forEach((t, i) => {
      if (t.root >= 0) threadOf[t.root] = i;
    });

    // thread replies (Slack, YouTube): a message in a keyed thread without a parent answers the root
    const rootOf = Int32Array.from(threads, (t) => t.root);
    for (let k = 0; k < count; k++) {
      const t = threadOf[k]!;
      if (t < 0 || msg.parent[k]! >= 0) continue;
      const root = rootOf[t]!;
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

    // @name fallback: a leading mention of an earlier author of the same thread or channel.
    // a thread link only says "in the thread of X": inside it, "@Bob …" is more precise (Slack, YouTube).
    // Only such mentions can change anything: when there is none, the scan is skipped.
    const mentionMayLink = (k: number) => msg.parent[k]! < 0 || msg.replyKind[k] === ReplyKindCode.thread;
    let mentionsToResolve = false;
    if (mentionOf) {
      for (let k = 0; k < count && !mentionsToResolve; k++) if (mentionOf[order[k]!]! >= 0 && mentionMayLink(k)) mentionsToResolve = true;
    }
    if (mentionsToResolve && mentionOf) {
      const mo: Int32Array = mentionOf;
      const lastByName = new Map<string, number>(); // scope + name → latest message index
      // (a copy of the reference: a closure on threadOf itself would keep it alive as long as the dataset)
      const threadOfK = threadOf;
      const scopeOf = (k: number) => (threadOfK[k]! >= 0 ? 't' + threadOfK[k] : 'c' + msg.source[k] + ':' + msg.channel[k]);
      const nameKeys = sortedAuthors.map((a) => [normalizeName(a.name), normalizeName(a.key)]);
      for (let k = 0; k < count; k++) {
        const mid = mo[order[k]!]!;
        if (mid >= 0 && mentionMayLink(k)) {
          const words = mentionKeys.get(mid).split(' ');
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
    }
    mentionOf = null;

    // chats with no reply data: the previous speaker within a short gap (inferred)
    const nChannels = Math.max(1, channels.length);
    if (sources.some((s) => s.kind === 'chat' && s.options.links === 'none')) {
      const lastInChannel = new Map<number, number>();
      for (let k = 0; k < count; k++) {
        const src = sources[msg.source[k]!]!.options;
        if (src.kind !== 'chat' || src.links !== 'none') continue;
        const ch = msg.source[k]! * nChannels + msg.channel[k]!;
        const prev = lastInChannel.get(ch);
        lastInChannel.set(ch, k);
        if (msg.parent[k]! >= 0 || prev === undefined) continue;
        if (msg.author[prev] === msg.author[k]) continue;
        if (msg.createdAt[k]! - msg.createdAt[prev]! > INFERRED_REPLY_GAP_MS) continue;
        msg.parent[k] = prev;
        msg.replyKind[k] = ReplyKindCode.inferred;
      }
    }

    // every message without a thread: its parent's thread, or a new one
    const lastTimeInChannel = new Map<number, { t: number; thread: number }>();
    for (let k = 0; k < count; k++) {
      if (threadOf[k]! >= 0) continue;
      const p = msg.parent[k]!;
      if (p >= 0 && threadOf[p]! >= 0) {
        threadOf[k] = threadOf[p]!;
        continue;
      }
      const src = sources[msg.source[k]!]!;
      const ch = msg.source[k]! * nChannels + msg.channel[k]!;
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
        key: messageId(k),
        keyMessage: k,
        root: kind === 'comments' ? -1 : k,
        rootAuthor: kind === 'comments' ? POST_AUTHOR : msg.author[k]!,
        channel: msg.channel[k]!,
        kind,
      });
      threadOf[k] = t;
      const entry = lastTimeInChannel.get(ch);
      if (entry) {
        entry.t = msg.createdAt[k]!;
        entry.thread = t;
      } else lastTimeInChannel.set(ch, { t: msg.createdAt[k]!, thread: t });
    }
    msg.thread.set(threadOf);

    // which reply kinds each source ended up with
    // a source read with no platform of its own takes its rows' platform when they all agree
    // (source × platform id: seen)
    const nPlatforms = platformNames.length;
    const platformsSeen = new Uint8Array(sources.length * nPlatforms);
    for (let k = 0; k < count; k++) platformsSeen[msg.source[k]! * nPlatforms + authorPlatform[msg.author[k]!]!] = 1;
    sources.forEach((s, i) => {
      const seen = platformNames.filter((_, p) => platformsSeen[i * nPlatforms + p] === 1);
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

    // the interning maps are not needed any more, and the dataset's closures would keep them
    threadKeys.clear();
    mentionKeys.clear();
    replyKindOverride.clear();

    // ids read back from the file when every message's can be: then the dataset keeps none
    const keptIds = texts.idsReread ? null : index.canonical();
    ids.clear();

    // nothing in load order outlives finish: the dataset's closures are made outside this scope
    const { messageId: datasetId, excerpt } = messageTexts(msg, sources, keptIds, texts);

    return {
      messages: msg,
      messageId: datasetId,
      excerpt,
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

  /**
   * The id index of finish, built in canonical order over the ids put in canonical order
   * (the load-order column is freed): (scope, id) → the first message with that id; later
   * messages with the same id are `duplicates` (canonical indices, ascending).
   */
  function indexIds(order: Int32Array, source: Uint16Array, scopeOfSource: Int32Array): CanonicalIds {
    const count = order.length;
    const canonIds = ids.permuted(order);
    ids.clear();
    const index = new IdIndex(canonIds, (k) => scopeOfSource[source[k]!]!, count);
    const same = (k: number) => k;
    const duplicates: number[] = [];
    for (let k = 0; k < count; k++) {
      if (canonIds.isEmpty(k)) continue;
      if (index.insert(k, k, same) >= 0) duplicates.push(k);
    }
    return {
      idOf: (k) => canonIds.get(k),
      canonical: () => canonIds,
      byId: { find: (scope, id) => index.find(scope, id, same), findEntry: (scope, col, j) => index.findEntry(scope, col, j, same) },
      duplicates,
    };
  }

  /**
   * The same index from the one loading built to tell duplicate rows (when every source is
   * its own id scope, as it then is keyed the same way): no second table over a million ids.
   * It holds the first message of each id in load order; where messages share an id, the
   * first in canonical order takes its place, and the others are the duplicates. The table
   * and the ids stay in load order (a found message is turned into its canonical index): no
   * copy of a million ids while the columns are put in order, and none at all when the
   * dataset reads its ids back from the file.
   */
  function idsFromLoad(seen: SeenIds, order: Int32Array): CanonicalIds {
    const canon = new Int32Array(n).fill(-1);
    for (let k = 0; k < order.length; k++) canon[order[k]!] = k;
    const groups = new Map<number, number[]>();
    for (let j = 0; j < sameIds.length; j += 2) {
      const first = sameIds[j + 1]!;
      let g = groups.get(first);
      if (!g) groups.set(first, (g = [first]));
      g.push(sameIds[j]!);
    }
    const duplicates: number[] = [];
    for (const [first, members] of groups) {
      let best = -1;
      for (const o of members) if (canon[o]! >= 0 && (best < 0 || canon[o]! < canon[best]!)) best = o;
      for (const o of members) if (o !== best && canon[o]! >= 0) duplicates.push(canon[o]!);
      if (best >= 0 && best !== first) seen.replace(first, best);
    }
    duplicates.sort((a, b) => a - b);
    // a message --since/--until dropped is not found (-1)
    const canonical = (o: number) => (o < 0 ? -1 : canon[o]!);
    return {
      idOf: (k) => ids.get(order[k]!),
      canonical: () => {
        const c = ids.permuted(order);
        ids.clear();
        return c;
      },
      byId: { find: (scope, id) => canonical(seen.find(scope, id)), findEntry: (scope, col, j) => canonical(seen.findColumnEntry(scope, col, j)) },
      duplicates,
    };
  }

  /**
   * Time order, ties broken by source file, id, author key, excerpt, load order. Sorting
   * a million indices with a comparator costs seconds; here the times are sorted natively
   * (time-order.ts) and only runs of equal times go through the comparator.
   */
  function canonicalOrder(keep: Int32Array | null, authorKey: string[]): Int32Array {
    let idx = keep;
    if (!idx) {
      idx = new Int32Array(n);
      for (let i = 0; i < n; i++) idx[i] = i;
    }
    const m = idx.length;
    const order = orderByTime(idx, cols.createdAt);
    const srcKey = sources.map((s) => s.file);
    const tie = (a: number, b: number): number => {
      const s = cmp(srcKey[cols.source[a]!]!, srcKey[cols.source[b]!]!);
      if (s !== 0) return s;
      return cmp(ids.get(a), ids.get(b)) || cmp(authorKey[cols.author[a]!]!, authorKey[cols.author[b]!]!) || cmp(excerptOf(a), excerptOf(b)) || a - b;
    };
    let s = 0;
    for (let e = 1; e <= m; e++) {
      if (e < m && cols.createdAt[order[e]!] === cols.createdAt[order[s]!]) continue;
      if (e - s > 1) order.subarray(s, e).sort(tie);
      s = e;
    }
    return order;
  }

  return builder;
}

/**
 * Column `a` put in the order `order` (entry k = entry order[k]) in its own buffer: gathered
 * into `scratch` (at least 8 bytes an entry), then copied back. Cut to `order.length`
 * entries: a view of the same buffer, or a copy when the buffer (sized from a guess at the
 * row count, or holding messages --since/--until dropped) is much longer.
 */
export function canonicalColumn<T extends Typed>(a: T, order: Int32Array, scratch: ArrayBuffer): T {
  const count = order.length;
  const tmp = new (a.constructor as new (b: ArrayBuffer, offset: number, length: number) => T)(scratch, 0, count);
  for (let k = 0; k < count; k++) tmp[k] = a[order[k]!]!;
  a.set(tmp);
  return (a.length - count > count >> 4 ? a.slice(0, count) : a.subarray(0, count)) as T;
}

/** "none" in a Uint32 column of text handles */
const NO_HANDLE = 0xffffffff;

/** a handle a Uint32 column can hold */
function fitsHandle(h: number): boolean {
  return Number.isInteger(h) && h >= 0 && h < NO_HANDLE;
}

/** handle `i` of a column (NaN: none) */
function handleAt(handles: Uint32Array | Float64Array | null, i: number): number {
  if (!handles) return NaN;
  const h = handles[i]!;
  return handles instanceof Uint32Array && h === NO_HANDLE ? NaN : h;
}

/** Where each message's text is, in canonical order: a handle to read it back, or its excerpt made while loading. */
interface CanonicalTexts {
  /** byte offsets (NO_HANDLE / NaN: none); 4 bytes a message when every handle fits in 32 bits */
  handles: Uint32Array | Float64Array | null;
  small: boolean;
  eager: Map<number, string>;
  /** every message's id can be read back (its source can, and it has a handle) */
  idsReread: boolean;
}

/**
 * The text handles and eager excerpts of loading, put in canonical order (the handles as
 * Uint32 when the file is under 4 GiB), so that the load-order ones can be freed early.
 */
function canonicalTexts(
  order: Int32Array,
  source: Uint16Array,
  sources: readonly (SourceInfo & { options: SourceOptions })[],
  loadHandles: Uint32Array | Float64Array | null,
  loadEager: Map<number, string>,
): CanonicalTexts {
  const count = order.length;
  const rereads = sources.map((s) => s.options.reread);
  const rereadIds = sources.map((s) => s.options.rereadId);
  let small = true;
  if (loadHandles && !(loadHandles instanceof Uint32Array)) {
    for (let k = 0; k < count; k++) {
      const h = loadHandles[order[k]!]!;
      if (!Number.isNaN(h) && !fitsHandle(h)) small = false;
    }
  }
  let handles: Uint32Array | Float64Array | null = null;
  let idsReread = count === 0;
  if (loadHandles) {
    const hs = small ? new Uint32Array(count) : new Float64Array(count);
    idsReread = true;
    for (let k = 0; k < count; k++) {
      const h = handleAt(loadHandles, order[k]!);
      const none = Number.isNaN(h) || !rereads[source[k]!];
      hs[k] = none ? (small ? NO_HANDLE : NaN) : h;
      if (none || !rereadIds[source[k]!]) idsReread = false;
    }
    handles = hs;
  }
  const eager = new Map<number, string>();
  if (loadEager.size > 0) {
    for (let k = 0; k < count; k++) {
      const e = loadEager.get(order[k]!);
      if (e !== undefined) eager.set(k, e);
    }
  }
  return { handles, small, eager, idsReread };
}

/**
 * The dataset's `messageId` and `excerpt`, from columns in canonical order: the ids (null:
 * each is read back from the file, at its text's handle), and where each text can be read
 * back or its excerpt made while loading. Made outside the builder so that the closures
 * keep nothing of the load order (`order`, the load-order columns, the tables).
 */
function messageTexts(
  msg: MessageColumns,
  sources: readonly (SourceInfo & { options: SourceOptions })[],
  ids: StringColumn | null,
  texts: CanonicalTexts,
): Pick<Dataset, 'messageId' | 'excerpt'> {
  const files = sources.map((s) => s.file);
  const rereads = sources.map((s) => s.options.reread);
  const rereadIds = sources.map((s) => s.options.rereadId);
  const { handles, small, eager } = texts;
  const cache = new Map<number, string>();
  // (with ids null, every message has a handle and its source a rereadId: see idsReread)
  const reread = (k: number): string => rereadIds[msg.source[k]!]!(handles![k]!).slice(0, MAX_ID);
  return {
    messageId: (k) => (ids ? ids.get(k) : reread(k)) || `${files[msg.source[k]!]!}:${msg.line[k]}`,
    excerpt: (k) => {
      const e = eager.get(k);
      if (e !== undefined) return e;
      let c = cache.get(k);
      if (c === undefined) {
        const reread = rereads[msg.source[k]!];
        const h = handles ? handles[k]! : NaN;
        c = reread && !Number.isNaN(h) && !(small && h === NO_HANDLE) ? makeExcerpt(reread(h)) : '';
        cache.set(k, c);
      }
      return c;
    },
  };
}

/** The ids by canonical index, their index, and the messages whose id an earlier one has. */
interface CanonicalIds {
  /** the id of message k ('' when it has none) */
  idOf(k: number): string;
  /** the ids as a column in canonical order (put in that order now if they are not); the load-order column is then freed */
  canonical(): StringColumn;
  byId: IdLookup;
  duplicates: number[];
}

/** The id index once finish needs it no more. */
const NO_IDS: IdLookup = {
  find: () => -1,
  findEntry: () => -1,
};

/** (id scope, id) → canonical index of the first message with that id, or -1. */
interface IdLookup {
  find(scope: number, id: string): number;
  /** the id of entry `j` of `col` */
  findEntry(scope: number, col: StringColumn, j: number): number;
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
  // a reader that never decoded the text gives its hash (of its bytes): comparisons stay within one source
  const s = m.authorKey + '\u0000' + (m.platform ?? '') + '\u0000' + m.createdAt + '\u0000' + (m.textHash === undefined ? m.text : '');
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  if (m.textHash !== undefined) h = Math.imul(h ^ m.textHash, 0x01000193);
  return h >>> 0;
}

/** Ids and keys longer than MAX_ID are cut (as strings: a cut inside a non-ASCII value goes the string way). */
function addCapped(col: StringColumn, r: ByteRange): void {
  if (r.size <= MAX_ID) col.addBytes(r.buf, r.start, r.end);
  else if (r.isAscii()) col.addBytes(r.buf, r.start, r.start + MAX_ID);
  else col.add(r.toString().slice(0, MAX_ID));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/**
 * The row hash of the byte path: author key bytes, platform, time (`rowHashStart`), then the
 * text hash (`rowHashEnd`: the text's hash may come later, from the worker). It differs from
 * `rowHash`, but rows are only compared within one source, which one reader fills.
 */
export function rowHashStart(key: ByteRange, platform: number, createdAt: number): number {
  let h = 0x811c9dc5;
  for (let k = key.start; k < key.end; k++) h = Math.imul(h ^ key.buf[k]!, 0x01000193);
  h = Math.imul(h ^ platform, 0x01000193);
  f64[0] = createdAt;
  h = Math.imul(h ^ u32[0]!, 0x01000193);
  h = Math.imul(h ^ u32[1]!, 0x01000193);
  return h >>> 0;
}

export function rowHashEnd(start: number, textHash: number): number {
  return Math.imul(start ^ textHash, 0x01000193) >>> 0;
}

function displayName(name: string): string {
  return copyString(name.length > MAX_NAME ? name.slice(0, MAX_NAME - 1) + '…' : name);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reply cycles (A answers B answers A) cannot happen in time, but exports can hold them: cut each at its latest link. */
function breakCycles(msg: MessageColumns, issues: LoadIssue[], sources: SourceInfo[], id: (k: number) => string): void {
  // around a cycle the indices cannot only go down: with no answer to a later message, there is none
  let later = false;
  for (let k = 0; k < msg.count && !later; k++) later = msg.parent[k]! > k;
  if (!later) return;
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

export { NO_TARGET, POST_AUTHOR };
