import { describe, expect, it } from 'vitest';
import { readLines } from '../../src/load/lines.js';
import { bufferInput } from '../../src/load/read.js';

async function collect(text: string | Buffer, maxLength?: number) {
  const out = [];
  for await (const l of readLines(bufferInput('t', typeof text === 'string' ? Buffer.from(text) : text), maxLength ? { maxLength } : {})) out.push(l);
  return out;
}

describe('readLines', () => {
  it('splits CRLF and LF lines, numbers them, drops the BOM, keeps a last line without newline', async () => {
    const lines = await collect('\ufeffa\r\nb\n\nc');
    expect(lines.map((l) => [l.number, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, ''],
      [4, 'c'],
    ]);
  });

  it('cuts a huge line instead of holding it, and goes on with the next', async () => {
    const lines = await collect('x'.repeat(200_000) + '\nnext\n', 1000);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ number: 1, cut: true });
    expect(lines[0]!.text).toHaveLength(1000);
    expect(lines[1]).toMatchObject({ number: 2, text: 'next', cut: false });
  });

  it('never splits a character across chunks', async () => {
    const text = 'é'.repeat(70_000) + '\nfin\n';
    const lines = await collect(text);
    expect(lines[0]!.text).toBe('é'.repeat(70_000));
    expect(lines[1]!.text).toBe('fin');
  });
});
