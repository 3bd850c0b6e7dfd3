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
import type { LexBatch } from '../lexicon/worker.js';

interface Batch {
  id: number;
  first: number;
  /**
   * The scanner's buffers the texts are in (kept, not copied, until the flags come back:
   * the main thread classifies from them if the worker fails), and each text's buffer.
   */
  bufs: Buffer[];
  part: Uint16Array;
  /** start, end of each text in its buffer */
  bounds: Int32Array;
  escaped: Uint8Array;
}

/** Texts a batch holds: a few scanner buffers' worth (each message to the worker has a cost of its own). */
const BATCH_TEXTS = 16384;
/**
 * Beyond this many batches waiting for the worker (64k texts), the main thread classifies
 * new ones itself; each waiting batch keeps its scanner buffers (about 4 MiB).
 */
const MAX_IN_FLIGHT = 4;

/**
 * Texts are not copied on the main thread: the worker reads the stretch of the file a
 * batch's texts span itself (the file is in the page cache: it was just read), given each
 * text's bounds in it.
 */
export class LexPool {
  private worker: Worker | null;
  private inFlight = new Map<number, Batch>();
  private nextId = 0;
  private bufs: Buffer[] = [];
  /** file offset of each buffer's first byte */
  private bufAts: number[] = [];
  private part = new Uint16Array(BATCH_TEXTS);
  private bounds = new Int32Array(BATCH_TEXTS * 2);
  private escaped = new Uint8Array(BATCH_TEXTS);
  private count = 0;
  private first = -1;
  private failed = false;
  private waiters: (() => void)[] = [];

  private constructor(
    worker: Worker,
    private setLex: (index: number, flags: number) => void,
    private path: string,
    private bom: number,
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

  /**
   * A pool for the UTF-8 file at `path` (whose records are scanned after a byte-order mark
   * of `bom` bytes), or null when no worker can start (then classify inline).
   */
  static create(path: string, bom: number, setLex: (index: number, flags: number) => void): LexPool | null {
    try {
      // a small heap: the worker keeps nothing between batches, and its garbage counts in the
      // process's memory (if it runs out, the main thread takes over)
      const worker = new Worker(new URL('../lexicon/worker.js', import.meta.url), {
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
      });
      return new LexPool(worker, setLex, path, bom);
    } catch {
      return null;
    }
  }

  /** Queues the text of field `field` of `r` for message `index` (consecutive indices). */
  add(r: CsvRecord, field: number, index: number): void {
    const j = this.count;
    if (j === 0) this.first = index;
    let part = this.bufs.length - 1;
    if (part < 0 || this.bufs[part] !== r.buf) {
      this.bufs.push(r.buf);
      this.bufAts.push(this.bom + r.offset - r.offsetInBuf);
      part++;
    }
    const s = r.start(field);
    this.part[j] = part;
    this.bounds[2 * j] = s;
    this.bounds[2 * j + 1] = s + r.size(field);
    this.escaped[j] = r.escaped(field) ? 1 : 0;
    if (++this.count === BATCH_TEXTS) this.flush();
  }

  private flush(): void {
    const n = this.count;
    if (n === 0) return;
    const batch: Batch = {
      id: this.nextId++,
      first: this.first,
      bufs: this.bufs,
      part: this.part.slice(0, n),
      bounds: this.bounds.slice(0, 2 * n),
      escaped: this.escaped.slice(0, n),
    };
    const bufAts = this.bufAts;
    this.bufs = [];
    this.bufAts = [];
    this.count = 0;
    if (this.failed || !this.worker || this.inFlight.size >= MAX_IN_FLIGHT) return this.classify(batch);
    this.inFlight.set(batch.id, batch);
    // where in the file the texts are (they come in file order): the worker reads them there
    const at = (j: number, end: 0 | 1) => bufAts[batch.part[j]!]! + batch.bounds[2 * j + end]!;
    const lo = at(0, 0);
    const bounds = new Int32Array(2 * n);
    for (let j = 0; j < n; j++) {
      bounds[2 * j] = at(j, 0) - lo;
      bounds[2 * j + 1] = at(j, 1) - lo;
    }
    const message: LexBatch = { id: batch.id, path: this.path, position: lo, length: bounds[2 * n - 1]!, bounds, escaped: batch.escaped };
    this.worker.postMessage(message, [bounds.buffer]);
  }

  private classify(b: Batch): void {
    for (let j = 0; j < b.escaped.length; j++) {
      this.setLex(b.first + j, classifyUtf8(b.bufs[b.part[j]!]!, b.bounds[2 * j]!, b.bounds[2 * j + 1]!, b.escaped[j] === 1));
    }
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
