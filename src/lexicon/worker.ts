/**
 * A worker thread for the per-message work that needs no table shared with the loader: the
 * lexicon flags (the costliest step per message), the hash of each text (to tell duplicated
 * rows) and each text's leading @mention. The loader sends batches of where the raw UTF-8
 * text fields are; the worker reads them from the file itself and answers all three. Used
 * for large files only, on the second core, while the main thread goes on parsing.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { ByteRange, fieldHash, leadingMentionBytes } from '../load/field-bytes.js';
import { LEX_ON_MAIN, classifyUtf8, classifyUtf8OrNot } from './index.js';

/** Texts of a file to classify: the worker reads `length` bytes at `position` of `path` itself. */
export interface LexBatch {
  id: number;
  path: string;
  position: number;
  length: number;
  /** start, end of each text in the bytes read */
  bounds: Int32Array;
  /** 1 when the field was quoted with "" escapes to undo */
  escaped: Uint8Array;
}

/** What the worker answers for a batch: text j's flags, hash and mention. */
export interface LexAnswer {
  id: number;
  /** LEX_ON_MAIN: the text's bytes are not UTF-8, the main thread classifies its decoded text */
  flags: Uint32Array<ArrayBuffer>;
  /** `fieldHash` of each text */
  hashes: Uint32Array<ArrayBuffer>;
  /**
   * Text j's normalized leading mention is `mentionBytes[mentions[2j], mentions[2j + 1])`
   * (empty: none); `mentions[2j] = -1` when bytes that are not UTF-8 stand in the way (the
   * main thread then reads it from the decoded text).
   */
  mentions: Int32Array<ArrayBuffer>;
  mentionBytes: Uint8Array<ArrayBuffer>;
}

let buf = Buffer.alloc(0);
let fd = -1;
let fdPath = '';

function read(batch: LexBatch): Buffer {
  if (fdPath !== batch.path) {
    if (fd >= 0) closeSync(fd);
    fd = openSync(batch.path, 'r');
    fdPath = batch.path;
  }
  if (buf.length < batch.length) buf = Buffer.allocUnsafe(Math.max(batch.length, 2 << 20));
  let got = 0;
  while (got < batch.length) {
    const n = readSync(fd, buf, got, batch.length - got, batch.position + got);
    // the file changed under us: the main thread classifies this batch itself
    if (n === 0) throw new Error('file shorter than read');
    got += n;
  }
  return buf;
}

const mention = new ByteRange();

/** The answer for the texts `bounds`/`escaped` of `bytes`. */
function answerBatch(id: number, bytes: Buffer, bounds: Int32Array, escaped: Uint8Array): LexAnswer {
  const n = escaped.length;
  const flags = new Uint32Array(n);
  const hashes = new Uint32Array(n);
  const mentions = new Int32Array(2 * n);
  let mentionBytes = Buffer.allocUnsafe(4096);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const s = bounds[2 * i]!;
    const e = bounds[2 * i + 1]!;
    const esc = escaped[i] === 1;
    // the bytes are read as they are: a text is decoded only when the fast path hands it to
    // the reference, and only here when it is UTF-8 (else as Windows-1252 bytes, on the main thread)
    const f = classifyUtf8OrNot(bytes, s, e, esc);
    flags[i] = f >= 0 ? f : isUtf8(bytes.subarray(s, e)) ? classifyUtf8(bytes, s, e, esc) : LEX_ON_MAIN;
    hashes[i] = fieldHash(bytes, s, e, esc);
    const found = leadingMentionBytes(bytes, s, e, mention);
    if (found < 0) {
      mentions[2 * i] = -1;
      continue;
    }
    const size = found === 1 ? mention.size : 0;
    if (used + size > mentionBytes.length) {
      const grown = Buffer.allocUnsafe(2 * (used + size));
      mentionBytes.copy(grown, 0, 0, used);
      mentionBytes = grown;
    }
    if (size > 0) mention.buf.copy(mentionBytes, used, mention.start, mention.end);
    mentions[2 * i] = used;
    mentions[2 * i + 1] = used += size;
  }
  // an exact copy of its own: transferred, not cloned
  const exact = new Uint8Array(used);
  exact.set(mentionBytes.subarray(0, used));
  return { id, flags, hashes, mentions, mentionBytes: exact };
}

parentPort?.on('message', (batch: LexBatch) => {
  const a = answerBatch(batch.id, read(batch), batch.bounds, batch.escaped);
  parentPort!.postMessage(a, [a.flags.buffer, a.hashes.buffer, a.mentions.buffer, a.mentionBytes.buffer]);
});
