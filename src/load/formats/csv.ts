/**
 * A generic comment or message CSV, as people really have it: any delimiter, any common
 * encoding, headers in English or French, dates in the usual shapes.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { type MsgRef, msg } from '../../i18n/index.js';
import type { MemberRole, SourceKind } from '../../model/dataset.js';
import { COMMENT_ALIASES, type CommentField, mapColumns, showHeader, showHeaders } from '../columns.js';
import { createDateColumn } from '../dates.js';
import { type CsvLayout, type RecordProblem, scanCsv } from '../csv-stream.js';
import { type CsvRecord, createCsvScanner } from '../csv-scan.js';
import type { MessageBytes } from '../builder.js';
import { ByteRange, fieldHash, leadingMentionBytes, mentionPrefix, plainCount, readTrimmed } from '../field-bytes.js';
import { detectEncoding } from '../read.js';
import { LexPool, lexPoolSettings } from '../lex-pool.js';
import { classifyUtf8OrNot } from '../../lexicon/index.js';
import { leadingMention } from '../text.js';
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

export function roleOf(value: string): MemberRole | null {
  const v = value.trim();
  if (!v || /^(member|membre|user|utilisateur|false|non|no|0)$/i.test(v)) return null;
  if (/^(true|oui|yes|1)$/i.test(v)) return 'admin';
  for (const [re, role] of STAFF_WORDS) if (re.test(v)) return role;
  return null;
}

/** Fields from `from` on are all empty or spaces (trailing delimiters are no ragged row). */
export function allBlankFrom(r: CsvRecord, from: number): boolean {
  for (let i = from; i < r.count; i++) if (!r.isBlank(i)) return false;
  return true;
}

/** A hash of field `i`'s value as bytes ("" escapes undone): see `fieldHash`. */
export function valueHash(r: CsvRecord, i: number): number {
  return fieldHash(r.buf, r.start(i), r.start(i) + r.size(i), r.escaped(i));
}

/**
 * Files from this size on have their texts classified (and hashed, their mentions read) on a
 * worker thread while the main thread parses (COMMUNITY_AUDIT_WORKERS=0 keeps everything on
 * the main thread).
 */
export const LEX_WORKER_MIN_BYTES = lexPoolSettings.minBytes;

/** Likes as exports write them: 12, 1 234, 1,2k. Plain digits take the fast way. */
export function parseReactions(raw: string): number | undefined {
  if (raw === '') return undefined;
  if (raw.length <= 15) {
    let v = 0;
    let i = 0;
    for (; i < raw.length; i++) {
      const c = raw.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      v = v * 10 + c;
    }
    if (i === raw.length) return v;
  }
  const compact = raw.replace(/[\s\u202f\u00a0]/g, '');
  return compact ? Number(compact.replace(',', '.').replace(/k$/i, 'e3')) : undefined;
}

/** The text field of the record starting at `offset`, read back from the file (for the few excerpts a report shows). */
export function readField(path: string, layout: CsvLayout, offset: number, column: number): string {
  const fd = openSync(path, 'r');
  try {
    for (let size = 64 * 1024; ; size *= 4) {
      const buf = Buffer.alloc(size);
      const got = readSync(fd, buf, 0, size, offset + layout.bom);
      let value: string | null = null;
      const scanner = createCsvScanner(layout.delimiter, layout.newline, (r) => {
        if (value === null) value = r.get(column);
      });
      scanner.push(buf.subarray(0, got));
      if (value === null && got < size) scanner.end();
      if (value !== null || got < size) return value ?? '';
    }
  } finally {
    closeSync(fd);
  }
}

/** Line feeds outside double quotes: about the records a CSV sample holds (`""` escapes toggle twice). */
export function recordBreaks(b: Uint8Array): number {
  let quoted = false;
  let breaks = 0;
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0a && !quoted) breaks++;
  }
  return breaks;
}

/** Rows listed one by one in the warnings for each kind of problem; the rest are counted. */
const LISTED_PROBLEMS = 10;

/** The leading @mention of text field `i`, normalized, into `out` (empty when none): on the bytes when the name is ASCII. */
function readMention(r: CsvRecord, i: number, text: string | null, out: ByteRange): void {
  const found = leadingMentionBytes(r.buf, r.start(i), r.start(i) + r.size(i), out);
  if (found === 1) return;
  if (found === 0) return out.clear();
  out.setString(leadingMention(text ?? mentionPrefix(r, i)) ?? '');
}

/**
 * The comment fields a header row holds (`--map` first, then the aliases; an author id
 * stands for a missing author), which of the needed ones are missing, and the `--map`
 * columns that are not there.
 */
