import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { AuditResultT } from '../../src/model/result.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { hostileResult } from '../helpers/hostile.js';

const result = JSON.parse(readFileSync(new URL('../golden/audit-result.json', import.meta.url), 'utf8')) as AuditResultT;
const gfm = new MarkdownIt({ html: true, linkify: true });

describe('the Markdown report', () => {
  const md = renderMarkdown(hostileResult(result));
  const html = gfm.render(md);

  it('lets no name or comment become a link, an image, HTML or code', () => {
    expect(html).not.toMatch(/<(a|img|script|svg|style|code|iframe|s|del)\b/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps every table row to its header’s cells', () => {
    for (const table of html.split('<table>').slice(1)) {
      const head = (table.split('</thead>')[0]!.match(/<th\b/g) ?? []).length;
      const rows = table.split('</thead>')[1]!.split('</table>')[0]!.split('<tr>').slice(1);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect((row.match(/<td\b/g) ?? []).length).toBe(head);
    }
  });

  it('has the verdict, the score, why, what to do, the periods and the signals', () => {
    const headings = [...html.matchAll(/<h([23])>(.*?)<\/h\1>/g)].map((m) => m[2]);
    expect(headings).toEqual(['🟢 You have a real community', 'Why', 'What to do next', 'The verdict over time', 'Signals', 'Categories']);
    expect(html).toContain('<strong>Score 81/100</strong>');
    expect(html.match(/<table>/g)).toHaveLength(3);
  });

  it('keeps each recommendation’s evidence under it', () => {
    const list = html.split('<ol>')[1]!.split('</ol>')[0]!;
    expect(list.match(/<li>/g)!.length).toBeGreaterThan(result.recommendations.length);
  });
});
