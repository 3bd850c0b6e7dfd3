/**
 * Excel workbooks (.xlsx): what a marketer gets from a comment-export service, or saves from
 * Excel instead of a CSV. A workbook is a zip of XML parts; each worksheet is turned into the
 * CSV the generic reader already knows, so columns, aliases, dates, --map and every message
 * about them work the same way.
 *
 * What is kept of Excel's model: a cell's value as Excel shows it in the simplest sense
 * (shared and inline strings, numbers, booleans, formula results), and dates, which Excel
 * stores as day counts since 1900 (or 1904) with a date format: they become ISO dates with no
 * zone, read as UTC like any zone-less date. Line numbers stay Excel's row numbers: the rows
 * above the header (an export's title block) and the empty rows become blank lines, and a
 * line break inside a cell becomes a space, so "line 12" in a message is row 12 in Excel.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import type { Container } from './container.js';

/** One worksheet, as CSV bytes (UTF-8, comma-separated, every value quoted). */
export interface SheetCsv {
  name: string;
  csv: Buffer;
  /** whether a row among the first ones passed `isHeader` (else the first row with values is the header) */
  headerMatched: boolean;
}

/** The worksheets of a workbook in the order Excel shows them, as rows of cell texts. */
export interface WorkbookSheet {
  name: string;
  /** 1-based row number → the cells of that row (column index → text); rows without values are absent */
  rows: Map<number, string[]>;
  /** the workbook counts days from 1904 (old Mac Excel), not 1900 */
  date1904: boolean;
}

export function isWorkbook(c: Container): boolean {
  return c.entries.some((e) => e.path === 'xl/workbook.xml');
}

const decoder = new TextDecoder('utf-8');

async function part(c: Container, path: string): Promise<string | null> {
  if (!c.entries.some((e) => e.path === path)) return null;
  const input = await c.open(path);
  const chunks: Buffer[] = [];
  for await (const chunk of input.bytes()) chunks.push(chunk);
  return decoder.decode(Buffer.concat(chunks));
}

/** Parses an XML part, calling back on each element; a damaged part is the user's file, not a bug. */
function parseXml(
  label: string,
  xml: string,
  handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void },
): void {
  const parser = new SaxesParser();
  let failure: Error | null = null;
  parser.on('error', (e) => {
    failure ??= e;
  });
  if (handlers.open) parser.on('opentag', handlers.open);
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(tag.name));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  parser.write(xml);
  if (!failure) parser.close();
  if (failure) throw new InputError(msg('error.xlsxDamaged', { file: label, reason: `line ${parser.line}: ${(failure as Error).message.slice(0, 160)}` }));
}

/** The local name of a tag (`x:row` → `row`): some writers prefix the spreadsheet namespace. */
function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (a[name] !== undefined) return a[name];
  for (const key of Object.keys(a)) if (local(key) === name) return a[key];
  return undefined;
}

