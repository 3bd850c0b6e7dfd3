import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../../src/i18n/index.js';
import { columnOf, isDateFormatCode, serialToIso } from '../../../src/load/xlsx.js';
import { runAudit } from '../../../src/scoring/run-audit.js';
import { FIXTURES, authorNames, find, inputError as error, load } from '../../helpers/load.js';

const TMP = fileURLToPath(new URL('../../.tmp/xlsx/', import.meta.url));
const LINKEDIN_XLSX = join(FIXTURES, 'xlsx', 'linkedin-comments.xlsx');
const LINKEDIN_CSV = fileURLToPath(new URL('../../../fixtures/linkedin-ready/comments.csv', import.meta.url));

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

interface SheetSpec {
  name: string;
  /** the `<sheetData>` content */
  data: string;
}

/** A workbook as Excel lays it out: workbook, its relationships, shared strings, styles, sheets. */
function workbook(sheets: SheetSpec[], extra: { shared?: string[]; styles?: string; date1904?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}>${extra.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
        .join('')}</Relationships>`,
    ),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(`<?xml version="1.0"?><worksheet ${NS}><sheetData>${s.data}</sheetData></worksheet>`);
  });
  if (extra.shared) files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0"?><sst ${NS}>${extra.shared.join('')}</sst>`);
  if (extra.styles) files['xl/styles.xml'] = strToU8(`<?xml version="1.0"?><styleSheet ${NS}>${extra.styles}</styleSheet>`);
  return zipSync(files);
}

const str = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
const num = (ref: string, v: number, style?: number) => `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${v}</v></c>`;

/** Style 1 is a custom date format, style 2 the built-in 22 (m/d/yy h:mm), style 3 a plain number with two decimals. */
const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.00"/></numFmts>' +
  '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs>';

