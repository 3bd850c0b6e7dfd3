/**
 * The generic comment CSV reader as it was before the byte path (src/load/formats/csv.ts):
 * every mapped field decoded into a string, one MessageInput a row, `builder.addMessage`.
 * Kept as the reference the byte path is compared with (test/load/csv-bytes.test.ts).
 */
import { InputError } from '../../src/errors.js';
import { msg } from '../../src/i18n/index.js';
import type { MemberRole, SourceKind } from '../../src/model/dataset.js';
import { COMMENT_ALIASES, type CommentField, mapColumns, showHeader } from '../../src/load/columns.js';
import { allBlankFrom, missingColumnsError, parseReactions, readField, roleOf } from '../../src/load/formats/csv.js';
import { createDateColumn } from '../../src/load/dates.js';
import { type CsvLayout, type RecordProblem, scanCsv } from '../../src/load/csv-stream.js';
import type { CsvRecord } from '../../src/load/csv-scan.js';
import type { MessageInput } from '../../src/load/builder.js';
import { detectEncoding } from '../../src/load/read.js';
import { isRented, normalizePlatform } from '../../src/load/platforms.js';
import type { FormatReader, ReadContext } from '../../src/load/formats/types.js';

const REQUIRED: readonly CommentField[] = ['author', 'date', 'text'];

/** Rows listed one by one in the warnings for each kind of problem; the rest are counted. */
const LISTED_PROBLEMS = 10;

export const referenceCsvReader: FormatReader = {
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
    let lastPlatformRaw = '';
    let lastPlatform: string | undefined;
    // a UTF-8 file can be read again: texts are then not kept, only where each record starts
    const rereadable = input.path !== null && detectEncoding(input.head) === 'utf-8';
    let layout: CsvLayout | null = null;
    const reread = (offset: number): string => (layout && input.path !== null && columns.text !== undefined ? readField(input.path, layout, offset, columns.text) : '');

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
        ...(rereadable ? { reread } : {}),
      });
      if (input.size !== null) {
        // room for the rows the file probably holds, from the head's bytes per line
        const lines = input.head.reduce((c, b) => (b === 10 ? c + 1 : c), 0);
        if (lines > 1) builder.reserve(((input.size - input.head.length) / input.head.length) * lines + lines);
      }
    };

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
      // only the mapped columns are decoded
      const get = (i: number | undefined) => (i === undefined || r.size(i) === 0 ? '' : r.get(i).trim());
      const authorName = get(columns.author);
      const authorId = columns.authorId !== undefined && columns.authorId !== columns.author ? get(columns.authorId) : '';
      if (!authorName && !authorId) return skip('row-no-author', at);
      const rawDate = get(columns.date);
      const date = dates.parse(rawDate);
      if (!date) return skip('row-bad-date', at, { value: rawDate.slice(0, 40) });
      let platform = fixedPlatform;
      if (platform === undefined && columns.platform !== undefined) {
        const raw = get(columns.platform);
        if (raw) {
          // exports repeat the same platform on every row
          if (raw !== lastPlatformRaw) {
            lastPlatformRaw = raw;
            lastPlatform = normalizePlatform(raw);
          }
          platform = lastPlatform;
        }
      }
      const reactions = parseReactions(get(columns.reactions));
      const key = authorId || authorName;
      const roleRaw = columns.role !== undefined ? get(columns.role) : '';
      if (roleRaw) {
        const role = roleOf(roleRaw);
        if (role && !staff.has(key)) staff.set(key, { name: authorName || key, role });
      }
      const m: MessageInput = {
        authorKey: key,
        authorName: authorName || authorId,
        createdAt: date.t,
        text: '',
        line: at,
      };
      // (files of 16 MB or more had their texts classified on a worker: not needed for a reference)
      if (columns.text !== undefined) m.text = r.get(columns.text);
      const id = get(columns.id);
      if (id) m.id = id;
      if (date.alt !== undefined) m.createdAtAlt = date.alt;
      const parent = get(columns.parent);
      if (parent) m.parentId = parent;
      const post = get(columns.post);
      if (post) m.threadKey = post;
      const channel = get(columns.channel);
      if (channel) m.channel = channel;
      if (platform) m.platform = platform;
      if (reactions !== undefined && Number.isFinite(reactions)) m.reactions = reactions;
      if (rereadable) m.textHandle = r.offset;
      builder.addMessage(source, m);
    };

    const read: CsvLayout = (layout = await scanCsv(input, { onRecord: onRow, onChunk: (_records, bytes) => options.onProgress?.(rows, bytes) }));

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
