/**
 * A generic comment or message CSV, as people really have it: any delimiter, any common
 * encoding, headers in English or French, dates in the usual shapes.
 */
import { InputError } from '../../errors.js';
import { type MsgRef, msg } from '../../i18n/index.js';
import type { MemberRole, SourceKind } from '../../model/dataset.js';
import { COMMENT_ALIASES, type CommentField, mapColumns, showHeader, showHeaders } from '../columns.js';
import { createDateColumn } from '../dates.js';
import { type RecordProblem, streamCsv } from '../csv-stream.js';
import { isRented, normalizePlatform } from '../platforms.js';
import type { FormatReader, ReadContext } from './types.js';

const REQUIRED: readonly CommentField[] = ['author', 'date', 'text'];

/** Example column names shown in the --map hint for each missing field. */
const MAP_EXAMPLE: Partial<Record<CommentField, string>> = { author: 'author', date: 'date', text: 'text' };

const STAFF_WORDS: [RegExp, MemberRole][] = [
  [/owner|proprietaire|fondat|founder|creat/i, 'owner'],
  [/admin/i, 'admin'],
  [/mod[eé]r/i, 'moderator'],
  [/staff|team|equipe|équipe|brand|marque|page|author|auteur/i, 'staff'],
  [/bot/i, 'bot'],
];

function roleOf(value: string): MemberRole | null {
  const v = value.trim();
  if (!v || /^(member|membre|user|utilisateur|false|non|no|0)$/i.test(v)) return null;
  if (/^(true|oui|yes|1)$/i.test(v)) return 'admin';
  for (const [re, role] of STAFF_WORDS) if (re.test(v)) return role;
  return null;
}

/** One record's fields, and the number of lines it spans. */
function newlinesIn(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    let i = f.indexOf('\n');
    while (i >= 0) {
      n++;
      i = f.indexOf('\n', i + 1);
    }
  }
  return n;
}

/** Rows listed one by one in the warnings for each kind of problem; the rest are counted. */
const LISTED_PROBLEMS = 10;

