import { describe, expect, it } from 'vitest';
import { brandPostMessages, networkView, weeklySeries } from '../../src/derive/charts.js';
import { derive } from '../../src/derive/index.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { build, type Row } from '../helpers/dataset.js';

const day = 24 * 60;

describe('weeklySeries', () => {
  const rows: Row[] = [
    { id: 'p1', author: 'Brand', at: 0 },
    { id: 'c1', author: 'Ana', at: 5, parent: 'p1' },
    { id: 'c2', author: 'Ben', at: 6, parent: 'c1' },
    { id: 'c3', author: 'Ana', at: 7, parent: 'c2' },
    // an empty week, then a member thread
    { id: 'q1', author: 'Cleo', at: 14 * day },
    { id: 'a1', author: 'Ana', at: 14 * day + 5, parent: 'q1' },
  ];
  const ds = build(rows, { brand: ['Brand'] });
  const d = derive(ds);
  const ana = ds.authors.findIndex((a) => a.name === 'Ana');
  const weeks = weeklySeries(ds, d, new Set([ana]));

  it('has every week from the first to the last, Mondays as dates, the empty ones too', () => {
    expect(weeks.map((w) => w.week)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20']);
  });

  it('counts replies between members against replies to the brand, and the brand’s posts', () => {
    expect(weeks[0]).toEqual({ week: '2025-01-06', memberToMember: 2, memberToBrand: 1, brandPosts: 1, activeMembers: 2, coreActive: 1 });
    expect(weeks[1]).toMatchObject({ memberToMember: 0, memberToBrand: 0, activeMembers: 0 });
    expect(weeks[2]).toMatchObject({ memberToMember: 1, brandPosts: 0, activeMembers: 2, coreActive: 1 });
  });
});

describe('brandPostMessages', () => {
  it('sees the brand’s absent posts through their comments, not the comments of a CSV without post ids', () => {
    const withPosts = build(
      [
        { id: '1', author: 'Ana', at: 0, thread: 'POST-A' },
        { id: '2', author: 'Ben', at: 1, thread: 'POST-A' },
        { id: '3', author: 'Ben', at: 2 * day, thread: 'POST-B' },
      ],
      { kind: 'comments', platform: 'instagram', brand: ['shop'] },
    );
    expect(brandPostMessages(withPosts, derive(withPosts))).toHaveLength(2);
    const withoutPosts = build(
      [
        { id: '1', author: 'Ana', at: 0 },
        { id: '2', author: 'Ben', at: 1 },
      ],
      { kind: 'comments', platform: 'instagram', brand: ['shop'] },
    );
    expect(brandPostMessages(withoutPosts, derive(withoutPosts))).toHaveLength(0);
  });
});

describe('networkView', () => {
  // a star: twenty members answer the brand; two of them also answer each other
  const rows: Row[] = [{ id: 'p', author: 'Brand', at: 0 }];
  for (let i = 0; i < 20; i++) rows.push({ id: `c${i}`, author: `member${i}`, at: i + 1, parent: 'p' });
  rows.push({ id: 'x', author: 'member1', at: 30, parent: 'c0' }, { id: 'y', author: 'member0', at: 31, parent: 'x' });
  const ds = build(rows, { brand: ['Brand'] });
  const d = derive(ds);

  it('keeps the most connected members up to the limit, the brand as one node', () => {
    const net = networkView(ds, d, new Set(), 5);
    expect(net.members).toBe(20);
    expect(net.nodes.map((n) => n.id)).toEqual(['brand', 'm1', 'm2', 'm3', 'm4', 'm5']);
    // the two who also talk to each other come first
    expect(net.nodes.slice(1, 3).map((n) => ds.authors[n.author as number]!.name).sort()).toEqual(['member0', 'member1']);
    expect(net.edges).toContainEqual({ source: 'm1', target: 'm2', replies: 2 });
    expect(net.edges.filter((e) => e.source === 'brand')).toHaveLength(5);
  });

  it('names people only through the report’s nameOf, and never in ids (so --anonymize can rename them)', () => {
    const r = runAudit(ds, { lang: 'en', nameOf: (a) => `Person ${a}` });
    const names = r.charts!.network.nodes.map((n) => n.name);
    expect(names.filter((n) => n !== 'Person ' + ds.brand.authors[0]).every((n) => /^Person \d+$/.test(n))).toBe(true);
    expect(JSON.stringify(r.charts)).not.toMatch(/member\d/);
  });
});
