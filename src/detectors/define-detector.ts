/**
 * The detector contract. A detector is data (its id, group, the article's sentence) plus a
 * pure function of the dataset and the shared derived indexes. It never reads a file and
 * never prints; its sentences are catalogue keys with values, rendered later.
 */
import type { Derived } from '../derive/index.js';
import type { MsgRef } from '../i18n/index.js';
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
  /** how many items the score rests on (replies, threads, questions…) */
  sample: number;
  /** the score rests on who-answered-whom, so inferred replies lower its confidence */
  usesReplies: boolean;
}

export interface Detector {
  id: string;
  group: SignalGroup;
  run(ctx: DetectorContext): DetectorOutput;
}

export function defineDetector<D extends Detector>(detector: D): D {
  return detector;
}

export function clamp01(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/** Rounded for the report: values are for people, four decimals are plenty. */
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
