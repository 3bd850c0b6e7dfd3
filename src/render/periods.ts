/** What every format says about the verdict over time (`--by`): period names and the trend. */
import { type Lang, t } from '../i18n/index.js';
import type { AuditResultT, PeriodT } from '../model/result.js';

/** "Jan 2025", "Q1 2025", "wk 3 2025" (French: « janv. 2025 », « T1 2025 », « sem. 3 2025 »). */
export function periodName(lang: Lang, label: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) {
    const d = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(d);
  }
  const quarter = /^(\d{4})-Q(\d)$/.exec(label);
  if (quarter) return t(lang, 'period.quarter', { n: Number(quarter[2]), year: quarter[1]! });
  const week = /^(\d{4})-W(\d{2})$/.exec(label);
  if (week) return t(lang, 'period.week', { n: Number(week[2]), year: week[1]! });
  return label;
}

/** From the first judged period to the last: did the audience become a community? */
export function trendSentence(r: AuditResultT): string | null {
  const periods = r.periods ?? [];
  if (periods.length === 0) return null;
  const lang = r.lang;
  const judged = periods.filter((p) => p.level !== 'insufficient-data');
  const thin = periods.length - judged.length;
  const parts: string[] = [];
  if (judged.length === 0) parts.push(t(lang, 'periods.noneJudged', { count: periods.length }));
  else {
    const first = judged[0]!;
    const last = judged[judged.length - 1]!;
    const level = (p: PeriodT) => t(lang, `level.short.${p.level}`);
    if (judged.every((p) => p.level === first.level)) parts.push(t(lang, 'periods.steady', { level: level(first), count: judged.length }));
    else parts.push(t(lang, 'periods.trend', { from: level(first), fromPeriod: periodName(lang, first.label), to: level(last), toPeriod: periodName(lang, last.label) }));
    if (thin > 0) parts.push(t(lang, 'periods.thin', { count: thin }));
  }
  return parts.join(' ');
}
