/**
 * The bad-input corpus: every broken or hostile input we know of, run through the built
 * command line, with its exit code and its message. Small inputs are committed files of
 * test/corpus/; big ones (10 MB lines, 100,000 replies) are written into a temporary folder.
 *
 * Every case also checks what holds for all of them: only the documented exit codes, never
 * a stack trace, an error is one paragraph that names the file, a report is a valid report.
 */
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditResult, type AuditResultT } from '../../src/model/result.js';
import { CORPUS, INJECT_FS, type RunResult, STACK_TRACE, runCli, tempDir } from '../helpers/spawn-cli.js';

const tmp = tempDir('ca-corpus-');
afterAll(() => tmp.remove());

interface Case {
  name: string;
  /** a file of test/corpus, or a function that writes the input into a temporary folder and returns its path */
  input: string | ((dir: string) => string);
  /** the command line for the input's path; by default `<file> --format json` */
  args?: (file: string) => string[];
  stdin?: string | Buffer;
  /** fs failures to inject (see test/helpers/inject-fs.mjs) */
  inject?: { op: string; match: string; code: string }[];
  exit: 0 | 2 | 3;
  /** what the file is called in the message (default: the input's path as given) */
  names?: string;
  /** each must match stderr */
  stderr?: RegExp[];
  /** checks on the JSON report */
  report?: (r: AuditResultT) => void;
  /** checks on the whole run */
  check?: (run: RunResult) => void;
  timeoutMs?: number;
}

const json = (file: string) => [file, '--format', 'json'];
const warning = (r: AuditResultT, re: RegExp) => expect(r.warnings.map((w) => w.text)).toEqual(expect.arrayContaining([expect.stringMatching(re)]));
const source = (r: AuditResultT) => r.input.sources[0]!;
const MB10 = 10 * 1024 * 1024;
const HEADER = 'id,parent,author,date,text\n';
const rows = (n: number, from = 1) =>
  Array.from({ length: n }, (_, k) => `${from + k},,user${(from + k) % 7},2025-01-${String(((from + k) % 28) + 1).padStart(2, '0')}T10:00:00Z,message ${from + k}`).join('\n') + '\n';
/** A cell that reads as text in a report but holds an address and a phone: never printed. */
const CONTACTS = /@[a-z]+\.(?:com|fr|org)|\+33 6|\(555\)/;

/** Can this process be refused reading a file? Not as root, where chmod 000 changes nothing. */
function chmodDenies(): boolean {
  const f = join(tmp.dir, 'probe.csv');
  writeFileSync(f, 'x');
  chmodSync(f, 0o000);
  try {
    accessSync(f, constants.R_OK);
    return false;
  } catch {
    return true;
  } finally {
    chmodSync(f, 0o644);
  }
}

