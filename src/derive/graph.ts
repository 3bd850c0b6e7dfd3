/**
 * The reply network: who answers whom among members, and the same network with the brand
 * as one node. Built once, on first use, and shared.
 *
 * A million replies make hundreds of thousands of distinct pairs; as graphology graphs (an
 * object per edge, an object per adjacency list) that is seconds and a gigabyte. The graphs
 * here are compact (typed arrays: unique edges in first-merged order, degrees, a sorted
 * adjacency built on demand) and answer what the detectors ask natively (order, size,
 * degree, nodes, forEachNode, forEachEdge, forEachNeighbor, neighbors, hasEdge,
 * hasDirectedEdge, mergeEdge on author keys, copy) with graphology's orders, so results
 * are the same. Any other graphology method still works: the graph is then built once as
 * a real graphology graph (same nodes and edges, same order) and the call goes to it.
 *
 * Measures come from graphology's packages where they exist (connected components,
 * degree centrality); reciprocity and the k-core decomposition are a few lines over the
 * same graphs, as no package offers them.
 */
import graphology from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import { connectedComponents } from 'graphology-components';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import { NO_TARGET, POST_AUTHOR, type Dataset } from '../model/dataset.js';
import type { Derived } from './index.js';

export interface ReplyNetwork {
  /** undirected, members only; node = author index as a string */
  members: Graph;
  /** undirected, members plus one `brand` node standing for every brand account */
  withBrand: Graph;
  /** directed member→member edges, for reciprocity */
  directed: Graph;
}

const cache = new WeakMap<Derived, ReplyNetwork>();
export const BRAND_NODE = 'brand';

const EMPTY_ATTRIBUTES = Object.freeze({});

