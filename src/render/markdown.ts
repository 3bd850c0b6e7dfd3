/**
 * The Markdown report, for GitHub step summaries, Notion and e-mail: the verdict, the score,
 * why, what to do (with evidence), the verdict over time, the signals and the categories.
 * Every sentence is escaped (`escapeMarkdown`): a comment can neither break a table nor
 * become a link, an image or HTML.
 */
import { type Lang, formatPercent, t } from '../i18n/index.js';
import type { AuditResultT, EvidenceT, Level } from '../model/result.js';
import { escapeMarkdown as md } from './escape.js';
import { periodName, trendSentence } from './periods.js';

const LEVEL_MARK: Record<Level, string> = { community: '🟢', ready: '🟡', audience: '🟠', 'insufficient-data': '⚪' };
const MAX_EVIDENCE = 12;

function day(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
}

function evidence(lang: Lang, e: EvidenceT): string {
  const parts: string[] = [];
  if (e.author) parts.push(`**${md(e.author)}**`);
  if (e.excerpt) parts.push(md(t(lang, 'report.quote', { text: e.excerpt })));
  if (e.note) parts.push(md(e.note.text));
  const line = e.line ? ` (${md(t(lang, 'report.line', { line: e.line }))})` : '';
  return parts.join(' — ') + line;
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(r: AuditResultT): string {
  const lang = r.lang;
  const L: string[] = [];
  const score = r.verdict.score === null ? '—' : `${r.verdict.score}/100`;

  L.push(`## ${LEVEL_MARK[r.verdict.level]} ${md(r.verdict.title)}`);
  L.push('');
  const facts = [`**${md(t(lang, 'report.score'))} ${score}**`, `${md(t(lang, 'report.confidence'))} ${md(t(lang, `report.confidence.${r.verdict.confidence}`))}`];
  if (r.input.period) facts.push(md(t(lang, 'report.dataLine', { messages: r.input.messages, authors: r.input.authors, from: day(lang, r.input.period.start), to: day(lang, r.input.period.end) })));
  L.push(facts.join(' · '));
  L.push('');

  L.push(`### ${md(t(lang, 'report.why'))}`);
  L.push('');
  for (const w of r.verdict.why) L.push(`- ${md(w.text)}`);
  L.push('');

  if (r.recommendations.length > 0) {
    L.push(`### ${md(t(lang, 'report.recommendations'))}`);
    L.push('');
    r.recommendations.forEach((rec, i) => {
      L.push(`${i + 1}. **${md(rec.title.text)}** — ${md(rec.detail.text)}`);
      for (const e of rec.evidence.slice(0, MAX_EVIDENCE)) L.push(`   - ${evidence(lang, e)}`);
      if (rec.evidence.length > MAX_EVIDENCE) L.push(`   - ${md(t(lang, 'report.moreEvidence', { count: rec.evidence.length - MAX_EVIDENCE }))}`);
    });
    L.push('');
  }

  if (r.periods && r.periods.length > 0) {
    L.push(`### ${md(t(lang, 'report.overTime'))}`);
    L.push('');
    L.push(row([t(lang, 'report.period'), t(lang, 'report.level'), t(lang, 'report.scoreCol'), t(lang, 'report.memberShare'), t(lang, 'report.coreCol'), t(lang, 'report.activeCol')].map(md)));
    L.push('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const p of r.periods) {
      const replies = p.memberToMember + p.memberToBrand;
      L.push(
        row([
          md(periodName(lang, p.label)),
          `${LEVEL_MARK[p.level]} ${md(t(lang, `level.short.${p.level}`))}`,
          p.score === null ? '—' : String(p.score),
          replies > 0 ? md(formatPercent(lang, p.memberToMember / replies)) : '—',
          String(p.coreMembers),
          String(p.activeMembers),
        ]),
      );
    }
    L.push('');
    const trend = trendSentence(r);
    if (trend) {
      L.push(md(trend));
      L.push('');
    }
  }

  L.push(`### ${md(t(lang, 'report.signals'))}`);
  L.push('');
  L.push(row([t(lang, 'report.signal'), t(lang, 'report.scoreCol'), t(lang, 'report.measured')].map(md)));
  L.push('| --- | ---: | --- |');
  for (const s of r.signals) {
    const sc = s.score === null ? md(t(lang, 'report.notApplicable')) : String(Math.round(s.score * 100));
    L.push(row([md(s.title), sc, md(s.summary?.text ?? s.reason?.text ?? '')]));
  }
  L.push('');

  L.push(`### ${md(t(lang, 'report.categories'))}`);
  L.push('');
  L.push(row([md(t(lang, 'report.category')), md(t(lang, 'report.scoreCol'))]));
  L.push('| --- | ---: |');
  for (const c of r.categories) L.push(row([md(c.title), c.score === null ? md(t(lang, 'report.notApplicable')) : String(c.score)]));
  L.push('');

  const notes: string[] = [];
  // accounts given or from roles are listed; a detected one is named by its note (both, when roles and a guess mix)
  const knownBrand = r.input.brand.method === 'option' || r.input.brand.method === 'roles';
  if (r.input.brand.accounts.length > 0 && (knownBrand || !r.input.brand.note)) notes.push(t(lang, 'report.brand', { names: r.input.brand.accounts.join(', ') }));
  if (r.input.brand.note) notes.push(r.input.brand.note.text);
  for (const w of r.warnings.slice(0, 5)) notes.push(w.text);
  if (r.warnings.length > 5) notes.push(t(lang, 'report.moreWarnings', { count: r.warnings.length - 5 }));
  if (notes.length > 0) {
    // one quote, a paragraph per note
    L.push(notes.map((n) => `> ${md(n)}`).join('\n>\n'));
    L.push('');
  }
  L.push(`_${md(t(lang, 'report.generatedBy', { version: r.tool.version }))}_`);
  return L.join('\n') + '\n';
}
