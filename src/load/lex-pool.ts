/**
 * Per-text work on a worker thread, for large files: the main thread scans and builds, the
 * worker (on the second core) turns each text into its lexicon flags, its hash (duplicate
 * rows) and its leading @mention. The main thread sends where the texts are, in batches;
 * the answers come back per batch and are written into the builder (see `TextSink`).
 *
 * If the worker cannot start, lags far behind, or fails, the main thread does a batch's
 * work itself: the answers are the same either way.
 */
import { Worker } from 'node:worker_threads';
import { LEX_ON_MAIN, classifyText, classifyUtf8OrNot } from '../lexicon/index.js';
import { type CsvRecord, decodeField } from './csv-scan.js';
import { ByteRange, fieldHash, leadingMentionBytes, mentionPrefixEnd } from './field-bytes.js';
import { leadingMention } from './text.js';
import type { LexAnswer, LexBatch } from '../lexicon/worker.js';

/** Where the answers for message `index` go (the builder's setLex, setTextHash, setMention). */
export interface TextSink {
  lex(index: number, flags: number): void;
  textHash(index: number, hash: number): void;
  /** called only for a message whose text opens on a mention: its normalized bytes `b[start, end)` */
  mention(index: number, b: Uint8Array, start: number, end: number): void;
}

/** Settings tests change (the worker script built from the sources, tiny batches for small files). */
export const lexPoolSettings = {
  worker: new URL('../lexicon/worker.js', import.meta.url),
  /** texts a batch holds: a few scanner buffers' worth (each message to the worker has a cost of its own) */
  batchTexts: 16384,
  /** the file size from which the CSV reader uses a pool */
  minBytes: 16 * 1024 * 1024,
};

const mentionOut = new ByteRange();

/** The lexicon flags of the raw text field `b[s, e)`, as the CSV reader finds them (decoded when the fast path cannot say). */
export function flagsOfField(b: Buffer, s: number, e: number, escaped: boolean): number {
  const f = classifyUtf8OrNot(b, s, e, escaped);
  return f >= 0 ? f : classifyText(decodeField(b, s, e, escaped));
}

/** The leading mention of the raw text field `b[s, e)` into `out`, as the CSV reader reads it (decoded when its bytes are not UTF-8). */
export function mentionOfField(b: Buffer, s: number, e: number, escaped: boolean, out: ByteRange): void {
  const found = leadingMentionBytes(b, s, e, out);
  if (found === 1) return;
  if (found === 0) return out.clear();
  out.setString(leadingMention(decodeField(b, s, mentionPrefixEnd(b, s, e), escaped)) ?? '');
}

interface Batch {
  id: number;
  first: number;
  /**
   * The scanner's buffers the texts are in (kept, not copied, until the answers come back:
   * the main thread works from them if the worker fails, and hashes a text from them when
   * a later row has the same id), and each text's buffer.
   */
  bufs: Buffer[];
  part: Uint16Array;
  /** start, end of each text in its buffer */
  bounds: Int32Array;
  escaped: Uint8Array;
}

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
  private batchTexts = lexPoolSettings.batchTexts;
  private part = new Uint16Array(this.batchTexts);
  private bounds = new Int32Array(this.batchTexts * 2);
  private escaped = new Uint8Array(this.batchTexts);
  private count = 0;
  private first = -1;
  private failed = false;
  private waiters: (() => void)[] = [];

  private constructor(
    worker: Worker,
    private sink: TextSink,
    private path: string,
    private bom: number,
  ) {
    this.worker = worker;
    worker.on('message', (a: LexAnswer) => {
      const b = this.inFlight.get(a.id);
      if (!b) return;
      this.inFlight.delete(a.id);
      const { flags, hashes, mentions, mentionBytes } = a;
      for (let j = 0; j < flags.length; j++) {
        const i = b.first + j;
        const f = flags[j]!;
        this.sink.lex(i, f === LEX_ON_MAIN ? flagsOfField(b.bufs[b.part[j]!]!, b.bounds[2 * j]!, b.bounds[2 * j + 1]!, b.escaped[j] === 1) : f);
        this.sink.textHash(i, hashes[j]!);
        const ms = mentions[2 * j]!;
        if (ms < 0) this.mentionHere(b, j);
        else if (mentions[2 * j + 1]! > ms) this.sink.mention(i, mentionBytes, ms, mentions[2 * j + 1]!);
      }
      this.wake();
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  /**
   * A pool for the UTF-8 file at `path` (whose records are scanned after a byte-order mark
   * of `bom` bytes), or null when no worker can start (then classify inline).
   */
  static create(path: string, bom: number, sink: TextSink): LexPool | null {
    try {
      // a small heap: the worker keeps nothing between batches, and its garbage counts in the
      // process's memory (if it runs out, the main thread takes over)
      const worker = new Worker(lexPoolSettings.worker, {
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
      });
      return new LexPool(worker, sink, path, bom);
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
    if (++this.count === this.batchTexts) this.flush();
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

  /** A batch's answers computed here (the worker failed or lags): the same as the worker's. */
  private classify(b: Batch): void {
    for (let j = 0; j < b.escaped.length; j++) {
      const buf = b.bufs[b.part[j]!]!;
      const s = b.bounds[2 * j]!;
      const e = b.bounds[2 * j + 1]!;
      const escaped = b.escaped[j] === 1;
      this.sink.lex(b.first + j, flagsOfField(buf, s, e, escaped));
      this.sink.textHash(b.first + j, fieldHash(buf, s, e, escaped));
      this.mentionHere(b, j);
    }
  }

  /** Text j of `b`'s mention, read here from the scanner's buffers the batch keeps. */
  private mentionHere(b: Batch, j: number): void {
    mentionOfField(b.bufs[b.part[j]!]!, b.bounds[2 * j]!, b.bounds[2 * j + 1]!, b.escaped[j] === 1, mentionOut);
    if (mentionOut.size > 0) this.sink.mention(b.first + j, mentionOut.buf, mentionOut.start, mentionOut.end);
  }

  /**
   * The text hash of message `index` while its answer has not come back (its batch is being
   * filled or is with the worker: computed here from the bytes the batch keeps), or -1 when
   * it has been given to the sink already (or the message was never added).
   */
  textHashOf(index: number): number {
    if (this.count > 0 && index >= this.first && index < this.first + this.count) {
      const j = index - this.first;
      return fieldHash(this.bufs[this.part[j]!]!, this.bounds[2 * j]!, this.bounds[2 * j + 1]!, this.escaped[j] === 1);
    }
    for (const b of this.inFlight.values()) {
      const j = index - b.first;
      if (j >= 0 && j < b.escaped.length) return fieldHash(b.bufs[b.part[j]!]!, b.bounds[2 * j]!, b.bounds[2 * j + 1]!, b.escaped[j] === 1);
    }
    return -1;
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
