/**
 * The reply network: who answers whom among members, and the same network with the brand
 * as one node. Built once, on first use, and shared.
 *
 * A million replies make hundreds of thousands of distinct pairs; as graphology graphs
 * (an object per edge, an object per adjacency list) that is seconds and a gigabyte. The
 * graphs here are compact (typed arrays: unique edges in first-seen order, degrees, a
 * sorted adjacency built on demand) and answer what the detectors ask natively: `order`,
 * `size`, `degree`, `forEachNode`, `forEachEdge`, `hasEdge`, `hasDirectedEdge`, plus the
 * helpers below. Any other graphology method still works: the graph is then built as a
 * real graphology graph once (the same nodes and edges, in the same order) and the call
 * goes to it.
 */
import graphology from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
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
class CompactGraph {
  readonly type: 'undirected' | 'directed';
  readonly multi = false;
  readonly allowSelfLoops = false;
  /** node index → key */
  private keys: string[] = [];
  /** node id (author index, or nA for the brand) → node index, -1 when absent */
  private nodeOf: Int32Array;
  private src = new Int32Array(1024);
  private dst = new Int32Array(1024);
  private edgeCount = 0;
  private deg = new Int32Array(1024);
  /** open-addressing set of edges: slot → edge index + 1 */
  private slots = new Int32Array(2048);
  private real: Graph | null = null;
  private adjacency: { offsets: Int32Array; targets: Int32Array } | null = null;

  constructor(type: 'undirected' | 'directed', ids: number) {
    this.type = type;
    this.nodeOf = new Int32Array(ids).fill(-1);
  }

  private node(id: number, key: string): number {
    let i = this.nodeOf[id]!;
    if (i < 0) {
      i = this.keys.length;
      this.keys.push(key);
      this.nodeOf[id] = i;
      if (i >= this.deg.length) {
        const d = new Int32Array(this.deg.length * 2);
        d.set(this.deg);
        this.deg = d;
      }
    }
    return i;
  }

  private slotOf(u: number, v: number): number {
    let a = u;
    let b = v;
    if (this.type === 'undirected' && a > b) [a, b] = [b, a];
    const mask = this.slots.length - 1;
    let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
    for (;;) {
      const e = this.slots[s]!;
      if (e === 0) return s;
      const x = this.src[e - 1]!;
      const y = this.dst[e - 1]!;
      if ((x === u && y === v) || (this.type === 'undirected' && x === v && y === u)) return s;
      s = (s + 1) & mask;
    }
  }

  /** graphology's mergeEdge, for integer node ids with their keys */
  merge(fromId: number, fromKey: string, toId: number, toKey: string): void {
    // mergeEdge adds the source, then the target, before the edge
    const u = this.node(fromId, fromKey);
    const v = this.node(toId, toKey);
    if (u === v) return;
    let s = this.slotOf(u, v);
    if (this.slots[s] !== 0) return;
    if ((this.edgeCount + 1) * 2 > this.slots.length) {
      this.rehash();
      s = this.slotOf(u, v);
    }
    if (this.edgeCount >= this.src.length) {
      const a = new Int32Array(this.src.length * 2);
      a.set(this.src);
      this.src = a;
      const b = new Int32Array(this.dst.length * 2);
      b.set(this.dst);
      this.dst = b;
    }
    this.src[this.edgeCount] = u;
    this.dst[this.edgeCount] = v;
    this.slots[s] = ++this.edgeCount;
    this.deg[u]!++;
    this.deg[v]!++;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let e = 0; e < this.edgeCount; e++) {
      let a = this.src[e]!;
      let b = this.dst[e]!;
      if (this.type === 'undirected' && a > b) [a, b] = [b, a];
      let s = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = e + 1;
    }
  }

  private indexOfKey(key: unknown): number {
    if (typeof key !== 'string' && typeof key !== 'number') return -1;
    const k = String(key);
    if (k === BRAND_NODE) return this.nodeOf[this.nodeOf.length - 1]!;
    const n = Number(k);
    return Number.isInteger(n) && n >= 0 && n < this.nodeOf.length - 1 && String(n) === k ? this.nodeOf[n]! : -1;
  }

  get order(): number {
    return this.keys.length;
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
    for (let e = 0; e < this.edgeCount; e++) callback(`e${e}`, EMPTY_ATTRIBUTES, this.keys[this.src[e]!]!, this.keys[this.dst[e]!]!, EMPTY_ATTRIBUTES, EMPTY_ATTRIBUTES, undirected);
  }

  hasEdge(source: unknown, target: unknown): boolean {
    const u = this.indexOfKey(source);
    const v = this.indexOfKey(target);
    return u >= 0 && v >= 0 && this.slots[this.slotOf(u, v)] !== 0;
  }

  hasDirectedEdge(source: unknown, target: unknown): boolean {
    return this.type === 'directed' && this.hasEdge(source, target);
  }

  /** internal: node degrees by node index (insertion order) */
  degrees(): Int32Array {
    return this.deg.subarray(0, this.keys.length);
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
    const n = this.keys.length;
    const numeric = this.keys.map((k) => (k === BRAND_NODE ? Infinity : Number(k)));
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
  return new Proxy(c, {
    get(target, prop, receiver) {
      if (prop === COMPACT) return target;
      if (prop in target) {
        const v = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      }
      const real = target.materialize() as unknown as Record<string | symbol, unknown>;
      const v = real[prop];
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(real) : v;
    },
    has(target, prop) {
      return prop in target || prop in (target.materialize() as object);
    },
  }) as unknown as Graph;
}