/** Unique edges between integer nodes, in first-seen order; nodes in first-seen order. */
/** The same values in an array twice as long (columns grow by doubling). */
function doubled(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

class CompactGraph {
  readonly type: 'undirected' | 'directed';
  readonly multi = false;
  readonly allowSelfLoops = false;
  /** node index → id (author index, or nA for the brand) */
  private ids = new Int32Array(1024);
  private nodeCount = 0;
  /** node index → key, made on first use: building a graph allocates no string */
  private keyCache: string[] = [];
  /** node id (author index, or nA for the brand) → node index, -1 when absent */
  private nodeOf: Int32Array;
  private src = new Int32Array(1024);
  private dst = new Int32Array(1024);
  private edgeCount = 0;
  private deg = new Int32Array(1024);
  /** open-addressing set of edges: slot → edge index + 1; dropped once the graph is built
   * (`seal`: half of it is empty, and only `hasEdge` reads it then), remade on demand */
  private slotTable: Int32Array | null = new Int32Array(2048);
  private real: Graph | null = null;
  /** set when a caller used the graph in a way only graphology handles: everything goes to `real` */
  delegated = false;
  private adjacency: { offsets: Int32Array; targets: Int32Array } | null = null;

  /** `edges`: how many edges to make room for (a hint: the graph grows past it) */
  constructor(type: 'undirected' | 'directed', ids: number, edges = 0) {
    this.type = type;
    this.nodeOf = new Int32Array(ids).fill(-1);
    if (edges > 1024) {
      this.src = new Int32Array(edges);
      this.dst = new Int32Array(edges);
      // a graph sized in advance is built by `mergeNew`, which needs no edge set
      this.slotTable = null;
    }
    const nodes = Math.min(ids, edges * 2);
    if (nodes > 1024) {
      this.deg = new Int32Array(nodes);
      this.ids = new Int32Array(nodes);
    }
  }

  private node(id: number): number {
    let i = this.nodeOf[id]!;
    if (i < 0) {
      i = this.nodeCount++;
      this.nodeOf[id] = i;
      if (i >= this.deg.length) {
        this.deg = doubled(this.deg);
        this.ids = doubled(this.ids);
      }
      this.ids[i] = id;
    }
    return i;
  }

  /** the keys of every node, in node order (author indices as strings, `brand`) */
  private get keys(): string[] {
    const brandId = this.nodeOf.length - 1;
    for (let i = this.keyCache.length; i < this.nodeCount; i++) this.keyCache.push(this.ids[i] === brandId ? BRAND_NODE : String(this.ids[i]));
    return this.keyCache;
  }

  private get slots(): Int32Array {
    if (!this.slotTable) {
      let size = 2048;
      while (size < this.edgeCount * 2 + 2) size *= 2;
      this.slotTable = this.hashed(size);
    }
    return this.slotTable;
  }

  /** the graph is built: its edge set is remade if `hasEdge` or a later merge needs it */
  seal(): void {
    this.slotTable = null;
    // the edge columns were sized for every directed pair; an undirected graph merges mutual ones
    if (this.edgeCount > 1024 && this.edgeCount * 4 < this.src.length * 3) {
      this.src = this.src.slice(0, this.edgeCount);
      this.dst = this.dst.slice(0, this.edgeCount);
    }
  }

  private slotOf(u: number, v: number): number {
    let a = u;
    let b = v;
    if (this.type === 'undirected' && a > b) [a, b] = [b, a];
    const slots = this.slots;
    const mask = slots.length - 1;
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
    for (;;) {
      const e = slots[s]!;
      if (e === 0) return s;
      const x = this.src[e - 1]!;
      const y = this.dst[e - 1]!;
      if ((x === u && y === v) || (this.type === 'undirected' && x === v && y === u)) return s;
      s = (s + 1) & mask;
    }
  }

  /** graphology's mergeEdge, for integer node ids (author indices, nA for the brand) */
  merge(fromId: number, toId: number): void {
    // mergeEdge adds the source, then the target, before the edge
    const u = this.node(fromId);
    const v = this.node(toId);
    if (u === v) return;
    let s = this.slotOf(u, v);
    if (this.slots[s] !== 0) return;
    if ((this.edgeCount + 1) * 2 > this.slots.length) {
      this.rehash();
      s = this.slotOf(u, v);
    }
    if (this.edgeCount >= this.src.length) {
      this.src = doubled(this.src);
      this.dst = doubled(this.dst);
    }
    this.src[this.edgeCount] = u;
    this.dst[this.edgeCount] = v;
    this.slots[s] = ++this.edgeCount;
    this.deg[u]!++;
    this.deg[v]!++;
    this.adjacency = null;
    this.components = null;
  }

  /**
   * mergeEdge for an edge the caller knows is not in the graph yet (`replyNetwork` below reads
   * distinct pairs): the same nodes, order and degrees, without looking the edge up. The edge
   * set is dropped, remade if `hasEdge` or a later `merge` needs it.
   */
  mergeNew(fromId: number, toId: number): void {
    const u = this.node(fromId);
    const v = this.node(toId);
    if (this.edgeCount >= this.src.length) {
      this.src = doubled(this.src);
      this.dst = doubled(this.dst);
    }
    this.src[this.edgeCount] = u;
    this.dst[this.edgeCount++] = v;
    this.deg[u]!++;
    this.deg[v]!++;
    this.slotTable = null;
    this.adjacency = null;
    this.components = null;
  }

  private rehash(): void {
    this.slotTable = this.hashed(this.slots.length * 2);
  }

  /** the edge set in a table of `size` slots (a power of two) */
  private hashed(size: number): Int32Array {
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let e = 0; e < this.edgeCount; e++) {
      let a = this.src[e]!;
      let b = this.dst[e]!;
      if (this.type === 'undirected' && a > b) [a, b] = [b, a];
      let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    return slots;
  }

  private indexOfKey(key: unknown): number {
    if (typeof key !== 'string' && typeof key !== 'number') return -1;
    const k = String(key);
    if (k === BRAND_NODE) return this.nodeOf[this.nodeOf.length - 1]!;
    const n = Number(k);
    return Number.isInteger(n) && n >= 0 && n < this.nodeOf.length - 1 && String(n) === k ? this.nodeOf[n]! : -1;
  }

  get order(): number {
    return this.nodeCount;
  }

  get size(): number {
    return this.edgeCount;
  }

  degree(key: unknown): number {
    const i = this.indexOfKey(key);
    if (i < 0) throw new Error(`Graph.degree: could not find the "${String(key)}" node in the graph.`);
    return this.deg[i]!;
  }

  hasNode(key: unknown): boolean {
    return this.indexOfKey(key) >= 0;
  }

  forEachNode(callback: (node: string, attributes: object) => void): void {
    for (const k of this.keys) callback(k, EMPTY_ATTRIBUTES);
  }

  forEachEdge(callback: (edge: string, attributes: object, source: string, target: string, sa: object, ta: object, undirected: boolean) => void): void {
    const undirected = this.type === 'undirected';
    const keys = this.keys;
    for (let e = 0; e < this.edgeCount; e++) callback(`e${e}`, EMPTY_ATTRIBUTES, keys[this.src[e]!]!, keys[this.dst[e]!]!, EMPTY_ATTRIBUTES, EMPTY_ATTRIBUTES, undirected);
  }

  hasEdge(source: unknown, target: unknown): boolean {
    const u = this.indexOfKey(source);
    const v = this.indexOfKey(target);
    return u >= 0 && v >= 0 && this.slots[this.slotOf(u, v)] !== 0;
  }

  /** internal: an edge joins node indices u and v (from u to v when directed) */
  hasIndexEdge(u: number, v: number): boolean {
    return this.slots[this.slotOf(u, v)] !== 0;
  }

  hasDirectedEdge(source: unknown, target: unknown): boolean {
    return this.type === 'directed' && this.hasEdge(source, target);
  }

  nodes(): string[] {
    return this.keys.slice();
  }

  /** the id standing for the brand node */
  get brandId(): number {
    return this.nodeOf.length - 1;
  }

  /** node index of an id, -1 when absent */
  indexOfId(id: number): number {
    return this.nodeOf[id]!;
  }

  /** connected components in graphology-components' order, computed once */
  components: string[][] | null = null;

  forEachNeighbor(key: unknown, callback: (neighbor: string, attributes: object) => void): void {
    const i = this.indexOfKey(key);
    if (i < 0) throw new Error(`Graph.forEachNeighbor: could not find the "${String(key)}" node in the graph.`);
    const { offsets, targets } = this.neighborLists();
    const keys = this.keys;
    for (let j = offsets[i]!; j < offsets[i + 1]!; j++) callback(keys[targets[j]!]!, EMPTY_ATTRIBUTES);
  }

  neighbors(key: unknown): string[] {
    const out: string[] = [];
    this.forEachNeighbor(key, (n) => void out.push(n));
    return out;
  }

  /** graphology's mergeEdge for author-index keys (and the brand); any other key hands the graph over to graphology */
  mergeEdge(source: unknown, target: unknown): unknown {
    const a = this.idOfKey(source);
    const b = this.idOfKey(target);
    if (a < 0 || b < 0) {
      this.delegated = true;
      return (this.materialize() as unknown as { mergeEdge(s: unknown, t: unknown): unknown }).mergeEdge(source, target);
    }
    if (this.real) (this.real as unknown as { mergeEdge(s: unknown, t: unknown): unknown }).mergeEdge(String(source), String(target));
    this.merge(a, b);
    return undefined;
  }

  copy(): Graph {
    const c = new CompactGraph(this.type, this.nodeOf.length);
    for (let e = 0; e < this.edgeCount; e++) c.merge(this.ids[this.src[e]!]!, this.ids[this.dst[e]!]!);
    // isolated nodes do not occur: every node arrives with an edge
    return asGraph(c);
  }

  private idOfKey(key: unknown): number {
    if (typeof key !== 'string' && typeof key !== 'number') return -1;
    const k = String(key);
    const brandId = this.nodeOf.length - 1;
    if (k === BRAND_NODE) return brandId;
    const n = Number(k);
    return Number.isInteger(n) && n >= 0 && n < brandId && String(n) === k ? n : -1;
  }

  /** internal: the id (author index, nA for the brand) of node index i */
  idOf(i: number): number {
    return this.ids[i]!;
  }

  /** internal: the edges as node indices (edge e joins src[e] and dst[e]), in first-merged order */
  edgeList(): { src: Int32Array; dst: Int32Array; count: number } {
    return { src: this.src, dst: this.dst, count: this.edgeCount };
  }

  /** internal: node degrees by node index (insertion order) */
  degrees(): Int32Array {
    return this.deg.subarray(0, this.nodeCount);
  }

  nodeKey(i: number): string {
    return this.keys[i]!;
  }

  /**
   * Neighbors of each node in graphology's order, for traversals: its adjacency lives in
   * objects, so integer-like keys come out ascending; a directed graph lists in-neighbors,
   * then out-neighbors not already listed.
   */
  neighborLists(): { offsets: Int32Array; targets: Int32Array } {
    if (this.adjacency) return this.adjacency;
    const n = this.nodeCount;
    const brandId = this.nodeOf.length - 1;
    const numeric = Array.from(this.ids.subarray(0, n), (id) => (id === brandId ? Infinity : id));
    const byKey = (a: number, b: number) => numeric[a]! - numeric[b]!;
    if (this.type === 'undirected') {
      // typed adjacency: count, place, then sort each node's segment by key
      const offsets = new Int32Array(n + 1);
      for (let e = 0; e < this.edgeCount; e++) {
        offsets[this.src[e]! + 1]!++;
        offsets[this.dst[e]! + 1]!++;
      }
      for (let i = 0; i < n; i++) offsets[i + 1]! += offsets[i]!;
      const fill = offsets.slice(0, n);
      const targets = new Int32Array(offsets[n]!);
      for (let e = 0; e < this.edgeCount; e++) {
        const u = this.src[e]!;
        const v = this.dst[e]!;
        targets[fill[u]!++] = v;
        targets[fill[v]!++] = u;
      }
      const keyValue = Float64Array.from(numeric);
      for (let i = 0; i < n; i++) if (offsets[i + 1]! - offsets[i]! > 1) targets.subarray(offsets[i]!, offsets[i + 1]!).sort((a, b) => keyValue[a]! - keyValue[b]!);
      this.adjacency = { offsets, targets };
      return this.adjacency;
    }
    const ins: number[][] = Array.from({ length: n }, () => []);
    const outs: number[][] = this.type === 'directed' ? Array.from({ length: n }, () => []) : ins;
    for (let e = 0; e < this.edgeCount; e++) {
      const u = this.src[e]!;
      const v = this.dst[e]!;
      ins[v]!.push(u);
      outs[u]!.push(v);
    }
    const offsets = new Int32Array(n + 1);
    const lists: number[][] = [];
    for (let i = 0; i < n; i++) {
      let list = ins[i]!.sort(byKey);
      if (outs !== ins) {
        const seen = new Set(list);
        list = list.concat(outs[i]!.sort(byKey).filter((x) => !seen.has(x)));
      }
      lists.push(list);
      offsets[i + 1] = offsets[i]! + list.length;
    }
    const targets = new Int32Array(offsets[n]!);
    lists.forEach((list, i) => targets.set(list, offsets[i]!));
    this.adjacency = { offsets, targets };
    return this.adjacency;
  }

  /** The same graph as a graphology instance (for any method not answered here). */
  materialize(): Graph {
    if (this.real) return this.real;
    const g: Graph = this.type === 'undirected' ? new graphology.UndirectedGraph({ allowSelfLoops: false }) : new graphology.DirectedGraph({ allowSelfLoops: false });
    for (const k of this.keys) g.addNode(k);
    for (let e = 0; e < this.edgeCount; e++) g.mergeEdge(this.keys[this.src[e]!]!, this.keys[this.dst[e]!]!);
    this.real = g;
    return g;
  }
}

function compactOf(g: Graph): CompactGraph | null {
  const c = (g as unknown as { [COMPACT]?: CompactGraph })[COMPACT];
  return c ?? null;
}
const COMPACT = Symbol('compact');

/** A compact graph that behaves as a graphology Graph for every other method. */
function asGraph(c: CompactGraph): Graph {
  // methods are bound once (a detector may call degree() a million times)
  const bound = new Map<string | symbol, unknown>();
  return new Proxy(c, {
    get(target, prop, receiver) {
      if (prop === COMPACT) return target.delegated ? undefined : target;
      if (!target.delegated && prop in target) {
        const hit = bound.get(prop);
        if (hit !== undefined) return hit;
        const v = Reflect.get(target, prop, receiver);
        if (typeof v !== 'function') return v;
        const f = v.bind(target);
        bound.set(prop, f);
        return f;
      }
      const real = target.materialize() as unknown as Record<string | symbol, unknown>;
      const v = real[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real) : v;
    },
    has(target, prop) {
      return (!target.delegated && prop in target) || prop in (target.materialize() as object);
    },
  }) as unknown as Graph;
}

/** The distinct directed reply pairs, as node + 1 (0 for the brand, a + 1 for member a). */
interface ReplyPairs {
  /** the targets of source x are to[start[x] .. start[x + 1]), ascending */
  start: Int32Array;
  to: Int32Array;
  unique: number;
  /** pairs with the brand at one end */
  brandPairs: number;
}

/**
 * Distinct directed pairs first: people answer the same people again and again, so the
 * graphs are built from far fewer edges than there are replies. The pairs are merged in the
 * order of (source, target), the brand (0) first: grouped by source with a counting sort,
 * each group's targets sorted, repeats dropped in place.
 */
function replyPairs(ds: Dataset, d: Derived): ReplyPairs {
  const nA = ds.authors.length;
  const m = ds.messages;
  const { author } = m;
  const { target: targets, isBrandAuthor, isMemberAuthor } = d;
  // node + 1: 0 for the brand, a + 1 for member a, -1 for anyone else (bots)
  const slot = (a: number) => (a === POST_AUTHOR || (a >= 0 && isBrandAuthor[a]) ? 0 : a >= 0 && isMemberAuthor[a] ? a + 1 : -1);
  const groupStart = new Int32Array(nA + 2);
  let count = 0;
  for (let k = 0; k < m.count; k++) {
    const to = targets[k]!;
    if (to === NO_TARGET) continue;
    const x = slot(author[k]!);
    const y = slot(to);
    if (x < 0 || y < 0 || x === y) continue;
    groupStart[x + 1]!++;
    count++;
  }
  for (let x = 0; x <= nA; x++) groupStart[x + 1]! += groupStart[x]!;
  const fill = groupStart.slice(0, nA + 1);
  const to1 = new Int32Array(count);
  for (let k = 0; k < m.count; k++) {
    const to = targets[k]!;
    if (to === NO_TARGET) continue;
    const x = slot(author[k]!);
    const y = slot(to);
    if (x < 0 || y < 0 || x === y) continue;
    to1[fill[x]!++] = y;
  }
  // each group sorted, its repeats dropped, written back from the front: group x's distinct
  // targets start at unique <= groupStart[x], so nothing is overwritten before it is read; the
  // group bounds become the distinct ones the same way (groupStart[x + 1] is read before it changes)
  let unique = 0;
  let brandPairs = 0;
  for (let x = 0; x <= nA; x++) {
    const lo = groupStart[x]!;
    const hi = groupStart[x + 1]!;
    if (hi - lo > 1) to1.subarray(lo, hi).sort();
    groupStart[x] = unique;
    let prev = -1;
    for (let j = lo; j < hi; j++) {
      const y = to1[j]!;
      if (y === prev) continue;
      prev = y;
      to1[unique++] = y;
      if (x === 0 || y === 0) brandPairs++;
    }
  }
  groupStart[nA + 1] = unique;
  // trimmed to the unique ones when people answer the same people often, as it was sized for every reply
  const to = unique * 4 < count * 3 ? to1.slice(0, unique) : to1;
  return { start: groupStart, to, unique, brandPairs };
}

/** whether the ascending run sorted[lo .. hi) holds v */
function sortedHas(sorted: Int32Array, lo: number, hi: number, v: number): boolean {
  let l = lo;
  let h = hi;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (sorted[mid]! < v) l = mid + 1;
    else h = mid;
  }
  return l < hi && sorted[l] === v;
}

