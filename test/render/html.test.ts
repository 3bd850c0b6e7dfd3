import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AuditResultT } from '../../src/model/result.js';
import { renderHtml } from '../../src/render/html.js';
import { HOSTILE, hostileResult } from '../helpers/hostile.js';

const result = JSON.parse(readFileSync(new URL('../golden/audit-result.json', import.meta.url), 'utf8')) as AuditResultT;

describe('the HTML report', () => {
  const html = renderHtml(hostileResult(result));

  it('allows nothing but its own stylesheet: a CSP with the style hash, no script, no request', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    expect(csp).toMatch(/default-src 'none'/);
    expect(csp).toMatch(/script-src 'none'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
  });

  it('loads nothing from outside: no tag has a src, href or action, the stylesheet no url() or @import', () => {
    const tags = html.match(/<[a-zA-Z][^>]*>/g)!;
    expect(tags.length).toBeGreaterThan(100);
    for (const tag of tags) expect(tag).not.toMatch(/\s(src|href|srcset|xlink:href|action|formaction|background|poster)\s*=/i);
    expect(/<style>([\s\S]*?)<\/style>/.exec(html)![1]).not.toMatch(/url\(|@import/i);
  });

  it('shows every hostile name and comment as text', () => {
    const body = html.slice(html.indexOf('<body>'), html.indexOf('<script type="application/json"'));
    // the only tags are the report's own
    const tags = new Set([...body.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(
      ['b', 'body', 'circle', 'desc', 'div', 'footer', 'g', 'h1', 'h2', 'h3', 'header', 'li', 'line', 'main', 'ol', 'p', 'polygon', 'polyline', 'rect', 'section', 'small', 'span', 'strong', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr', 'ul'].filter((t) => tags.has(t)),
    );
    expect(tags.has('script') || tags.has('img') || tags.has('a') || tags.has('style')).toBe(false);
    expect(body).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(body).toContain('&amp;lt;b&amp;gt; already escaped');
    for (const h of HOSTILE.filter((x) => x.includes('<'))) expect(body).not.toContain(h);
  });

  it('carries the result as a JSON block that no name can close', () => {
    const block = /<script type="application\/json" id="audit-data">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/[<>]/);
    expect(JSON.parse(block)).toEqual(hostileResult(result));
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('has the verdict first, then every chart, then what to do', () => {
    const order = ['id="verdict"', 'id="chart-network"', 'id="chart-replies"', 'id="chart-core"', 'id="chart-signals"', 'id="chart-periods"', 'id="recommendations"', 'id="data"'].map((id) => html.indexOf(id));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('is the same, byte for byte, for the same result', () => {
    expect(renderHtml(result)).toBe(renderHtml(structuredClone(result)));
  });

  it('speaks the language of the result, French included', () => {
    const fr = renderHtml({ ...result, lang: 'fr' });
    expect(fr).toContain('<html lang="fr">');
    expect(fr).toContain('Qui répond à qui');
    expect(fr).toContain('Le noyau dur, semaine après semaine');
    expect(fr).not.toContain('Who answers whom');
  });
});
