/**
 * One period of a dataset, as a dataset of its own, so that `--by month` runs the very same
 * audit (the same detectors, the same rule table) on each month: the rules stay one.
 *
 * The brand, the member file and the sources are those of the whole dataset: who the brand
 * is does not change from one month to the next. A reply whose parent falls in an earlier
 * period keeps its thread but loses its parent, so it counts as answering the thread's
 * starter; a thread begun earlier is not "started" in this period.
 */
import { type Dataset, type MessageColumns, type Thread, ReplyKindCode } from '../model/dataset.js';

/** Messages with `from <= createdAt < to`. Messages are sorted by time, so the slice is one range. */
export function sliceDataset(ds: Dataset, from: number, to: number): Dataset {
  const m = ds.messages;
  const lo = lowerBound(m.createdAt, m.count, from);
  const hi = lowerBound(m.createdAt, m.count, to);
  const count = Math.max(0, hi - lo);

  // threads first: their root authors must stay in the authors table
  const threadMap = new Map<number, number>();
  const oldThreads: number[] = [];
  for (let k = lo; k < hi; k++) {
    const th = m.thread[k]!;
    if (!threadMap.has(th)) {
      threadMap.set(th, -1);
      oldThreads.push(th);
    }
  }
  oldThreads.sort((a, b) => a - b).forEach((th, i) => threadMap.set(th, i));

  // authors: those who write in the period, the brand, and the starters of its threads
  const keepAuthor = new Uint8Array(ds.authors.length);
  for (let k = lo; k < hi; k++) keepAuthor[m.author[k]!] = 1;
  for (const a of ds.brand.authors) keepAuthor[a] = 1;
  for (const th of oldThreads) {
    const ra = ds.threads[th]!.rootAuthor;
    if (ra >= 0) keepAuthor[ra] = 1;
  }
  const authorMap = new Int32Array(ds.authors.length).fill(-1);
  const authors: Dataset['authors'] = [];
  ds.authors.forEach((a, i) => {
    if (!keepAuthor[i]) return;
    authorMap[i] = authors.length;
    authors.push(a);
  });
  const author = (a: number) => (a >= 0 ? authorMap[a]! : a);

  const messages: MessageColumns = {
    count,
    author: new Int32Array(count),
    createdAt: m.createdAt.slice(lo, hi),
    parent: new Int32Array(count),
    thread: new Int32Array(count),
    replyKind: m.replyKind.slice(lo, hi),
    reactions: m.reactions.slice(lo, hi),
    channel: m.channel.slice(lo, hi),
    source: m.source.slice(lo, hi),
    lex: m.lex.slice(lo, hi),
    line: m.line.slice(lo, hi),
  };
  for (let k = 0; k < count; k++) {
    const old = lo + k;
    messages.author[k] = authorMap[m.author[old]!]!;
    messages.thread[k] = threadMap.get(m.thread[old]!)!;
    const p = m.parent[old]!;
    if (p >= lo && p < hi) messages.parent[k] = p - lo;
    else {
      messages.parent[k] = -1;
      // no parent, no link: the reply kind must say so too
      if (p >= 0) messages.replyKind[k] = ReplyKindCode.none;
    }
  }

  const threads: Thread[] = oldThreads.map((th) => {
    const t = ds.threads[th]!;
    const copy: Thread = { ...t, root: t.root >= lo && t.root < hi ? t.root - lo : -1, rootAuthor: author(t.rootAuthor) };
    if (t.keyMessage !== undefined) copy.keyMessage = t.keyMessage >= lo && t.keyMessage < hi ? t.keyMessage - lo : -1;
    return copy;
  });

  const members = ds.members.map((mb) => {
    const copy = { ...mb };
    if (mb.author !== undefined) {
      const a = authorMap[mb.author]!;
      if (a >= 0) copy.author = a;
      else delete copy.author;
    }
    return copy;
  });

  return {
    messages,
    messageId: (i) => ds.messageId(lo + i),
    excerpt: (i) => ds.excerpt(lo + i),
    authors,
    channels: ds.channels,
    threads,
    members,
    brand: { ...ds.brand, authors: ds.brand.authors.map(author) },
    period: count > 0 ? { start: messages.createdAt[0]!, end: messages.createdAt[count - 1]! } : null,
    sources: ds.sources,
    issues: [],
  };
}

function lowerBound(a: Float64Array, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
