/**
 * A worker thread that classifies message texts (the lexicon is the costliest step per
 * message): the loader sends batches of raw UTF-8 text fields, it answers their flags.
 * Used for large files only, on the second core, while the main thread goes on parsing.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { classifyText } from './index.js';

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
  for (let i = 0; i < n; i++) {
    const s = batch.bounds[2 * i]!;
    const e = batch.bounds[2 * i + 1]!;
    if (s === e) continue;
    let text = bytes.toString('utf8', s, e);
    if (batch.escaped[i]) text = text.replace(/""/g, '"');
    flags[i] = classifyText(text);
  }
  parentPort!.postMessage({ id: batch.id, flags }, [flags.buffer]);
});
