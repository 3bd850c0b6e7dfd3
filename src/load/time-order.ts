/**
 * Messages in time order, equal times in the order given: the first step of the canonical
 * order (builder.ts). Sorting a million indices with a comparator costs seconds, so times
 * are sorted natively: a radix sort on the times as integers (epoch ms), or, when a time is
 * not a whole number of ms or the period spans more than 2^48 ms, by ranking the times with
 * typed-array sorts (`orderByRank`, also the reference the test compares the radix sort with).
 */

/** `idx` (message indices) reordered so that `time[idx[k]]` ascends, ties in `idx` order. */
export function orderByTime(idx: Int32Array, time: Float64Array): Int32Array {
  return orderByRadix(idx, time) ?? orderByRank(idx, time);
}

const DIGIT = 65536;

/** Stable LSD radix sort on (time − earliest), three 16-bit digits; null when the times do not fit. */
export function orderByRadix(idx: Int32Array, time: Float64Array): Int32Array | null {
  const m = idx.length;
  if (m === 0) return new Int32Array(0);
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < m; j++) {
    const t = time[idx[j]!]!;
    if (!Number.isInteger(t)) return null;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (max - min >= 2 ** 48) return null;
  // times in whole seconds (most exports) sort the same divided by 1000, in fewer passes
  let unit = 1000;
  for (let j = 0; j < m && unit > 1; j++) if ((time[idx[j]!]! - min) % 1000 !== 0) unit = 1;
  // the three digits of each position's offset
  const digits = [new Uint16Array(m), new Uint16Array(m), new Uint16Array(m)] as const;
  for (let j = 0; j < m; j++) {
    const x = (time[idx[j]!]! - min) / unit;
    const lo = x % 4294967296;
    digits[0][j] = lo & 0xffff;
    digits[1][j] = lo >>> 16;
    digits[2][j] = (x - lo) / 4294967296;
  }
  let from = new Int32Array(m);
  for (let j = 0; j < m; j++) from[j] = j;
  let to = new Int32Array(m);
  const counts = new Int32Array(DIGIT + 1);
  for (const d of digits) {
    counts.fill(0);
    for (let j = 0; j < m; j++) counts[d[j]! + 1]!++;
    // a digit that is the same everywhere moves nothing
    if (counts[d[0]! + 1] === m) continue;
    for (let v = 0; v < DIGIT; v++) counts[v + 1]! += counts[v]!;
    for (let k = 0; k < m; k++) {
      const j = from[k]!;
      to[counts[d[j]!]!++] = j;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  for (let k = 0; k < m; k++) to[k] = idx[from[k]!]!;
  return to;
}

/** The general way: each time's rank among the distinct times, then rank × m + position, sorted as doubles. */
export function orderByRank(idx: Int32Array, time: Float64Array): Int32Array {
  const m = idx.length;
  const order = new Int32Array(m);
  if (m === 0) return order;
  const times = new Float64Array(m);
  for (let j = 0; j < m; j++) times[j] = time[idx[j]!]!;
  const uniq = times.slice().sort();
  let u = 0;
  for (let j = 0; j < m; j++) if (j === 0 || uniq[j] !== uniq[u - 1]) uniq[u++] = uniq[j]!;
  for (let j = 0; j < m; j++) {
    const t = times[j]!;
    let lo = 0;
    let hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (uniq[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    times[j] = lo * m + j; // rank, then position: exact below 2^53
  }
  times.sort();
  for (let j = 0; j < m; j++) order[j] = idx[times[j]! % m]!;
  return order;
}