export function commentColumns(
  headers: readonly string[],
  map: Record<string, string>,
): { columns: Partial<Record<CommentField, number>>; missing: CommentField[]; unknownOverrides: string[] } {
  const { columns, unknownOverrides } = mapColumns(headers, COMMENT_ALIASES, map);
  if (columns.author === undefined && columns.authorId !== undefined) columns.author = columns.authorId;
  return { columns, missing: REQUIRED.filter((f) => columns[f] === undefined), unknownOverrides };
}

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
  async read(input, { builder, options, format }: ReadContext) {
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
    let lastPlatform: string | undefined;
    // a UTF-8 file can be read again: texts are then not kept, only where each record starts
    const rereadable = input.path !== null && detectEncoding(input.head) === 'utf-8';
    let layout: CsvLayout | null = null;
    let lexPool: LexPool | null = null;
    const reread = (offset: number): string => (layout && input.path !== null && columns.text !== undefined ? readField(input.path, layout, offset, columns.text) : '');
    // the id as the row gave it (`readTrimmed` of the same field): the builder then keeps no id
    const rereadId = (offset: number): string => (layout && input.path !== null && columns.id !== undefined ? readField(input.path, layout, offset, columns.id).trim() : '');

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
      const { columns: found, missing, unknownOverrides } = commentColumns(headers, options.map);
      // a column named twice is read once: say which, so a user who meant the second can --map it
      const seen = new Map<string, number>();
      for (const h of headers) if (h) seen.set(h, (seen.get(h) ?? 0) + 1);
      const twice = [...seen].filter(([, count]) => count > 1).slice(0, LISTED_PROBLEMS);
      for (const [column, count] of twice) builder.issue({ code: 'duplicate-column', file: input.label, values: { column: showHeader(column), count } });
      columns = found;
      if (missing.length > 0 || unknownOverrides.length > 0) {
        throw missingColumnsError(input.label, headers, missing.length > 0 ? missing : (Object.keys(options.map) as CommentField[]));
      }
      const platform = fixedPlatform ?? (columns.platform === undefined ? 'unknown' : 'mixed');
      // comments under posts when the platform is a social network or rows carry a post id
      sourceKind = isRented(platform) || columns.post !== undefined ? 'comments' : 'chat';
      source = builder.addSource({
        file: input.label,
        format: format ?? 'csv',
        kind: sourceKind,
        platform: platform === 'mixed' ? 'unknown' : platform,
        links: columns.parent !== undefined ? 'parent' : 'none',
        ...(rereadable ? { reread, rereadId } : {}),
      });
      if (rereadable && columns.text !== undefined && (input.size ?? 0) >= lexPoolSettings.minBytes && process.env.COMMUNITY_AUDIT_WORKERS !== '0') {
        const bom = input.head[0] === 0xef && input.head[1] === 0xbb && input.head[2] === 0xbf ? 3 : 0;
        lexPool = LexPool.create(input.path!, bom, {
          lex: (i, f) => builder.setLex(i, f),
          textHash: (i, h) => builder.setTextHash(i, h),
          mention: (i, b, start, end) => builder.setMention(i, b, start, end),
        });
      }
      if (input.size !== null) {
        // room for the rows the file probably holds, from the head's bytes per record (line
        // breaks inside quoted texts do not count: counted, they made the guess a third too
        // high on the benchmark files, and every column, the id table included, as much larger)
        const lines = recordBreaks(input.head);
        // (5% more: a guess a little short would grow every column by half near the end)
        if (lines > 1) builder.reserve((((input.size - input.head.length) / input.head.length) * lines + lines) * 1.05);
      }
    };

    // one message object and one range per field, filled again for every row (see MessageBytes)
    const nameRange = new ByteRange();
    const idRange = new ByteRange();
    const dateRange = new ByteRange();
    const platformRange = new ByteRange();
    const lastPlatformRange = new ByteRange();
    const reactionsRange = new ByteRange();
    const m: MessageBytes = {
      key: nameRange,
      name: nameRange,
      id: new ByteRange(),
      parent: new ByteRange(),
      post: new ByteRange(),
      mention: new ByteRange(),
      createdAt: 0,
      createdAtAlt: NaN,
      reactions: NaN,
      channel: '',
      platform: undefined,
      line: 0,
      text: '',
      lex: -1,
      textHash: 0,
      // the worker hashes texts: a later row with the same id asks for the hashes (this row's, an earlier one's)
      textHashOf: (index) => (index === builder.count() ? valueHash(current!, columns.text!) : (lexPool?.textHashOf(index) ?? -1)),
      textHandle: NaN,
    };
    /** the record being read (for textHashOf) */
    let current: CsvRecord | null = null;
    /** field `i` trimmed (`r.get(i).trim()`), as bytes; empty when the column is absent */
    const field = (r: CsvRecord, i: number | undefined, out: ByteRange) => (i === undefined ? out.clear() : readTrimmed(r, i, out));

    const onRow = (r: CsvRecord) => {
      const at = line;
      line += 1 + r.newlines();
      if (r.problem) problem(r.problem satisfies RecordProblem, at);
      if (!headers) {
        for (let i = 0; i < r.count; i++) if (!r.isBlank(i)) {
          onHeader(r.toArray());
          return;
        }
        return;
      }
      rows++;
      if (r.count === 1 && r.isBlank(0)) {
        rows--;
        return; // blank line
      }
      const width = (headers as string[]).length;
      if (r.count !== width && !(r.count > width && allBlankFrom(r, width))) {
        ragged++;
        problem('row-ragged', at, { found: r.count, expected: width });
      }
      // only the mapped columns are read, as bytes; a string is made only where one is needed
      field(r, columns.author, nameRange);
      if (columns.authorId !== undefined && columns.authorId !== columns.author) readTrimmed(r, columns.authorId, idRange);
      else idRange.clear();
      if (nameRange.size === 0 && idRange.size === 0) return skip('row-no-author', at);
      field(r, columns.date, dateRange);
      const date = dates.parseBytes(dateRange.buf, dateRange.start, dateRange.end);
      if (!date) return skip('row-bad-date', at, { value: dateRange.toString().slice(0, 40) });
      let platform = fixedPlatform;
      if (platform === undefined && columns.platform !== undefined) {
        readTrimmed(r, columns.platform, platformRange);
        if (platformRange.size > 0) {
          // exports repeat the same platform on every row
          if (lastPlatform === undefined || !platformRange.equals(lastPlatformRange)) {
            lastPlatformRange.assign(platformRange);
            lastPlatform = normalizePlatform(platformRange.toString());
          }
          platform = lastPlatform;
        }
      }
      let reactions: number | undefined;
      if (columns.reactions !== undefined) {
        readTrimmed(r, columns.reactions, reactionsRange);
        reactions = plainCount(reactionsRange) ?? parseReactions(reactionsRange.toString());
      }
      // the key is the author id when there is one, else the name; the name is the name, else the id
      m.key = idRange.size > 0 ? idRange : nameRange;
      m.name = nameRange.size > 0 ? nameRange : idRange;
      if (columns.role !== undefined) {
        const roleRaw = r.size(columns.role) === 0 ? '' : r.get(columns.role).trim();
        const role = roleRaw ? roleOf(roleRaw) : null;
        if (role) {
          const key = m.key.toString();
          if (!staff.has(key)) staff.set(key, { name: nameRange.size > 0 ? nameRange.toString() : key, role });
        }
      }
      m.createdAt = date.t;
      m.createdAtAlt = date.alt ?? NaN;
      m.line = at;
      const textColumn = columns.text;
      if (textColumn !== undefined) {
        if (lexPool) {
          // the worker classifies the text, hashes it and reads its mention (answers given later)
          m.lex = 0;
          m.text = '';
          m.mention.clear();
          m.textHash = NaN;
          current = r;
        } else {
          // a text read back for excerpts need not be kept: classified on its bytes when it can be
          const s = r.start(textColumn);
          m.lex = rereadable ? classifyUtf8OrNot(r.buf, s, s + r.size(textColumn), r.escaped(textColumn)) : -1;
          m.text = m.lex >= 0 ? '' : r.get(textColumn);
          readMention(r, textColumn, m.lex >= 0 ? null : m.text, m.mention);
          m.textHash = valueHash(r, textColumn);
        }
      } else {
        m.lex = -1;
        m.text = '';
        m.mention.clear();
        m.textHash = 0;
      }
      field(r, columns.id, m.id);
      field(r, columns.parent, m.parent);
      field(r, columns.post, m.post);
      m.channel = columns.channel === undefined || r.size(columns.channel) === 0 ? '' : r.get(columns.channel).trim();
      m.platform = platform;
      m.reactions = reactions !== undefined && Number.isFinite(reactions) ? reactions : NaN;
      m.textHandle = rereadable ? r.offset : NaN;
      const index = builder.count();
      builder.addMessageBytes(source, m);
      // the builder may skip the row (a date out of range, a duplicated row): only kept messages get flags
      if (lexPool && textColumn !== undefined && builder.count() > index) lexPool.add(r, textColumn, index);
    };

    let read: CsvLayout;
    try {
      read = layout = await scanCsv(input, { onRecord: onRow, onChunk: (_records, bytes) => options.onProgress?.(rows, bytes) });
    } finally {
      await (lexPool as LexPool | null)?.finish();
    }

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
