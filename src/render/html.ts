/**
 * The HTML report: one self-contained page a manager opens offline. The verdict in plain
 * words first, then the charts that make the article's contrast visible (the brand as a hub
 * or members answering members; replies over time against the brand's posts; the core; the
 * signals; the verdict over time), then what to do, with the evidence.
 *
 * No script runs: the page is HTML, inline SVG and one stylesheet, and its
 * Content-Security-Policy allows nothing else (the stylesheet by its hash). The AuditResult
 * rides along as a JSON data block, for scripts that want the numbers back.
 */
import { createHash } from 'node:crypto';
import { type Lang, type MessageKey, formatNumber, formatPercent, t } from '../i18n/index.js';
import type { AuditResultT, EvidenceT } from '../model/result.js';
import { escapeHtml as esc, jsonForHtml } from './escape.js';
import { periodName, trendSentence } from './periods.js';
import { type SignalGroup, coreSvg, networkSvg, periodsSvg, repliesSvg, scoreSvg, signalsSvg } from './svg.js';

const STYLE = `
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--brand:#e8590c;--member:#1c7ed6;--core:#0b4f8a;--light:#a5d8ff;--audience:#e8590c;--ready:#d4a300;--community:#2f9e44;--none:#868e96}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--soft);color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
section,header.verdict{background:var(--bg);border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem;margin:0 0 1.25rem}
h1{font-size:2rem;line-height:1.2;margin:.1rem 0 .6rem}
h2{font-size:1.3rem;margin:0 0 .35rem}
h3{font-size:1.05rem;margin:0 0 .25rem}
p{margin:.35rem 0}
.kicker{color:var(--muted);text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;margin:0}
header.verdict{border-top:8px solid var(--none)}
header.lvl-audience{border-top-color:var(--audience)}
header.lvl-ready{border-top-color:var(--ready)}
header.lvl-community{border-top-color:var(--community)}
.scoreline{display:flex;align-items:center;gap:1rem;flex-wrap:wrap;margin:.25rem 0 .75rem}
.score{font-size:2.4rem;font-weight:700;line-height:1}
.score small{font-size:1rem;color:var(--muted);font-weight:400}
.scoreline svg{width:300px;max-width:60%;height:auto}
.conf{color:var(--muted)}
ul.why{margin:.5rem 0 0;padding-left:1.2rem}
ul.why li{margin:.2rem 0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;margin-top:1rem}
.figure{background:var(--soft);border-radius:8px;padding:.6rem .8rem}
.figure b{display:block;font-size:1.6rem;line-height:1.2}
.figure span{color:var(--muted);font-size:.9rem}
.lede{color:var(--muted);max-width:48rem}
svg.chart{display:block;width:100%;height:auto;margin:.5rem 0;font-family:inherit;print-color-adjust:exact;-webkit-print-color-adjust:exact}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.25rem 0 0;padding:0;list-style:none;color:var(--muted);font-size:.9rem}
.legend li::before{content:"";display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.35rem;vertical-align:-.05rem;background:var(--sw);print-color-adjust:exact;-webkit-print-color-adjust:exact}
.legend li.sq::before{border-radius:2px}
.sw-brand{--sw:var(--brand)}.sw-core{--sw:var(--core)}.sw-member{--sw:var(--light)}.sw-mm{--sw:var(--member)}.sw-mb{--sw:var(--brand)}
.sw-audience{--sw:var(--audience)}.sw-ready{--sw:var(--ready)}.sw-community{--sw:var(--community)}.sw-none{--sw:var(--none)}
.note{color:var(--muted);font-style:italic}
.grid{stroke:#eaeef2;stroke-width:1}
.axis{stroke:#8c959f;stroke-width:1}
.tick{fill:var(--muted);font-size:12px;text-anchor:middle}
.tick[text-anchor=end]{text-anchor:end}
.tick.na{text-anchor:start;font-style:italic}
.strip-label{font-style:italic}
.e-brand{stroke:var(--brand);stroke-opacity:.45;stroke-linecap:round}
.e-member{stroke:var(--member);stroke-opacity:.55;stroke-linecap:round}
.n-brand{fill:var(--brand);stroke:#fff;stroke-width:2}
.n-core{fill:var(--core);stroke:#fff;stroke-width:1.5}
.n-member{fill:var(--light);stroke:var(--member);stroke-width:1}
.lbl{font-size:12px;fill:var(--ink);paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
.lbl-brand{font-weight:700;fill:#a23b06}
.s-member.line{fill:none;stroke:var(--member);stroke-width:2.5}
.s-brand.line{fill:none;stroke:var(--brand);stroke-width:2.5}
.s-member.area{fill:var(--member);fill-opacity:.12;stroke:none}
.s-brand.area{fill:var(--brand);fill-opacity:.1;stroke:none}
.s-member.dot{fill:var(--member)}
.s-brand.dot{fill:var(--brand)}
.post{fill:var(--brand)}
.b-core{fill:var(--core)}
.b-member{fill:var(--light)}
.cat{font-weight:700;font-size:14px;fill:var(--ink)}
.sig{font-size:13px;fill:var(--ink)}
.track{fill:#eef1f4}
.bar.hi{fill:var(--community)}.bar.mid{fill:var(--ready)}.bar.lo{fill:var(--audience)}
.l-audience{fill:var(--audience)}.l-ready{fill:var(--ready)}.l-community{fill:var(--community)}.l-none{fill:var(--none)}
.knob{stroke:#fff;stroke-width:3}
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.5rem 0}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
ol.recs{padding-left:1.4rem;margin:.5rem 0 0}
ol.recs>li{margin:0 0 1rem}
ol.recs>li::marker{font-weight:700}
ul.evidence{margin:.35rem 0 0;padding-left:1.1rem;color:var(--muted);font-size:.93rem}
ul.evidence b{color:var(--ink);font-weight:600}
.excerpt{overflow-wrap:anywhere}
ul.plain{padding-left:1.1rem;margin:.3rem 0}
footer{color:var(--muted);font-size:.85rem;text-align:center}
@media (max-width:40rem){main{padding:.75rem}section,header.verdict{padding:1rem}h1{font-size:1.6rem}}
@media print{
@page{size:A4;margin:12mm}
body{background:#fff;font-size:10.5pt}
main{max-width:none;padding:0}
section,header.verdict{border:1px solid #bbb;break-inside:avoid;page-break-inside:avoid;margin:0 0 8mm;padding:4mm 5mm}
#recommendations{break-inside:auto;page-break-inside:auto}
ol.recs>li{break-inside:avoid}
svg.chart{max-height:80mm}
h2,h3{break-after:avoid;page-break-after:avoid}
.lede{font-size:9.5pt}
h1{font-size:20pt}
.figures{margin-top:3mm}
}
`;

