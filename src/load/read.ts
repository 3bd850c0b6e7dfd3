/**
 * Bytes in: opening files (or stdin), telling text from binary, detecting the encoding,
 * and decoding as a stream. The only module of `load/` that touches the file system.
 */
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
  return new InputError(msg('error.writeFailed', { file: label, reason: (error as Error)?.message ?? String(error) }));
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
  const first: Buffer[] = [];
  let have = 0;
  let done = false;
  while (have < HEAD_BYTES) {
    const r = await iterator.next();
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
        const r = await iterator.next();
        if (r.done) return;
        yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
      }
    },
  };
}

const MAGIC: [string, (b: Buffer) => boolean][] = [
  ['a PNG image', (b) => b[0] === 0x89 && b.subarray(1, 4).toString('latin1') === 'PNG'],
  ['a JPEG image', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['a GIF image', (b) => b.subarray(0, 4).toString('latin1') === 'GIF8'],
  ['a PDF document', (b) => b.subarray(0, 5).toString('latin1') === '%PDF-'],
  ['a zip archive (an Excel .xlsx is one too)', (b) => b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7)],
  ['a gzip archive', (b) => b[0] === 0x1f && b[1] === 0x8b],
  ['a zstd archive', (b) => b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd],
  ['a 7-Zip archive', (b) => b.subarray(0, 6).toString('latin1') === '7z\xbc\xaf\x27\x1c'],
  ['a RAR archive', (b) => b.subarray(0, 4).toString('latin1') === 'Rar!'],
  ['an old Excel .xls file', (b) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0],
];

/** What a binary file looks like, or null when it is text. */
export function sniffBinary(head: Buffer): string | null {
  for (const [kind, test] of MAGIC) if (test(head)) return kind;
  const enc = bomEncoding(head) ?? utf16WithoutBom(head);
  if (enc && enc.startsWith('utf-16')) return null;
  // text has almost no control bytes; a few NULs (a damaged export) are tolerated
  let control = 0;
  const n = Math.min(head.length, 8192);
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0 || (c < 8) || (c > 13 && c < 32 && c !== 27)) control++;
  }
  return n > 0 && control / n > 0.1 ? 'a binary file' : null;
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

function isUtf8(head: Buffer): boolean {
  // a multi-byte character cut at the end of the head is not an error
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const c = head[end - back]!;
    if ((c & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((c & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
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
  if (isUtf8(head)) return 'utf-8';
  const guess = (chardet.detect(head) ?? 'windows-1252').toLowerCase();
  // Latin-1 guesses are read as Windows-1252, its superset (œ, €, ’ live in 0x80–0x9f)
  if (guess === 'iso-8859-1' || guess === 'iso-8859-15' || guess === 'windows-1252' || guess === 'utf-8') return 'windows-1252';
  return iconv.encodingExists(guess) ? guess : 'windows-1252';
}

/** Decodes a byte stream to text, BOM removed, multi-byte characters never split. */
export async function* decode(chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  let first = true;
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    for await (const chunk of chunks) {
      const s = decoder.decode(chunk, { stream: true });
      if (s) yield s;
    }
    const tail = decoder.decode();
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
  const s = encoding === 'utf-8' ? new TextDecoder('utf-8').decode(head) : iconv.decode(head, encoding);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
