/** Markup in exported texts (HTML bodies, HTML entities, Slack's `<@U123>` tokens), reduced to plain text. */

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', hellip: '…', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', eacute: 'é', egrave: 'è', agrave: 'à', ccedil: 'ç' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** HTML to text: tags dropped (block ends become new lines), entities decoded; links keep their address. */
export function stripHtml(html: string): string {
  if (!html.includes('<')) return decodeEntities(html);
  return decodeEntities(
    html
      .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gis, (_w, href: string, label: string) => (label.includes(href) ? label : `${label} ${href}`))
      .replace(/<(br|\/p|\/div|\/li|\/h\d|\/blockquote|\/pre)\b[^>]*>/gi, '\n')
      .replace(/<[^>]{0,2000}>/g, ''),
  );
}

/** An innermost quote block: no other opening inside it, so nested quotes go from the inside out. */
const INNER_BBCODE_QUOTE = /\[quote(?:=[^\]]*)?\](?:(?!\[quote[=\]])[\s\S])*?\[\/quote\]/gi;
const INNER_HTML_QUOTE = /<aside class="quote(?:(?!<aside\b)[\s\S])*?<\/aside>/gi;
/** Quotes nest a few levels in practice; a bound keeps a hostile post linear. */
const MAX_QUOTE_DEPTH = 8;

function withoutInnermost(text: string, pattern: RegExp, opening: string): string {
  let s = text;
  for (let depth = 0; depth < MAX_QUOTE_DEPTH && s.toLowerCase().includes(opening); depth++) {
    const next = s.replace(pattern, ' ');
    if (next === s) break;
    s = next;
  }
  return s;
}

/**
 * A forum post without the posts it quotes (`[quote="name, post:4"]…[/quote]` in Markdown,
 * `<aside class="quote">` in HTML), nested quotes included: quoted words are someone
 * else's, and must not make a post a question or an invitation, nor be shown as its excerpt.
 */
export function withoutBbcodeQuotes(raw: string): string {
  return withoutInnermost(raw, INNER_BBCODE_QUOTE, '[quote');
}
export function withoutHtmlQuotes(html: string): string {
  return withoutInnermost(html, INNER_HTML_QUOTE, '<aside class="quote');
}

/** Markdown's backslash escapes (`\~yeah`, `\*`, `1\.`) as the reader saw them: the character alone. */
export function unescapeMarkdown(text: string): string {
  return text.includes('\\') ? text.replace(/\\([\\`*_{}[\]()#+\-.!~|>])/g, '$1') : text;
}
