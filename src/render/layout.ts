/**
 * A deterministic force-directed layout (Fruchterman and Reingold, with a little gravity so
 * that loose members stay in view) for the reply network. No randomness: the start is a
 * sunflower spiral in node order, the cooling fixed, so the same network always gets the
 * same picture. A star pulls its hub to the middle; a mesh spreads out.
 */
export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}

export interface Point {
  x: number;
  y: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Positions in [-1, 1] × [-1, 1], in the order of `ids`. */
export function forceLayout(ids: readonly string[], edges: readonly LayoutEdge[], iterations = 500): Point[] {
  const n = ids.length;
  if (n === 0) return [];
  if (n === 1) return [{ x: 0, y: 0 }];
  const index = new Map(ids.map((id, i) => [id, i]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.sqrt((i + 0.5) / n);
    x[i] = r * Math.cos(i * GOLDEN_ANGLE);
    y[i] = r * Math.sin(i * GOLDEN_ANGLE);
  }
  const links = edges
    .map((e) => ({ a: index.get(e.source) ?? -1, b: index.get(e.target) ?? -1, w: 1 + Math.log2(Math.max(1, e.weight)) }))
    .filter((l) => l.a >= 0 && l.b >= 0 && l.a !== l.b);
  const k = Math.sqrt(4 / n) * 0.9;
  // a node with no link (the brand nobody answered, say) is held close, not flung to a corner
  const degree = new Uint32Array(n);
  for (const l of links) {
    degree[l.a]!++;
    degree[l.b]!++;
  }
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const temperature = 0.12 * (1 - it / iterations) + 0.002;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i]! - x[j]!;
        let ddy = y[i]! - y[j]!;
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-9) {
          // two nodes on the same spot: part them the same way every time
          ddx = 1e-3 * ((i % 7) - 3 || 1);
          ddy = 1e-3 * ((j % 5) - 2 || 1);
          d2 = ddx * ddx + ddy * ddy;
        }
        const f = (k * k) / d2;
        dx[i]! += ddx * f;
        dy[i]! += ddy * f;
        dx[j]! -= ddx * f;
        dy[j]! -= ddy * f;
      }
    }
    for (const { a, b, w } of links) {
      const ddx = x[a]! - x[b]!;
      const ddy = y[a]! - y[b]!;
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1e-6;
      const f = (d * w) / k;
      dx[a]! -= ddx * f;
      dy[a]! -= ddy * f;
      dx[b]! += ddx * f;
      dy[b]! += ddy * f;
    }
    for (let i = 0; i < n; i++) {
      const gravity = (degree[i] === 0 ? 4 : 0.6) * k;
      dx[i]! -= x[i]! * gravity;
      dy[i]! -= y[i]! * gravity;
      const len = Math.sqrt(dx[i]! * dx[i]! + dy[i]! * dy[i]!) || 1e-9;
      const step = Math.min(len, temperature);
      x[i]! += (dx[i]! / len) * step;
      y[i]! += (dy[i]! / len) * step;
    }
  }
  // fit into the unit square, keeping proportions
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    minX = Math.min(minX, x[i]!);
    maxX = Math.max(maxX, x[i]!);
    minY = Math.min(minY, y[i]!);
    maxY = Math.max(maxY, y[i]!);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return Array.from({ length: n }, (_, i) => ({ x: ((x[i]! - cx) / span) * 2, y: ((y[i]! - cy) / span) * 2 }));
}
