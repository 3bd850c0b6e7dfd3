/**
 * A worker thread that classifies message texts (the lexicon is the costliest step per
 * message): the loader sends batches of raw UTF-8 text fields, it answers their flags.
 * Used for large files only, on the second core, while the main thread goes on parsing.
 */
import { parentPort } from 'node:worker_threads';
import { classifyUtf8 } from './index.js';

export interface LexBatch {
  id: number;
  bytes: Uint8Array;
  /** start, end of each text in `bytes` */
  bounds: Int32Array;
  /** 1 when the field was quoted with "" escapes to undo */
  escaped: Uint8Array;
}

parentPort?.on('message', (batch: LexBatch) => {
  const n = batch.escaped.length;
  const flags = new Uint32Array(n);
  // the bytes are read as they are: a text is decoded only when the fast path hands it to the reference
  for (let i = 0; i < n; i++) flags[i] = classifyUtf8(batch.bytes, batch.bounds[2 * i]!, batch.bounds[2 * i + 1]!, batch.escaped[i] === 1);
  parentPort!.postMessage({ id: batch.id, flags }, [flags.buffer]);
});
