/**
 * The terminal report: the verdict and the first recommendations fit one screen; the
 * signals table, the data and the warnings follow for those who scroll.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { type Lang, formatPercent, t } from '../i18n/index.js';
import { periodName, trendSentence } from './periods.js';
import type { AuditResultT, EvidenceT, Level } from '../model/result.js';
import { stripTerminalControlsDeep } from './escape.js';

export interface TextOptions {
  color: boolean;
  /** terminal columns */
  width: number;
}

const MAX_WARNINGS = 8;

/**
 * Words to lines of at most `width` columns, as the terminal counts them (emoji and CJK take
 * two); `first` starts the first line, `indent` the others; a word longer than a line is cut.
 */
export function wrap(text: string, width: number, indent = '', first = indent): string {
  const out: string[] = [];
  let line = '';
  let lead = first;
  const room = () => Math.max(8, width - stringWidth(lead));
  const flush = () => {
    out.push(lead + line);
    lead = indent;
    line = '';
  };
  // no-break spaces (French « », the space before : ; ? !) hold their words together
  for (let word of text.split(/[ \t\n\r]+/)) {
    if (!word) continue;
    if (line && stringWidth(line + ' ' + word) > room()) flush();
    while (stringWidth(word) > room()) {
      if (line) flush();
      const cut = cutToWidth(word, room());
      out.push(lead + cut);
      lead = indent;
      word = word.slice(cut.length);
    }
    line = line ? line + ' ' + word : word;
  }
  if (line || out.length === 0) out.push(lead + line);
  return out.join('\n');
}

function cutToWidth(word: string, width: number): string {
  let cut = '';
  for (const ch of word) {
    if (stringWidth(cut + ch) > width) break;
    cut += ch;
  }
  return cut || [...word][0]!;
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
  if (e.excerpt) parts.push(t(lang, 'report.quote', { text: e.excerpt }));
  if (e.note) parts.push(e.note.text);
  const line = e.line ? ` (${t(lang, 'report.line', { line: e.line })})` : '';
  return parts.join(' — ') + line;
}

