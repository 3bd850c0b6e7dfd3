/**
 * The verdict over time (`--by week|month|quarter`): the dataset cut into calendar periods
 * (UTC), and the same audit run on each, so the rules stay one. A period with too little
 * data gets the `insufficient-data` level and the sentence that says what is missing.
 */
import { brandPostMessages } from '../derive/charts.js';
import { derive } from '../derive/index.js';
import { sliceDataset } from '../derive/slice.js';
import type { Dataset } from '../model/dataset.js';
import type { AuditResultT, PeriodT, PeriodUnit } from '../model/result.js';
import { coreMembers } from './charts.js';

export interface PeriodRange {
  label: string;
  /** epoch ms, inclusive */
  from: number;
  /** epoch ms, exclusive */
  to: number;
}

const DAY = 24 * 3600 * 1000;

/** The calendar periods that cover [start, end], in order, empty ones included. */
export function periodRanges(start: number, end: number, unit: PeriodUnit): PeriodRange[] {
  const out: PeriodRange[] = [];
  if (!(end >= start)) return out;
  let from = periodStart(start, unit);
  while (from <= end) {
    const to = nextStart(from, unit);
    out.push({ label: periodLabel(from, unit), from, to });
    from = to;
  }
  return out;
}

function periodStart(t: number, unit: PeriodUnit): number {
  const d = new Date(t);
  if (unit === 'week') {
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const monday = (d.getUTCDay() + 6) % 7;
    return day - monday * DAY;
  }
  const month = unit === 'quarter' ? d.getUTCMonth() - (d.getUTCMonth() % 3) : d.getUTCMonth();
  return Date.UTC(d.getUTCFullYear(), month, 1);
}

function nextStart(from: number, unit: PeriodUnit): number {
  if (unit === 'week') return from + 7 * DAY;
  const d = new Date(from);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (unit === 'quarter' ? 3 : 1), 1);
}

function periodLabel(from: number, unit: PeriodUnit): string {
  const d = new Date(from);
  const y = d.getUTCFullYear();
  if (unit === 'month') return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  if (unit === 'quarter') return `${y}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
  // ISO 8601 week: the year of its Thursday, counted from the week holding January 4th
  const thursday = from + 3 * DAY;
  const isoYear = new Date(thursday).getUTCFullYear();
  const week1 = periodStart(Date.UTC(isoYear, 0, 4), 'week');
  return `${isoYear}-W${String(Math.floor((from - week1) / (7 * DAY)) + 1).padStart(2, '0')}`;
}

export function auditPeriods(ds: Dataset, unit: PeriodUnit, audit: (slice: Dataset) => AuditResultT): PeriodT[] {
  if (!ds.period) return [];
  return periodRanges(ds.period.start, ds.period.end, unit).map(({ label, from, to }) => {
    const slice = sliceDataset(ds, from, to);
    const r = audit(slice);
    const d = derive(slice);
    return {
      label,
      start: new Date(from).toISOString(),
      end: new Date(to - 1).toISOString(),
      level: r.verdict.level,
      title: r.verdict.title,
      score: r.verdict.score,
      confidence: r.verdict.confidence,
      messages: slice.messages.count,
      memberMessages: d.memberMessages,
      activeMembers: d.activeMembers,
      memberToMember: d.replies.memberToMember,
      memberToBrand: d.replies.memberToBrand,
      brandPosts: brandPostMessages(slice, d).length,
      coreMembers: coreMembers(d).length,
      categories: Object.fromEntries(r.categories.map((c) => [c.id, c.score])),
      signals: Object.fromEntries(r.signals.map((s) => [s.id, s.score === null ? null : Math.round(s.score * 100)])),
      why: r.verdict.why[0]!,
    };
  });
}
