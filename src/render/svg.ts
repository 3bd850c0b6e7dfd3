/**
 * The charts of the HTML report, as small pure functions from the AuditResult's chart data
 * to SVG strings. Colours come from CSS classes (the page's one stylesheet), never from
 * style attributes, so the Content-Security-Policy needs no 'unsafe-inline'. Every label
 * that may come from the data goes through `escapeHtml`.
 */
import { type Lang, formatNumber } from '../i18n/index.js';
import type { ChartsT, Level, PeriodT, WeekPointT } from '../model/result.js';
import { escapeHtml as esc } from './escape.js';
import { forceLayout } from './layout.js';

const r1 = (v: number) => Math.round(v * 10) / 10;

export interface SvgText {
  title: string;
  desc: string;
}

function open(id: string, w: number, h: number, text: SvgText): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" class="chart" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${esc(text.title)}</title><desc id="${id}-d">${esc(text.desc)}</desc>`
  );
}

/** 0, step, 2·step…: round steps (1, 2, 5 × 10^k) reaching at least `max`, at most 5 of them. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const top = Math.ceil(max / step) * step;
  const out: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

function locale(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

/** Month names under the weeks where a month begins; thinned to about a dozen. */
function monthTicks(weeks: readonly WeekPointT[], lang: Lang): { index: number; label: string }[] {
  const fmtMonth = new Intl.DateTimeFormat(locale(lang), { month: 'short', timeZone: 'UTC' });
  const fmtYear = new Intl.DateTimeFormat(locale(lang), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const ticks: { index: number; label: string }[] = [];
  let prev = -1;
  weeks.forEach((w, i) => {
    // a week belongs to the month of its Thursday (as ISO weeks do to years)
    const d = new Date(Date.parse(`${w.week}T00:00:00Z`) + 3 * 24 * 3600 * 1000);
    const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
    if (month !== prev) {
      ticks.push({ index: i, label: ticks.length === 0 || d.getUTCMonth() === 0 ? fmtYear.format(d) : fmtMonth.format(d) });
      prev = month;
    }
  });
  const every = Math.ceil(ticks.length / 12);
  return ticks.filter((_, i) => i % every === 0);
}

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

function yAxis(lang: Lang, f: Frame, ticks: number[], format: (v: number) => string = (v) => formatNumber(lang, v)): string {
  const top = ticks[ticks.length - 1]!;
  let s = '';
  for (const v of ticks) {
    const y = r1(f.top + f.height - (v / top) * f.height);
    s += `<line class="grid" x1="${f.left}" x2="${f.left + f.width}" y1="${y}" y2="${y}"/>`;
    s += `<text class="tick" x="${f.left - 6}" y="${r1(y + 4)}" text-anchor="end">${esc(format(v))}</text>`;
  }
  return s;
}

function xLabels(weeks: readonly WeekPointT[], lang: Lang, f: Frame, y: number): string {
  const slot = f.width / weeks.length;
  return monthTicks(weeks, lang)
    .map(({ index, label }) => {
      const x = r1(f.left + (index + 0.5) * slot);
      return `<line class="axis" x1="${x}" x2="${x}" y1="${f.top + f.height}" y2="${f.top + f.height + 4}"/><text class="tick" x="${x}" y="${y}">${esc(label)}</text>`;
    })
    .join('');
}

export interface NetworkLabels extends SvgText {
  brand: string;
}

/** The reply network: the brand a hub with spokes, or members woven into a mesh. */
export function networkSvg(net: ChartsT['network'], text: NetworkLabels): string {
  const W = 720;
  const H = 470;
  const padX = 110;
  const padY = 36;
  const ids = net.nodes.map((n) => n.id);
  const pos = forceLayout(
    ids,
    net.edges.map((e) => ({ source: e.source, target: e.target, weight: e.replies })),
  );
  const at = new Map(ids.map((id, i) => [id, { x: r1(padX + ((pos[i]!.x + 1) / 2) * (W - 2 * padX)), y: r1(padY + ((pos[i]!.y + 1) / 2) * (H - 2 * padY)) }]));
  const radius = (replies: number, brand: boolean) => r1(Math.min(brand ? 26 : 16, (brand ? 9 : 4) + 1.6 * Math.sqrt(replies)));
  let s = open('network', W, H, text);
  s += '<g class="edges">';
  for (const e of net.edges) {
    const a = at.get(e.source)!;
    const b = at.get(e.target)!;
    const cls = e.source === 'brand' || e.target === 'brand' ? 'e-brand' : 'e-member';
    s += `<line class="${cls}" x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke-width="${r1(0.8 + Math.log2(e.replies) * 0.9)}"/>`;
  }
  s += '</g><g class="nodes">';
  // members first, the brand last: drawn on top of its spokes
  const order = [...net.nodes].sort((a, b) => (a.kind === 'brand' ? 1 : 0) - (b.kind === 'brand' ? 1 : 0));
  for (const n of order) {
    const p = at.get(n.id)!;
    const cls = n.kind === 'brand' ? 'n-brand' : n.core ? 'n-core' : 'n-member';
    const name = n.kind === 'brand' ? `${text.brand}${n.name ? ` (${n.name})` : ''}` : n.name;
    s += `<circle class="${cls}" cx="${p.x}" cy="${p.y}" r="${radius(n.replies, n.kind === 'brand')}"><title>${esc(name)}</title></circle>`;
  }
  s += '</g><g class="labels">';
  // names for the brand and the most connected members, where they fit; the others on hover
  const labelled = net.nodes.filter((n) => n.kind === 'brand').concat(net.nodes.filter((n) => n.kind === 'member').slice(0, 14));
  const circles = net.nodes.map((n) => {
    const p = at.get(n.id)!;
    const r = radius(n.replies, n.kind === 'brand');
    return { x0: p.x - r, y0: p.y - r, x1: p.x + r, y1: p.y + r, id: n.id };
  });
  const placed: Box[] = [];
  for (const n of labelled) {
    const p = at.get(n.id)!;
    const r = radius(n.replies, n.kind === 'brand');
    const label = n.kind === 'brand' ? text.brand : shorten(n.name, 22);
    const spot = placeLabel(p.x, p.y, r, labelWidth(label), W, H, placed, circles.filter((c) => c.id !== n.id));
    if (!spot) continue;
    placed.push(spot.box);
    s += `<text class="lbl${n.kind === 'brand' ? ' lbl-brand' : ''}" x="${r1(spot.x)}" y="${r1(spot.y)}" text-anchor="${spot.anchor}">${esc(label)}</text>`;
  }
  s += '</g></svg>';
  return s;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** About the width of a 12px label: wide characters (CJK, emoji) count double. */
function labelWidth(label: string): number {
  let w = 0;
  for (const ch of label) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|\p{Extended_Pictographic}/u.test(ch) ? 12 : 7;
  return w;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Right of the node, else left, above or below: the first spot that hides no other label
 * and no node; failing that, the first that hides no label; failing that, no label at all
 * (the name is still in the node's tooltip).
 */
function placeLabel(x: number, y: number, r: number, w: number, W: number, H: number, labels: Box[], nodes: Box[]): { x: number; y: number; anchor: string; box: Box } | null {
  const h = 14;
  const spots = [
    { x: x + r + 4, y: y + 4, anchor: 'start', box: { x0: x + r + 2, y0: y - h / 2, x1: x + r + 6 + w, y1: y + h / 2 } },
    { x: x - r - 4, y: y + 4, anchor: 'end', box: { x0: x - r - 6 - w, y0: y - h / 2, x1: x - r - 2, y1: y + h / 2 } },
    { x, y: y - r - 5, anchor: 'middle', box: { x0: x - w / 2, y0: y - r - 5 - h + 3, x1: x + w / 2, y1: y - r - 2 } },
    { x, y: y + r + 13, anchor: 'middle', box: { x0: x - w / 2, y0: y + r + 2, x1: x + w / 2, y1: y + r + 2 + h } },
  ].filter((s) => s.box.x0 >= 0 && s.box.x1 <= W && s.box.y0 >= 0 && s.box.y1 <= H);
  const free = (s: (typeof spots)[number]) => !labels.some((b) => overlaps(b, s.box));
  return spots.find((s) => free(s) && !nodes.some((b) => overlaps(b, s.box))) ?? spots.find(free) ?? null;
}

export interface RepliesLabels extends SvgText {
  posts: string;
}

/** Replies per week: members to members against members to the brand, the brand's posts below. */
export function repliesSvg(weeks: readonly WeekPointT[], lang: Lang, text: RepliesLabels): string {
  const W = 760;
  const H = 300;
  const f: Frame = { left: 84, top: 14, width: W - 84 - 14, height: 196 };
  const max = Math.max(1, ...weeks.map((w) => Math.max(w.memberToMember, w.memberToBrand)));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1]!;
  const slot = f.width / Math.max(1, weeks.length);
  const x = (i: number) => r1(f.left + (i + 0.5) * slot);
  const y = (v: number) => r1(f.top + f.height - (v / top) * f.height);
  const base = f.top + f.height;
  let s = open('replies', W, H, text);
  s += yAxis(lang, f, ticks);
  s += `<line class="axis" x1="${f.left}" x2="${f.left + f.width}" y1="${base}" y2="${base}"/>`;
  for (const [key, cls] of [
    ['memberToBrand', 's-brand'],
    ['memberToMember', 's-member'],
  ] as const) {
    const pts = weeks.map((w, i) => `${x(i)},${y(w[key])}`);
    if (weeks.length > 1) {
      s += `<polygon class="${cls} area" points="${x(0)},${base} ${pts.join(' ')} ${x(weeks.length - 1)},${base}"/>`;
      s += `<polyline class="${cls} line" points="${pts.join(' ')}"/>`;
    }
    if (weeks.length <= 40) weeks.forEach((w, i) => (s += `<circle class="${cls} dot" cx="${x(i)}" cy="${y(w[key])}" r="3"/>`));
  }
  // the brand's posts: a strip under the axis, one mark per week, taller with more posts
  const stripTop = base + 30;
  const maxPosts = Math.max(1, ...weeks.map((w) => w.brandPosts));
  s += `<text class="tick strip-label" x="${f.left - 6}" y="${stripTop + 14}" text-anchor="end">${esc(text.posts)}</text>`;
  s += `<line class="grid" x1="${f.left}" x2="${f.left + f.width}" y1="${stripTop + 18}" y2="${stripTop + 18}"/>`;
  weeks.forEach((w, i) => {
    if (w.brandPosts === 0) return;
    const h = r1(4 + (w.brandPosts / maxPosts) * 14);
    const bw = r1(Math.max(2, Math.min(14, slot * 0.5)));
    s += `<rect class="post" x="${r1(x(i) - bw / 2)}" y="${r1(stripTop + 18 - h)}" width="${bw}" height="${h}"><title>${esc(`${w.week}: ${w.brandPosts}`)}</title></rect>`;
  });
  s += xLabels(weeks, lang, f, stripTop + 36);
  s += '</svg>';
  return s;
}

/** Members who wrote each week, the core in the dark part of each bar. */
export function coreSvg(weeks: readonly WeekPointT[], lang: Lang, text: SvgText): string {
  const W = 760;
  const H = 250;
  const f: Frame = { left: 84, top: 14, width: W - 84 - 14, height: 190 };
  const ticks = niceTicks(Math.max(1, ...weeks.map((w) => w.activeMembers)));
  const top = ticks[ticks.length - 1]!;
  const slot = f.width / Math.max(1, weeks.length);
  const bw = r1(Math.max(1.5, Math.min(28, slot * 0.72)));
  const h = (v: number) => (v / top) * f.height;
  const base = f.top + f.height;
  let s = open('core', W, H, text);
  s += yAxis(lang, f, ticks);
  weeks.forEach((w, i) => {
    const x0 = r1(f.left + (i + 0.5) * slot - bw / 2);
    const others = w.activeMembers - w.coreActive;
    const hc = h(w.coreActive);
    const ho = h(others);
    if (w.coreActive > 0) s += `<rect class="b-core" x="${x0}" y="${r1(base - hc)}" width="${bw}" height="${r1(hc)}"><title>${esc(`${w.week}: ${w.coreActive}`)}</title></rect>`;
    if (others > 0) s += `<rect class="b-member" x="${x0}" y="${r1(base - hc - ho)}" width="${bw}" height="${r1(ho)}"><title>${esc(`${w.week}: ${others}`)}</title></rect>`;
  });
  s += `<line class="axis" x1="${f.left}" x2="${f.left + f.width}" y1="${base}" y2="${base}"/>`;
  s += xLabels(weeks, lang, f, base + 20);
  s += '</svg>';
  return s;
}

export interface SignalRow {
  title: string;
  score: number | null;
}

export interface SignalGroup {
  title: string;
  score: number | null;
  signals: SignalRow[];
}

function band(score: number): string {
  return score >= 60 ? 'hi' : score >= 40 ? 'mid' : 'lo';
}

/** Each category, then each of its signals, as bars from 0 (audience) to 100 (community). */
export function signalsSvg(groups: readonly SignalGroup[], lang: Lang, text: SvgText & { notMeasured: string }): string {
  const W = 760;
  const labelW = 300;
  const barW = W - labelW - 60;
  const rowH = 22;
  const rows = groups.reduce((n, g) => n + 1 + g.signals.length, 0);
  const H = 16 + rows * rowH + groups.length * 10;
  let s = open('signals', W, H, text);
  let yy = 14;
  for (const g of groups) {
    s += `<text class="cat" x="0" y="${yy + 12}">${esc(shorten(g.title, 44))}</text>`;
    if (g.score !== null) s += `<text class="cat" x="${W - 4}" y="${yy + 12}" text-anchor="end">${esc(formatNumber(lang, g.score))}</text>`;
    yy += rowH;
    for (const sig of g.signals) {
      s += `<text class="sig" x="14" y="${yy + 12}">${esc(shorten(sig.title, 40))}</text>`;
      s += `<rect class="track" x="${labelW}" y="${yy + 3}" width="${barW}" height="12"/>`;
      if (sig.score === null) s += `<text class="tick na" x="${labelW + 6}" y="${yy + 13}">${esc(text.notMeasured)}</text>`;
      else {
        s += `<rect class="bar ${band(sig.score)}" x="${labelW}" y="${yy + 3}" width="${r1((sig.score / 100) * barW)}" height="12"/>`;
        s += `<text class="tick" x="${W - 4}" y="${yy + 13}" text-anchor="end">${esc(formatNumber(lang, sig.score))}</text>`;
      }
      yy += rowH;
    }
    yy += 10;
  }
  s += '</svg>';
  return s;
}

const LEVEL_CLASS: Record<Level, string> = { audience: 'l-audience', ready: 'l-ready', community: 'l-community', 'insufficient-data': 'l-none' };

/** The verdict period by period: bars for the score, coloured by level; a line for the share of replies between members. */
export function periodsSvg(periods: readonly PeriodT[], names: readonly string[], lang: Lang, text: SvgText): string {
  const W = 760;
  const H = 290;
  const f: Frame = { left: 84, top: 14, width: W - 84 - 14, height: 200 };
  const slot = f.width / Math.max(1, periods.length);
  const bw = r1(Math.max(3, Math.min(56, slot * 0.62)));
  const base = f.top + f.height;
  const y = (v: number) => r1(base - (v / 100) * f.height);
  let s = open('periods', W, H, text);
  s += yAxis(lang, f, [0, 25, 50, 75, 100]);
  periods.forEach((p, i) => {
    const cx = f.left + (i + 0.5) * slot;
    const cls = LEVEL_CLASS[p.level];
    if (p.score === null) s += `<rect class="${cls}" x="${r1(cx - bw / 2)}" y="${base - 3}" width="${bw}" height="3"><title>${esc(`${names[i]}: ${p.title}`)}</title></rect>`;
    else s += `<rect class="${cls}" x="${r1(cx - bw / 2)}" y="${y(p.score)}" width="${bw}" height="${r1(base - y(p.score))}"><title>${esc(`${names[i]}: ${p.title} (${p.score})`)}</title></rect>`;
    s += `<text class="tick" x="${r1(cx)}" y="${r1(p.score === null ? base - 8 : y(p.score) - 5)}">${esc(p.score === null ? '—' : formatNumber(lang, p.score))}</text>`;
  });
  const every = Math.ceil(periods.length / 14);
  periods.forEach((_, i) => {
    if (i % every !== 0) return;
    s += `<text class="tick" x="${r1(f.left + (i + 0.5) * slot)}" y="${base + 18}">${esc(names[i]!)}</text>`;
  });
  const pts: string[] = [];
  periods.forEach((p, i) => {
    const replies = p.memberToMember + p.memberToBrand;
    if (replies > 0) pts.push(`${r1(f.left + (i + 0.5) * slot)},${y((100 * p.memberToMember) / replies)}`);
  });
  if (pts.length > 1) s += `<polyline class="s-member line" points="${pts.join(' ')}"/>`;
  for (const pt of pts) {
    const [cx, cy] = pt.split(',');
    s += `<circle class="s-member dot" cx="${cx}" cy="${cy}" r="3.5"/>`;
  }
  s += `<line class="axis" x1="${f.left}" x2="${f.left + f.width}" y1="${base}" y2="${base}"/>`;
  s += '</svg>';
  return s;
}

/** The score on a 0–100 line, the marker in the level's colour. */
export function scoreSvg(score: number | null, level: Level, text: SvgText): string {
  const W = 300;
  const H = 26;
  let s = open('score', W, H, text);
  s += `<rect class="track" x="0" y="9" width="${W}" height="8" rx="4"/>`;
  if (score !== null) {
    s += `<rect class="${LEVEL_CLASS[level]}" x="0" y="9" width="${r1((score / 100) * W)}" height="8" rx="4"/>`;
    s += `<circle class="${LEVEL_CLASS[level]} knob" cx="${r1(Math.min(W - 9, Math.max(9, (score / 100) * W)))}" cy="13" r="9"/>`;
  }
  s += '</svg>';
  return s;
}
