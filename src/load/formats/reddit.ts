/**
 * Reddit comments as NDJSON, one API object a line: the Pushshift / Arctic Shift dumps
 * (`<subreddit>_comments.zst`, `RC_YYYY-MM.zst`, decompressed on the fly) or any tool that
 * writes the API's comment objects. Submissions (`title`, no `parent_id`) may be mixed in.
 *
 * `parent_id` `t1_…` names the comment answered (explicit); `t3_…` means a top-level comment
 * on the post, and the post (`link_id`) is the thread. When the post is not in the data,
 * a top-level comment answers the post's author (kind 'comments'). Streamed line by line.
 * Deleted authors and removed texts are counted, not audited; AutoModerator is a bot.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { readLines } from '../lines.js';
import { isObject, num, str } from '../json-document.js';
import { decodeEntities } from './markup.js';
import type { FormatReader } from './types.js';

const GONE = new Set(['[deleted]', '[removed]', '']);
const BOTS = new Set(['AutoModerator']);

export const redditReader: FormatReader = {
  name: 'reddit',
  replies: ['explicit', 'mention'],
  detect(_input, headText) {
    const first = headText.slice(0, headText.indexOf('\n') > 0 ? headText.indexOf('\n') : 8192);
    if (!/^\s*\{/.test(first)) return 0;
    const comment = /"parent_id"\s*:\s*"t[13]_/.test(first) && /"link_id"\s*:\s*"t3_/.test(first);
    const submission = /"subreddit"\s*:/.test(first) && /"(selftext|num_comments)"\s*:/.test(first);
    return comment ? 0.95 : submission ? 0.85 : 0;
  },
  async read(input, { builder, options }) {
    const source = builder.addSource({ file: input.label, format: 'reddit', kind: 'comments', platform: 'reddit', links: 'parent', idScope: 'reddit' });
    const moderators = new Set<string>();
    let rows = 0;
    let bytes = 0;
    let objects = 0;
    for await (const line of readLines(input, { maxLength: 4 * 1024 * 1024, onBytes: (b) => (bytes = b) })) {
      if (line.text.trim() === '') continue;
      rows++;
      if (rows % 10000 === 0) options.onProgress?.(rows, bytes);
      if (line.cut) {
        builder.skip(source, 'row-too-long', line.number);
        continue;
      }
      let o: unknown;
      try {
        o = JSON.parse(line.text);
      } catch {
        builder.skip(source, 'row-bad-json', line.number);
        continue;
      }
      if (!isObject(o)) {
        builder.skip(source, 'row-bad-json', line.number);
        continue;
      }
      objects++;
      const author = str(o.author) ?? '';
      const isPost = o.parent_id === undefined && (o.title !== undefined || o.selftext !== undefined);
      const body = isPost ? `${str(o.title) ?? ''}\n${str(o.selftext) ?? ''}`.trim() : (str(o.body) ?? '');
      if (GONE.has(author) || (!isPost && GONE.has(body.trim())) || BOTS.has(author)) {
        builder.countSystem(source);
        continue;
      }
      const created = num(o.created_utc);
      if (created === undefined) {
        builder.skip(source, 'row-bad-date', line.number, { value: String(o.created_utc ?? '').slice(0, 40) });
        continue;
      }
      const id = str(o.id);
      const kindPrefix = isPost ? 't3_' : 't1_';
      const name = str(o.name) ?? (id ? kindPrefix + id : undefined);
      const parent = str(o.parent_id);
      const link = str(o.link_id) ?? (isPost ? name : undefined);
      if (o.distinguished === 'moderator' || o.distinguished === 'admin') moderators.add(author);
      builder.addMessage(source, {
        ...(name ? { id: name } : {}),
        authorKey: author,
        authorName: author,
        createdAt: created * 1000,
        text: decodeEntities(body),
        ...(link ? { threadKey: link } : {}),
        ...(parent?.startsWith('t1_') ? { parentId: parent } : {}),
        ...(str(o.subreddit) ? { channel: `r/${str(o.subreddit)}` } : {}),
        ...(num(o.score) !== undefined ? { reactions: Math.max(0, num(o.score)!) } : {}),
        line: line.number,
      });
    }
    if (objects === 0 && rows > 0) throw new InputError(msg('error.ndjsonNoObjects', { file: input.label, rows }));
    for (const m of moderators) builder.addMember({ id: m, name: m, role: 'moderator', line: 0 });
  },
};