export function replyNetwork(ds: Dataset, d: Derived): ReplyNetwork {
  const hit = cache.get(d);
  if (hit) return hit;
  const nA = ds.authors.length;
  // the distinct pairs, kept (by the closures below) until both undirected graphs are built:
  // no detector reads the directed one, which makes them again if asked
  let kept: ReplyPairs | null = null;
  const build = (which: 'members' | 'withBrand' | 'directed'): Graph => {
    const pairs = (kept ??= replyPairs(ds, d));
    const { start, to, unique, brandPairs } = pairs;
    const withBrand = which === 'withBrand';
    const undirected = which !== 'directed';
    const g = new CompactGraph(undirected ? 'undirected' : 'directed', nA + 1, withBrand ? unique : unique - brandPairs);
    // The pairs are distinct and merged group by group, in ascending order of source: a pair
    // (x, y) is already an undirected edge only if its reverse was merged, that is when group y
    // came first (y < x) and holds x (each group's targets are sorted: a binary search). No
    // edge set is needed to build the graphs.
    for (let x = 0; x <= nA; x++) {
      const a = x === 0 ? nA : x - 1;
      if (!withBrand && a === nA) continue;
      for (let j = start[x]!; j < start[x + 1]!; j++) {
        const y = to[j]!;
        if (!withBrand && y === 0) continue;
        if (undirected && y < x && sortedHas(to, start[y]!, start[y + 1]!, x)) continue;
        g.mergeNew(a, y === 0 ? nA : y - 1);
      }
    }
    g.seal();
    return asGraph(g);
  };
  // each graph is built on first use: a detector that needs one does not pay for three
  const built: Partial<Record<'members' | 'withBrand' | 'directed', Graph>> = {};
  const release = () => {
    if (built.members && built.withBrand) kept = null;
  };
  const net: ReplyNetwork = {
    get members() {
      if (!built.members) {
        built.members = build('members');
        release();
      }
      return built.members;
    },
    get withBrand() {
      if (!built.withBrand) {
        built.withBrand = build('withBrand');
        release();
      }
      return built.withBrand;
    },
    get directed() {
      return (built.directed ??= build('directed'));
    },
  };
  cache.set(d, net);
  return net;
}

