/**
 * The Stack Exchange data dump: `Posts.xml` (`<posts><row …/></posts>`, attributes only),
 * with `Comments.xml` and `Users.xml` read too when they sit beside it (in the same folder
 * or archive). Streamed through saxes: a site's Posts.xml can weigh gigabytes.
 *
 * A question is a thread root; an answer's `ParentId` names its question (explicit); a
 * comment's `PostId` names the post it comments (explicit), in the question's thread.
 * Comments answering comments exist only as `@name` in the text. Wiki and tag posts are
 * counted, not audited; the Community user (-1) is a bot. Accepted answers are not used
 * yet: an answer is a reply to the question whether accepted or not.
 */
import { SaxesParser } from 'saxes';
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { Container } from '../container.js';
import { type Input, decode, detectEncoding } from '../read.js';
import { copyString } from '../text.js';
import { stripHtml } from './markup.js';
import type { FormatReader, ReadContext } from './types.js';

/** Streams the `<row>` elements of a dump file. */
async function streamRows(input: Input, onRow: (attrs: Record<string, string>, line: number) => void, onBytes?: (bytes: number) => void): Promise<void> {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (tag) => {
    if (tag.name === 'row') onRow(tag.attributes as Record<string, string>, parser.line);
  });
  let bytes = 0;
  async function* counted() {
    for await (const chunk of input.bytes()) {
      bytes += chunk.length;
      onBytes?.(bytes);
      yield chunk;
    }
  }
  for await (const text of decode(counted(), detectEncoding(input.head))) {
    parser.write(text);
    if (failure) break;
  }
  if (!failure) parser.close();
  if (failure) throw new InputError(msg('error.xmlInvalid', { file: input.label, line: parser.line, reason: (failure as Error).message.slice(0, 160) }));
}

function date(value: string | undefined): number {
  // dump dates have no zone and are UTC
  return value ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : value + 'Z') : NaN;
}

async function readDump(posts: Input, { builder, options }: ReadContext, label: string): Promise<void> {
  const source = builder.addSource({ file: label, format: 'stackexchange', kind: 'chat', platform: 'stackexchange', links: 'parent' });
  const names = new Map<string, string>();
  const users = await posts.sibling?.('Users.xml');
  if (users) {
    await streamRows(users, (a) => {
      if (a.Id && a.DisplayName) names.set(copyString(a.Id), copyString(a.DisplayName));
    });
  }
  // the question of each answer, for comments on answers (numbers: compact for big sites)
  const questionOf = new Map<number, number>();
  let rows = 0;
  const authorOf = (userId: string | undefined, displayName: string | undefined): { key: string; name: string } | null => {
    if (userId) return { key: userId, name: names.get(userId) ?? displayName ?? `user ${userId}` };
    return displayName ? { key: displayName, name: displayName } : null;
  };
  await streamRows(
    posts,
    (a, line) => {
      rows++;
      if (rows % 10000 === 0) options.onProgress?.(rows, 0);
      const type = a.PostTypeId;
      if (type !== '1' && type !== '2') return builder.countSystem(source);
      const author = authorOf(a.OwnerUserId, a.OwnerDisplayName);
      if (!author || author.key === '-1') return builder.countSystem(source);
      const createdAt = date(a.CreationDate);
      if (!Number.isFinite(createdAt)) return builder.skip(source, 'row-bad-date', line, { value: (a.CreationDate ?? '').slice(0, 40) });
      const question = type === '1' ? a.Id : a.ParentId;
      if (type === '2' && a.Id && a.ParentId) questionOf.set(Number(a.Id), Number(a.ParentId));
      builder.addMessage(source, {
        ...(a.Id ? { id: `p${a.Id}` } : {}),
        authorKey: author.key,
        authorName: author.name,
        createdAt,
        text: (a.Title ? a.Title + '\n' : '') + stripHtml(a.Body ?? ''),
        ...(question ? { threadKey: `p${question}` } : {}),
        ...(type === '2' && a.ParentId ? { parentId: `p${a.ParentId}` } : {}),
        ...(a.Score !== undefined && Number.isFinite(Number(a.Score)) ? { reactions: Math.max(0, Number(a.Score)) } : {}),
        line,
      });
    },
    (bytes) => options.onProgress?.(rows, bytes),
  );
  const comments = await posts.sibling?.('Comments.xml');
  if (comments) {
    await streamRows(comments, (a) => {
      const author = authorOf(a.UserId, a.UserDisplayName);
      if (!author || author.key === '-1') return builder.countSystem(source);
      const createdAt = date(a.CreationDate);
      if (!Number.isFinite(createdAt) || !a.PostId) return builder.skip(source, 'item-bad-date', undefined, { item: `Comments.xml #${a.Id ?? '?'}`, value: (a.CreationDate ?? '').slice(0, 40) });
      const post = Number(a.PostId);
      const question = questionOf.get(post) ?? post;
      builder.addMessage(source, {
        ...(a.Id ? { id: `c${a.Id}` } : {}),
        authorKey: author.key,
        authorName: author.name,
        createdAt,
        text: a.Text ?? '',
        threadKey: `p${question}`,
        parentId: `p${a.PostId}`,
        ...(a.Score !== undefined && Number.isFinite(Number(a.Score)) ? { reactions: Math.max(0, Number(a.Score)) } : {}),
        // no line: the source is named after Posts.xml, a Comments.xml line would point at the wrong file
      });
    });
  }
}

export const stackexchangeReader: FormatReader = {
  name: 'stackexchange',
  replies: ['explicit', 'mention'],
  detect(_input, headText) {
    const head = headText.slice(0, 8192);
    return /<posts>/.test(head) && /<row\s[^>]*PostTypeId="/.test(head) ? 0.95 : 0;
  },
  async read(input, ctx) {
    await readDump(input, ctx, input.label);
  },
  detectContainer(c: Container) {
    return c.entries.some((e) => /(^|\/)Posts\.xml$/.test(e.path)) ? 0.9 : 0;
  },
  async readContainer(c, ctx) {
    for (const e of c.entries) {
      if (/(^|\/)Posts\.xml$/.test(e.path)) await readDump(await c.open(e.path), ctx, `${c.label}/${e.path}`);
    }
  },
};
