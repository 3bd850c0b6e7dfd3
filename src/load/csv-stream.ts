/**
 * Streams a CSV input's records: bytes → (UTF-8) → the byte scanner of csv-scan.ts.
 *
 * UTF-8 inputs (nearly all of them) are scanned as they come from the file, never decoded
 * whole; other encodings (Windows-1252 from a French Excel, UTF-16) are decoded and
 * re-encoded to UTF-8 on the way, chunk by chunk.
 */
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { type CsvRecord, type Newline, createCsvScanner, guessNewline } from './csv-scan.js';
import { detectDelimiter } from './delimiter.js';
import { type Input, decode, decodeHead, detectEncoding } from './read.js';

export interface CsvStreamOptions {
  onRecord(fields: string[]): void;
  /** after each chunk: records so far and bytes read so far */
  onChunk?(records: number, bytes: number): void;
}

export interface CsvScanOptions {
  /** the record is reused: read its fields during the call */
  onRecord(record: CsvRecord): void;
  onChunk?(records: number, bytes: number): void;
}

export interface CsvLayout {
  encoding: string;
  delimiter: string;
  newline: Newline;
  /** the input is a UTF-8 file: record offsets (plus `bom`) are byte offsets in it, and can be read back */
  byteOffsets: boolean;
  /** bytes of byte-order mark before the first record */
  bom: number;
}

/** Scans an input's records without decoding the fields nobody reads. */
export async function scanCsv(input: Input, { onRecord, onChunk }: CsvScanOptions): Promise<CsvLayout> {
  const encoding = detectEncoding(input.head);
  const headText = decodeHead(input.head, encoding);
  if (headText.trim() === '') throw new InputError(msg('error.emptyFile', { file: input.label }));
  const delimiter = detectDelimiter(headText);
  const newline = guessNewline(headText);
  let records = 0;
  let bytes = 0;
  const scanner = createCsvScanner(delimiter, newline, (r) => {
    records++;
    onRecord(r);
  });
  const utf8 = encoding === 'utf-8';
  const bom = utf8 && input.head[0] === 0xef && input.head[1] === 0xbb && input.head[2] === 0xbf ? 3 : 0;
  if (utf8) {
    let first = true;
    for await (let chunk of input.bytes()) {
      bytes += chunk.length;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      scanner.push(chunk);
      onChunk?.(records, bytes);
    }
  } else {
    async function* counted() {
      for await (const chunk of input.bytes()) {
        bytes += chunk.length;
        yield chunk;
      }
    }
    for await (const text of decode(counted(), encoding)) {
      scanner.push(Buffer.from(text, 'utf8'));
      onChunk?.(records, bytes);
    }
  }
  scanner.end();
  onChunk?.(records, bytes);
  return { encoding, delimiter, newline, byteOffsets: utf8 && input.path !== null, bom };
}

/** Every record as an array of strings (for small files: member lists, exports of a few thousand rows). */
export async function streamCsv(input: Input, { onRecord, onChunk }: CsvStreamOptions): Promise<void> {
  await scanCsv(input, { onRecord: (r) => onRecord(r.toArray()), ...(onChunk ? { onChunk } : {}) });
}
