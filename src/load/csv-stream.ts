/** Streams a CSV input's records through papaparse, decoded, with arrays (not header objects: they cost half again). */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { detectDelimiter } from './delimiter.js';
import { type DecodeStats, type Input, decode, decodeHead, detectEncoding } from './read.js';

/** What the parser noticed about a record: a quote that never closes, or one in the middle of a field. */
export type RecordProblem = 'unclosed-quote' | 'stray-quote';

export interface CsvStreamResult {
  /** bytes that were not valid UTF-8 and were read as Windows-1252 (a file mixing encodings) */
  fallbackBytes: number;
  encoding: string;
}

export interface CsvStreamOptions {
  onRecord(fields: string[], problem?: RecordProblem): void;
  /** after each parsed chunk: records so far and bytes read so far */
  onChunk?(records: number, bytes: number): void;
}

export async function streamCsv(input: Input, { onRecord, onChunk }: CsvStreamOptions): Promise<CsvStreamResult> {
  const encoding = detectEncoding(input.head);
  const headText = decodeHead(input.head, encoding);
  if (headText.trim() === '') throw new InputError(msg('error.emptyFile', { file: input.label }));
  const delimiter = detectDelimiter(headText);
  // papaparse guesses line endings from its first chunk: a long first line (or a small chunk) would hide them
  const newline = detectNewline(headText);
  let bytes = 0;
  let records = 0;
  async function* counted() {
    for await (const chunk of input.bytes()) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const stats: DecodeStats = { fallbackBytes: 0 };
  const text = Readable.from(decode(counted(), encoding, stats));
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      reject(error);
    };
    text.on('error', fail);
    Papa.parse(text as unknown as File, {
      delimiter,
      ...(newline ? { newline } : {}),
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failed) return;
        try {
          const problems = new Map<number, RecordProblem>();
          for (const e of results.errors) {
            if (e.row === undefined) continue;
            if (e.code === 'MissingQuotes') problems.set(e.row, 'unclosed-quote');
            else if (e.code === 'InvalidQuotes' && !problems.has(e.row)) problems.set(e.row, 'stray-quote');
          }
          const rows = results.data as string[][];
          for (let i = 0; i < rows.length; i++) {
            records++;
            onRecord(rows[i]!, problems.get(i));
          }
          onChunk?.(records, bytes);
        } catch (error) {
          // fail before abort: aborting calls `complete` at once
          fail(error);
          parser.abort();
        }
      },
      complete() {
        if (!failed) resolve();
      },
      error(error: Error) {
        fail(error);
      },
    });
  });
  return { fallbackBytes: stats.fallbackBytes, encoding };
}

/** The first line ending outside quotes: \r\n, \n or a lone \r (old Mac exports), or null when the head has none. */
export function detectNewline(text: string): '\r\n' | '\n' | '\r' | null {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') return '\n';
    else if (!inQuotes && c === '\r') return text[i + 1] === '\n' ? '\r\n' : i + 1 < text.length ? '\r' : null;
  }
  return null;
}
