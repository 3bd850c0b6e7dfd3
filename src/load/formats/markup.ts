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