/** Shared strings: each `<si>` is one string, made of its `<t>` texts (rich-text runs too), phonetic hints left out. */
function sharedStrings(label: string, xml: string | null): string[] {
  const out: string[] = [];
  if (xml === null) return out;
  let current: string[] | null = null;
  let inText = false;
  let inPhonetic = 0;
  parseXml(label, xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'si') current = [];
      else if (name === 'rPh') inPhonetic++;
      else if (name === 't' && current && inPhonetic === 0) inText = true;
    },
    close(name) {
      const n = local(name);
      if (n === 'si' && current) {
        out.push(current.join(''));
        current = null;
      } else if (n === 'rPh') inPhonetic--;
      else if (n === 't') inText = false;
    },
    text(t) {
      if (inText && current) current.push(t);
    },
  });
  return out;
}

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when, outside quoted text, escapes and [colors], it has a d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]!;
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** For each cell style (the `s` of a cell), whether its number format is a date. */
function dateStyles(label: string, xml: string | null): boolean[] {
  if (xml === null) return [];
  const custom = new Map<number, boolean>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(label, xml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'numFmt') {
        const id = Number(attr(tag, 'numFmtId'));
        custom.set(id, isDateFormatCode(attr(tag, 'formatCode') ?? ''));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(tag, 'numFmtId') ?? 0);
        styles.push(custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** An Excel day count as an ISO date without zone, to the second (the 1900 system unless the workbook says 1904). */
export function serialToIso(serial: number, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  // day 25569 is 1970-01-01 in the 1900 system; the 1904 system counts 1462 days fewer
  const days = serial + (date1904 ? 1462 : 0) - 25569;
  const ms = Math.round(days * 86_400) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return null;
  return d.toISOString().slice(0, 19);
}

/** "AB12" → 27 (0-based column); -1 when the reference has no letters. */
export function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

/** The worksheets of a workbook that hold a value, in tab order, as rows of texts; none is the user's problem, said as such. */
export async function readWorkbook(c: Container): Promise<WorkbookSheet[]> {
  const workbookXml = (await part(c, 'xl/workbook.xml'))!;
  const sheets: { name: string; rid: string }[] = [];
  let date1904 = false;
  parseXml(`${c.label}/xl/workbook.xml`, workbookXml, {
    open(tag) {
      const name = local(tag.name);
      if (name === 'sheet') sheets.push({ name: attr(tag, 'name') ?? `Sheet${sheets.length + 1}`, rid: attr(tag, 'id') ?? '' });
      else if (name === 'workbookPr') date1904 = /^(1|true)$/i.test(attr(tag, 'date1904') ?? '');
    },
  });
  const targets = new Map<string, string>();
  const rels = await part(c, 'xl/_rels/workbook.xml.rels');
  if (rels !== null) {
    parseXml(`${c.label}/xl/_rels/workbook.xml.rels`, rels, {
      open(tag) {
        if (local(tag.name) !== 'Relationship') return;
        const target = attr(tag, 'Target') ?? '';
        // relative to xl/, or absolute from the package root
        targets.set(attr(tag, 'Id') ?? '', target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      },
    });
  }
  const strings = sharedStrings(`${c.label}/xl/sharedStrings.xml`, await part(c, 'xl/sharedStrings.xml'));
  const isDate = dateStyles(`${c.label}/xl/styles.xml`, await part(c, 'xl/styles.xml'));

  const out: WorkbookSheet[] = [];
  for (const [i, sheet] of sheets.entries()) {
    const path = targets.get(sheet.rid) ?? `xl/worksheets/sheet${i + 1}.xml`;
    const xml = await part(c, path);
    // a chart sheet or a part the listing does not hold: nothing to read
    if (xml === null) continue;
    const rows = sheetRows(`${c.label}/${path}`, xml, strings, isDate, date1904);
    if (rows.size > 0) out.push({ name: sheet.name, rows, date1904 });
  }
  if (out.length === 0) throw new InputError(msg('error.xlsxEmpty', { file: c.label }));
  return out;
}

function sheetRows(label: string, xml: string, strings: string[], isDate: boolean[], date1904: boolean): Map<number, string[]> {
  const rows = new Map<number, string[]>();
  let rowNumber = 0;
  let row: string[] = [];
  let col = -1;
  let type = 'n';
  let style = 0;
  let value: string[] | null = null;
  let inline: string[] | null = null;
  let inText = false;
  parseXml(label, xml, {
    open(tag) {
      switch (local(tag.name)) {
        case 'row': {
          const r = Number(attr(tag, 'r'));
          rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
          row = [];
          col = -1;
          break;
        }
        case 'c': {
          const ref = attr(tag, 'r');
          const at = ref ? columnOf(ref) : -1;
          col = at >= 0 ? at : col + 1;
          type = attr(tag, 't') ?? 'n';
          style = Number(attr(tag, 's') ?? 0);
          value = null;
          inline = null;
          break;
        }
        case 'v':
          value = [];
          break;
        case 'is':
          inline = [];
          break;
        case 't':
          inText = inline !== null;
          break;
      }
    },
    text(t) {
      if (inText && inline) inline.push(t);
      else if (value) value.push(t);
    },
    close(name) {
      switch (local(name)) {
        case 't':
          inText = false;
          break;
        case 'c': {
          const raw = value === null ? null : (value as string[]).join('');
          let text = '';
          if (type === 'inlineStr') text = inline ? (inline as string[]).join('') : '';
          else if (raw === null) text = '';
          else if (type === 's') text = strings[Number(raw)] ?? '';
          else if (type === 'b') text = raw === '1' ? 'TRUE' : 'FALSE';
          else if (type === 'n' && isDate[style]) text = serialToIso(Number(raw), date1904) ?? raw;
          else text = raw;
          if (text !== '') row[col] = text;
          value = null;
          inline = null;
          break;
        }
        case 'v':
          // the text stays collected in `value` until the cell closes
          break;
        case 'row':
          if (row.some((v) => v !== undefined && v.trim() !== '')) rows.set(rowNumber, row);
          break;
      }
    },
  });
  return rows;
}

/** How far down an export's title block may go before the header row. */
const HEADER_SEARCH_ROWS = 30;

/**
 * A worksheet as CSV. `isHeader` tells the header row among the first rows (an export often
 * opens on a title, the post's address, a blank row); without one, the first row with values
 * is the header, so that the CSV reader's message names the columns found. `dateColumn`
 * gives, once the header is known, the column holding dates: a plain number there is an
 * Excel day count whose cell had no date format.
 */
export function sheetToCsv(
  sheet: WorkbookSheet,
  isHeader: (cells: string[]) => boolean,
  dateColumn: (header: string[]) => number | undefined,
): SheetCsv {
  const { date1904 } = sheet;
  const numbers = [...sheet.rows.keys()].sort((a, b) => a - b);
  const matched = numbers.slice(0, HEADER_SEARCH_ROWS).find((n) => isHeader(cells(sheet.rows.get(n)!)));
  const headerRow = matched ?? numbers[0];
  const header = headerRow === undefined ? [] : cells(sheet.rows.get(headerRow)!);
  const date = dateColumn(header);
  const parts: Buffer[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  let line = 1;
  for (const n of numbers) {
    if (headerRow !== undefined && n < headerRow) continue;
    // blank lines keep CSV line numbers equal to Excel's row numbers
    if (n > line) pending.push('\n'.repeat(n - line));
    const values = cells(sheet.rows.get(n)!);
    if (date !== undefined && n !== headerRow) {
      const v = values[date]!;
      if (v !== undefined && /^\d{1,6}(\.\d+)?$/.test(v.trim()) && Number(v) < 1_000_000) values[date] = serialToIso(Number(v), date1904) ?? v;
    }
    const record = values.map((v) => (v === undefined || v === '' ? '' : `"${v.replace(/\r\n|\r|\n/g, ' ').replace(/"/g, '""')}"`)).join(',') + '\n';
    pending.push(record);
    pendingChars += record.length;
    line = n + 1;
    if (pendingChars > 1 << 22) {
      parts.push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      pendingChars = 0;
    }
  }
  parts.push(Buffer.from(pending.join(''), 'utf8'));
  return { name: sheet.name, csv: Buffer.concat(parts), headerMatched: matched !== undefined };
}

/** The cells of a row with the holes Excel leaves for empty cells filled in. */
function cells(row: string[]): string[] {
  return Array.from(row, (v) => v ?? '');
}