function day(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

function evidenceItem(lang: Lang, e: EvidenceT): string {
  const parts: string[] = [];
  if (e.author) parts.push(`<b>${esc(e.author)}</b>`);
  if (e.excerpt) parts.push(`<span class="excerpt">${esc(t(lang, 'report.quote', { text: e.excerpt }))}</span>`);
  if (e.note) parts.push(esc(e.note.text));
  const line = e.line ? ` <span class="line">(${esc(t(lang, 'report.line', { line: e.line }))})</span>` : '';
  return `<li>${parts.join(' — ')}${line}</li>`;
}

function legend(items: [cls: string, key: MessageKey][], lang: Lang): string {
  return `<ul class="legend">${items.map(([cls, key]) => `<li class="${cls}">${esc(t(lang, key))}</li>`).join('')}</ul>`;
}

export function renderHtml(r: AuditResultT): string {
  const lang = r.lang;
  const T = (key: MessageKey, values?: Record<string, string | number>) => esc(t(lang, key, values));
  const charts = r.charts;
  const weeks = charts?.weeks ?? [];
  const body: string[] = [];

  // the verdict, in plain words
  const mm = weeks.reduce((s, w) => s + w.memberToMember, 0);
  const mb = weeks.reduce((s, w) => s + w.memberToBrand, 0);
  const figures: string[] = [];
  if (charts) {
    figures.push(`<div class="figure"><b>${esc(mm + mb > 0 ? formatPercent(lang, mm / (mm + mb)) : '—')}</b><span>${T('html.figure.replies', { mm, total: mm + mb })}</span></div>`);
    figures.push(`<div class="figure"><b>${esc(formatNumber(lang, charts.core.total))}</b><span>${T('html.figure.core', { count: charts.core.total })}</span></div>`);
  }
  figures.push(`<div class="figure"><b>${esc(formatNumber(lang, r.input.activeMembers))}</b><span>${T('html.figure.active', { count: r.input.activeMembers })}</span></div>`);
  const score = r.verdict.score;
  body.push(
    `<header class="verdict lvl-${esc(r.verdict.level)}" id="verdict">` +
      `<p class="kicker">${T('report.title')}</p>` +
      `<h1>${esc(r.verdict.title)}</h1>` +
      `<div class="scoreline"><span class="score">${score === null ? '—' : `${esc(formatNumber(lang, score))}<small>/100</small>`}</span>` +
      scoreSvg(score, r.verdict.level, { title: t(lang, 'report.score'), desc: score === null ? t(lang, 'level.insufficient-data') : t(lang, 'html.score.desc', { score }) }) +
      `<span class="conf">${T('html.confidence', { level: t(lang, `report.confidence.${r.verdict.confidence}` as MessageKey) })}</span></div>` +
      `<ul class="why">${r.verdict.why.map((w) => `<li>${esc(w.text)}</li>`).join('')}</ul>` +
      `<div class="figures">${figures.join('')}</div>` +
      '</header>',
  );

  if (charts) {
    // who answers whom
    const net = charts.network;
    const shownMembers = net.nodes.filter((n) => n.kind === 'member').length;
    const brandLinks = net.edges.filter((e) => e.source === 'brand' || e.target === 'brand').length;
    let network = `<section id="chart-network"><h2>${T('html.network.title')}</h2><p class="lede">${T('html.network.lede')}</p>`;
    if (net.edges.length === 0) network += `<p class="note">${T('html.network.empty')}</p>`;
    else {
      network += networkSvg(net, {
        title: t(lang, 'html.network.title'),
        desc: t(lang, 'html.network.desc', { members: net.members, brandLinks, memberLinks: net.edges.length - brandLinks }),
        brand: t(lang, 'html.network.brand'),
      });
      network += legend(
        [
          ['sw-brand', 'html.legend.brand'],
          ['sw-core', 'html.legend.core'],
          ['sw-member', 'html.legend.member'],
        ],
        lang,
      );
      if (net.members > shownMembers) network += `<p class="note">${T('html.network.shown', { shown: shownMembers, members: net.members })}</p>`;
    }
    body.push(network + '</section>');

    // replies over time, and the core over time
    const posts = weeks.reduce((s, w) => s + w.brandPosts, 0);
    let replies = `<section id="chart-replies"><h2>${T('html.replies.title')}</h2><p class="lede">${T('html.replies.lede')}</p>`;
    if (weeks.length === 0) replies += `<p class="note">${T('html.noData')}</p>`;
    else {
      replies += repliesSvg(weeks, lang, { title: t(lang, 'html.replies.title'), desc: t(lang, 'html.replies.desc', { weeks: weeks.length, mm, mb, posts }), posts: t(lang, 'html.legend.posts') });
      replies += legend(
        [
          ['sw-mm', 'html.legend.toMember'],
          ['sw-mb', 'html.legend.toBrand'],
          ['sw-brand sq', 'html.legend.posts'],
        ],
        lang,
      );
    }
    body.push(replies + '</section>');

    let core = `<section id="chart-core"><h2>${T('html.core.title')}</h2><p class="lede">${T('html.core.lede', { count: charts.core.total })}</p>`;
    if (weeks.length === 0) core += `<p class="note">${T('html.noData')}</p>`;
    else {
      const most = Math.max(0, ...weeks.map((w) => w.activeMembers));
      core += coreSvg(weeks, lang, { title: t(lang, 'html.core.title'), desc: t(lang, 'html.core.desc', { weeks: weeks.length, max: most, core: charts.core.total }) });
      core += legend(
        [
          ['sw-core sq', 'html.legend.coreActive'],
          ['sw-member sq', 'html.legend.othersActive'],
        ],
        lang,
      );
    }
    body.push(core + '</section>');
  }

  // the signals, by category
  const byId = new Map(r.signals.map((s) => [s.id, s]));
  const groups: SignalGroup[] = r.categories.map((c) => ({
    title: c.title,
    score: c.score,
    signals: c.signals.flatMap((ref) => {
      const s = byId.get(ref.id);
      return s ? [{ title: s.title, score: s.score === null ? null : Math.round(s.score * 100) }] : [];
    }),
  }));
  body.push(
    `<section id="chart-signals"><h2>${T('html.signals.title')}</h2><p class="lede">${T('html.signals.lede')}</p>` +
      signalsSvg(groups, lang, { title: t(lang, 'html.signals.title'), desc: t(lang, 'html.signals.lede'), notMeasured: t(lang, 'html.signals.notMeasured') }) +
      '</section>',
  );

  // the verdict over time
  if (r.periods && r.periods.length > 0 && r.by) {
    const names = r.periods.map((p) => periodName(lang, p.label));
    const unit = t(lang, `unit.${r.by}` as MessageKey);
    let periods = `<section id="chart-periods"><h2>${T('report.overTime')}</h2><p class="lede">${T('html.periods.lede', { unit })}</p>`;
    periods += periodsSvg(r.periods, names, lang, { title: t(lang, 'report.overTime'), desc: trendSentence(r) ?? '' });
    periods += legend(
      [
        ['sw-audience sq', 'level.short.audience'],
        ['sw-ready sq', 'level.short.ready'],
        ['sw-community sq', 'level.short.community'],
        ['sw-none sq', 'level.short.insufficient-data'],
        ['sw-mm', 'html.legend.memberShare'],
      ],
      lang,
    );
    const trend = trendSentence(r);
    if (trend) periods += `<p><strong>${esc(trend)}</strong></p>`;
    periods += `<table><thead><tr><th>${T('report.period')}</th><th>${T('report.level')}</th><th class="num">${T('report.scoreCol')}</th><th class="num">${T('report.memberShare')}</th><th class="num">${T('report.coreCol')}</th><th class="num">${T('report.activeCol')}</th></tr></thead><tbody>`;
    r.periods.forEach((p, i) => {
      const replies = p.memberToMember + p.memberToBrand;
      periods +=
        `<tr><td>${esc(names[i]!)}</td><td>${T(`level.short.${p.level}` as MessageKey)}</td><td class="num">${p.score === null ? '—' : esc(formatNumber(lang, p.score))}</td>` +
        `<td class="num">${replies > 0 ? esc(formatPercent(lang, p.memberToMember / replies)) : '—'}</td><td class="num">${esc(formatNumber(lang, p.coreMembers))}</td><td class="num">${esc(formatNumber(lang, p.activeMembers))}</td></tr>`;
    });
    periods += '</tbody></table>';
    body.push(periods + '</section>');
  }

  // what to do, with the evidence
  if (r.recommendations.length > 0) {
    let recs = `<section id="recommendations"><h2>${T('report.recommendations')}</h2><ol class="recs">`;
    for (const rec of r.recommendations) {
      recs += `<li><h3>${esc(rec.title.text)}</h3><p>${esc(rec.detail.text)}</p>`;
      if (rec.evidence.length > 0) recs += `<ul class="evidence">${rec.evidence.slice(0, 12).map((e) => evidenceItem(lang, e)).join('')}</ul>`;
      if (rec.evidence.length > 12) recs += `<p class="note">${T('report.moreEvidence', { count: rec.evidence.length - 12 })}</p>`;
      recs += '</li>';
    }
    body.push(recs + '</ol></section>');
  }

  // the data behind it
  const data: string[] = [];
  data.push(
    `<p>${
      r.input.period
        ? T('report.dataLine', { messages: r.input.messages, authors: r.input.authors, from: day(lang, r.input.period.start), to: day(lang, r.input.period.end) })
        : T('report.dataLineNoPeriod')
    }</p>`,
  );
  data.push(`<ul class="plain">${r.input.sources.map((s) => `<li>${T('report.sourceLine', { file: s.file, format: s.format, rows: s.rowsRead, skipped: s.rowsSkipped })}</li>`).join('')}</ul>`);
  if (r.input.memberFile) data.push(`<p>${T('report.members', { ...r.input.memberFile })}</p>`);
  // accounts given or from roles are listed; a detected one is named by its note (both, when roles and a guess mix)
  const knownBrand = r.input.brand.method === 'option' || r.input.brand.method === 'roles';
  if (r.input.brand.accounts.length > 0 && (knownBrand || !r.input.brand.note)) data.push(`<p>${T('report.brand', { names: r.input.brand.accounts.join(', ') })}</p>`);
  if (r.input.brand.note) data.push(`<p>${esc(r.input.brand.note.text)}</p>`);
  if (r.warnings.length > 0) {
    data.push(`<h3>${T('report.warnings')}</h3><ul class="plain">${r.warnings.slice(0, 20).map((w) => `<li>${esc(w.text)}</li>`).join('')}</ul>`);
    if (r.warnings.length > 20) data.push(`<p class="note">${T('report.moreWarnings', { count: r.warnings.length - 20 })}</p>`);
  }
  body.push(`<section id="data"><h2>${T('report.data')}</h2>${data.join('')}</section>`);
  body.push(`<footer><p>${T('html.footer', { version: r.tool.version, date: day(lang, r.generatedAt) })}</p></footer>`);

  const styleHash = createHash('sha256').update(STYLE, 'utf8').digest('base64');
  const csp = `default-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; font-src 'none'; connect-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
  return (
    '<!doctype html>\n' +
    `<html lang="${esc(lang)}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    '<meta name="referrer" content="no-referrer">\n' +
    `<meta name="generator" content="community-audit ${esc(r.tool.version)}">\n` +
    `<title>${esc(r.verdict.title)} · ${T('report.title')}</title>\n` +
    `<style>${STYLE}</style>\n</head>\n<body>\n<main>\n${body.join('\n')}\n</main>\n` +
    `<script type="application/json" id="audit-data">${jsonForHtml(r)}</script>\n` +
    '</body>\n</html>\n'
  );
}
