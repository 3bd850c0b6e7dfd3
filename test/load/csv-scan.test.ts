/**
 * The byte scanner must read every CSV exactly as papaparse (the parser it replaced) reads
 * it when streaming: same records, same fields, for well-formed and broken input alike,
 * however the bytes are cut into chunks.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type Newline, createCsvScanner, guessNewline } from '../../src/load/csv-scan.js';

function papa(text: string, delimiter: string, newline: Newline): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse(Readable.from([text]) as unknown as File, {
      delimiter,
      newline,
      header: false,
      skipEmptyLines: false,
      chunk: (r) => void rows.push(...(r.data as string[][])),
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

function scan(text: string, delimiter: string, newline: Newline, cuts: number[], joinHead?: number): { rows: string[][]; offsets: number[] } {
  const rows: string[][] = [];
  const offsets: number[] = [];
  const s = createCsvScanner(
    delimiter,
    newline,
    (r) => {
      rows.push(r.toArray());
      offsets.push(r.offset);
    },
    joinHead,
  );
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  for (const c of [...cuts.map((x) => Math.floor(x * bytes.length)).sort((a, b) => a - b), bytes.length]) {
    if (c > at) s.push(bytes.subarray(at, c));
    at = Math.max(at, c);
  }
  s.end();
  return { rows, offsets };
}

const piece = fc.constantFrom('a', 'bc', 'é', '😀', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', '  ', '\t', 'x"y', '\u00a0');

describe('csv byte scanner', () => {
  it('reads quoted fields, escaped quotes, quoted newlines and emojis', () => {
    const text = 'id,text\n1,"Bonjour, ""vous"" 😀\nsecond line"\n2,plain\n';
    expect(scan(text, ',', '\n', []).rows).toEqual([['id', 'text'], ['1', 'Bonjour, "vous" 😀\nsecond line'], ['2', 'plain']]);
  });

  it('gives each record its byte offset in the input', () => {
    const text = 'a,b\n"é\n",x\nz,y';
    const { offsets } = scan(text, ',', '\n', [0.5]);
    expect(offsets).toEqual([0, 4, Buffer.byteLength('a,b\n"é\n",x\n')]);
  });

  it('matches papaparse on arbitrary input, however it is chunked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }).map((a) => a.join('')),
        fc.constantFrom(',', ';'),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.constantFrom(1, 2, 3, 256),
        async (text, delimiter, cuts, joinHead) => {
          const newline = guessNewline(text);
          const expected = await papa(text, delimiter, newline);
          // a record cut between chunks is completed by joining a few bytes of the next chunk at a time
          const chunked = scan(text, delimiter, newline, cuts, joinHead);
          expect(chunked.rows).toEqual(expected);
          expect(chunked.offsets).toEqual(scan(text, delimiter, newline, []).offsets);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('keeps a huge record whole and in linear time', () => {
    const big = 'x'.repeat(5_000_000);
    const text = `a,b\n"${big}",1\n`;
    const cuts = Array.from({ length: 300 }, (_, i) => i / 300);
    const { rows } = scan(text, ',', '\n', cuts);
    expect(rows.length).toBe(2);
    expect(rows[1]![0]!.length).toBe(big.length);
  });
});
