/**
 * Escaping for every place user text is written: the terminal, HTML, Markdown and CSV.
 *
 * Names, texts, file names and column headers come from files written by strangers. In a
 * report they are data: they must not clear a screen, run a script, add a link, break a
 * table or become a spreadsheet formula. Renderers call these helpers on every piece of
 * user text, and only on user text (their own markup stays theirs).
 */

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

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text for HTML content and quoted attribute values. Control characters are dropped (a NUL in a name is no character to show). */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '').replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * A value as JSON that can sit inside `<script type="application/json">` (or a JS literal)
 * without ending the script: `<`, `>`, `&` and the JS line separators are written as
 * \u escapes, which JSON.parse reads back unchanged.
 */
export function jsonForHtml(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * User text for one line of Markdown (a paragraph, a list item or a table cell): it stays
 * literal text. Every character that could open a construct is backslash-escaped
 * (links `[x](y)`, images `![x](y)`, emphasis, code, raw HTML, table pipes), line breaks
 * become spaces, and bare URLs and e-mail-like text are broken so that GitHub's autolinks
 * do not turn them into links.
 */
export function escapeMarkdownInline(text: string): string {
  let s = stripTerminalControls(text).trim();
  // what opens a construct anywhere in a line; `(`, `!`, `:` only matter next to an escaped `[` or in a URL
  s = s.replace(/[\\`*_[\]<>|~&@$#]/g, (c) => '\\' + c);
  // autolinks (GitHub): http://, https://, ftp://, www., mailto:
  s = s.replace(/:(?=\/\/)/g, '\\:').replace(/\b(www)\./gi, '$1\\.').replace(/\b(mailto|xmpp):/gi, '$1\\:');
  // block markers that count at the start of a line: list items, headings, quotes, rules
  s = s.replace(/^([+\-=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s;
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
