/**
 * The terminal report: the verdict and the first recommendations fit one screen; the
 * signals table, the data and the warnings follow for those who scroll.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { type Lang, t } from '../i18n/index.js';
import type { AuditResultT, EvidenceT, Level } from '../model/result.js';
import { stripTerminalControlsDeep } from './escape.js';

export interface TextOptions {
  color: boolean;
  /** terminal columns */
  width: number;
}

const MAX_WARNINGS = 8;

function wrap(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    if (line && (indent + line + ' ' + word).length > width) {
      out.push(indent + line);
      line = word;
    } else line = line ? line + ' ' + word : word;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

function levelColor(c: ChalkInstance, level: Level): ChalkInstance {
  return level === 'community' ? c.green.bold : level === 'ready' ? c.yellow.bold : level === 'audience' ? c.red.bold : c.gray.bold;
}

function bar(score: number | null, width: number): string {
  if (score === null) return ' '.repeat(width);
  const full = Math.round((score / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
}

function evidenceLine(lang: Lang, e: EvidenceT): string {
  const parts: string[] = [];
  if (e.author) parts.push(e.author);
  if (e.excerpt) parts.push(`« ${e.excerpt} »`);
  if (e.note) parts.push(e.note.text);
  const line = e.line ? ` (${t(lang, 'report.line', { line: e.line })})` : '';
  return parts.join(' — ') + line;
}

function date(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

export function renderText(result: AuditResultT, options: TextOptions): string {
  // names, excerpts, file names and warnings come from the data: no escape sequence of theirs reaches the terminal
  const r = stripTerminalControlsDeep(result);
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const lang = r.lang;
  const width = Math.max(40, Math.min(options.width, 120));
  const L: string[] = [];
  const head = (s: string) => c.bold(s);

  // 1. the verdict, in plain words
  L.push(c.dim(t(lang, 'report.title')));
  L.push(levelColor(c, r.verdict.level)(r.verdict.title));
  const score = r.verdict.score === null ? '—' : `${r.verdict.score}/100`;
  L.push(`${t(lang, 'report.score')} ${c.bold(score)} · ${t(lang, 'report.confidence')} ${t(lang, `report.confidence.${r.verdict.confidence}`)}`);
  L.push('');
  L.push(head(t(lang, 'report.why')));
  for (const w of r.verdict.why) L.push(wrap('• ' + w.text, width, '').replace(/\n/g, '\n  '));
  L.push('');

  // 2. what to do
  if (r.recommendations.length > 0) {
    L.push(head(t(lang, 'report.recommendations')));
    r.recommendations.forEach((rec, i) => {
      L.push(c.bold(`${i + 1}. ${rec.title.text}`));
      L.push(wrap(rec.detail.text, width, '   '));
      for (const e of rec.evidence.slice(0, 12)) L.push(wrap('· ' + evidenceLine(lang, e), width, '   ').replace(/\n {3}/g, '\n     '));
    });
    L.push('');
  }

  // 3. categories and signals
  L.push(head(t(lang, 'report.categories')));
  for (const cat of r.categories) {
    const s = cat.score === null ? t(lang, 'report.notApplicable') : `${cat.score}`;
    L.push(`  ${bar(cat.score, 20)} ${s.padStart(3)}  ${cat.title}`);
  }
  L.push('');
  L.push(head(t(lang, 'report.signals')));
  const narrow = width < 80;
  const colWidths = narrow ? [Math.max(18, width - 12), 7] : [30, 7, Math.max(30, width - 44)];
  const table = new Table({
    head: narrow ? [t(lang, 'report.signal'), t(lang, 'report.scoreCol')] : [t(lang, 'report.signal'), t(lang, 'report.scoreCol'), t(lang, 'report.measured')],
    colWidths,
    wordWrap: true,
    style: { head: [], border: [], compact: false },
  });
  for (const s of r.signals) {
    const sc = s.score === null ? t(lang, 'report.notApplicable') : String(Math.round(s.score * 100));
    const detail = s.summary?.text ?? s.reason?.text ?? '';
    table.push(narrow ? [s.title, sc] : [s.title, sc, detail]);
  }
  L.push(table.toString());
  if (narrow) {
    for (const s of r.signals) {
      const detail = s.summary?.text ?? s.reason?.text;
      if (detail) L.push(wrap(`${s.title}: ${detail}`, width, '  '));
    }
  }
  L.push('');

  // 4. the data
  L.push(head(t(lang, 'report.data')));
  L.push(
    wrap(
      r.input.period
        ? t(lang, 'report.dataLine', { messages: r.input.messages, authors: r.input.authors, from: date(lang, r.input.period.start), to: date(lang, r.input.period.end) })
        : t(lang, 'report.dataLineNoPeriod'),
      width,
      '  ',
    ),
  );
  for (const s of r.input.sources) L.push(wrap(t(lang, 'report.sourceLine', { file: s.file, format: s.format, rows: s.rowsRead, skipped: s.rowsSkipped }), width, '  '));
  if (r.input.memberFile) L.push(wrap(t(lang, 'report.members', { ...r.input.memberFile }), width, '  '));
  if (r.input.brand.note) L.push(wrap(r.input.brand.note.text, width, '  '));
  else if (r.input.brand.accounts.length > 0) L.push(wrap(t(lang, 'report.brand', { names: r.input.brand.accounts.join(', ') }), width, '  '));

  if (r.warnings.length > 0) {
    L.push('');
    L.push(head(t(lang, 'report.warnings')));
    for (const w of r.warnings.slice(0, MAX_WARNINGS)) L.push(wrap('! ' + w.text, width, '  '));
    if (r.warnings.length > MAX_WARNINGS) L.push('  ' + t(lang, 'report.moreWarnings', { count: r.warnings.length - MAX_WARNINGS }));
  }
  return L.join('\n') + '\n';
}
