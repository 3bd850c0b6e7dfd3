/**
 * DiscordChatExporter CSV (`--format Csv`): `AuthorID,Author,Date,Content,Attachments,Reactions`.
 * The CSV has no message id and no reply reference, so replies come from a leading
 * `@Name` and, failing that, are inferred from who spoke just before (a chat with `links: 'none'`).
 * Dates are ISO 8601 since DiscordChatExporter 2.42.3; older files carry culture-bound
 * dates, read like any CSV date (day/month order decided over the whole file).
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import { streamCsv } from '../csv-stream.js';
import { createDateColumn } from '../dates.js';
import type { FormatReader } from './types.js';

const HEADER = ['authorid', 'author', 'date', 'content', 'attachments', 'reactions'];

/** Text DiscordChatExporter writes for system messages in CSV (the JSON says their kind). */
const SYSTEM_TEXT = /^(Joined the server\.|Started a thread\.|Pinned a message\.|Started a call that lasted .*|Added .* to the group\.|Removed .* from the group\.|Left the group\.|Changed the channel (name|icon)\b.*)$/;

/** "❤ (2),paul (3)" → 5 */
export function countReactions(cell: string): number | undefined {
  if (!cell.trim()) return undefined;
  let total = 0;
  for (const m of cell.matchAll(/\((\d+)\)/g)) total += Number(m[1]);
  return total;
}

/** The channel from DiscordChatExporter's default file name: "Guild - Category - channel [123].csv". */
export function channelFromFileName(label: string): string {
  const base = label.split(/[\\/]/).pop() ?? label;
  const m = /^(.*?)(?: \[\d+\])?(?: \(.*\))?(?: \[part \d+\])?\.\w+$/.exec(base);
  const parts = (m?.[1] ?? base).split(' - ');
  return parts.length >= 2 ? parts.slice(1).join(' › ') : (m?.[1] ?? base);
}

export const discordCsvReader: FormatReader = {
  name: 'discord-csv',
  replies: ['mention', 'inferred'],
  detect(_input, headText) {
    const first = headText.slice(0, headText.search(/\r?\n|$/)).replace(/"/g, '').toLowerCase().split(',').map((s) => s.trim());
    return first.length === HEADER.length && first.every((h, i) => h === HEADER[i]) ? 0.95 : 0;
  },
  async read(input, { builder, options }) {
    const dates = createDateColumn(options.dateFormat);
    const source = builder.addSource({ file: input.label, format: 'discord-csv', kind: 'chat', platform: 'discord', links: 'none' });
    const channel = channelFromFileName(input.label);
    let line = 1;
    let header = false;
    let rows = 0;
    await streamCsv(input, {
      onRecord(fields) {
        const at = line;
        for (const f of fields) for (let i = f.indexOf('\n'); i >= 0; i = f.indexOf('\n', i + 1)) line++;
        line++;
        if (!header) {
          header = true;
          return;
        }
        if (fields.length === 1 && fields[0]!.trim() === '') return;
        rows++;
        const [authorId = '', author = '', date = '', content = '', , reactions = ''] = fields;
        if (!authorId.trim() && !author.trim()) return builder.skip(source, 'row-no-author', at);
        const parsed = dates.parse(date);
        if (!parsed) return builder.skip(source, 'row-bad-date', at, { value: date.slice(0, 40) });
        if (SYSTEM_TEXT.test(content.trim())) return builder.countSystem(source);
        const count = countReactions(reactions);
        builder.addMessage(source, {
          authorKey: authorId.trim() || author.trim(),
          // legacy discriminators ("name#1234") are part of the handle, not of the name people see
          authorName: author.trim().replace(/#\d{4}$/, ''),
          createdAt: parsed.t,
          ...(parsed.alt !== undefined ? { createdAtAlt: parsed.alt } : {}),
          text: content,
          channel,
          ...(count !== undefined ? { reactions: count } : {}),
          line: at,
        });
      },
      onChunk: (_records, bytes) => options.onProgress?.(rows, bytes),
    });
    if (!header) throw new InputError(msg('error.noHeader', { file: input.label }));
    const decision = dates.decide();
    if (decision.useAlt) builder.useAltDates(source);
    if (decision.ambiguous) builder.issue({ code: 'date-order-ambiguous', file: input.label, values: { column: 'Date', order: decision.order === 'mdy' ? 'MM/dd' : 'dd/MM' } });
  },
};
