import { describe, expect, it } from 'vitest';
import { periodRanges } from '../../src/scoring/periods.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { build, type Row } from '../helpers/dataset.js';

const utc = (s: string) => Date.parse(`${s}T00:00:00Z`);

describe('periodRanges', () => {
  it('cuts months on calendar boundaries, empty months included', () => {
    const r = periodRanges(utc('2025-01-31') + 5, utc('2025-04-01'), 'month');
    expect(r.map((p) => p.label)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    expect(r[1]).toEqual({ label: '2025-02', from: utc('2025-02-01'), to: utc('2025-03-01') });
  });

  it('cuts quarters', () => {
    expect(periodRanges(utc('2024-11-15'), utc('2025-04-02'), 'quarter').map((p) => p.label)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
  });

  it('names weeks as ISO 8601 does, across year ends', () => {
    // 2024-12-30 is a Monday and starts week 1 of 2025; 2021-01-03 is a Sunday of 2020's week 53
    expect(periodRanges(utc('2024-12-31'), utc('2025-01-06'), 'week').map((p) => p.label)).toEqual(['2025-W01', '2025-W02']);
    expect(periodRanges(utc('2021-01-03'), utc('2021-01-04'), 'week').map((p) => p.label)).toEqual(['2020-W53', '2021-W01']);
    expect(periodRanges(utc('2021-01-03'), utc('2021-01-04'), 'week')[0]!.from).toBe(utc('2020-12-28'));
  });
});

describe('the verdict over time', () => {
  // eleven members thank the brand in January; in March they answer each other
  const rows: Row[] = [];
  const members = Array.from({ length: 11 }, (_, i) => `m${i}`);
  let n = 0;
  const day = 24 * 60;
  for (let w = 0; w < 4; w++) {
    rows.push({ id: `p${w}`, author: 'Brand', at: w * 7 * day, text: 'News' });
    for (const m of members) rows.push({ id: `c${n++}`, author: m, at: w * 7 * day + 10 + n, parent: `p${w}`, text: 'Thanks!' });
  }
  for (let w = 8; w < 12; w++) {
    for (let t = 0; t < 4; t++) {
      const q = `q${n++}`;
      const asker = members[(w + t) % 11]!;
      rows.push({ id: q, author: asker, at: w * 7 * day + t * 60, text: 'How do you do it?' });
      for (let k = 1; k <= 3; k++) rows.push({ id: `a${n++}`, author: members[(w + t + k) % 11]!, at: w * 7 * day + t * 60 + k, parent: q, text: 'Like this.' });
    }
  }
  const ds = build(rows, { brand: ['Brand'] });
  const r = runAudit(ds, { lang: 'en', by: 'month', generatedAt: new Date(0) });

  it('runs the same audit on each month, and says when a month is too thin to judge', () => {
    expect(r.by).toBe('month');
    expect(r.periods!.map((p) => [p.label, p.level])).toEqual([
      ['2025-01', 'audience'],
      ['2025-02', 'insufficient-data'],
      ['2025-03', 'community'],
    ]);
    const feb = r.periods![1]!;
    expect(feb.messages).toBe(0);
    expect(feb.score).toBeNull();
    expect(feb.why.key).toBe('why.rule.insufficient');
  });

  it('carries what moved: replies between members, the core, the brand’s posts', () => {
    const [jan, , mar] = r.periods!;
    expect(jan).toMatchObject({ memberToMember: 0, memberToBrand: 44, brandPosts: 4, coreMembers: 0, activeMembers: 11 });
    expect(mar!.memberToMember).toBeGreaterThan(40);
    expect(mar!.memberToBrand).toBe(0);
    expect(mar!.coreMembers).toBeGreaterThan(5);
    expect(mar!.signals['member-replies']).toBe(100);
  });

  it('leaves the JSON without periods when not asked', () => {
    const plain = runAudit(ds, { lang: 'en', generatedAt: new Date(0) });
    expect(plain.periods).toBeUndefined();
    expect(plain.by).toBeUndefined();
  });
});
