/**
 * Telegram Desktop "Export chat history" in machine-readable JSON (`result.json`): one chat
 * (`{name, type, id, messages}`) or the whole account (`chats.list`). In a whole-account
 * export only groups, supergroups and channels are audited: personal chats, bots and saved
 * messages are private conversations, not a community (they are counted in a warning).
 *
 * Replies come from `reply_to_message_id`. In forum supergroups Telegram also sets it to the
 * topic's first message for every message of the topic: a reply to a `topic_created`
 * service message is placed in that topic, not counted as an answer. `text` is a string or
 * an array of strings and entity objects. Control characters are written as `\xHH`, which
 * is not valid JSON: they are rewritten before parsing.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { DatasetBuilder } from '../builder.js';
import { describeShape, isObject, num, readJsonDocument, str } from '../json-document.js';
import type { FormatReader } from './types.js';

const COMMUNITY_CHATS = new Set(['private_group', 'private_supergroup', 'public_supergroup', 'private_channel', 'public_channel']);

export function telegramText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return '';
  let out = '';
  for (const part of text) {
    if (typeof part === 'string') out += part;
    else if (isObject(part)) out += str(part.text) ?? '';
    if (out.length > 8192) break;
  }
  return out;
}

function readChat(chat: Record<string, unknown>, source: number, builder: DatasetBuilder): void {
  const chatId = str(chat.id) ?? str(chat.name) ?? '';
  const channel = str(chat.name) ?? `chat ${chatId}`;
  const messages = Array.isArray(chat.messages) ? chat.messages : [];
  const topics = new Set<string>();
  messages.forEach((m: unknown, index) => {
    if (!isObject(m)) return builder.skip(source, 'item-not-message', undefined, { item: index + 1 });
    const id = str(m.id) ?? '';
    if (m.type !== 'message') {
      if (m.action === 'topic_created' && id) topics.add(id);
      return builder.countSystem(source);
    }
    const unix = num(m.date_unixtime);
    const createdAt = unix !== undefined ? unix * 1000 : Date.parse((str(m.date) ?? '') + 'Z');
    if (!Number.isFinite(createdAt)) return builder.skip(source, 'item-bad-date', undefined, { item: index + 1, value: (str(m.date) ?? '').slice(0, 40) });
    const fromId = str(m.from_id) ?? str(m.actor_id);
    const from = str(m.from);
    if (!fromId && !from) return builder.skip(source, 'item-no-author', undefined, { item: index + 1 });
    const replyTo = str(m.reply_to_message_id);
    const inTopic = replyTo !== undefined && topics.has(replyTo);
    const otherChat = m.reply_to_peer_id !== undefined && str(m.reply_to_peer_id) !== chatId;
    const reactions = Array.isArray(m.reactions) ? m.reactions.reduce((s: number, r: unknown) => s + (isObject(r) ? (num(r.count) ?? 0) : 0), 0) : undefined;
    builder.addMessage(source, {
      id: `${chatId}/${id}`,
      authorKey: fromId ?? from!,
      // a deleted account has `from: null`
      authorName: from ?? (m.from === null ? 'Deleted Account' : fromId!),
      createdAt,
      text: telegramText(m.text),
      channel,
      ...(replyTo && !inTopic && !otherChat ? { parentId: `${chatId}/${replyTo}` } : {}),
      ...(replyTo && inTopic ? { threadKey: `${chatId}/topic/${replyTo}` } : {}),
      ...(reactions !== undefined && Array.isArray(m.reactions) && m.reactions.length > 0 ? { reactions } : {}),
    });
  });
}

export const telegramReader: FormatReader = {
  name: 'telegram',
  replies: ['explicit', 'mention'],
  detect(_input, headText) {
    const head = headText.slice(0, 16384);
    if (!/^\s*\{/.test(head)) return 0;
    if (/"personal_information"\s*:|"chats"\s*:\s*\{\s*"about"/.test(head)) return 0.9;
    const chat = /"type"\s*:\s*"(personal_chat|bot_chat|saved_messages|replies|private_group|private_supergroup|public_supergroup|private_channel|public_channel)"/.test(head);
    const messages = /"messages"\s*:\s*\[/.test(head);
    if (chat && messages) return 0.9;
    if (messages && /"from_id"\s*:\s*"(user|channel|chat)\d+"|"date_unixtime"|"text_entities"/.test(head)) return 0.85;
    return 0;
  },
  async read(input, { builder }) {
    const doc = await readJsonDocument(input, { fixHexEscapes: true });
    if (!isObject(doc)) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'Telegram', expected: '{name, type, id, messages: [...]} or {chats: {list: [...]}}', found: describeShape(doc) }));
    }
    const source = builder.addSource({ file: input.label, format: 'telegram', kind: 'chat', platform: 'telegram', links: 'parent' });
    if (Array.isArray(doc.messages)) {
      readChat(doc, source, builder);
      return;
    }
    const lists = [doc.chats, doc.left_chats].flatMap((c) => (isObject(c) && Array.isArray(c.list) ? c.list : []));
    if (lists.length === 0 && !isObject(doc.chats)) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'Telegram', expected: '{name, type, id, messages: [...]} or {chats: {list: [...]}}', found: describeShape(doc) }));
    }
    let private_ = 0;
    for (const chat of lists) {
      if (!isObject(chat)) continue;
      if (!COMMUNITY_CHATS.has(str(chat.type) ?? '')) {
        private_++;
        continue;
      }
      readChat(chat, source, builder);
    }
    if (private_ > 0) builder.issue({ code: 'telegram-private-chats', file: input.label, values: { count: private_ } });
  },
};
