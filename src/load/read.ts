/**
 * Bytes in: opening files (or stdin), telling text from binary, detecting the encoding,
 * and decoding as a stream. The only module of `load/` that touches the file system.
 */
import { isUtf8 as isWellFormedUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';

export const HEAD_BYTES = 64 * 1024;

export interface Input {
  /** what the report calls this input: the path as given, or `stdin` */
  label: string;
  path: string | null;
  /** the first bytes, for detection */
  head: Buffer;
  /** total size when known */
  size: number | null;
  /** every byte of the input, head included, in chunks */
  bytes(): AsyncIterable<Buffer>;
  /**
   * A file beside this one (Comments.xml beside Posts.xml), in the same folder or archive;
   * null when there is none. Absent for stdin.
   */
  sibling?(name: string): Promise<Input | null>;
}

function fileError(label: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(msg('error.fileNotFound', { file: label, cwd: process.cwd() }));
  if (code === 'EISDIR') return new InputError(msg('error.isDirectory', { file: label }));
  if (code === 'EACCES' || code === 'EPERM') return new InputError(msg('error.permission', { file: label }));
  if (error instanceof InputError) return error;
  return new InputError(msg('error.readFailed', { file: label, reason: (error as Error)?.message ?? String(error) }));
}

export async function openFile(path: string): Promise<Input> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (error) {
    throw fileError(path, error);
  }
  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (error) {
    throw fileError(path, error);
  }
  return {
    label: path,
    path,
    head,
    size,
    async *bytes() {
      try {
        // 1 MiB reads: fewer async hops than the 64 KiB default on large exports
        for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
      } catch (error) {
        throw fileError(path, error);
      }
    },
    async sibling(name: string) {
      const other = join(dirname(path), name);
      try {
        if (!(await stat(other)).isFile()) return null;
      } catch {
        return null;
      }
      return openFile(other);
    },
  };
}

/** An input held in memory (an entry of a zip archive, a decompressed stream's head…). */
export function bufferInput(label: string, data: Uint8Array, sibling?: (name: string) => Promise<Input | null>): Input {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    label,
    path: null,
    head: buf.subarray(0, HEAD_BYTES),
    size: buf.length,
    async *bytes() {
      // in slices, so that line readers and decoders see a stream as they do for files
      for (let i = 0; i < buf.length; i += HEAD_BYTES) yield buf.subarray(i, i + HEAD_BYTES);
    },
    ...(sibling ? { sibling } : {}),
  };
}

/** Standard input, read once: the head is buffered, the rest streams through. */
export async function openStdin(stream: NodeJS.ReadableStream & AsyncIterable<Buffer | string>): Promise<Input> {
  const iterator = stream[Symbol.asyncIterator]();
  // a pipe that breaks (the producer killed, an I/O error) is an input problem, not a bug
  const next = async () => {
    try {
      return await iterator.next();
    } catch (error) {
      throw new InputError(msg('error.stdinFailed', { reason: (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error) }));
    }
  };
  const first: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < HEAD_BYTES) {
    const r = await next();
    if (r.done) {
      done = true;
      break;
    }
    const b = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    first.push(b);
    have += b.length;
  }
  const buffered = Buffer.concat(first);
  return {
    label: 'stdin',
    path: null,
    head: buffered.subarray(0, HEAD_BYTES),
    size: done ? buffered.length : null,
    async *bytes() {
      yield buffered;
      if (done) return;
      for (;;) {
        const r = await next();
        if (r.done) return;
        yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      }
    },
  };
}

/** What a binary file is; the report names it in the reader's language (`file.kind.<kind>`). */
export type BinaryKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'zip' | 'gzip' | 'zstd' | '7z' | 'rar' | 'xls' | 'binary';

/** Archives: the message says to extract them rather than to give another file. */
export const ARCHIVE_KINDS: ReadonlySet<BinaryKind> = new Set(['zip', 'gzip', 'zstd', '7z', 'rar']);

