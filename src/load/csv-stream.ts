/**
 * Streams a CSV input's records: bytes → (UTF-8) → the byte scanner of csv-scan.ts.
 *
 * UTF-8 inputs (nearly all of them) are scanned as they come from the file, never decoded
 * whole; a field is decoded when a reader asks for it, leniently (a stray byte of another
 * encoding reads as Windows-1252, as the stream decoder of read.ts does). Other encodings
 * (Windows-1252 from a French Excel, UTF-16) are decoded and re-encoded to UTF-8 on the way,
 * chunk by chunk.
 */
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { type CsvRecord, type Newline, createCsvScanner, guessNewline } from './csv-scan.js';
import { detectDelimiter } from './delimiter.js';
import { type DecodeStats, type Input, createFallbackCounter, decode, decodeHead, detectEncoding } from './read.js';

/** What the parser noticed about a record: a quote that never closes, or one in the middle of a field. */
export type RecordProblem = 'unclosed-quote' | 'stray-quote';

export interface CsvStreamResult {
  /** bytes that were not valid UTF-8 and were read as Windows-1252 (a file mixing encodings) */
  fallbackBytes: number;
  encoding: string;
}

export interface CsvStreamOptions {
  onRecord(fields: string[], problem?: RecordProblem): void;
  /** after each chunk: records so far and bytes read so far */
  onChunk?(records: number, bytes: number): void;
}

export interface CsvScanOptions {
  /** the record is reused: read its fields during the call (`record.problem` says what the parser noticed) */
  onRecord(record: CsvRecord): void;
  onChunk?(records: number, bytes: number): void;
}

export interface CsvLayout extends CsvStreamResult {
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
  // the first line ending outside quotes; papaparse's own guess when the head has none
  const newline = detectNewline(headText) ?? guessNewline(headText);
  let records = 0;
  let bytes = 0;
  const scanner = createCsvScanner(delimiter, newline, (r) => {
    records++;
    onRecord(r);
  });
  const utf8 = encoding === 'utf-8';
  const bom = utf8 && input.head[0] === 0xef && input.head[1] === 0xbb && input.head[2] === 0xbf ? 3 : 0;
  let fallbackBytes = 0;
  if (utf8) {
    const fallbacks = createFallbackCounter();
    let first = true;
    for await (let chunk of input.bytes()) {
      bytes += chunk.length;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      }
      fallbacks.write(chunk);
      scanner.push(chunk);
      onChunk?.(records, bytes);
    }
    fallbackBytes = fallbacks.end();
  } else {
    async function* counted() {
      for await (const chunk of input.bytes()) {
        bytes += chunk.length;
        yield chunk;
      }
    }
    const stats: DecodeStats = { fallbackBytes: 0 };
    for await (const text of decode(counted(), encoding, stats)) {
      scanner.push(Buffer.from(text, 'utf8'));
      onChunk?.(records, bytes);
    }
    fallbackBytes = stats.fallbackBytes;
  }
  scanner.end();
  onChunk?.(records, bytes);
  return { encoding, delimiter, newline, byteOffsets: utf8 && input.path !== null, bom, fallbackBytes };
}

/** Every record as an array of strings (for small files: member lists, exports of a few thousand rows). */
export async function streamCsv(input: Input, { onRecord, onChunk }: CsvStreamOptions): Promise<CsvStreamResult> {
  const layout = await scanCsv(input, { onRecord: (r) => onRecord(r.toArray(), r.problem ?? undefined), ...(onChunk ? { onChunk } : {}) });
  return { fallbackBytes: layout.fallbackBytes, encoding: layout.encoding };
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