/** Node indices in the order graphology-metrics lists them (an object: integer keys ascending, then the rest). */
function objectKeyOrder(c: CompactGraph): number[] {
  // integer keys are author indices: walking the ids in order is the ascending sort
  const out: number[] = [];
  const brand = c.indexOfId(c.brandId);
  for (let id = 0; id < c.brandId; id++) {
    const i = c.indexOfId(id);
    if (i >= 0) out.push(i);
  }
  if (brand >= 0) out.push(brand);
  return out;
}

/**
 * Freeman's degree centralization, from the normalized degree centrality (graphology-metrics'
 * degreeCentrality: degree / (n − 1)): 1 for a star (one hub everybody talks through), 0
 * when every node has the same degree.
 */
export function degreeCentralization(g: Graph): number {
  const n = g.order;
  if (n < 3) return 0;
  const c = compactOf(g);
  const values: number[] = [];
  if (c) {
    const deg = c.degrees();
    for (const i of objectKeyOrder(c)) values.push(deg[i]! / (n - 1));
  } else values.push(...Object.values(degreeCentrality(g)));
  let max = 0;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += max - v;
  // the star's sum is (n - 1) · (1 - 1/(n - 1)) = n - 2
  return Math.min(1, Math.max(0, sum / (n - 2)));
}