const MAGIC: [BinaryKind, (b: Buffer) => boolean][] = [
  ['png', (b) => b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG'],
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['gif', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['pdf', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['zip', (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)],
  ['gzip', (b) => b[0] === 0x1f && b[1] === 0x8b],
  ['zstd', (b) => b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd],
  ['7z', (b) => b.subarray(0, 6).toString('latin1') === '7z\xbc\xaf\x27\x1c'],
  ['rar', (b) => b.subarray(0, 4).toString('latin1') === 'Rar!'],
  ['xls', (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0],
];

/** What a binary file looks like, or null when it is text. */
export function sniffBinary(head: Buffer): BinaryKind | null {
  for (const [kind, test] of MAGIC) if (test(head)) return kind;
  const enc = bomEncoding(head) ?? utf16WithoutBom(head);
  if (enc && enc.startsWith('utf-16')) return null;
  // text has almost no control bytes; a few NULs (a damaged export) are tolerated, random bytes are not
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0 || (c < 8) || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return control > Math.max(8, n * 0.03) ? 'binary' : null;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string;

function bomEncoding(head: Buffer): Encoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

function utf16WithoutBom(head: Buffer): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  if (oddZero > n / 2 * 0.4 && evenZero < n / 2 * 0.05) return 'utf-16le';
  if (evenZero > n / 2 * 0.4 && oddZero < n / 2 * 0.05) return 'utf-16be';
  return null;
}

/**
 * The length of the bytes that end on a whole UTF-8 sequence: a sequence cut by the end of a
 * chunk (or of the head) waits for what follows.
 */
function completeUtf8Length(b: Buffer): number {
  for (let back = 1; back <= 3 && b.length - back >= 0; back++) {
    const c = b[b.length - back]!;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return back < need ? b.length - back : b.length;
    }
    if (c < 0x80) break;
  }
  return b.length;
}

function isUtf8(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, completeUtf8Length(head)));
    return true;
  } catch {
    return false;
  }
}

/** UTF-8 (with or without BOM), UTF-16 from Excel's "Unicode text", else what chardet says (Windows-1252 for French Excel). */
export function detectEncoding(head: Buffer): Encoding {
  const bom = bomEncoding(head);
  if (bom) return bom;
  const u16 = utf16WithoutBom(head);
  if (u16) return u16;
  if (isUtf8(head) || mostlyUtf8(head)) return 'utf-8';
  const guess = (chardet.detect(head) ?? 'windows-1252').toLowerCase();
  // Latin-1 guesses are read as Windows-1252, its superset (œ, €, ’ live in 0x80–0x9f)
  if (guess === 'iso-8859-1' || guess === 'iso-8859-15' || guess === 'windows-1252' || guess === 'utf-8') return 'windows-1252';
  return iconv.encodingExists(guess) ? guess : 'windows-1252';
}

/**
 * A file that mixes encodings (rows pasted from another export, a CSV edited in two tools):
 * more well-formed UTF-8 sequences than stray high bytes. It is read as UTF-8, and each
 * stray byte as Windows-1252 (see createUtf8Decoder), rather than all of it as Windows-1252.
 */
function mostlyUtf8(head: Buffer): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < head.length; ) {
    const len = utf8SequenceLength(head, i);
    if (len > 1) valid++;
    else if (len === 0) {
      if (i + 4 > head.length) break; // a sequence cut by the end of the head
      invalid++;
    }
    i += Math.max(1, len);
  }
  return valid > 0 && valid >= 2 * invalid;
}

/** Length of the well-formed UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte starts none. */
function utf8SequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

let cp1252: string[] | null = null;
function windows1252(byte: number): string {
  cp1252 ??= Array.from({ length: 256 }, (_, i) => iconv.decode(Buffer.from([i]), 'windows-1252'));
  return cp1252[byte]!;
}

/** What decoding noticed: bytes that were not UTF-8 and were read as Windows-1252. */
export interface DecodeStats {
  fallbackBytes: number;
}

/**
 * UTF-8 that never loses a character: a byte that starts no well-formed sequence is read
 * as Windows-1252 (what such a byte almost always is in a French or English export)
 * instead of becoming U+FFFD, and counted. Well-formed chunks take the native decoder.
 */
