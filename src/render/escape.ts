/**
 * Every piece of text in a report may come from a comment or a display name, so it is
 * data, never markup: escaped for HTML, for Markdown, and for a JSON block inside HTML.
 */

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * For HTML text and attribute values (always quoted with "). Control characters (a
 * terminal colour code in a name, say) are not text in HTML: they go.
 */
export function escapeHtml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '').replace(/[&<>"']/g, (c) => HTML[c]!);
}

/**
 * JSON inside <script type="application/json">: `<` as \u003c so that no `</script>` or
 * `<!--` can end the block; the line separators that old parsers choke on as escapes too.
 */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Markdown text on one line: no user text may start a heading, a list, a quote or a table
 * row, open a link, an image, an HTML tag, code or emphasis, or turn a URL or an @name into
 * a link (GitHub autolinks both). Parentheses are left alone: without `]` they make no link. Newlines and tabs become spaces; `|` is escaped so that a
 * table cell holds. CommonMark lets any ASCII punctuation be escaped with a backslash.
 */
export function escapeMarkdown(s: string): string {
  let out = s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(/[\\`*_{}[\]<>#!|~&@$]/g, (c) => '\\' + c)
    // autolinks: `https://x`, `www.x`, `x@y`: the escaped ":" and "." break the pattern
    .replace(/:\/\//g, '\\:\\/\\/')
    .replace(/\bwww\./gi, (w) => w.slice(0, 3) + '\\.');
  // a line start that would make a block: - + = heading underline, "1." lists
  out = out.replace(/^(\s*)([-+=>])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

/** The name the brief gives it: user text on one line of Markdown (see escapeMarkdown). */
export const escapeMarkdownInline = escapeMarkdown;

/**
 * ANSI/ECMA-48 sequences: CSI (`ESC [` … final byte), OSC/DCS/SOS/PM/APC strings (up to BEL
 * or ST), and two-byte escapes; the 8-bit C1 forms too (0x9b CSI, 0x9d OSC…).
 */
const ANSI_SEQUENCE =
  // eslint-disable-next-line no-control-regex
  /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]?|(?:\u001b[\]P^_X]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\u0020-\u002f]*[\u0030-\u007e]?/g;
/** Other C0 and C1 controls and DEL; the line breaks among them are handled apart. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source"). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029\u0085]/g;

export interface TerminalOptions {
  /** keep line breaks (as `\n`); by default every break and tab becomes a space */
  keepNewlines?: boolean;
}

/**
 * Text safe to print on a terminal: escape sequences removed whole (a name holding
 * `\x1b[2J` must not clear the screen, `\x1b]0;…` must not retitle the window), other
 * control characters and bidi overrides removed, line breaks made spaces so one field
 * cannot fake a line of the report.
 */
export function stripTerminalControls(text: string, options: TerminalOptions = {}): string {
  let s = text.replace(ANSI_SEQUENCE, '').replace(BIDI_CONTROL, '');
  s = options.keepNewlines ? s.replace(LINE_BREAK, '\n').replace(/\t/g, ' ') : s.replace(LINE_BREAK, ' ').replace(/\t/g, ' ');
  return s.replace(CONTROL, '');
}

/** Every string of a value (a whole report), made safe for the terminal; the value itself is not changed. */
export function stripTerminalControlsDeep<T>(value: T): T {
  return mapStrings(value, (s) => stripTerminalControls(s)) as T;
}

function mapStrings(value: unknown, fn: (s: string) => string): unknown {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
    return out;
  }
  return value;
}

/** What a spreadsheet reads as a formula when a cell starts with it (OWASP "CSV injection"). */
const FORMULA_START = /^[\s]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;

/**
 * A cell that a spreadsheet will show as text, never run: one starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (=HYPERLINK(…), +cmd|…, @SUM(…)) gets a leading `'`.
 * Plain numbers (-3, +12.5) are left as they are.
 */
export function neutralizeFormula(cell: string): string {
  if (!FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell.trim())) return cell;
  return "'" + cell;
}

/** One CSV field as the tool writes it: formula-neutralized, then quoted when needed. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