const CASES: Case[] = [
  // files that cannot be used at all: exit 2, one paragraph naming the file and the fix
  { name: 'an empty file', input: 'empty.csv', exit: 2, stderr: [/empty\.csv is empty\. Export your comments again/] },
  { name: 'blank lines and spaces only', input: 'whitespace-only.csv', exit: 2, stderr: [/whitespace-only\.csv is empty/] },
  { name: 'a header and no row', input: 'header-only.csv', exit: 2, stderr: [/header-only\.csv has a header row but no comment or message under it\. Export again/] },
  { name: 'a header with a BOM, CRLF and blank lines, no row', input: 'header-only-bom-crlf.csv', exit: 2, stderr: [/has a header row but no comment/] },
  { name: 'a PNG renamed .csv', input: 'png-renamed.csv', exit: 2, stderr: [/png-renamed\.csv is not a text file \(it looks like a PNG image\)\. Give a CSV export/] },
  { name: 'a truncated zip', input: 'truncated.zip', exit: 2, stderr: [/truncated\.zip/, /zip/i] },
  { name: 'a truncated zip renamed .csv', input: 'truncated-zip-renamed.csv', exit: 2, stderr: [/truncated-zip-renamed\.csv/, /zip/i] },
  { name: 'a gzip file renamed .csv', input: 'gzip-renamed.csv', exit: 2, stderr: [/gzip-renamed\.csv/, /gzip/i] },
  { name: 'a PDF renamed .csv', input: 'pdf-renamed.csv', exit: 2, stderr: [/looks like a PDF document/] },
  { name: 'random bytes', input: 'random-bytes.csv', exit: 2, stderr: [/random-bytes\.csv is not a text file \(it looks like a binary file\)/] },
  { name: 'a header followed by thousands of NUL bytes', input: 'nul-heavy.csv', exit: 2, stderr: [/nul-heavy\.csv is not a text file/] },
  { name: 'no header row: the first row (with contacts) is taken for one, and never printed', input: 'no-header-with-contacts.csv', exit: 2, stderr: [/no column for author, date, text\. Columns found: "\[e-mail\]", "2025-01-02T10:00:00Z", "\[phone\]"\. Tell which column holds it with --map/], check: (run) => expect(run.stderr).not.toMatch(CONTACTS) },
  { name: 'columns that are not comments', input: 'wrong-columns.csv', exit: 2, stderr: [/wrong-columns\.csv: no column for author, date, text\. Columns found: "foo", "bar", "baz"\. .*--map author="foo"/] },
  { name: 'no author in any row', input: 'no-author-values.csv', exit: 2, stderr: [/no-author-values\.csv: none of its 7 rows could be used \(7 × row-no-author\)/] },
  { name: 'no readable date in any row', input: 'dates-all-invalid.csv', exit: 2, stderr: [/none of its 7 rows could be used \(7 × row-bad-date\)\. Check the columns and the date format \(--date-format\)/] },
  { name: 'dates beyond any calendar, read as epoch milliseconds', input: 'dates-huge-epoch.csv', args: (f) => [...json(f), '--date-format', 'epoch-ms'], exit: 2, stderr: [/none of its 3 rows could be used \(3 × row-date-out-of-range\)/] },
  { name: 'dates beyond any calendar, detected', input: 'dates-huge-epoch.csv', exit: 2, stderr: [/none of its 3 rows could be used \(3 × row-bad-date\)/] },
  // once folders are read as containers (an unzipped Slack export), an empty one holds no export
  { name: 'a folder instead of a file', input: (d) => (mkdirSync(join(d, 'exports'), { recursive: true }), join(d, 'exports')), exit: 2, stderr: [/exports (is a folder, not a file\. Give the export file itself|holds no export)/] },
  { name: 'a file that does not exist', input: (d) => join(d, 'nowhere.csv'), exit: 2, stderr: [/cannot read .*nowhere\.csv: the file does not exist\. Check the path/] },
  { name: 'a --members file that does not exist', input: 'comments-for-members.csv', args: (f) => [...json(f), '--members', 'no-such-members.csv'], names: 'no-such-members.csv', exit: 2, stderr: [/cannot read no-such-members\.csv: the file does not exist/] },
  { name: 'a --members file that is a PNG', input: 'comments-for-members.csv', args: (f) => [...json(f), '-m', 'members-png.csv'], names: 'members-png.csv', exit: 2, stderr: [/members-png\.csv is not a text file \(it looks like a PNG image\)/] },
  { name: 'a --members file without header: its e-mails and phones are not printed', input: 'comments-for-members.csv', args: (f) => [...json(f), '-m', 'members-no-header-contacts.csv'], names: 'members-no-header-contacts.csv', exit: 2, stderr: [/no column for the member id or name\. Columns found: "\[e-mail\]", "\[phone\]", "2024-01-01"/], check: (run) => expect(run.stderr).not.toMatch(CONTACTS) },
  {
    name: 'a 10 MB single line (no delimiter, no end of line)',
    input: (d) => (writeFileSync(join(d, 'one-line.csv'), 'x'.repeat(MB10)), join(d, 'one-line.csv')),
    exit: 2,
    stderr: [/one-line\.csv: no column for author, date, text\. Columns found: "x{39}…"/],
    check: (run) => expect(run.stderr.length).toBeLessThan(1000),
  },
  {
    name: 'a 10 MB line of commas (ten million empty columns)',
    input: (d) => (writeFileSync(join(d, 'commas.csv'), ','.repeat(MB10)), join(d, 'commas.csv')),
    exit: 2,
    stderr: [/commas\.csv: no header row found/],
  },
  {
    name: 'a header of 10,000 columns',
    input: (d) => (writeFileSync(join(d, 'wide.csv'), Array.from({ length: 10_000 }, (_, i) => `col${i}`).join(',') + '\n' + '1,'.repeat(9_999) + '1\n'), join(d, 'wide.csv')),
    exit: 2,
    stderr: [/wide\.csv: no column for author, date, text\. Columns found: "col0", .*"col19", … \(10[,\u202f]?000\)/],
    check: (run) => expect(run.stderr.length).toBeLessThan(2000),
  },

  // damaged files that still hold usable rows: the rows are used, the rest counted with their lines
  {
    name: 'a 10 MB single field in a row',
    input: (d) => (writeFileSync(join(d, 'long-field.csv'), HEADER + rows(9) + `10,,user3,2025-01-20T10:00:00Z,${'y'.repeat(MB10)}\n`), join(d, 'long-field.csv')),
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(10);
      for (const e of r.signals.flatMap((s) => s.evidence)) expect((e.excerpt ?? '').length).toBeLessThanOrEqual(120);
    },
    check: (run) => expect(run.stdout.length).toBeLessThan(200_000),
  },
  {
    name: 'a 10 MB line of fields under a header',
    input: (d) => (writeFileSync(join(d, 'wide-row.csv'), 'author,date,text\n' + 'a,'.repeat(MB10 / 2)), join(d, 'wide-row.csv')),
    exit: 2,
    stderr: [/wide-row\.csv: none of its 1 rows could be used/],
  },
  { name: 'an unclosed quote on the last line', input: 'unclosed-quote-end.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(13), warning(r, /unclosed-quote-end\.csv, line 14: a quote \("\) opens a field that never closes/)) },
  { name: 'an unclosed quote in the middle swallows the rest, and says so', input: 'unclosed-quote-middle.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(11), warning(r, /line 12: a quote \("\) opens a field that never closes; everything after it was read as one text/)) },
  { name: 'a stray quote inside a field', input: 'stray-quote.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(14), warning(r, /stray-quote\.csv, line 12: a quote \("\) in the middle of a field/)) },
  {
    name: 'ragged rows: too many fields, too few, one alone',
    input: 'ragged-rows.csv',
    exit: 0,
    report: (r) => {
      expect(source(r)).toMatchObject({ rowsRead: 16, rowsSkipped: 1 });
      expect(r.input.messages).toBe(15);
      warning(r, /line 12: 7 fields where the header has 5/);
      warning(r, /line 13: 4 fields where the header has 5/);
      warning(r, /line 14: no author; row skipped/);
    },
  },
  {
    name: 'hundreds of ragged rows: ten listed, the rest counted',
    input: (d) => (writeFileSync(join(d, 'many-ragged.csv'), HEADER + rows(300).replace(/\n/g, ',extra\n')), join(d, 'many-ragged.csv')),
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(300);
      expect(r.warnings.filter((w) => w.key === 'issue.row-ragged')).toHaveLength(10);
      warning(r, /many-ragged\.csv: 300 rows in all do not have as many fields as the header \(10 listed above\)/);
    },
  },
  { name: 'trailing empty columns (an Excel habit) are no ragged rows', input: 'trailing-empty-fields.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(10), expect(r.warnings).toEqual([])) },
  { name: 'old Mac line endings (CR only)', input: 'cr-line-endings.csv', exit: 0, report: (r) => expect(r.input.messages).toBe(10) },
  { name: 'Excel "Unicode text": UTF-16 with BOM, tabs', input: 'utf16-excel-unicode.csv', exit: 0, report: (r) => expect(r.input.messages).toBe(10) },
  {
    name: 'NUL bytes in a name and a text',
    input: 'nul-bytes.csv',
    args: (f) => [f, '-m', 'members-nul.csv'],
    exit: 0,
    check: (run) => {
      expect(run.stdout).not.toContain('\u0000');
      expect(run.stdout).toMatch(/Brand accounts: usernul\./);
    },
  },
  {
    name: 'mixed encodings: a Windows-1252 row in a UTF-8 file',
    input: 'mixed-encodings.csv',
    args: (f) => [...json(f), '--brand', 'Hélène Dupré'],
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(11);
      // the Windows-1252 row is decoded, not turned into question marks
      expect(r.input.brand.accounts).toEqual(['Hélène Dupré']);
      expect(JSON.stringify(r)).not.toContain('\ufffd');
      warning(r, /mixed-encodings\.csv: 5 bytes were not UTF-8 and were read as Windows-1252/);
    },
  },
  {
    name: '__proto__, constructor and a duplicate column name',
    input: 'proto-headers.csv',
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(10);
      warning(r, /proto-headers\.csv: 2 columns are named "text"; only the first one is read/);
    },
  },
  { name: '__proto__ as the author column, with --map', input: 'proto-map.csv', args: (f) => [...json(f), '--map', 'author=__proto__', '--map', 'date=quand', '--map', 'text=quoi'], exit: 0, report: (r) => (expect(r.input.messages).toBe(10), expect(r.input.authors).toBe(4)) },
  {
    name: '__proto__, constructor, toString as author names are people like others',
    input: 'proto-values.csv',
    args: (f) => [...json(f), '--brand', '__proto__,constructor'],
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(8);
      expect(r.input.authors).toBe(7);
      expect(r.input.brand.accounts).toEqual(['__proto__', 'constructor']);
    },
  },
  {
    name: '__proto__, constructor, toString as platform names (a column or --platform)',
    input: 'proto-platform.csv',
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(4);
      expect(r.input.authors).toBe(4);
      expect(typeof source(r).platform).toBe('string');
    },
  },
  { name: '--platform constructor', input: 'proto-platform.csv', args: (f) => [...json(f), '--platform', 'constructor'], exit: 0, report: (r) => expect(source(r).platform).toBe('constructor') },
  {
    name: 'formula cells (=HYPERLINK, +cmd, @SUM) are data, kept as written',
    input: 'formula-cells.csv',
    args: (f) => [...json(f), '-m', 'members-formula.csv'],
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(10);
      expect(r.input.brand.method).toBe('roles');
      expect([...r.input.brand.accounts].sort()).toEqual(["+cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/x","Cliquez")', '@SUM(1+1)']);
    },
  },
  {
    name: 'HTML and script in names and texts are data',
    input: 'html-script.csv',
    args: (f) => [...json(f), '--brand', '<script>alert(1)</script>'],
    exit: 0,
    report: (r) => expect(r.input.brand.accounts).toEqual(['<script>alert(1)</script>']),
  },
  {
    name: 'escape sequences in a name never reach the terminal',
    input: 'ansi-escapes.csv',
    args: (f) => [f, '--brand', '\u001b[2J\u001b[Hevil\u001b]0;pwned\u0007,bob\u009b2J'],
    exit: 0,
    check: (run) => {
      // eslint-disable-next-line no-control-regex
      expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(run.stdout).toMatch(/Brand accounts: evil, bob\./);
    },
  },
  {
    name: 'bidi overrides and zero-width characters in names',
    input: 'bidi-zero-width.csv',
    args: (f) => [f, '--brand', 'Alice'],
    exit: 0,
    check: (run) => {
      expect(run.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      // "Al\u200bice" and "Alice" are two accounts the same person could be: --brand Alice names both
      expect(run.stdout).toMatch(/Brand accounts: Alice, Al\u200bice\.|Brand accounts: Al\u200bice, Alice\./);
    },
  },
  {
    name: 'dates in 1970 (empty dates) are skipped with their lines',
    input: 'dates-1970.csv',
    exit: 0,
    report: (r) => {
      expect(source(r)).toMatchObject({ rowsRead: 13, rowsSkipped: 3 });
      warning(r, /dates-1970\.csv, line 12: the date 1970-01-01 is before 1980 or after 2099/);
      warning(r, /line 13: the date "0" cannot be read/);
      expect(r.input.period!.start.startsWith('2025-')).toBe(true);
    },
  },
  {
    name: 'dates in 2100 and beyond are skipped with their lines',
    input: 'dates-2100.csv',
    exit: 0,
    report: (r) => {
      expect(source(r)).toMatchObject({ rowsRead: 12, rowsSkipped: 2 });
      warning(r, /line 12: the date 2100-01-01 is before 1980 or after 2099/);
      warning(r, /line 13: the date 2999-12-31 is before 1980 or after 2099/);
      expect(r.input.period!.end.startsWith('2025-')).toBe(true);
    },
  },
  {
    name: 'invalid dates (30 February, month 13, "hier", empty) are skipped with their lines',
    input: 'dates-invalid.csv',
    exit: 0,
    report: (r) => {
      expect(source(r)).toMatchObject({ rowsRead: 15, rowsSkipped: 5 });
      for (const [line, value] of [[12, '2025-02-30'], [13, '31/31/2025'], [14, 'hier'], [15, ''], [16, '2025-13-01T10:00:00Z']] as const) {
        warning(r, new RegExp(`line ${line}: the date "${value}" cannot be read; row skipped`));
      }
    },
  },
  { name: 'a reply cycle is cut and reported', input: 'reply-cycle.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(11), expect(r.input.replyLinks.explicit).toBe(2), warning(r, /reply-cycle\.csv, line \d+: replies form a loop; the loop was cut here/)) },
  { name: 'a message answering itself is no reply', input: 'self-replies.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(11), expect(r.input.replyLinks.explicit).toBe(1)) },
  { name: 'a reply to a message not in the export', input: 'reply-to-missing.csv', exit: 0, report: (r) => (expect(r.input.replyLinks.explicit).toBe(0), warning(r, /line 2: answers message 999, which is not in the export/)) },
  {
    name: 'identical duplicate rows are counted once, the copies skipped with their lines',
    input: 'duplicate-rows.csv',
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(10);
      expect(source(r)).toMatchObject({ rowsRead: 22, rowsSkipped: 12 });
      warning(r, /duplicate-rows\.csv, line 12: the same row as message 1 \(same author, date and text\); skipped/);
    },
  },
  { name: 'the same id on two different rows keeps both', input: 'duplicate-ids-different.csv', exit: 0, report: (r) => (expect(r.input.messages).toBe(11), warning(r, /line 12: the id 3 appears twice/)) },
  {
    name: 'reaction counts beyond 32 bits, negative or not numbers',
    input: 'huge-reactions.csv',
    exit: 0,
    report: (r) => {
      expect(r.input.messages).toBe(6);
      for (const s of r.signals) for (const v of Object.values(s.values)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    },
  },
  {
    name: '100,000 replies to one post',
    input: (d) => {
      const lines = [HEADER.trimEnd(), '0,,brand,2025-01-01T09:00:00Z,Le post'];
      for (let i = 1; i <= 100_000; i++) lines.push(`${i},0,user${i % 5000},2025-01-${String((i % 27) + 2).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,réponse ${i}`);
      writeFileSync(join(d, 'hundred-thousand.csv'), lines.join('\n') + '\n');
      return join(d, 'hundred-thousand.csv');
    },
    exit: 0,
    timeoutMs: 60_000,
    report: (r) => (expect(r.input.messages).toBe(100_001), expect(r.input.replyLinks.explicit).toBe(100_000)),
  },
  { name: 'a --members file with a header and no member', input: 'comments-for-members.csv', args: (f) => [...json(f), '-m', 'members-header-only.csv'], exit: 0, report: (r) => warning(r, /members-header-only\.csv: the member file has a header but no member/) },

  // files that cannot be read: permissions, disks going away (injected where the system cannot produce them)
  {
    name: 'permission denied (injected EACCES on open)',
    input: 'comments-for-members.csv',
    inject: [{ op: 'open', match: 'comments-for-members.csv', code: 'EACCES' }],
    exit: 2,
    stderr: [/cannot read comments-for-members\.csv: permission denied\. Check its access rights\./],
  },
  {
    name: 'a read error halfway through the file (injected EIO)',
    input: 'comments-for-members.csv',
    inject: [{ op: 'read', match: 'comments-for-members.csv', code: 'EIO' }],
    exit: 2,
    stderr: [/cannot read comments-for-members\.csv: EIO: injected failure, read '.*'\. Check that the file is complete/],
  },
  {
    name: 'a --members file denied (injected EPERM on stat)',
    input: 'comments-for-members.csv',
    args: (f) => [...json(f), '-m', 'members-header-only.csv'],
    inject: [{ op: 'stat', match: 'members-header-only.csv', code: 'EPERM' }],
    names: 'members-header-only.csv',
    exit: 2,
    stderr: [/cannot read members-header-only\.csv: permission denied/],
  },

  // stdin
  { name: 'stdin closed at once', input: '-', exit: 2, names: 'stdin', stderr: [/stdin is empty/] },
  { name: 'stdin: a PNG piped in', input: '-', stdin: readFileSync(join(CORPUS, 'png-renamed.csv')), exit: 2, names: 'stdin', stderr: [/stdin is not a text file \(it looks like a PNG image\)/] },
  {
    name: 'stdin closed early, in the middle of a row and of a character',
    input: '-',
    stdin: Buffer.concat([Buffer.from(HEADER + rows(12) + '13,,user3,2025-01-20T10:00:00Z,coupé au milieu d’un caract'), Buffer.from('è', 'utf8').subarray(0, 1)]),
    exit: 0,
    report: (r) => (expect(r.input.sources[0]!.file).toBe('stdin'), expect(r.input.messages).toBe(13)),
  },
  {
    name: 'stdin breaking after its first bytes (injected EIO)',
    input: '-',
    stdin: HEADER + rows(5),
    inject: [{ op: 'stdin', match: '', code: 'EIO' }],
    exit: 2,
    names: 'stdin',
    stderr: [/stdin could not be read to the end \(EIO\)\. Pipe the whole file again/],
  },
];

describe.concurrent('the bad-input corpus', () => {
  it('holds at least 40 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  for (const c of CASES) {
    it(c.name, { timeout: (c.timeoutMs ?? 20_000) + 5_000 }, async () => {
      const file = typeof c.input === 'string' ? c.input : c.input(tmp.dir);
      const args = (c.args ?? json)(file);
      const run = await runCli(args, {
        cwd: CORPUS,
        ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
        ...(c.inject ? { node: ['--import', INJECT_FS], env: { CA_INJECT_FS: JSON.stringify(c.inject) } } : {}),
        timeoutMs: c.timeoutMs ?? 20_000,
      });
      expect(run.timedOut, 'the command did not finish in time').toBe(false);
      expect({ exit: run.code, stderr: run.stderr.slice(0, 2000) }).toMatchObject({ exit: c.exit });
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.stderr).not.toMatch(/internal error/);
      if (c.exit === 2) {
        // one paragraph, on one line, that names the file
        const message = run.stderr.trim();
        expect(message.split('\n')).toHaveLength(1);
        expect(message.startsWith('community-audit: ')).toBe(true);
        expect(message).toContain(c.names ?? (typeof c.input === 'string' ? c.input : file).split('/').pop()!);
        expect(run.stdout).toBe('');
      }
      for (const re of c.stderr ?? []) expect(run.stderr).toMatch(re);
      if (c.exit === 0 && args.includes('json')) {
        const report = AuditResult.parse(JSON.parse(run.stdout));
        c.report?.(report);
      }
      c.check?.(run);
    });
  }

  it('permission denied on a real file, where the system can deny it (else by injection)', async () => {
    const f = join(tmp.dir, 'locked.csv');
    writeFileSync(f, readFileSync(join(CORPUS, 'comments-for-members.csv')));
    const real = chmodDenies();
    if (real) chmodSync(f, 0o000);
    const run = await runCli([f], real ? {} : { node: ['--import', INJECT_FS], env: { CA_INJECT_FS: JSON.stringify([{ op: 'open', match: 'locked.csv', code: 'EACCES' }]) } });
    chmodSync(f, 0o644);
    if (!real) console.log('running as root: chmod 000 does not deny reading, so the denial was injected');
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(`community-audit: cannot read ${f}: permission denied. Check its access rights.`);
  });
});