function createUtf8Decoder(stats: DecodeStats) {
  const fast = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
  const slow = (b: Buffer): string => {
    const parts: string[] = [];
    let from = 0;
    for (let i = 0; i < b.length; ) {
      const len = utf8SequenceLength(b, i);
      if (len > 0) {
        i += len;
        continue;
      }
      if (i > from) parts.push(b.toString('utf8', from, i));
      parts.push(windows1252(b[i]!));
      stats.fallbackBytes++;
      i++;
      from = i;
    }
    if (from < b.length) parts.push(b.toString('utf8', from));
    return parts.join('');
  };
  const decode = (b: Buffer): string => {
    try {
      return fast.decode(b);
    } catch {
      return slow(b);
    }
  };
  return {
    write(chunk: Buffer): string {
      let b = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      if (first && b.length < 3 && b.length > 0 && b[0] === 0xef) {
        pending = Buffer.from(b);
        return '';
      }
      if (first && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
      if (b.length > 0) first = false;
      // a sequence cut by the end of the chunk waits for the next one
      const cut = completeUtf8Length(b);
      pending = Buffer.from(b.subarray(cut));
      return decode(b.subarray(0, cut));
    },
    end(): string {
      const rest = pending.length > 0 ? slow(pending) : '';
      pending = Buffer.alloc(0);
      return rest;
    },
  };
}

/**
 * The lenient UTF-8 reading of bytes[start, end) (what createUtf8Decoder gives for them):
 * for the byte scanner, which decodes fields one by one. Fields never split a well-formed
 * sequence (delimiters are ASCII), so field by field equals the whole stream.
 */
export function decodeUtf8Lenient(b: Buffer, start: number, end: number): string {
  const s = b.toString('utf8', start, end);
  // U+FFFD is where the native decoder met a byte it could not read (or a real U+FFFD)
  if (!s.includes('\ufffd') || isWellFormedUtf8(b.subarray(start, end))) return s;
  const parts: string[] = [];
  let from = start;
  for (let i = start; i < end; ) {
    const len = utf8SequenceLength(b.subarray(0, end), i);
    if (len > 0) {
      i += len;
      continue;
    }
    if (i > from) parts.push(b.toString('utf8', from, i));
    parts.push(windows1252(b[i]!));
    i++;
    from = i;
  }
  if (from < end) parts.push(b.toString('utf8', from, end));
  return parts.join('');
}

/** Counts, over a byte stream (BOM removed), the bytes read as Windows-1252 by the lenient decoder. */
export function createFallbackCounter(): { write(chunk: Buffer): void; end(): number } {
  let pending: Buffer = Buffer.alloc(0);
  let count = 0;
  const slowCount = (b: Buffer) => {
    for (let i = 0; i < b.length; ) {
      const len = utf8SequenceLength(b, i);
      if (len > 0) i += len;
      else {
        count++;
        i++;
      }
    }
  };
  return {
    write(chunk) {
      const b = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      // a sequence cut by the end of the chunk waits for the next one (as createUtf8Decoder does)
      const cut = completeUtf8Length(b);
      pending = Buffer.from(b.subarray(cut));
      const body = b.subarray(0, cut);
      if (!isWellFormedUtf8(body)) slowCount(body);
    },
    end() {
      if (pending.length > 0) slowCount(pending);
      pending = Buffer.alloc(0);
      return count;
    },
  };
}

/** Decodes a byte stream to text, BOM removed, multi-byte characters never split. */
export async function* decode(chunks: AsyncIterable<Buffer>, encoding: Encoding, stats: DecodeStats = { fallbackBytes: 0 }): AsyncGenerator<string> {
  let first = true;
  if (encoding === 'utf-8') {
    const decoder = createUtf8Decoder(stats);
    for await (const chunk of chunks) {
      const s = decoder.write(chunk);
      if (s) yield s;
    }
    const tail = decoder.end();
    if (tail) yield tail;
    return;
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  for await (const chunk of chunks) {
    let s = decoder.write(chunk);
    if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    first = false;
    if (s) yield s;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

/** The head decoded, for format detection and delimiter sniffing. */
export function decodeHead(head: Buffer, encoding: Encoding): string {
  let s: string;
  if (encoding === 'utf-8') {
    const decoder = createUtf8Decoder({ fallbackBytes: 0 });
    s = decoder.write(head);
  } else s = iconv.decode(head, encoding);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
