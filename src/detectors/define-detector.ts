/**
 * The detector contract. A detector is data (its id, group, the article's sentence) plus a
 * pure function of the dataset and the shared derived indexes. It never reads a file and
 * never prints; its sentences are catalogue keys with values, rendered later.
 *
 * A detector reads typed arrays and the indexes of src/derive (computed once, shared): it
 * allocates nothing per message and never compares every message with every other one, so
 * a million-message export stays a normal input.
 */
import type { Derived } from '../derive/index.js';
import type { MessageKey, MsgRef } from '../i18n/index.js';
import type { Dataset } from '../model/dataset.js';
import type { SignalGroup } from '../model/result.js';

export interface DetectorContext {
  ds: Dataset;
  d: Derived;
}

/** Evidence points at the data by index; the report resolves ids, names and excerpts. */
export interface EvidenceRef {
  message?: number;
  author?: number;
  note?: MsgRef;
}

export interface DetectorOutput {
  /** 0..1, higher = more community; null with a `reason` when the data cannot say */
  score: number | null;
  reason?: MsgRef;
  /** what was measured, in one sentence of the catalogue */
  summary?: MsgRef;
  values: Record<string, number | string | null>;
  evidence?: EvidenceRef[];
  /**
   * Named lists of evidence that recommendations cite ("the questions left unanswered",
   * "the members to invite first"); not shown with the signal itself.
   */
  highlights?: Record<string, EvidenceRef[]>;
  /** how many items the score rests on (replies, threads, questions…) */
  sample: number;
  /** the score rests on who-answered-whom, so inferred replies lower its confidence */
  usesReplies: boolean;
}

type IdOf<K> = K extends `signal.${infer I}.title` ? I : never;
/** A signal id: one that has a title in the catalogue (so a detector without one does not compile). */
export type SignalId = IdOf<MessageKey>;

export interface Detector {
  id: SignalId;
  group: SignalGroup;
  run(ctx: DetectorContext): DetectorOutput;
}

export function defineDetector<D extends Detector>(detector: D): D {
  return detector;
}

export function clamp01(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : Number.isNaN(x) ? 0 : x;
}

/** Rounded for the report: values are for people, three decimals are plenty. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : 0;
}

/** A saturating scale: `x` at `full` or above scores 1, linearly below. */
export function scale(x: number, full: number): number {
  return clamp01(full > 0 ? x / full : 0);
}

/** A weighted mean over the parts that could be measured (null parts weigh nothing). */
export function blend(parts: readonly (readonly [weight: number, value: number | null])[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const [w, v] of parts) {
    if (v === null || Number.isNaN(v)) continue;
    sum += w * v;
    weights += w;
  }
  return weights > 0 ? clamp01(sum / weights) : null;
}

/** The q-quantile of sorted numbers (nearest rank), or null for none. */
export function quantile(sorted: ArrayLike<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/**
 * `quantile` of the values once sorted, without sorting them: the k-th smallest found by
 * selection (Hoare's quickselect), linear on average where a sort is n log n. Reorders
 * `values` in place.
 */
export function selectQuantile(values: Float64Array, q: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const k = Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1));
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // median of three as the pivot: sorted or constant runs stay linear
    const mid = (lo + hi) >>> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    // now values[lo..j] <= pivot <= values[i..hi], and j < i
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/** The Gini coefficient of non-negative counts: 0 when everyone writes as much, near 1 when one person writes everything. */
export function gini(values: Float64Array | Int32Array | number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const sorted = Float64Array.from(values).sort();
  let cum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += sorted[i]!;
    cum += (i + 1) * sorted[i]!;
  }
  if (total === 0) return 0;
  return (2 * cum) / (n * total) - (n + 1) / n;
}

/**
 * The `k` authors ranked first by a number, highest first. Ties go to whoever wrote first,
 * then to the lower index, so that a ranking does not change when people are renamed
 * (author indices follow names).
 *
 * Evidence shows a handful of people out of groups of 100k+ authors: a selection keeps the
 * best `k` seen so far, in order, and most authors are turned away by one comparison with
 * the last of them, where a full sort compared every author log n times. The order is the
 * full sort's (test/reference/rank-authors.ts is that sort; a property test compares them).
 */
export function topAuthors(d: Derived, authors: Iterable<number>, by: (a: number) => number, k: number): number[] {
  const first = d.authorStats.first;
  const best: number[] = [];
  const bestScore: number[] = [];
  // a ranks before b: higher measure, then earlier first message, then lower index
  const before = (sa: number, a: number, sb: number, b: number) =>
    sa > sb || (sa === sb && (first[a]! < first[b]! || (first[a] === first[b] && a < b)));
  if (k <= 0) return best;
  for (const a of authors) {
    const s = by(a);
    let i = best.length;
    if (i === k) {
      if (!before(s, a, bestScore[k - 1]!, best[k - 1]!)) continue;
      i--;
    }
    // shift the worse ones down one place (the last falls off when the list is full)
    while (i > 0 && before(s, a, bestScore[i - 1]!, best[i - 1]!)) {
      best[i] = best[i - 1]!;
      bestScore[i] = bestScore[i - 1]!;
      i--;
    }
    best[i] = a;
    bestScore[i] = s;
  }
  return best;
}

/**
 * The data is mostly comments under posts (Instagram, LinkedIn…) rather than a chat or a
 * forum: sentences then speak of "comments under your posts" rather than "threads".
 */
export function mostlyComments(ds: Dataset): boolean {
  let comments = 0;
  for (const t of ds.threads) if (t.kind === 'comments') comments++;
  return comments * 2 > ds.threads.length;
}
