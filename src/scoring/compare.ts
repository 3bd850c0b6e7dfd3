/**
 * `community-audit compare before.json after.json`: what moved between two audits. Pure:
 * two AuditResults in, a Comparison out (it is also what `--format json` prints).
 */
import type { AuditResultT, Level } from '../model/result.js';

export interface Side {
  file: string;
  generatedAt: string;
  period: { start: string; end: string } | null;
  level: Level;
  score: number | null;
  messages: number;
  activeMembers: number;
}

export interface Change {
  before: number | null;
  after: number | null;
  /** after − before; null when either side is missing */
  delta: number | null;
}

export interface Comparison {
  comparison: 1;
  before: Side;
  after: Side;
  score: Change;
  level: { before: Level; after: Level; changed: boolean; direction: 'up' | 'down' | 'same' | 'unknown' };
  categories: ({ id: string; title: string } & Change)[];
  /** every signal of either audit, 0..100 */
  signals: ({ id: string; title: string } & Change)[];
  core: {
    /** false when an audit carries no core list (made by an older version) */
    known: boolean;
    before: number;
    after: number;
    joined: string[];
    left: string[];
    stayed: number;
  };
}

const RANK: Record<Level, number> = { 'insufficient-data': -1, audience: 0, ready: 1, community: 2 };

function change(before: number | null | undefined, after: number | null | undefined): Change {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: a === null || b === null ? null : a - b };
}

function side(file: string, r: AuditResultT): Side {
  return { file, generatedAt: r.generatedAt, period: r.input.period, level: r.verdict.level, score: r.verdict.score, messages: r.input.messages, activeMembers: r.input.activeMembers };
}

const pct = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));

export function compareAudits(beforeFile: string, before: AuditResultT, afterFile: string, after: AuditResultT): Comparison {
  const rb = RANK[before.verdict.level];
  const ra = RANK[after.verdict.level];
  const direction = rb < 0 || ra < 0 ? (before.verdict.level === after.verdict.level ? 'same' : 'unknown') : ra > rb ? 'up' : ra < rb ? 'down' : 'same';

  const catIds = [...new Set([...after.categories.map((c) => c.id), ...before.categories.map((c) => c.id)])];
  const categories = catIds.map((id) => {
    const b = before.categories.find((c) => c.id === id);
    const a = after.categories.find((c) => c.id === id);
    return { id, title: (a ?? b)!.title, ...change(b?.score, a?.score) };
  });

  const sigIds = [...new Set([...after.signals.map((s) => s.id), ...before.signals.map((s) => s.id)])];
  const signals = sigIds.map((id) => {
    const b = before.signals.find((s) => s.id === id);
    const a = after.signals.find((s) => s.id === id);
    return { id, title: (a ?? b)!.title, ...change(pct(b?.score), pct(a?.score)) };
  });

  const known = before.charts !== undefined && after.charts !== undefined;
  const coreBefore = before.charts?.core.members ?? [];
  const coreAfter = after.charts?.core.members ?? [];
  const had = new Set(coreBefore);
  const has = new Set(coreAfter);
  return {
    comparison: 1,
    before: side(beforeFile, before),
    after: side(afterFile, after),
    score: change(before.verdict.score, after.verdict.score),
    level: { before: before.verdict.level, after: after.verdict.level, changed: before.verdict.level !== after.verdict.level, direction },
    categories,
    signals,
    core: {
      known,
      before: before.charts?.core.total ?? 0,
      after: after.charts?.core.total ?? 0,
      // without both lists, everyone would look new: say nothing rather than something false
      joined: known ? coreAfter.filter((n) => !had.has(n)) : [],
      left: known ? coreBefore.filter((n) => !has.has(n)) : [],
      stayed: known ? coreAfter.filter((n) => had.has(n)).length : 0,
    },
  };
}

/** `--fail-on-drop <points>`: 1 when the score fell by more than that, 3 when a score is missing. */
export function judgeDrop(c: Comparison, points: number | undefined): 0 | 1 | 3 {
  if (points === undefined) return 0;
  if (c.score.delta === null) return 3;
  return -c.score.delta > points ? 1 : 0;
}
