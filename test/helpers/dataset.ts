/**
 * Builds small datasets for detector tables: `comment()`, `reply()`, `post()`, then
 * `build()`. Times are minutes after a fixed start; authors are names.
 */
import { createDatasetBuilder, type MessageInput, type SourceOptions } from '../../src/load/builder.js';
import type { Dataset, Member } from '../../src/model/dataset.js';

export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0); // a Monday
export const MIN = 60_000;
export const DAY = 24 * 60 * MIN;

export interface Row {
  id: string;
  author: string;
  /** minutes after T0 */
  at: number;
  text?: string;
  parent?: string;
  thread?: string;
  channel?: string;
  reactions?: number;
  platform?: string;
  /** line in the source file (default: the row's position) */
  line?: number;
}

export interface BuildOptions {
  kind?: SourceOptions['kind'];
  links?: SourceOptions['links'];
  platform?: string;
  brand?: string[];
  members?: Member[];
}

/** A dataset from rows, frozen so that a detector that mutates its input fails. */
export function build(rows: Row[], options: BuildOptions = {}): Dataset {
  const b = createDatasetBuilder();
  const src = b.addSource({
    file: 'test.csv',
    format: 'test',
    kind: options.kind ?? 'chat',
    platform: options.platform ?? 'forum',
    links: options.links ?? 'parent',
  });
  rows.forEach((r, i) => {
    const m: MessageInput = {
      id: r.id,
      authorKey: r.author,
      authorName: r.author,
      createdAt: T0 + r.at * MIN,
      text: r.text ?? '',
      line: r.line ?? i + 2,
      ...(r.parent ? { parentId: r.parent } : {}),
      ...(r.thread ? { threadKey: r.thread } : {}),
      ...(r.channel ? { channel: r.channel } : {}),
      ...(r.reactions !== undefined ? { reactions: r.reactions } : {}),
      ...(r.platform ? { platform: r.platform } : {}),
    };
    b.addMessage(src, m);
  });
  const ds = b.finish({ ...(options.brand ? { brand: options.brand } : {}), ...(options.members ? { members: options.members } : {}) });
  return deepFreeze(ds);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !ArrayBuffer.isView(o) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

let counter = 0;
/** Sequential ids, for tables that do not care about them. */
export function nextId(): string {
  return `m${++counter}`;
}

/**
 * A small conversation script for detector tables: `post` opens a thread, `reply` answers a
 * message; times advance by `step` minutes unless given. Returns ids to reply to.
 *
 *   const s = script();
 *   const q = s.post('ana', 'Vous faites comment ?');
 *   s.reply(q, 'ben', 'Perso je fais un point le lundi');
 *   build(s.rows, { brand: ['brand'] });
 */
export function script(step = 10) {
  const rows: Row[] = [];
  let t = 0;
  let n = 0;
  const add = (r: Omit<Row, 'id' | 'at'> & { at?: number }) => {
    const id = `s${++n}`;
    t = r.at ?? t + step;
    rows.push({ ...r, id, at: t });
    return id;
  };
  return {
    rows,
    /** a message that opens a thread (a chat root, or a top-level comment) */
    post: (author: string, text = '', extra: Partial<Row> = {}) => add({ author, text, ...extra }),
    /** a message answering `parent` */
    reply: (parent: string, author: string, text = '', extra: Partial<Row> = {}) => add({ author, text, parent, ...extra }),
    /** moves the clock to `minutes` after T0 */
    at: (minutes: number) => {
      t = minutes;
    },
  };
}

export const WEEK = 7 * 24 * 60;
