/**
 * Discourse posts from its API, saved as JSON: `/posts.json` (`latest_posts`),
 * `/t/{id}.json` or `/t/{id}/posts.json` (`post_stream.posts`), or a plain array of posts.
 * A topic is a thread whose root is post #1; `reply_to_post_number` names the post
 * answered within the topic (explicit); a post without it answers the topic (thread).
 * Staff flags (`admin`, `moderator`, `staff`) say who speaks for the forum. Small actions,
 * moderator notes and the `system` user are counted, not audited; quoted text
 * (`[quote=…]…[/quote]`) is not the author's and is left out of the text.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { MemberRole } from '../../model/dataset.js';
import { describeShape, isObject, num, readJsonDocument, str } from '../json-document.js';
import { stripHtml, unescapeMarkdown, withoutBbcodeQuotes, withoutHtmlQuotes } from './markup.js';
import type { FormatReader } from './types.js';

function postsOf(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (!isObject(doc)) return null;
  if (Array.isArray(doc.latest_posts)) return doc.latest_posts;
  if (isObject(doc.post_stream) && Array.isArray(doc.post_stream.posts)) return doc.post_stream.posts;
  if (Array.isArray(doc.posts)) return doc.posts;
  return null;
}

function roleOf(p: Record<string, unknown>): MemberRole | null {
  if (p.admin === true) return 'admin';
  if (p.moderator === true) return 'moderator';
  if (p.staff === true) return 'staff';
  return null;
}

export const discourseReader: FormatReader = {
  name: 'discourse',
  replies: ['explicit', 'thread', 'mention'],
  detect(_input, headText) {
    const head = headText.slice(0, 16384);
    if (!/^\s*[[{]/.test(head)) return 0;
    if (/"latest_posts"\s*:\s*\[|"post_stream"\s*:\s*\{/.test(head)) return 0.95;
    if (/"post_number"\s*:/.test(head) && /"topic_id"\s*:/.test(head)) return 0.9;
    return 0;
  },
  async read(input, { builder }) {
    const doc = await readJsonDocument(input);
    const posts = postsOf(doc);
    if (!posts) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'Discourse', expected: '{latest_posts: [...]} or {post_stream: {posts: [...]}}', found: describeShape(doc) }));
    }
    const topicOfDoc = isObject(doc) && isObject(doc.post_stream) ? str(doc.id) : undefined;
    const source = builder.addSource({ file: input.label, format: 'discourse', kind: 'chat', platform: 'discourse', links: 'parent', idScope: 'discourse' });
    const staff = new Map<string, { name: string; role: MemberRole }>();
    posts.forEach((p: unknown, index) => {
      if (!isObject(p)) return builder.skip(source, 'item-not-message', undefined, { item: index + 1 });
      const username = str(p.username);
      const userId = num(p.user_id);
      // post_type 1 is a post; 2 a moderator note, 3 a small action ("closed", "pinned"), 4 a whisper
      const type = num(p.post_type) ?? 1;
      if (type !== 1 || username === 'system' || (userId !== undefined && userId < 0) || p.user_deleted === true || p.deleted_at) {
        return builder.countSystem(source);
      }
      if (!username) return builder.skip(source, 'item-no-author', undefined, { item: index + 1 });
      const createdAt = Date.parse(str(p.created_at) ?? '');
      if (!Number.isFinite(createdAt)) return builder.skip(source, 'item-bad-date', undefined, { item: index + 1, value: (str(p.created_at) ?? '').slice(0, 40) });
      const topic = str(p.topic_id) ?? topicOfDoc;
      const number = num(p.post_number);
      const replyTo = num(p.reply_to_post_number);
      const raw = str(p.raw);
      const text = raw !== undefined ? unescapeMarkdown(withoutBbcodeQuotes(raw)).trim() : stripHtml(withoutHtmlQuotes(str(p.cooked) ?? '')).trim();
      const likes = Array.isArray(p.actions_summary) ? p.actions_summary.find((a: unknown) => isObject(a) && a.id === 2) : undefined;
      const name = str(p.name) || username;
      const role = roleOf(p);
      if (role && !staff.has(username)) staff.set(username, { name, role });
      builder.addMessage(source, {
        ...(topic && number !== undefined ? { id: `${topic}/${number}` } : str(p.id) ? { id: `post-${str(p.id)}` } : {}),
        authorKey: username,
        authorName: name,
        createdAt,
        text,
        ...(topic ? { threadKey: `${topic}/1` } : {}),
        ...(topic && replyTo !== undefined && replyTo !== number ? { parentId: `${topic}/${replyTo}` } : {}),
        ...(isObject(likes) && num(likes.count) !== undefined ? { reactions: num(likes.count)! } : {}),
        ...(num(p.category_id) !== undefined ? { channel: `category ${num(p.category_id)}` } : {}),
      });
    });
    for (const [id, { name, role }] of staff) builder.addMember({ id, name, role, line: 0 });
  },
};
