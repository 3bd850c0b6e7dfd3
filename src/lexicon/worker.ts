/**
 * A worker thread that classifies message texts (the lexicon is the costliest step per
 * message): the loader sends batches of raw UTF-8 text fields, it answers their flags.
 * Used for large files only, on the second core, while the main thread goes on parsing.
 */
import { parentPort } from 'node:worker_threads';
import { classifyText } from './index.js';

export interface LexBatch {
  id: number;
  bytes: Uint8Array;
  /** start, end of each text in `bytes` */
  bounds: Int32Array;
  /** 1 when the field was quoted with "" escapes to undo */
  escaped: Uint8Array;
}

parentPort?.on('message', (batch: LexBatch) => {
  const buf = Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.byteLength);
  const n = batch.escaped.length;
  const flags = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const s = batch.bounds[2 * i]!;
    const e = batch.bounds[2 * i + 1]!;
    if (s === e) continue;
    let text = buf.toString('utf8', s, e);
    if (batch.escaped[i]) text = text.replace(/""/g, '"');
    flags[i] = classifyText(text);
  }
  parentPort!.postMessage({ id: batch.id, flags }, [flags.buffer]);
});
