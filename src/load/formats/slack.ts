/**
 * Slack workspace export, as the zip Slack sends or the unzipped folder: `users.json`
 * (names, admins, bots), `channels.json` (and `groups.json`, `mpims.json`, `dms.json` in
 * full exports), one folder per channel holding one `YYYY-MM-DD.json` array per day.
 *
 * Slack has no per-message reply target: a thread (`thread_ts` = the root's `ts`) is the
 * link, so replies answer the thread's root (links 'thread'), unless a leading `@name`
 * says whom. Replies sit in the day file of the reply, not of the root: every day is read
 * before links are resolved. Joins, bot messages, tombstones and other events are counted,
 * not audited. A single day file is read too (its folder names the channel).
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { MemberRole } from '../../model/dataset.js';
import type { DatasetBuilder } from '../builder.js';
import type { Container } from '../container.js';
import { describeShape, isObject, readJsonDocument, str } from '../json-document.js';
import type { Input } from '../read.js';
import { decodeEntities } from './markup.js';
import type { FormatReader } from './types.js';

const DAY_FILE = /^(.+)\/(\d{4}-\d{2}-\d{2})\.json$/;
/** Subtypes written by people; any other subtype is an event (join, topic, bot, tombstone…). */
const PEOPLE_SUBTYPES = new Set(['file_share', 'thread_broadcast', 'me_message', 'file_comment', 'file_mention']);
const USER_LISTS = ['users.json', 'org_users.json'];
const CHANNEL_LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json'];

interface SlackUser {
  name: string;
  bot: boolean;
}

