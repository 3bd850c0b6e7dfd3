/** Streams a CSV input's records through papaparse, decoded, with arrays (not header objects: they cost half again). */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { detectDelimiter } from './delimiter.js';
import { type Input, decode, decodeHead, detectEncoding } from './read.js';

export interface CsvStreamOptions {
  onRecord(fields: string[]): void;
  /** after each parsed chunk: records so far and bytes read so far */
  onChunk?(records: number, bytes: number): void;
}

export async function streamCsv(input: Input, { onRecord, onChunk }: CsvStreamOptions): Promise<void> {
  const encoding = detectEncoding(input.head);
  const headText = decodeHead(input.head, encoding);
  if (headText.trim() === '') throw new InputError(msg('error.emptyFile', { file: input.label }));
  const delimiter = detectDelimiter(headText);
  let bytes = 0;
  let records = 0;
  async function* counted() {
    for await (const chunk of input.bytes()) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  const text = Readable.from(decode(counted(), encoding));
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
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        if (failed) return;
        try {
          for (const row of results.data as string[][]) {
            records++;
            onRecord(row);
          }
          onChunk?.(records, bytes);
        } catch (error) {
          // fail first: abort() calls complete(), which must not resolve a failed parse
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
}
