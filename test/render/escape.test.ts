import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, jsonForHtml } from '../../src/render/escape.js';
import { HOSTILE } from '../helpers/hostile.js';

/** GitHub-flavoured enough: tables, autolinked URLs and bare links, no raw HTML passed through unescaped. */
const gfm = new MarkdownIt({ html: true, linkify: true });

describe('escapeHtml', () => {
  it('turns every markup character into an entity', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves an already escaped entity visible as written', () => {
    expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
  });
});

describe('jsonForHtml', () => {
  it('can hold a closing script tag or a comment opener without ending the block', () => {
    const json = jsonForHtml({ name: '</script><script>alert(1)</script><!--' });
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json)).toEqual({ name: '</script><script>alert(1)</script><!--' });
  });

  it('escapes the line separators that end a JavaScript string in old parsers', () => {
    const json = jsonForHtml({ s: 'a\u2028b\u2029c' });
    expect(json).toContain('\\u2028');
    expect(JSON.parse(json)).toEqual({ s: 'a\u2028b\u2029c' });
  });
});

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('renders %j as text: no link, image, HTML, code or emphasis', (s) => {
    const html = gfm.renderInline(escapeMarkdown(s));
    expect(html).not.toMatch(/<(a|img|script|svg|code|em|strong|s|style)\b/i);
  });

  it('keeps the words readable', () => {
    const html = gfm.renderInline(escapeMarkdown('[click](https://evil.example/x) and *stars*'));
    expect(html).toContain('[click]');
    expect(html).toContain('*stars*');
    expect(html).toContain('evil.example/x');
  });

  it('keeps a table row to its cells, whatever pipes and newlines a cell holds', () => {
    const cells = ['one | two\nthree', 'a || b', '\\|', 'plain'].map(escapeMarkdown);
    const md = `| a | b | c | d |\n| --- | --- | --- | --- |\n| ${cells.join(' | ')} |\n`;
    const html = gfm.render(md);
    const row = html.split('<tbody>')[1]!;
    expect(row.match(/<td>/g)).toHaveLength(4);
  });

  it('cannot start a heading, a list or a quote', () => {
    for (const s of ['# title', '- item', '+ item', '> quote', '1. item', '=== ']) {
      const html = gfm.render(escapeMarkdown(s));
      expect(html).toMatch(/^<p>/);
    }
  });

  it('puts everything on one line', () => {
    expect(escapeMarkdown('a\r\nb\nc\u2028d')).toBe('a b c d');
  });
});

describe('escapeHtml and control characters', () => {
  it('drops the control characters HTML cannot show, keeps tabs and newlines', () => {
    expect(escapeHtml('\u001b[31mred\u001b[0m\u0007\tok\n')).toBe('[31mred[0m\tok\n');
  });
});
