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
