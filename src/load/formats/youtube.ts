/**
 * YouTube Data API v3 comments, saved as JSON: `commentThreads.list` responses (a top-level
 * comment and some of its replies per item) and `comments.list?parentId=` responses (all the
 * replies to one comment), a page, an array of items or a single item.
 *
 * Comments are under a video that is not in the export: a top-level comment answers the
 * video, so its author, the channel (kind 'comments'; the video is the thread). YouTube has
 * two levels only: a reply's `parentId` is always the top-level comment (links 'thread'),
 * and whom a reply answers inside the thread is only visible as a leading `@handle`.
 * The pages of one export share their ids, so replies fetched apart find their comment.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { DatasetBuilder } from '../builder.js';
import { describeShape, isObject, num, readJsonDocument, str } from '../json-document.js';
import { stripHtml } from './markup.js';
import type { FormatReader } from './types.js';

interface Seen {
  owners: Set<string>;
  authors: Set<string>;
}

function addComment(c: unknown, source: number, builder: DatasetBuilder, seen: Seen, videoId: string | undefined, index: number): void {
  if (!isObject(c) || !isObject(c.snippet)) return builder.skip(source, 'item-not-message', undefined, { item: index + 1 });
  const s = c.snippet;
  const id = str(c.id);
  const authorKey = (isObject(s.authorChannelId) ? str(s.authorChannelId.value) : undefined) ?? str(s.authorDisplayName);
  if (!authorKey) return builder.skip(source, 'item-no-author', undefined, { item: index + 1 });
  const createdAt = Date.parse(str(s.publishedAt) ?? '');
  if (!Number.isFinite(createdAt)) return builder.skip(source, 'item-bad-date', undefined, { item: index + 1, value: (str(s.publishedAt) ?? '').slice(0, 40) });
  const owner = str(s.channelId);
  if (owner) seen.owners.add(owner);
  seen.authors.add(authorKey);
  const video = str(s.videoId) ?? videoId;
  const parent = str(s.parentId);
  builder.addMessage(source, {
    ...(id ? { id } : {}),
    authorKey,
    // newer responses give handles ("@leo_clay"); replies address them as "@leo_clay": the name is the handle without "@"
    authorName: (str(s.authorDisplayName) ?? authorKey).replace(/^@/, ''),
    createdAt,
    text: str(s.textOriginal) ?? stripHtml(str(s.textDisplay) ?? ''),
    ...(video ? { threadKey: `video/${video}`, channel: video } : {}),
    ...(parent ? { parentId: parent } : {}),
    ...(num(s.likeCount) !== undefined ? { reactions: num(s.likeCount)! } : {}),
  });
}

export const youtubeReader: FormatReader = {
  name: 'youtube',
  replies: ['thread', 'mention'],
  detect(_input, headText) {
    const head = headText.slice(0, 16384);
    if (/"kind"\s*:\s*"youtube#(commentThreadListResponse|commentListResponse|commentThread|comment)"/.test(head)) return 0.95;
    return 0;
  },
  async read(input, { builder }) {
    const doc = await readJsonDocument(input);
    const items = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.items) ? doc.items : isObject(doc) && isObject(doc.snippet) ? [doc] : null;
    if (!items) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'YouTube', expected: '{kind: "youtube#commentThreadListResponse", items: [...]}', found: describeShape(doc) }));
    }
    const source = builder.addSource({ file: input.label, format: 'youtube', kind: 'comments', platform: 'youtube', links: 'thread', idScope: 'youtube' });
    const seen: Seen = { owners: new Set(), authors: new Set() };
    items.forEach((item: unknown, index) => {
      if (isObject(item) && item.kind === 'youtube#commentThread' && isObject(item.snippet)) {
        const video = str(item.snippet.videoId);
        const owner = str(item.snippet.channelId);
        if (owner) seen.owners.add(owner);
        addComment(item.snippet.topLevelComment, source, builder, seen, video, index);
        const replies = isObject(item.replies) && Array.isArray(item.replies.comments) ? item.replies.comments : [];
        for (const r of replies) addComment(r, source, builder, seen, video, index);
      } else addComment(item, source, builder, seen, undefined, index);
    });
    // the channel's own comments are the brand's
    for (const owner of seen.owners) if (seen.authors.has(owner)) builder.addMember({ id: owner, role: 'owner', line: 0 });
  },
};