/** Each connected component, in graphology-components' order (start nodes in insertion order, depth first). */
function forEachComponent(g: Graph, callback: (component: string[]) => void): void {
  const c = compactOf(g);
  if (!c) {
    for (const comp of connectedComponents(g)) callback(comp);
    return;
  }
  if (c.components) {
    for (const comp of c.components) callback(comp);
    return;
  }
  const all: string[][] = [];
  const n = c.order;
  if (n === 0) return;
  const { offsets, targets } = c.neighborLists();
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let seenCount = 0;
  for (let s = 0; s < n && seenCount < n; s++) {
    if (seen[s]) continue;
    const component: string[] = [];
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    seenCount++;
    while (top > 0) {
      const u = stack[--top]!;
      component.push(c.nodeKey(u));
      for (let j = offsets[u]!; j < offsets[u + 1]!; j++) {
        const v = targets[j]!;
        if (!seen[v]) {
          seen[v] = 1;
          seenCount++;
          stack[top++] = v;
        }
      }
    }
    all.push(component);
  }
  c.components = all;
  for (const comp of all) callback(comp);
}

/**
 * The largest connected component. Ties go to the component whose earliest member wrote
 * first (author indices follow names, so a tie broken on them would change with a rename).
 */
export function largestComponent(g: Graph, firstSeen?: (node: string) => number): string[] {
  let best: string[] = [];
  let bestFirst = Infinity;
  forEachComponent(g, (c) => {
    if (c.length < best.length) return;
    let first = Infinity;
    for (const v of c) {
      const f = firstSeen ? firstSeen(v) : Number(v);
      if (f < first) first = f;
    }
    if (c.length > best.length || first < bestFirst) {
      best = c;
      bestFirst = first;
    }
  });
  return best;
}

