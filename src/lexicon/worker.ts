/**
 * A worker thread that classifies message texts (the lexicon is the costliest step per
 * message): the loader sends batches of raw UTF-8 text fields, it answers their flags.
 * Used for large files only, on the second core, while the main thread goes on parsing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { classifyUtf8 } from './index.js';

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

parentPort?.on('message', (batch: LexBatch) => {
  const bytes = read(batch);
  const n = batch.escaped.length;
  const flags = new Uint32Array(n);
  // the bytes are read as they are: a text is decoded only when the fast path hands it to the reference
  for (let i = 0; i < n; i++) flags[i] = classifyUtf8(bytes, batch.bounds[2 * i]!, batch.bounds[2 * i + 1]!, batch.escaped[i] === 1);
  parentPort!.postMessage({ id: batch.id, flags }, [flags.buffer]);
});