/** `<@U123>` → `@Name`, `<#C1|general>` → `#general`, `<https://x|label>` → `label https://x`, entities decoded. */
export function slackText(text: string, users: Map<string, SlackUser>): string {
  return decodeEntities(
    text.replace(/<([@#!])?([^<>|]*)(?:\|([^<>]*))?>/g, (_w, sigil: string | undefined, target: string, label: string | undefined) => {
      if (sigil === '@') return '@' + (users.get(target)?.name ?? label ?? target);
      if (sigil === '#') return '#' + (label ?? target);
      if (sigil === '!') return '@' + (label ?? target).replace(/^subteam\^\w+$/, 'group');
      return label && label !== target ? `${label} ${target}` : target;
    }),
  );
}

function roleOf(u: Record<string, unknown>): MemberRole {
  if (u.is_bot === true || u.is_app_user === true) return 'bot';
  if (u.is_primary_owner === true || u.is_owner === true) return 'owner';
  if (u.is_admin === true) return 'admin';
  return 'member';
}

function readUsers(doc: unknown, users: Map<string, SlackUser>, builder: DatasetBuilder): void {
  if (!Array.isArray(doc)) return;
  for (const u of doc) {
    if (!isObject(u)) continue;
    const id = str(u.id);
    if (!id) continue;
    const profile = isObject(u.profile) ? u.profile : {};
    const name = str(profile.display_name) || str(profile.real_name) || str(u.real_name) || str(u.name) || id;
    const role = roleOf(u);
    users.set(id, { name, bot: role === 'bot' });
    if (u.deleted === true || role === 'bot') continue;
    const contactable = Boolean(str(profile.email) || str(profile.phone));
    builder.addMember({ id, name, role, contactable, line: 0 });
  }
}

/** One day file's messages into the builder. */
function readDay(doc: unknown, channel: string, source: number, users: Map<string, SlackUser>, builder: DatasetBuilder, file: string): void {
  if (!Array.isArray(doc)) {
    builder.skip(source, 'file-not-messages', undefined, { entry: file });
    return;
  }
  doc.forEach((m: unknown, index) => {
    if (!isObject(m) || (m.type !== undefined && m.type !== 'message')) return builder.countSystem(source);
    const subtype = str(m.subtype);
    if (subtype && !PEOPLE_SUBTYPES.has(subtype)) return builder.countSystem(source);
    const comment = subtype === 'file_comment' && isObject(m.comment) ? m.comment : null;
    const user = str(comment?.user) ?? str(m.user);
    if (!user || (m.bot_id !== undefined && !m.user) || users.get(user)?.bot) return builder.countSystem(source);
    const ts = str(m.ts);
    const createdAt = ts ? Math.round(Number(ts) * 1000) : NaN;
    if (!ts || !Number.isFinite(createdAt)) return builder.skip(source, 'item-bad-date', undefined, { item: index + 1, value: (ts ?? '').slice(0, 40) });
    const profile = isObject(m.user_profile) ? m.user_profile : {};
    const name = users.get(user)?.name ?? (str(profile.display_name) || str(profile.real_name) || str(profile.name) || user);
    const threadTs = str(m.thread_ts);
    const reactions = Array.isArray(m.reactions) ? m.reactions.reduce((s: number, r: unknown) => s + (isObject(r) && typeof r.count === 'number' ? r.count : 0), 0) : undefined;
    builder.addMessage(source, {
      id: `${channel}/${ts}`,
      authorKey: user,
      authorName: name,
      createdAt,
      text: slackText(str(comment?.comment) ?? str(m.text) ?? '', users),
      channel,
      ...(threadTs ? { threadKey: `${channel}/${threadTs}` } : {}),
      ...(reactions !== undefined ? { reactions } : {}),
    });
  });
}

function looksLikeDay(headText: string): boolean {
  return /^\s*\[\s*\{/.test(headText) && /"ts"\s*:\s*"\d{9,11}\.\d+"/.test(headText.slice(0, 8192)) && /"type"\s*:\s*"message"/.test(headText.slice(0, 8192));
}

export const slackReader: FormatReader = {
  name: 'slack',
  replies: ['thread', 'mention'],
  detect(_input, headText) {
    return looksLikeDay(headText) ? 0.9 : 0;
  },
  detectContainer(c: Container) {
    const paths = new Set(c.entries.map((e) => e.path));
    const hasList = [...USER_LISTS, ...CHANNEL_LISTS].some((p) => paths.has(p));
    const days = c.entries.filter((e) => DAY_FILE.test(e.path)).length;
    if (hasList && days > 0) return 0.95;
    if (hasList) return 0.6;
    return 0;
  },
  async readContainer(c, { builder, options }) {
    const users = new Map<string, SlackUser>();
    const source = builder.addSource({ file: c.label, format: 'slack', kind: 'chat', platform: 'slack', links: 'thread' });
    for (const list of USER_LISTS) {
      if (c.entries.some((e) => e.path === list)) readUsers(await readJsonDocument(await c.open(list)), users, builder);
    }
    // channel folders are named after the channel (or its id for direct messages)
    const names = new Map<string, string>();
    for (const list of CHANNEL_LISTS) {
      if (!c.entries.some((e) => e.path === list)) continue;
      const doc = await readJsonDocument(await c.open(list));
      if (Array.isArray(doc)) for (const ch of doc) if (isObject(ch) && str(ch.id) && str(ch.name)) names.set(str(ch.id)!, str(ch.name)!);
    }
    let days = 0;
    let bytes = 0;
    for (const entry of c.entries) {
      const m = DAY_FILE.exec(entry.path);
      if (!m) continue;
      const folder = m[1]!;
      const channel = names.get(folder) ?? folder;
      let doc: unknown;
      try {
        doc = await readJsonDocument(await c.open(entry.path));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        builder.skip(source, 'file-unreadable', undefined, { entry: entry.path });
        continue;
      }
      readDay(doc, channel, source, users, builder, entry.path);
      days++;
      bytes += entry.size;
      options.onProgress?.(builder.count(), bytes);
    }
    if (days === 0) throw new InputError(msg('error.slackNoDays', { file: c.label }));
  },
  async read(input: Input, { builder }) {
    const doc = await readJsonDocument(input);
    if (!Array.isArray(doc)) {
      throw new InputError(msg('error.jsonShape', { file: input.label, format: 'Slack', expected: '[{type: "message", user, text, ts}, …]', found: describeShape(doc) }));
    }
    const parts = input.label.split(/[\\/]/);
    const channel = parts.length >= 2 ? parts[parts.length - 2]! : 'slack';
    const users = new Map<string, SlackUser>();
    const source = builder.addSource({ file: input.label, format: 'slack', kind: 'chat', platform: 'slack', links: 'thread' });
    readDay(doc, channel, source, users, builder, input.label);
  },
};