/** The number of connected components with at least two people. */
export function componentCount(g: Graph): number {
  const c = compactOf(g);
  if (c) {
    const { size, count } = componentIndex(c);
    let groups = 0;
    for (let k = 0; k < count; k++) if (size[k]! >= 2) groups++;
    return groups;
  }
  let count = 0;
  forEachComponent(g, (c) => {
    if (c.length >= 2) count++;
  });
  return count;
}

/** Share of directed member→member links answered the other way (1 = every link is mutual). */
export function reciprocity(g: Graph): number {
  if (g.size === 0) return 0;
  let mutual = 0;
  const c = compactOf(g);
  if (c && c.type === 'directed') {
    const { src, dst, count } = c.edgeList();
    for (let e = 0; e < count; e++) if (c.hasIndexEdge(dst[e]!, src[e]!)) mutual++;
    return mutual / count;
  }
  g.forEachEdge((_e, _attr, source, target) => {
    if (g.hasDirectedEdge(target, source)) mutual++;
  });
  return mutual / g.size;
}

/**
 * The k-core decomposition (Batagelj–Zaversnik): each node's core number, the largest k
 * such that the node belongs to a subgraph where everyone has at least k neighbours.
 * Linear in the number of edges, with bucket queues.
 */
export function coreNumbers(g: Graph): Map<string, number> {
  const nodes = g.nodes();
  const n = nodes.length;
  const index = new Map<string, number>();
  nodes.forEach((v, i) => index.set(v, i));
  const deg = new Int32Array(n);
  for (let i = 0; i < n; i++) deg[i] = g.degree(nodes[i]!);
  const cores = batageljZaversnik(n, deg, (v, visit) => g.forEachNeighbor(nodes[v]!, (u) => visit(index.get(u)!)));
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) out.set(nodes[i]!, cores[i]!);
  return out;
}

