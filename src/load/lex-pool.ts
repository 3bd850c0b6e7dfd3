/**
 * Lexicon classification on a worker thread, for large files: the main thread scans and
 * builds, the worker (on the second core) turns texts into lexicon flags. Texts travel as
 * raw UTF-8 bytes in batches; flags come back per batch and are written into the builder.
 *
 * If the worker cannot start, lags far behind, or fails, the main thread classifies the
 * batches itself: the flags are the same either way.
 */
import { Worker } from 'node:worker_threads';
import { classifyUtf8 } from '../lexicon/index.js';
import type { CsvRecord } from './csv-scan.js';

interface Batch {
  id: number;
  first: number;
  bytes: Uint8Array;
  bounds: Int32Array;
  escaped: Uint8Array;
}

const BATCH_TEXTS = 4096;
/** beyond this many batches waiting for the worker, the main thread classifies new ones itself */
const MAX_IN_FLIGHT = 16;

export class LexPool {
  private worker: Worker | null;
  private inFlight = new Map<number, Batch>();
  private nextId = 0;
  private bytes = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private bounds = new Int32Array(BATCH_TEXTS * 2);
  private escaped = new Uint8Array(BATCH_TEXTS);
  private count = 0;
  private first = -1;
  private failed = false;
  private waiters: (() => void)[] = [];

  private constructor(
    worker: Worker,
    private setLex: (index: number, flags: number) => void,
  ) {
    this.worker = worker;
    worker.on('message', ({ id, flags }: { id: number; flags: Uint32Array }) => {
      const b = this.inFlight.get(id);
      if (!b) return;
      this.inFlight.delete(id);
      for (let j = 0; j < flags.length; j++) this.setLex(b.first + j, flags[j]!);
      this.wake();
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /** A pool, or null when no worker can start (then classify inline). */
  static create(setLex: (index: number, flags: number) => void): LexPool | null {
    try {
      // a small heap: the worker keeps nothing between batches, and its garbage counts in the
      // process's memory (if it runs out, the main thread takes over)
      const worker = new Worker(new URL('../lexicon/worker.js', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
      });
      return new LexPool(worker, setLex);
    } catch {
      return null;
    }
  }

  /** Queues the text of field `field` of `r` for message `index` (consecutive indices). */
  add(r: CsvRecord, field: number, index: number): void {
    if (this.count === 0) this.first = index;
    const size = r.size(field);
    if (this.used + size > this.bytes.length) {
      if (this.count > 0) {
        this.flush();
        this.first = index;
      }
      if (size > this.bytes.length) this.bytes = Buffer.allocUnsafe(size * 2);
    }
    const s = r.start(field);
    r.buf.copy(this.bytes, this.used, s, s + size);
    this.bounds[2 * this.count] = this.used;
    this.bounds[2 * this.count + 1] = this.used + size;
    this.escaped[this.count] = r.escaped(field) ? 1 : 0;
    this.used += size;
    if (++this.count === BATCH_TEXTS) this.flush();
  }

  private flush(): void {
    if (this.count === 0) return;
    const batch: Batch = {
      id: this.nextId++,
      first: this.first,
      bytes: this.bytes.subarray(0, this.used),
      bounds: this.bounds.slice(0, this.count * 2),
      escaped: this.escaped.slice(0, this.count),
    };
    if (this.failed || !this.worker || this.inFlight.size >= MAX_IN_FLIGHT) this.classify(batch);
    else {
      this.inFlight.set(batch.id, batch);
      // structured clone copies the bytes: the buffer is reused for the next batch
      this.worker.postMessage({ id: batch.id, bytes: batch.bytes, bounds: batch.bounds, escaped: batch.escaped });
      batch.bytes = Uint8Array.prototype.slice.call(batch.bytes);
    }
    this.used = 0;
    this.count = 0;
  }

  private classify(b: Batch): void {
    for (let j = 0; j < b.escaped.length; j++) this.setLex(b.first + j, classifyUtf8(b.bytes, b.bounds[2 * j]!, b.bounds[2 * j + 1]!, b.escaped[j] === 1));
  }

  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    this.worker = null;
    for (const b of this.inFlight.values()) this.classify(b);
    this.inFlight.clear();
    this.wake();
  }

  private wake(): void {
    if (this.inFlight.size > 0) return;
    for (const w of this.waiters.splice(0)) w();
  }

  /** Sends what is left and waits for every flag. */
  async finish(): Promise<void> {
    this.flush();
    if (this.inFlight.size > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
    const w = this.worker;
    this.worker = null;
    this.failed = true;
    if (w) await w.terminate();
  }
}