export function replyNetwork(ds: Dataset, d: Derived): ReplyNetwork {
  const hit = cache.get(d);
  if (hit) return hit;
  // each graph is built on first use: a detector that only needs one does not pay for three
  const build = (which: 'members' | 'withBrand' | 'directed'): Graph => {
    const nA = ds.authors.length;
    // node ids: author indices, and nA for the brand
    const g = new CompactGraph(which === 'directed' ? 'directed' : 'undirected', nA + 1);
    const keyOf: string[] = new Array(nA + 1);
    const key = (id: number) => (keyOf[id] ??= id === nA ? BRAND_NODE : String(id));
    const m = ds.messages;
    for (let k = 0; k < m.count; k++) {
      const a = m.author[k]!;
      const to = d.target[k]!;
      if (to === NO_TARGET) continue;
      const from = d.isBrandAuthor[a] ? nA : a;
      const target = to === POST_AUTHOR || d.isBrandAuthor[to] ? nA : to;
      if (from === target) continue;
      const fromMember = from !== nA && d.isMemberAuthor[a] === 1;
      const toMember = target !== nA && d.isMemberAuthor[to] === 1;
      if (!(fromMember || from === nA) || !(toMember || target === nA)) continue;
      if (which === 'withBrand' || (fromMember && toMember)) g.merge(from, key(from), target, key(target));
    }
    return asGraph(g);
  };
  const built: Partial<Record<'members' | 'withBrand' | 'directed', Graph>> = {};
  const net: ReplyNetwork = {
    get members() {
      return (built.members ??= build('members'));
    },
    get withBrand() {
      return (built.withBrand ??= build('withBrand'));
    },
    get directed() {
      return (built.directed ??= build('directed'));
    },
  };
  cache.set(d, net);
  return net;
}

/** Freeman's degree centralization: 1 for a star (one hub), 0 when every node has the same degree. */
export function degreeCentralization(g: Graph): number {
  const n = g.order;
  if (n < 3) return 0;
  let max = 0;
  let sum = 0;
  const c = compactOf(g);
  if (c) {
    for (const deg of c.degrees()) {
      sum += deg;
      if (deg > max) max = deg;
    }
  } else {
    g.forEachNode((node) => {
      const deg = g.degree(node);
      sum += deg;
      if (deg > max) max = deg;
    });
  }
  return (n * max - sum) / ((n - 1) * (n - 2));
}

/** The largest connected component (ties: the smaller joined key list), found as graphology-components would. */
export function largestComponent(g: Graph): string[] {
  const c = compactOf(g);
  if (!c) return largestOfGraphology(g);
  const n = c.order;
  if (n === 0) return [];
  const { offsets, targets } = c.neighborLists();
  const seen = new Uint8Array(n);
  const stack = new Int32Array(n);
  let best: string[] = [];
  let bestJoined: string | null = null;
  const component: number[] = [];
  let seenCount = 0;
  for (let s = 0; s < n && seenCount < n; s++) {
    if (seen[s]) continue;
    // a depth-first walk in graphology-components' order: pop, then push unseen neighbors
    component.length = 0;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    seenCount++;
    while (top > 0) {
      const u = stack[--top]!;
      component.push(u);
      for (let j = offsets[u]!; j < offsets[u + 1]!; j++) {
        const v = targets[j]!;
        if (!seen[v]) {
          seen[v] = 1;
          seenCount++;
          stack[top++] = v;
        }
      }
    }
    if (component.length > best.length) {
      best = component.map((i) => c.nodeKey(i));
      bestJoined = null;
    } else if (component.length === best.length) {
      const keys = component.map((i) => c.nodeKey(i));
      const joined = keys.join();
      if (joined < (bestJoined ??= best.join())) {
        best = keys;
        bestJoined = joined;
      }
    }
  }
  return best;
}

function largestOfGraphology(g: Graph): string[] {
  let best: string[] = [];
  const seen = new Set<string>();
  g.forEachNode((start) => {
    if (seen.has(start)) return;
    const component: string[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const u = stack.pop()!;
      component.push(u);
      g.forEachNeighbor(u, (v) => {
        if (!seen.has(v)) {
          seen.add(v);
          stack.push(v);
        }
      });
    }
    if (component.length > best.length || (component.length === best.length && component.join() < best.join())) best = component;
  });
  return best;
}

/** Share of directed member→member links answered the other way. */
export function reciprocity(g: Graph): number {
  if (g.size === 0) return 0;
  let mutual = 0;
  g.forEachEdge((_e, _attr, source, target) => {
    if (g.hasDirectedEdge(target, source)) mutual++;
  });
  return mutual / g.size;
}
