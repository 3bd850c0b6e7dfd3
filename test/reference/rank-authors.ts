/**
 * The full sort `topAuthors` (src/detectors/define-detector.ts) replaced: every author
 * ranked, highest measure first, ties to whoever wrote first, then to the lower index.
 * Kept as the reference the selection is compared with.
 */
import type { Derived } from '../../src/derive/index.js';

export function rankAuthors(d: Derived, authors: Iterable<number>, by: (a: number) => number): number[] {
  const list = [...authors];
  const score = list.map(by);
  const idx = list.map((_, i) => i);
  idx.sort((i, j) => {
    const a = list[i]!;
    const b = list[j]!;
    return score[j]! - score[i]! || d.authorStats.first[a]! - d.authorStats.first[b]! || a - b;
  });
  return idx.map((i) => list[i]!);
}
