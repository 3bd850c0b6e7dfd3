/**
 * Excel workbooks of comments (.xlsx): comment-export services deliver them, one per post,
 * with a title block above the header; a marketer may also keep comments in Excel rather than
 * a CSV. Each sheet that has author, date and text columns is read by the generic CSV reader
 * (src/load/xlsx.ts turns it into CSV), so aliases, --map, dates and every message about them
 * are the same. A sheet without them is left aside and said so; when no sheet has them, the
 * message names the columns of the first sheet, as it does for a CSV.
 */
import { InputError } from '../../errors.js';
import { msg } from '../../i18n/index.js';
import type { Container } from '../container.js';
import { bufferInput } from '../read.js';
import { isWorkbook, readWorkbook, sheetToCsv } from '../xlsx.js';
import { commentColumns, csvReader } from './csv.js';
import type { FormatReader, ReadContext } from './types.js';

/** The columns of a header row of comments (its cells trimmed, as the CSV reader trims them). */
const columnsOf = (cells: string[], map: Record<string, string>) =>
  commentColumns(
    cells.map((h) => h.trim()),
    map,
  );

async function readWorkbookComments(c: Container, context: ReadContext): Promise<void> {
  const { options, builder } = context;
  const ctx: ReadContext = { ...context, format: 'xlsx' };
  const sheets = await readWorkbook(c);
  const converted = sheets.map((sheet) =>
    sheetToCsv(
      sheet,
      (cells) => columnsOf(cells, options.map).missing.length === 0,
      (header) => columnsOf(header, options.map).columns.date,
    ),
  );
  const usable = converted.filter((s) => s.headerMatched);
  // no sheet has the columns: the CSV reader's message names those of the first sheet
  if (usable.length === 0) return csvReader.read(bufferInput(c.label, converted[0]!.csv), ctx);
  for (const sheet of converted) {
    if (!sheet.headerMatched) builder.issue({ code: 'xlsx-sheet-skipped', file: c.label, values: { sheet: sheet.name } });
  }
  for (const sheet of usable) {
    // one sheet is the file; several are told apart by their tab's name
    const label = usable.length > 1 ? `${c.label} (${sheet.name})` : c.label;
    await csvReader.read(bufferInput(label, sheet.csv), ctx);
  }
}

export const xlsxReader: FormatReader = {
  name: 'xlsx',
  replies: csvReader.replies,
  // a workbook is a zip: only its listing says what it is
  detect: () => 0,
  async read(input) {
    throw new InputError(msg('error.notXlsx', { file: input.label }));
  },
  detectContainer: (c) => (isWorkbook(c) ? 0.95 : 0),
  readContainer: readWorkbookComments,
};