export function missingColumnsError(file: string, headers: string[], missing: CommentField[], ref: 'error.missingColumns' = 'error.missingColumns'): InputError {
  const shown = showHeaders(headers);
  const guess = showHeader(headers.find((h) => h.trim() !== '') ?? 'Column').replace(/"/g, '');
  const example = missing.map((f) => `--map ${f}="${f === 'author' ? guess : (MAP_EXAMPLE[f] ?? f)}"`).join(' ');
  const r: MsgRef = msg(ref, { file, fields: missing.join(', '), headers: shown, example });
  return new InputError(r);
}

export const csvReader: FormatReader = {
  name: 'csv',
  replies: ['explicit', 'mention', 'inferred'],
  detect(_input, headText) {
    const firstLine = headText.slice(0, headText.search(/\r?\n|$/));
    return /[,;\t|]/.test(firstLine) ? 0.1 : 0.01;
  },
  async read(input, { builder, options }: ReadContext) {
    const dates = createDateColumn(options.dateFormat);
    const countBefore = builder.count();

    let headers: string[] | null = null;
    let columns: Partial<Record<CommentField, number>> = {};
    let source = -1;
    let line = 1; // the line where the next record starts
    let rows = 0;
    let sourceKind: SourceKind = 'chat';
    const staff = new Map<string, { name: string; role: MemberRole }>();
    const fixedPlatform = options.platform ? normalizePlatform(options.platform) : undefined;

    const listed = new Map<string, number>();
    let ragged = 0;
    const problem = (code: string, at: number, values?: Record<string, string | number>) => {
      const n = listed.get(code) ?? 0;
      listed.set(code, n + 1);
      if (n < LISTED_PROBLEMS) builder.issue({ code, file: input.label, line: at, ...(values ? { values } : {}) });
    };

    const skip = (code: string, at: number, values?: Record<string, string | number>) => {
      builder.skip(source, code, at, values);
    };

    const onHeader = (fields: string[]) => {
      headers = fields.map((h) => h.trim());
      const { columns: found, unknownOverrides } = mapColumns(headers, COMMENT_ALIASES, options.map);
      // a column named twice is read once: say which, so a user who meant the second can --map it
      const seen = new Map<string, number>();
      for (const h of headers) if (h) seen.set(h, (seen.get(h) ?? 0) + 1);
      const twice = [...seen].filter(([, count]) => count > 1).slice(0, LISTED_PROBLEMS);
      for (const [column, count] of twice) builder.issue({ code: 'duplicate-column', file: input.label, values: { column: showHeader(column), count } });
      columns = found;
      if (columns.author === undefined && columns.authorId !== undefined) columns.author = columns.authorId;
      const missing = REQUIRED.filter((f) => columns[f] === undefined);
      if (missing.length > 0 || unknownOverrides.length > 0) {
        throw missingColumnsError(input.label, headers, missing.length > 0 ? missing : (Object.keys(options.map) as CommentField[]));
      }
      const platform = fixedPlatform ?? (columns.platform === undefined ? 'unknown' : 'mixed');
      // comments under posts when the platform is a social network or rows carry a post id
      sourceKind = isRented(platform) || columns.post !== undefined ? 'comments' : 'chat';
      source = builder.addSource({
        file: input.label,
        format: 'csv',
        kind: sourceKind,
        platform: platform === 'mixed' ? 'unknown' : platform,
        links: columns.parent !== undefined ? 'parent' : 'none',
      });
    };

    const onRow = (fields: string[], quote?: RecordProblem) => {
      const at = line;
      line += 1 + newlinesIn(fields);
      if (quote) problem(quote, at);
      if (!headers) {
        if (fields.every((f) => f.trim() === '')) return;
        onHeader(fields);
        return;
      }
      rows++;
      if (fields.length === 1 && fields[0]!.trim() === '') {
        rows--;
        return; // blank line
      }
      const width = (headers as string[]).length;
      if (fields.length !== width && !(fields.length > width && fields.slice(width).every((f) => f.trim() === ''))) {
        ragged++;
        problem('row-ragged', at, { found: fields.length, expected: width });
      }
      const get = (f: CommentField) => {
        const i = columns[f];
        return i === undefined ? '' : (fields[i] ?? '').trim();
      };
      const authorName = get('author');
      const authorId = columns.authorId !== undefined && columns.authorId !== columns.author ? get('authorId') : '';
      if (!authorName && !authorId) return skip('row-no-author', at);
      const rawDate = get('date');
      const date = dates.parse(rawDate);
      if (!date) return skip('row-bad-date', at, { value: rawDate.slice(0, 40) });
      const platform = fixedPlatform ?? (columns.platform !== undefined && get('platform') ? normalizePlatform(get('platform')) : undefined);
      const reactionsRaw = get('reactions').replace(/[\s\u202f\u00a0]/g, '');
      const reactions = reactionsRaw ? Number(reactionsRaw.replace(',', '.').replace(/k$/i, 'e3')) : undefined;
      const key = authorId || authorName;
      const roleRaw = columns.role !== undefined ? get('role') : '';
      if (roleRaw) {
        const role = roleOf(roleRaw);
        if (role && !staff.has(key)) staff.set(key, { name: authorName || key, role });
      }
      builder.addMessage(source, {
        ...(get('id') ? { id: get('id') } : {}),
        authorKey: key,
        authorName: authorName || authorId,
        createdAt: date.t,
        ...(date.alt !== undefined ? { createdAtAlt: date.alt } : {}),
        text: columns.text !== undefined ? (fields[columns.text] ?? '') : '',
        ...(get('parent') ? { parentId: get('parent') } : {}),
        ...(get('post') ? { threadKey: get('post') } : {}),
        ...(get('channel') ? { channel: get('channel') } : {}),
        ...(platform ? { platform } : {}),
        ...(reactions !== undefined && Number.isFinite(reactions) ? { reactions } : {}),
        line: at,
      });
    };

    const read = await streamCsv(input, { onRecord: onRow, onChunk: (_records, bytes) => options.onProgress?.(rows, bytes) });

    if (!headers) throw new InputError(msg('error.noHeader', { file: input.label }));
    if (rows === 0) throw new InputError(msg('error.noRows', { file: input.label }));
    if (ragged > LISTED_PROBLEMS) builder.issue({ code: 'rows-ragged', file: input.label, values: { count: ragged, listed: LISTED_PROBLEMS } });
    if (read.fallbackBytes > 0) builder.issue({ code: 'encoding-mixed', file: input.label, values: { count: read.fallbackBytes } });
    const decision = dates.decide();
    if (decision.useAlt) builder.useAltDates(source);
    if (decision.ambiguous) {
      builder.issue({ code: 'date-order-ambiguous', file: input.label, values: { column: (headers as string[])[columns.date!] ?? 'date', order: decision.order === 'mdy' ? 'MM/dd' : 'dd/MM' } });
    }
    for (const [key, { name, role }] of staff) builder.addMember({ id: key, name, role, line: 0 });
    // skipped here or by the builder (dates out of range, duplicate rows): what matters is what was kept
    const used = builder.count() - countBefore;
    if (rows > 0 && used === 0) {
      const reasons = Object.entries(builder.skipsOf(source)).map(([code, count]) => `${count} × ${code}`).join(', ');
      throw new InputError(msg('error.noUsableRows', { file: input.label, rows, reasons }));
    }
  },
};
