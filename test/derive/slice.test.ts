import { describe, expect, it } from 'vitest';
import { derive } from '../../src/derive/index.js';
import { sliceDataset } from '../../src/derive/slice.js';
import { runAudit } from '../../src/scoring/run-audit.js';
import { DAY, MIN, T0, build, type Row } from '../helpers/dataset.js';

/** A brand post and its answers, then a member thread, a week later. */
const rows: Row[] = [
  { id: 'p1', author: 'Brand', at: 0, text: 'New product!' },
  { id: 'c1', author: 'Ana', at: 10, parent: 'p1' },
  { id: 'c2', author: 'Ben', at: 20, parent: 'p1' },
  { id: 'c3', author: 'Ana', at: 30, parent: 'c2' },
  { id: 'q1', author: 'Cleo', at: 7 * 24 * 60, text: 'Anyone tried it?' },
  { id: 'a1', author: 'Ana', at: 7 * 24 * 60 + 5, parent: 'q1' },
  { id: 'a2', author: 'Ben', at: 7 * 24 * 60 + 9, parent: 'c2' },
];

describe('sliceDataset', () => {
  const ds = build(rows, { brand: ['Brand'] });
  const secondWeek = sliceDataset(ds, T0 + 7 * DAY - MIN, T0 + 14 * DAY);

  it('keeps the messages of the period, in order, with their ids and lines', () => {
    expect(Array.from({ length: secondWeek.messages.count }, (_, k) => secondWeek.messageId(k))).toEqual(['q1', 'a1', 'a2']);
    expect(secondWeek.period).toEqual({ start: T0 + 7 * DAY, end: T0 + 7 * DAY + 9 * MIN });
  });

  it('keeps the brand, and only the authors it needs', () => {
    expect(secondWeek.authors.map((a) => a.name).sort()).toEqual(['Ana', 'Ben', 'Brand', 'Cleo']);
    expect(secondWeek.brand.authors.map((a) => secondWeek.authors[a]!.name)).toEqual(['Brand']);
  });

  it('links replies within the period; a reply to an earlier message keeps its thread, not its parent', () => {
    const k = (id: string) => Array.from({ length: secondWeek.messages.count }, (_, i) => secondWeek.messageId(i)).indexOf(id);
    expect(secondWeek.messages.parent[k('a1')]).toBe(k('q1'));
    expect(secondWeek.messages.parent[k('a2')]).toBe(-1);
    const thread = secondWeek.threads[secondWeek.messages.thread[k('a2')]!]!;
    expect(thread.root).toBe(-1);
    // the thread began with the brand's post: the late reply counts as answering the brand
    const d = derive(secondWeek);
    expect(d.replies).toMatchObject({ memberToMember: 1, memberToBrand: 1 });
  });

  it('gives the same audit as the same messages loaded alone, when no reply crosses the boundary', () => {
    const firstWeek = sliceDataset(ds, T0 - DAY, T0 + DAY);
    const alone = build(rows.slice(0, 4), { brand: ['Brand'] });
    const opts = { lang: 'en' as const, generatedAt: new Date(0), charts: false };
    const a = runAudit(firstWeek, opts);
    const b = runAudit(alone, opts);
    expect(a.signals).toEqual(b.signals);
    expect(a.verdict).toEqual(b.verdict);
  });

  it('can be empty', () => {
    const none = sliceDataset(ds, T0 + 30 * DAY, T0 + 31 * DAY);
    expect(none.messages.count).toBe(0);
    expect(none.period).toBeNull();
    expect(runAudit(none, { lang: 'en' }).verdict.level).toBe('insufficient-data');
  });
});