function date(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

/** cli-table3 colours nothing when given no styles; its borders stay plain with or without colour. */
function table(head: string[], colWidths: number[], options: { compact?: boolean; colAligns?: ('left' | 'right')[] } = {}): Table.Table {
  return new Table({
    head,
    colWidths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    ...(options.colAligns ? { colAligns: options.colAligns } : {}),
    style: { head: [], border: [], compact: options.compact ?? false },
  }) as Table.Table;
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
  L.push(wrap(`${t(lang, 'report.score')} ${score} · ${t(lang, 'report.confidence')} ${t(lang, `report.confidence.${r.verdict.confidence}`)}`, width).replace(score, c.bold(score)));
  L.push('');
  L.push(head(t(lang, 'report.why')));
  for (const w of r.verdict.why) L.push(wrap(w.text, width, '  ', '• '));
  L.push('');

  // 2. what to do
  if (r.recommendations.length > 0) {
    L.push(head(t(lang, 'report.recommendations')));
    r.recommendations.forEach((rec, i) => {
      L.push(c.bold(wrap(rec.title.text, width, '   ', `${i + 1}. `)));
      L.push(wrap(rec.detail.text, width, '   '));
      for (const e of rec.evidence.slice(0, 12)) L.push(wrap(evidenceLine(lang, e), width, '     ', '   · '));
    });
    L.push('');
  }

  // 2b. with --quiz: the owner's view against the data, disagreements first
  if (r.perception && r.perception.length > 0) {
    L.push(head(t(lang, 'report.perception')));
    const order = { higher: 0, lower: 0, agree: 1 } as const;
    const sorted = [...r.perception].sort((a, b) => order[a.view] - order[b.view] || Math.abs(b.gap) - Math.abs(a.gap) || a.signal.localeCompare(b.signal));
    for (const p of sorted) {
      const mark = p.view === 'agree' ? '=' : '≠';
      const scores = t(lang, 'report.perceptionScores', { declared: Math.round(p.declared * 100), measured: Math.round(p.measured * 100) });
      L.push(`${p.view === 'agree' ? c.dim(mark) : c.yellow.bold(mark)} ${c.bold(p.title)}  ${c.dim(scores)}`);
      L.push(wrap(p.text.text, width, '  '));
    }
    L.push('');
  }

  // 3. the verdict over time (--by)
  if (r.periods && r.periods.length > 0) {
    L.push(head(t(lang, 'report.overTime')));
    L.push(periodsTable(r, c, width));
    const trend = trendSentence(r);
    if (trend) L.push(wrap(trend, width));
    L.push('');
  }

  // 4. categories and signals
  L.push(head(t(lang, 'report.categories')));
  const barWidth = width < 60 ? 10 : 20;
  for (const cat of r.categories) {
    const s = cat.score === null ? t(lang, 'report.notApplicable') : `${cat.score}`;
    L.push(wrap(cat.title, width, ' '.repeat(barWidth + 7), `  ${bar(cat.score, barWidth)} ${s.padStart(3)}  `));
  }
  L.push('');
  L.push(head(t(lang, 'report.signals')));
  const narrow = width < 80;
  const colWidths = narrow ? [width - 12, 9] : [30, 9, width - 44];
  const signals = narrow
    ? table([t(lang, 'report.signal'), t(lang, 'report.scoreCol')], colWidths)
    : table([t(lang, 'report.signal'), t(lang, 'report.scoreCol'), t(lang, 'report.measured')], colWidths);
  for (const s of r.signals) {
    const sc = s.score === null ? t(lang, 'report.notApplicable') : String(Math.round(s.score * 100)) + (s.status === 'declared' ? '*' : '');
    const detail = s.summary?.text ?? s.reason?.text ?? '';
    // cells wrapped here, on ordinary spaces only: cli-table3 would also break at the
    // no-break spaces of French typography (« membres ; », « 4 % »)
    const cell = (text: string, col: number) => wrap(text, colWidths[col]! - 2);
    signals.push(narrow ? [cell(s.title, 0), sc] : [cell(s.title, 0), sc, cell(detail, 2)]);
  }
  L.push(signals.toString());
  if (r.signals.some((s) => s.status === 'declared')) L.push(c.dim(t(lang, 'report.declaredMark')));
  if (narrow) {
    for (const s of r.signals) {
      const detail = s.summary?.text ?? s.reason?.text;
      if (detail) L.push(wrap(`${s.title}: ${detail}`, width, '    ', '  '));
    }
  }
  L.push('');

  // 5. the data
  const questionnaire = r.input.questionnaire;
  if (questionnaire) {
    L.push(head(t(lang, 'report.questionnaire')));
    L.push(wrap(t(lang, 'report.questionnaireLine', questionnaire), width, '  '));
    if (r.input.sources.length > 0) L.push('');
  }
  // a questionnaire alone has no data to describe
  if (!questionnaire || r.input.sources.length > 0) {
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
    if (r.input.platforms.length > 1) {
      L.push('  ' + t(lang, 'report.platforms'));
      for (const p of r.input.platforms) L.push(wrap(t(lang, 'report.platformLine', { ...p }), width, '    ').replace(/^ {4}/, '  · '));
    }
    if (r.input.memberFile) L.push(wrap(t(lang, 'report.members', { ...r.input.memberFile }), width, '  '));
    // accounts given or from roles are listed; a detected one is named by its note (both, when roles and a guess mix)
    const knownBrand = r.input.brand.method === 'option' || r.input.brand.method === 'roles';
    if (r.input.brand.accounts.length > 0 && (knownBrand || !r.input.brand.note)) L.push(wrap(t(lang, 'report.brand', { names: r.input.brand.accounts.join(', ') }), width, '  '));
    if (r.input.brand.note) L.push(wrap(r.input.brand.note.text, width, '  '));
  }

  if (r.warnings.length > 0) {
    L.push('');
    L.push(head(t(lang, 'report.warnings')));
    for (const w of r.warnings.slice(0, MAX_WARNINGS)) L.push(wrap(w.text, width, '    ', '  ! '));
    if (r.warnings.length > MAX_WARNINGS) L.push(wrap(t(lang, 'report.moreWarnings', { count: r.warnings.length - MAX_WARNINGS }), width, '  '));
  }
  return L.join('\n') + '\n';
}

/** Period, level, score, replies between members, core: one row a period, fitting 60 columns. */
function periodsTable(r: AuditResultT, c: ChalkInstance, width: number): string {
  const lang = r.lang;
  // three layouts: with the active members from 100 columns, without the share below 58
  const wide = width >= 100;
  const slim = width < 58;
  const heads = [t(lang, 'report.period'), t(lang, 'report.level'), t(lang, 'report.scoreCol')];
  const widths = wide ? [14, 26, 9] : slim ? [12, width - 12 - 7 - 4, 7] : [12, width - 12 - 7 - 11 - 8 - 8, 7];
  if (!slim) {
    heads.push(t(lang, 'report.memberShareShort'), t(lang, 'report.coreCol'));
    widths.push(...(wide ? [19, 11] : [11, 8]));
  }
  if (wide) {
    heads.push(t(lang, 'report.activeCol'));
    widths.push(11);
  }
  const tb = table(heads, widths, { compact: true, colAligns: heads.map((_, i) => (i < 2 ? 'left' : 'right')) });
  for (const p of r.periods ?? []) {
    const replies = p.memberToMember + p.memberToBrand;
    const share = replies > 0 ? formatPercent(lang, p.memberToMember / replies) : '—';
    const row = [periodName(lang, p.label), levelColor(c, p.level)(t(lang, `level.short.${p.level}`)), p.score === null ? '—' : String(p.score)];
    if (!slim) row.push(share, String(p.coreMembers));
    if (wide) row.push(String(p.activeMembers));
    tb.push(row);
  }
  return tb.toString();
}