function file(name: string, bytes: Uint8Array): string {
  const path = join(TMP, name);
  writeFileSync(path, bytes);
  return path;
}

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('Excel workbooks (.xlsx)', () => {
  it('audits a workbook written by another tool (openpyxl) exactly as the same comments in a CSV', async () => {
    const fromXlsx = await load([LINKEDIN_XLSX]);
    const fromCsv = await load([LINKEDIN_CSV]);
    expect(fromXlsx.sources[0]).toMatchObject({ file: LINKEDIN_XLSX, format: 'xlsx', rowsRead: fromCsv.sources[0]!.rowsRead, rowsSkipped: 0 });
    expect(fromXlsx.messages.count).toBe(fromCsv.messages.count);
    expect(authorNames(fromXlsx)).toEqual(authorNames(fromCsv));
    // Excel dates (a day count with a date format) are the CSV's dd/MM/yyyy HH:mm, to the minute
    expect([...fromXlsx.messages.createdAt]).toEqual([...fromCsv.messages.createdAt]);
    // the title block (3 rows) is left aside: line numbers are Excel's row numbers
    expect([...fromXlsx.messages.line]).toEqual([...fromCsv.messages.line].map((l) => l + 3));
    const a = runAudit(fromXlsx, { lang: 'en', generatedAt: new Date(0) });
    const b = runAudit(fromCsv, { lang: 'en', generatedAt: new Date(0) });
    expect(a.verdict).toEqual(b.verdict);
    expect(a.signals.map((s) => [s.id, s.score])).toEqual(b.signals.map((s) => [s.id, s.score]));
    // the totals sheet holds no comments: said, not read
    const skipped = fromXlsx.issues.filter((i) => i.code === 'xlsx-sheet-skipped');
    expect(skipped).toEqual([expect.objectContaining({ file: LINKEDIN_XLSX, values: { sheet: 'Résumé' } })]);
  });

  it('reads shared strings (rich text runs joined, phonetic hints left out), inline strings, sparse cells and gaps between rows', async () => {
    const shared = [
      '<si><t>author</t></si>',
      '<si><t>date</t></si>',
      '<si><t>text</t></si>',
      '<si><t>Ana</t></si>',
      '<si><r><rPr><b/></rPr><t>Bonjour </t></r><r><t xml:space="preserve">à tous</t></r><rPh><t>HINT</t></rPh></si>',
      '<si><t>Bo</t></si>',
    ];
    const path = file(
      'shared.xlsx',
      workbook(
        [
          {
            name: 'Comments',
            data:
              `<row r="1">${str('A1', 0)}${str('B1', 1)}${str('D1', 2)}</row>` +
              `<row r="2">${str('A2', 3)}${num('B2', 45658.5, 1)}${str('D2', 4)}</row>` +
              // row 3 is missing (an empty row), row 4 has its text cell first and no cell references on the others
              `<row r="4">${inline('D4', '@Ana salut, "toi"\nà demain')}</row>` +
              `<row r="5"><c t="s"><v>5</v></c><c s="2"><v>45659.25</v></c><c/>${inline('D5', 'Merci, &amp; bravo')}</row>`,
          },
        ],
        { shared, styles: STYLES },
      ),
    );
    const ds = await load([path]);
    expect(ds.messages.count).toBe(2);
    const k = find(ds, 'Bonjour');
    expect(ds.excerpt(k)).toBe('Bonjour à tous');
    expect(new Date(ds.messages.createdAt[k]!).toISOString()).toBe('2025-01-01T12:00:00.000Z');
    expect(ds.messages.line[k]).toBe(2);
    const m = find(ds, 'Merci');
    expect(ds.excerpt(m)).toBe('Merci, & bravo');
    expect(ds.messages.line[m]).toBe(5);
    expect(new Date(ds.messages.createdAt[m]!).toISOString()).toBe('2025-01-02T06:00:00.000Z');
    // row 4 has no author: skipped with its Excel row number
    expect(ds.sources[0]!.rowsSkipped).toBe(1);
    expect(ds.issues.some((i) => i.code === 'row-no-author' && i.line === 4)).toBe(true);
  });

  it('keeps a line break inside a cell as a space, so that later rows keep their row numbers', async () => {
    const path = file(
      'multiline.xlsx',
      workbook([
        {
          name: 'Feuil1',
          data:
            `<row r="1">${inline('A1', 'Auteur')}${inline('B1', 'Date')}${inline('C1', 'Commentaire')}</row>` +
            `<row r="2">${inline('A2', 'Ana')}${inline('B2', '2025-01-01 10:00')}${inline('C2', 'Première ligne\nseconde ligne')}</row>` +
            `<row r="3">${inline('A3', 'Bo')}${inline('B3', '2025-01-01 11:00')}${inline('C3', '@Ana oui')}</row>`,
        },
      ]),
    );
    const ds = await load([path]);
    expect(ds.excerpt(find(ds, 'Première'))).toBe('Première ligne seconde ligne');
    expect(ds.messages.line[find(ds, '@Ana oui')]).toBe(3);
    expect(ds.messages.parent[find(ds, '@Ana oui')]).toBe(find(ds, 'Première'));
  });

  it('reads dates of the 1904 system, and day counts in the date column whose cells have no date format', async () => {
    const rows = (style?: number) =>
      `<row r="1">${inline('A1', 'author')}${inline('B1', 'date')}${inline('C1', 'text')}</row>` +
      `<row r="2">${inline('A2', 'Ana')}${num('B2', 45658.75, style)}${inline('C2', 'Hello')}</row>`;
    const in1904 = await load([file('1904.xlsx', workbook([{ name: 'S', data: rows(1) }], { styles: STYLES, date1904: true }))]);
    expect(new Date(in1904.messages.createdAt[0]!).toISOString()).toBe('2029-01-02T18:00:00.000Z');
    const general = await load([file('general.xlsx', workbook([{ name: 'S', data: rows(3) }], { styles: STYLES }))]);
    expect(new Date(general.messages.createdAt[0]!).toISOString()).toBe('2025-01-01T18:00:00.000Z');
  });

  it('finds the header below a title block, and reads every sheet of comments as its own source', async () => {
    const sheet = (who: string) =>
      `<row r="1">${inline('A1', 'Export des commentaires')}</row>` +
      `<row r="2">${inline('A2', 'https://www.instagram.com/p/C230M8/')}</row>` +
      `<row r="4">${inline('A4', 'Name (click to view profile)')}${inline('B4', 'Username')}${inline('C4', 'Date')}${inline('D4', 'Likes')}${inline('E4', 'Comment')}</row>` +
      `<row r="5">${inline('A5', who)}${inline('B5', who.toLowerCase())}${inline('C5', '2025-03-04T08:44:00Z')}${num('D5', 2)}${inline('E5', 'Trop beau !')}</row>`;
    const path = file('two-posts.xlsx', workbook([{ name: 'Post 1', data: sheet('Ana') }, { name: 'Post 2', data: sheet('Bo') }]));
    const ds = await load([path]);
    expect(ds.sources.map((s) => s.file)).toEqual([`${path} (Post 1)`, `${path} (Post 2)`]);
    expect(authorNames(ds)).toEqual(['ana', 'bo']);
    expect([...ds.messages.line]).toEqual([5, 5]);
    expect([...ds.messages.reactions]).toEqual([2, 2]);
  });

  it('reads a folder of workbooks (one per post) as one audit', async () => {
    const dir = join(TMP, 'posts');
    mkdirSync(dir, { recursive: true });
    const one = (who: string, at: string) =>
      workbook([
        {
          name: 'Sheet1',
          data: `<row r="1">${inline('A1', 'author')}${inline('B1', 'date')}${inline('C1', 'text')}</row><row r="2">${inline('A2', who)}${inline('B2', at)}${inline('C2', 'Hello')}</row>`,
        },
      ]);
    writeFileSync(join(dir, 'post-1.xlsx'), one('Ana', '2025-01-01 10:00'));
    writeFileSync(join(dir, 'post-2.xlsx'), one('Bo', '2025-01-02 10:00'));
    const ds = await load([dir]);
    expect(ds.sources.map((s) => s.format)).toEqual(['xlsx', 'xlsx']);
    expect(authorNames(ds)).toEqual(['Ana', 'Bo']);
  });

  it('reads a member list kept in Excel', async () => {
    const members = file(
      'members.xlsx',
      workbook([
        {
          name: 'Membres',
          data: `<row r="1">${inline('A1', 'Nom')}${inline('B1', 'Rôle')}</row><row r="2">${inline('A2', 'Claire Dubois')}${inline('B2', 'admin')}</row><row r="3">${inline('A3', 'Adrien André')}${inline('B3', 'membre')}</row>`,
        },
      ]),
    );
    const ds = await load([LINKEDIN_CSV], {}, members);
    expect(ds.members.map((m) => [m.name, m.role])).toEqual([
      ['Claire Dubois', 'admin'],
      ['Adrien André', 'member'],
    ]);
    expect(ds.authors[ds.members[0]!.author!]!.name).toBe('Claire Dubois');
  });

  it('says which columns it found when no sheet has author, date and text', async () => {
    const path = file('stats.xlsx', workbook([{ name: 'Stats', data: `<row r="1">${inline('A1', 'Publication')}${inline('B1', 'Vues')}</row><row r="2">${inline('A2', 'p1')}${num('B2', 120)}</row>` }]));
    const e = await error(load([path]));
    expect(e.code).toBe('error.missingColumns');
    const text = t('fr', e.ref.key, e.ref.values);
    expect(text).toContain('stats.xlsx');
    expect(text).toContain('"Publication", "Vues"');
    expect(text).toContain('--map');
  });

  it('tells an empty workbook and a damaged one from a wrong file, with what to do', async () => {
    const empty = await error(load([file('empty.xlsx', workbook([{ name: 'Feuil1', data: '' }]))]));
    expect(empty.code).toBe('error.xlsxEmpty');
    const damaged = await error(load([file('damaged.xlsx', workbook([{ name: 'Feuil1', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>author</t></is></row>' }]))]));
    expect(damaged.code).toBe('error.xlsxDamaged');
    expect(t('en', damaged.ref.key, damaged.ref.values)).toMatch(/damaged\.xlsx\/xl\/worksheets\/sheet1\.xml is an Excel workbook that cannot be read \(line 1: .+\)\. Open it in Excel/);
    const csv = await error(load([LINKEDIN_CSV], { inputFormat: 'xlsx' }));
    expect(csv.code).toBe('error.notXlsx');
  });
});

describe('Excel values', () => {
  it.each([
    [25569, false, '1970-01-01T00:00:00'],
    [45658, false, '2025-01-01T00:00:00'],
    [45664.524305555555, false, '2025-01-07T12:35:00'],
    // 1904 system: the same day is 1462 days fewer
    [45658 - 1462, true, '2025-01-01T00:00:00'],
    // a time a hair short of the second, as Excel stores it, rounds to it
    [45658.99999999, false, '2025-01-02T00:00:00'],
  ])('day count %d (1904: %s) is %s', (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });

  it.each([
    ['dd/mm/yyyy hh:mm', true],
    ['yyyy-mm-dd h:mm:ss', true],
    ['[$-40C]d mmmm yyyy', true],
    ['h:mm AM/PM', true],
    ['0.00', false],
    ['#,##0', false],
    ['[Red]0.00;[Blue]-0.00', false],
    ['"days: "0', false],
    ['0.00\\ "h"', false],
  ])('format code %s shows a date: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it.each([
    ['A1', 0],
    ['Z9', 25],
    ['AA10', 26],
    ['AB12', 27],
    ['XFD1', 16383],
  ])('cell %s is in column %d', (ref, col) => {
    expect(columnOf(ref)).toBe(col);
  });
});