/** The largest k with a non-empty k-core (0 for a graph without edges). */
export function degeneracy(cores: Map<string, number>): number {
  let max = 0;
  for (const k of cores.values()) if (k > max) max = k;
  return max;
}

/**
 * Connected components by union-find over the edges, numbered in the order of their first
 * node (insertion order): the order graphology-components lists them in, without building
 * adjacency lists or a string per node.
 */
function componentIndex(c: CompactGraph): { of: Int32Array; size: Int32Array; count: number } {
  const n = c.order;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number) => {
    let r = x;
    while (parent[r] !== r) r = parent[r]!;
    // path halving on the way back keeps later finds short
    while (parent[x] !== r) {
      const next = parent[x]!;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const { src, dst, count: edges } = c.edgeList();
  for (let e = 0; e < edges; e++) {
    const a = find(src[e]!);
    const b = find(dst[e]!);
    // the smaller node index stays the root: a component is named by its first node
    if (a < b) parent[b] = a;
    else if (b < a) parent[a] = b;
  }
  const of = new Int32Array(n);
  const size: number[] = [];
  const number = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (number[r]! < 0) {
      number[r] = size.length;
      size.push(0);
    }
    of[i] = number[r]!;
    size[number[r]!]!++;
  }
  return { of, size: Int32Array.from(size), count: size.length };
}

