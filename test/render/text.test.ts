import { readFileSync } from 'node:fs';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { AuditResultT } from '../../src/model/result.js';
import { renderText, wrap } from '../../src/render/text.js';
import { hostileResult } from '../helpers/hostile.js';

const result = JSON.parse(readFileSync(new URL('../golden/audit-result.json', import.meta.url), 'utf8')) as AuditResultT;
const ESC = '\u001b';

describe('the terminal report', () => {
  it.each([40, 60, 80, 100, 160])('fits %i columns, tables and wrapped sentences included', (width) => {
    const out = renderText(hostileResult(result), { color: false, width });
    const widest = Math.max(...out.split('\n').map((l) => stringWidth(l)));
    expect(widest).toBeLessThanOrEqual(width);
    // and uses the room it has, up to the 120 columns that stay readable
    expect(widest).toBeGreaterThan(Math.min(width, 120) - 12);
  });

  it('shows the verdict over time as a table, with the change in a sentence', () => {
    const out = renderText(result, { color: false, width: 100 });
    expect(out).toMatch(/The verdict over time\n┌/);
    expect(out).toMatch(/│ Feb 2025\s+│ community\s+│\s+85 │/);
    expect(out).toMatch(/too little data/);
    expect(out).toContain('1 period has too little data to judge');
  });

  it('prints no escape sequence without colour, and colours the verdict with it', () => {
    expect(renderText(result, { color: false, width: 100 })).not.toContain(ESC);
    const coloured = renderText(result, { color: true, width: 100 });
    expect(coloured).toContain(`${ESC}[32m${ESC}[1mYou have a real community`);
    // table borders stay plain even in colour (cli-table3 colours them unless told not to)
    for (const line of coloured.split('\n').filter((l) => /^[┌├└]/.test(l))) expect(line).not.toContain(ESC);
  });

  it('strips the control characters of names and comments: no terminal escape comes from the data', () => {
    const out = renderText(hostileResult(result), { color: false, width: 100 });
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    // the whole escape sequence goes, not only its ESC byte: no stray "[31m" left in the text
    expect(out).toContain('redbell');
    expect(out).not.toContain('[31m');
  });
});

describe('wrap', () => {
  it('counts wide characters as two columns', () => {
    for (const line of wrap('😍😍😍 日本語のテキスト 😍😍 '.repeat(6), 20).split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(20);
  });

  it('cuts a word longer than a line rather than overflow', () => {
    const lines = wrap('see https://example.org/' + 'a'.repeat(80), 30, '  ').split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });

  it('starts with its own prefix and indents the rest', () => {
    expect(wrap('one two three four', 12, '  ', '• ')).toBe('• one two\n  three four');
  });
});
