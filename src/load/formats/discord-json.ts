/**
 * DiscordChatExporter JSON (`--format Json`): one file per channel or thread.
 * Replies come from `reference` (a `Reply` message, or a reference of type `Default`);
 * a `Forward` reference is a forwarded message, not a reply. Bots and the system kinds
 * (joins, pins, calls, thread creations…) are counted, not audited. Message ids are
 * Discord snowflakes, unique across a server: the files of one server share them, so a
 * reply to a message exported in another part (`[part 2]`) or channel still links.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { describeShape, isObject, num, readJsonDocument, str } from '../json-document.js';
import { parseRole } from '../members.js';
import type { FormatReader } from './types.js';

/** Message kinds that people write; every other kind is a system event. */
const PEOPLE_KINDS = new Set(['Default', 'Reply', '0', '19']);

export const discordJsonReader: FormatReader = {
  name: 'discord-json',
  replies: ['explicit', 'mention'],
  detect(_input, headText) {
    const head = headText.slice(0, 8192);
    if (!/^\s*\{/.test(head)) return 0;
    const hasGuild = /"guild"\s*:\s*\{/.test(head);
    const hasChannel = /"channel"\s*:\s*\{/.test(head);
    const hasMessages = /"messages"\s*:\s*\[/.test(head);
    if (hasGuild && hasChannel) return hasMessages || /"dateRange"/.test(head) ? 0.95 : 0.7;
    return 0;
  },
  async read(input, { builder }) {
    const doc = await readJsonDocument(input);
    if (!isObject(doc) || !Array.isArray(doc.messages)) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'DiscordChatExporter JSON', expected: '{guild, channel, messages: [...]}', found: describeShape(doc) }));
    }
    const guild = isObject(doc.guild) ? doc.guild : {};
    const channel = isObject(doc.channel) ? doc.channel : {};
    const channelName = str(channel.name) ?? str(channel.id) ?? '';
    const parent = str(channel.category);
    const source = builder.addSource({
      file: input.label,
      format: 'discord-json',
      kind: 'chat',
      platform: 'discord',
      links: 'parent',
      idScope: `discord:${str(guild.id) ?? input.label}`,
    });
    const roles = new Map<string, { name: string; role: ReturnType<typeof parseRole> }>();
    doc.messages.forEach((m: unknown, index: number) => {
      if (!isObject(m)) return builder.skip(source, 'item-not-message', undefined, { item: index + 1 });
      const kind = str(m.type) ?? 'Default';
      const author = isObject(m.author) ? m.author : {};
      if (!PEOPLE_KINDS.has(kind) || author.isBot === true) return builder.countSystem(source);
      const authorId = str(author.id);
      const createdAt = Date.parse(str(m.timestamp) ?? '');
      if (!authorId) return builder.skip(source, 'item-no-author', undefined, { item: index + 1 });
      if (!Number.isFinite(createdAt)) return builder.skip(source, 'item-bad-date', undefined, { item: index + 1, value: (str(m.timestamp) ?? '').slice(0, 40) });
      const ref = isObject(m.reference) ? m.reference : null;
      const refKind = ref ? str(ref.type) : undefined;
      const isReply = ref !== null && refKind !== 'Forward' && (kind === 'Reply' || kind === '19' || refKind === 'Default');
      const reactions = Array.isArray(m.reactions) ? m.reactions.reduce((s: number, r: unknown) => s + (isObject(r) ? (num(r.count) ?? 0) : 0), 0) : undefined;
      const name = str(author.nickname) || str(author.name) || authorId;
      if (Array.isArray(author.roles) && !roles.has(authorId)) {
        for (const r of author.roles) {
          const role = parseRole(isObject(r) ? (str(r.name) ?? '') : '');
          if (role !== 'member') {
            roles.set(authorId, { name, role });
            break;
          }
        }
      }
      builder.addMessage(source, {
        id: str(m.id) ?? '',
        authorKey: authorId,
        authorName: name,
        createdAt,
        text: str(m.content) ?? '',
        channel: parent ? `${parent} › ${channelName}` : channelName,
        ...(isReply && ref && str(ref.messageId) ? { parentId: str(ref.messageId)! } : {}),
        ...(reactions !== undefined && Array.isArray(m.reactions) && m.reactions.length > 0 ? { reactions } : {}),
      });
    });
    for (const [id, { name, role }] of roles) builder.addMember({ id, name, role, line: 0 });
  },
};