/**
 * The author indices of the largest connected component of the members graph, ties to the
 * component whose earliest member wrote first (`first`: an author's first time), in node
 * order: `largestComponent(g, firstSeen)` as numbers, the order of the list aside.
 */
export function largestComponentAuthors(g: Graph, first: ArrayLike<number>): number[] {
  const c = compactOf(g);
  if (!c) return largestComponent(g, (v) => first[Number(v)]!).map(Number);
  const { of, size, count } = componentIndex(c);
  const firstOf = new Float64Array(count).fill(Infinity);
  for (let i = 0; i < c.order; i++) {
    const f = first[c.idOf(i)]!;
    if (f < firstOf[of[i]!]!) firstOf[of[i]!] = f;
  }
  // the same walk as largestComponent: components in order, a larger one or an equal one
  // with an earlier first member wins
  let best = -1;
  for (let k = 0; k < count; k++) {
    if (best >= 0 && size[k]! < size[best]!) continue;
    if (best < 0 || size[k]! > size[best]! || firstOf[k]! < firstOf[best]!) best = k;
  }
  const out: number[] = [];
  for (let i = 0; i < c.order; i++) if (of[i] === best) out.push(c.idOf(i));
  return out;
}

/** The degree of an author's node (0 when the author is not in the graph). */
export function authorDegree(g: Graph, author: number): number {
  const c = compactOf(g);
  if (!c) return g.hasNode(String(author)) ? g.degree(String(author)) : 0;
  const i = author >= 0 && author < c.brandId ? c.indexOfId(author) : -1;
  return i < 0 ? 0 : c.degrees()[i]!;
}

/**
 * Each node's core number, in node order: `coreNumbers(g)`'s values, computed on integer
 * adjacency for an undirected graph (core numbers do not depend on the order neighbours
 * are visited in).
 */
export function coreNumberArray(g: Graph): Int32Array {
  const c = compactOf(g);
  // a directed graph counts a mutual pair twice in degrees but once among neighbours
  // (graphology's rules): that case keeps the general path
  if (!c || c.type !== 'undirected') return Int32Array.from(coreNumbers(g).values());
  const n = c.order;
  const { src, dst, count: edges } = c.edgeList();
  const deg = Int32Array.from(c.degrees());
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + deg[i]!;
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(offsets[n]!);
  for (let e = 0; e < edges; e++) {
    adj[fill[src[e]!]!++] = dst[e]!;
    adj[fill[dst[e]!]!++] = src[e]!;
  }
  return batageljZaversnik(n, deg, (v, visit) => {
    for (let j = offsets[v]!; j < offsets[v + 1]!; j++) visit(adj[j]!);
  });
}

/** Batagelj–Zaversnik over node indices: `deg` (changed in place) becomes each node's core number. */
function batageljZaversnik(n: number, deg: Int32Array, forEachNeighbor: (v: number, visit: (u: number) => void) => void): Int32Array {
  let maxDeg = 0;
  for (let i = 0; i < n; i++) if (deg[i]! > maxDeg) maxDeg = deg[i]!;
  // nodes sorted by degree, with the start of each degree's bucket
  const bin = new Int32Array(maxDeg + 2);
  for (let i = 0; i < n; i++) bin[deg[i]!]!++;
  let start = 0;
  for (let k = 0; k <= maxDeg; k++) {
    const count = bin[k]!;
    bin[k] = start;
    start += count;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    pos[i] = bin[deg[i]!]!;
    vert[pos[i]!] = i;
    bin[deg[i]!]!++;
  }
  for (let k = maxDeg; k >= 1; k--) bin[k] = bin[k - 1]!;
  bin[0] = 0;
  for (let j = 0; j < n; j++) {
    const v = vert[j]!;
    forEachNeighbor(v, (ui) => {
      if (deg[ui]! > deg[v]!) {
        const du = deg[ui]!;
        const pu = pos[ui]!;
        const pw = bin[du]!;
        const w = vert[pw]!;
        if (ui !== w) {
          pos[ui] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = ui;
        }
        bin[du]!++;
        deg[ui]!--;
      }
    });
  }
  return deg;
}
