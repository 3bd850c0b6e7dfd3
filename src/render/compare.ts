/** What `compare` prints: the Comparison as terminal text or Markdown (JSON is the object itself). */
import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { type Lang, type MessageKey, formatNumber, hasKey, t } from '../i18n/index.js';
import type { Change, Comparison } from '../scoring/compare.js';
import { escapeMarkdown as md } from './escape.js';
import { wrap } from './text.js';

function signed(lang: Lang, d: number | null): string {
  if (d === null) return '—';
  if (d === 0) return '=';
  return (d > 0 ? '+' : '−') + formatNumber(lang, Math.abs(d));
}

function value(lang: Lang, v: number | null): string {
  return v === null ? '—' : formatNumber(lang, v);
}

function day(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

/** Titles in the language asked for, whatever language the two audits were made in. */
function localized<T extends { id: string; title: string }>(lang: Lang, rows: T[], key: (id: string) => string): T[] {
  return rows.map((r) => {
    const k = key(r.id);
    return hasKey(k) ? { ...r, title: t(lang, k) } : r;
  });
}

function levelName(lang: Lang, level: string): string {
  return t(lang, `level.short.${level}` as MessageKey);
}

/** The sentences both formats share: score, level, the two files, the core. */
function headline(c: Comparison, lang: Lang): { score: string; level: string; files: string[]; core: string[] } {
  const score = t(lang, 'compare.score', { before: value(lang, c.score.before), after: value(lang, c.score.after), delta: signed(lang, c.score.delta) });
  const level =
    c.level.direction === 'same'
      ? t(lang, 'compare.level.same', { level: levelName(lang, c.level.after) })
      : t(lang, `compare.level.${c.level.direction}` as MessageKey, { before: levelName(lang, c.level.before), after: levelName(lang, c.level.after) });
  const files = (['before', 'after'] as const).map((k) => {
    const s = c[k];
    return t(lang, `compare.${k}` as MessageKey, { file: s.file, from: s.period ? day(lang, s.period.start) : '—', to: s.period ? day(lang, s.period.end) : '—' });
  });
  const core: string[] = [];
  if (!c.core.known) core.push(t(lang, 'compare.core.unknown'));
  else {
    core.push(t(lang, 'compare.core.line', { before: c.core.before, after: c.core.after, joined: c.core.joined.length, left: c.core.left.length, stayed: c.core.stayed }));
    if (c.core.joined.length > 0) core.push(t(lang, 'compare.core.joined', { names: c.core.joined.join(', ') }));
    if (c.core.left.length > 0) core.push(t(lang, 'compare.core.left', { names: c.core.left.join(', ') }));
  }
  return { score, level, files, core };
}

/** Signals that moved, the largest moves first; those that did not are counted. */
function moved<T extends Change & { id: string }>(rows: T[]): { moved: T[]; still: number } {
  const m = rows.filter((r) => r.delta !== 0 && !(r.before === null && r.after === null));
  m.sort((a, b) => Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) || a.id.localeCompare(b.id));
  return { moved: m, still: rows.length - m.length };
}

function plain(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}

export function renderCompareText(c: Comparison, lang: Lang, options: { color: boolean; width: number }): string {
  const ch = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 120));
  const h = headline(c, lang);
  const L: string[] = [];
  L.push(ch.bold(t(lang, 'compare.title')));
  L.push(wrap(h.score, width));
  const colour = c.level.direction === 'up' ? ch.green : c.level.direction === 'down' ? ch.red : (s: string) => s;
  L.push(colour(wrap(h.level, width)));
  for (const f of h.files) L.push(ch.dim(wrap(plain(f), width, '  ')));
  L.push('');
  const columns = (rows: (Change & { id: string; title: string })[]) => {
    const numW = 14;
    const titleW = Math.max(16, Math.min(40, width - numW - 4));
    for (const r of rows) {
      const nums = `${value(lang, r.before).padStart(3)} → ${value(lang, r.after).padStart(3)}  ${signed(lang, r.delta).padStart(4)}`;
      const title = wrap(plain(r.title), titleW).split('\n');
      title.forEach((line, i) => L.push('  ' + line + (i === title.length - 1 ? ' '.repeat(Math.max(1, titleW - stringWidth(line) + 1)) + nums : '')));
    }
  };
  L.push(ch.bold(t(lang, 'report.categories')));
  columns(localized(lang, c.categories, (id) => `category.${id}`));
  L.push('');
  L.push(ch.bold(t(lang, 'report.signals')));
  const s = moved(localized(lang, c.signals, (id) => `signal.${id}.title`));
  columns(s.moved);
  if (s.still > 0) L.push(wrap(t(lang, 'compare.unchanged', { count: s.still }), width, '  '));
  L.push('');
  L.push(ch.bold(t(lang, 'compare.core.title')));
  for (const line of h.core) L.push(wrap(plain(line), width, '    ', '  '));
  return L.join('\n') + '\n';
}

export function renderCompareMarkdown(c: Comparison, lang: Lang): string {
  const h = headline(c, lang);
  const L: string[] = [];
  L.push(`## ${md(t(lang, 'compare.title'))}`);
  L.push('');
  L.push(`**${md(h.score)}** · ${md(h.level)}`);
  L.push('');
  for (const f of h.files) L.push(`- ${md(f)}`);
  L.push('');
  const table = (rows: (Change & { title: string })[]) => {
    L.push(`| ${md(t(lang, 'compare.col.what'))} | ${md(t(lang, 'compare.col.before'))} | ${md(t(lang, 'compare.col.after'))} | ${md(t(lang, 'compare.col.change'))} |`);
    L.push('| --- | ---: | ---: | ---: |');
    for (const r of rows) L.push(`| ${md(r.title)} | ${value(lang, r.before)} | ${value(lang, r.after)} | ${signed(lang, r.delta)} |`);
    L.push('');
  };
  L.push(`### ${md(t(lang, 'report.categories'))}`);
  L.push('');
  table(localized(lang, c.categories, (id) => `category.${id}`));
  L.push(`### ${md(t(lang, 'report.signals'))}`);
  L.push('');
  const s = moved(localized(lang, c.signals, (id) => `signal.${id}.title`));
  if (s.moved.length > 0) table(s.moved);
  if (s.still > 0) {
    L.push(md(t(lang, 'compare.unchanged', { count: s.still })));
    L.push('');
  }
  L.push(`### ${md(t(lang, 'compare.core.title'))}`);
  L.push('');
  for (const line of h.core) L.push(`- ${md(line)}`);
  return L.join('\n') + '\n';
}
