/**
 * Renderers against golden files, all made from one committed AuditResult
 * (test/golden/audit-result.json: the html-injection fixture audited with --by month, its
 * generation time fixed). A renderer change shows here as a diff to review; when the change
 * is meant, `UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts` rewrites the files.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuditResult, type AuditResultT } from '../../src/model/result.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';

const dir = new URL('../golden/', import.meta.url);
const result = JSON.parse(readFileSync(new URL('audit-result.json', dir), 'utf8')) as AuditResultT;

function golden(name: string, actual: string): void {
  const file = new URL(name, dir);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('golden reports', () => {
  it('the committed result is a valid AuditResult of this schema', () => {
    expect(AuditResult.safeParse(result).success).toBe(true);
  });

  it('Markdown', () => golden('report.md', renderMarkdown(result)));
  it('HTML', () => golden('report.html', renderHtml(result)));
  it('text at 60 columns', () => golden('report-60.txt', renderText(result, { color: false, width: 60 })));
  it('text at 160 columns', () => golden('report-160.txt', renderText(result, { color: false, width: 160 })));
});
