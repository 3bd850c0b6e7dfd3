/**
 * Single compressed streams (Reddit dumps are zstd-compressed NDJSON; some tools gzip their
 * exports): decompressed on the fly, so that detection and readers see the text inside.
 * zstd is decoded by fzstd (pure JavaScript, streaming); gzip by Node's zlib.
 */
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { Decompress } from 'fzstd';
import { InputError } from '../errors.js';
import { msg } from '../i18n/index.js';
import { HEAD_BYTES, type Input } from './read.js';

export function isZstd(head: Buffer): boolean {
  return head[0] === 0x28 && head[1] === 0xb5 && head[2] === 0x2f && head[3] === 0xfd;
}

export function isGzip(head: Buffer): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

function stripSuffix(label: string): string {
  return label.replace(/\.(zst|zstd|gz)$/i, '');
}

async function* zstdChunks(input: Input): AsyncGenerator<Buffer> {
  const out: Buffer[] = [];
  const d = new Decompress((chunk) => {
    out.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  });
  let pushed = false;
  try {
    for await (const chunk of input.bytes()) {
      d.push(chunk);
      pushed = true;
      while (out.length) yield out.shift()!;
    }
    if (pushed) d.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(msg('error.zstdFailed', { file: input.label, reason: (error as Error)?.message ?? String(error), out: stripSuffix(input.label) }));
  }
  while (out.length) yield out.shift()!;
}

async function* gzipChunks(input: Input): AsyncGenerator<Buffer> {
  const gunzip = createGunzip();
  const stream = Readable.from(input.bytes()).pipe(gunzip);
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw new InputError(msg('error.gzipFailed', { file: input.label, reason: (error as Error)?.message ?? String(error) }));
  }
}

/** The decompressed input: its head is the first bytes of the text inside. */
export async function decompressInput(input: Input): Promise<Input> {
  const chunks = isZstd(input.head) ? () => zstdChunks(input) : () => gzipChunks(input);
  const head: Buffer[] = [];
  let have = 0;
  for await (const chunk of chunks()) {
    head.push(chunk);
    have += chunk.length;
    if (have >= HEAD_BYTES) break;
  }
  return {
    label: input.label,
    path: null,
    head: Buffer.concat(head).subarray(0, HEAD_BYTES),
    size: null,
    bytes: chunks,
    ...(input.sibling ? { sibling: input.sibling } : {}),
  };
}
