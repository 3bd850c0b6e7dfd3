/** The reports from the command line: formats, --by, compare, colours and widths, as a user runs them. */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, fixtureArgs, runBin } from '../helpers/bin.js';

const ESC = '\u001b';
const tmp = mkdtempSync(join(tmpdir(), 'community-audit-reports-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const growing = fixtureArgs('growing-community');
const slack = fixtureArgs('slack-community');
const RANK: Record<string, number> = { audience: 0, ready: 1, community: 2 };

describe('--format markdown and html', () => {
  it('prints a Markdown report a GitHub step summary can take', () => {
    const r = runBin([...slack, '--format', 'markdown']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('## 🟢 You have a real community');
    expect(r.stdout).toMatch(/\n\| Signal \| Score \| Measured \|\n\| --- \| ---: \| --- \|\n/);
    expect(r.stdout).toContain('### What to do next');
  });

  it('writes one self-contained HTML file with --out, in French when asked', () => {
    const out = join(tmp, 'report.html');
    const r = runBin([...slack, '--format', 'html', '--lang', 'fr', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<h1>Vous avez une vraie communauté</h1>');
    expect(readdirSync(tmp).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives the same report for the same input, the generation time aside', () => {
    const strip = (s: string) => s.replace(/"generatedAt":"[^"]+"/, '').replace(/<footer>.*<\/footer>/, '');
    const a = runBin([...slack, '--format', 'html']).stdout;
    const b = runBin([...slack, '--format', 'html']).stdout;
    expect(strip(a)).toBe(strip(b));
  });
});

describe('--by: the verdict over time', () => {
  it('shows the growing community moving from audience to community, month by month (JSON)', () => {
    const r = runBin([...growing, '--by', 'month', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.by).toBe('month');
    const periods = report.periods as { label: string; level: string; memberToMember: number; memberToBrand: number }[];
    expect(periods.map((p) => p.label)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(periods[0]!.level).toBe('audience');
    expect(periods.at(-1)!.level).toBe('community');
    // it never falls back once it has moved on
    const ranks = periods.map((p) => RANK[p.level]!);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const share = (p: (typeof periods)[number]) => p.memberToMember / (p.memberToMember + p.memberToBrand);
    expect(share(periods.at(-1)!)).toBeGreaterThan(share(periods[0]!) + 0.5);
  });

  it('prints a compact table and the change in one sentence (text, English and French)', () => {
    const en = runBin([...growing, '--by', 'month']);
    expect(en.stdout).toMatch(/The verdict over time\n┌/);
    expect(en.stdout).toMatch(/│ Jan 2025 +│ audience +│/);
    expect(en.stdout).toMatch(/│ Jun 2025 +│ community +│/);
    expect(en.stdout).toContain('From “audience” (Jan 2025) to “community” (Jun 2025).');
    const fr = runBin([...growing, '--by', 'month', '--lang', 'fr']);
    expect(fr.stdout).toMatch(/│ janv\. 2025 +│ audience +│/);
    expect(fr.stdout).toContain('De «\u202faudience\u202f» (janv. 2025) à «\u202fcommunauté\u202f» (juin 2025).');
  });

  it('is a table in Markdown and a chart in HTML', () => {
    const md = runBin([...growing, '--by', 'quarter', '--format', 'markdown']).stdout;
    expect(md).toMatch(/\| Q1 2025 \| 🟡 ready \| \d+ \|/);
    expect(md).toMatch(/\| Q2 2025 \| 🟢 community \| \d+ \|/);
    const html = runBin([...growing, '--by', 'month', '--format', 'html']).stdout;
    expect(html).toMatch(/<section id="chart-periods">[\s\S]*<svg[^>]*>[\s\S]*<\/svg>/);
  });

  it('says when a week has too little data to judge', () => {
    const r = runBin([...fixtureArgs('tiny-insufficient'), '--by', 'week']);
    expect(r.stdout).toMatch(/│ wk 18 2025 +│ too little data/);
    expect(r.stdout).toContain('None of the 1 periods has enough data');
  });

  it('refuses a period it does not know', () => {
    const r = runBin([...growing, '--by', 'year']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/week, month, quarter/);
  });
});

describe('compare', () => {
  const before = join(tmp, 'before.json');
  const after = join(tmp, 'after.json');
  beforeAll(() => {
    writeFileSync(before, runBin([...growing, '--until', '2025-02-28', '--format', 'json']).stdout);
    writeFileSync(after, runBin([...growing, '--format', 'json']).stdout);
  });

  it('says what moved: score, level, signals and who joined the core (text)', () => {
    const r = runBin(['compare', before, after]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^What changed\nScore \d+ → \d+ \(\+\d+\)\nLevel: from “audience” to “community”, a step forward\./);
    expect(r.stdout).toMatch(/Members answer each other +\d+ → +\d+ +\+\d+/);
    expect(r.stdout).toMatch(/From 0 to \d+ core members: \d+ joined, 0 left, 0 stayed\./);
    expect(r.stdout).toMatch(/Joined: [^\n]+,/);
  });

  it('prints JSON for scripts and Markdown for CI summaries', () => {
    const json = JSON.parse(runBin(['compare', before, after, '--format', 'json']).stdout);
    expect(json.level).toEqual({ before: 'audience', after: 'community', changed: true, direction: 'up' });
    expect(json.score.delta).toBe(json.score.after - json.score.before);
    expect(json.core.joined.length).toBe(json.core.after);
    const md = runBin(['compare', before, after, '--format', 'markdown', '--lang', 'fr']).stdout;
    expect(md).toMatch(/^## Ce qui a changé\n/);
    expect(md).toMatch(/\| Quoi \| Avant \| Après \| Écart \|/);
  });

  it('fails CI when the score fell by more than --fail-on-drop', () => {
    const fell = runBin(['compare', after, before, '--fail-on-drop', '10']);
    expect(fell.code).toBe(1);
    expect(fell.stderr).toMatch(/community-audit: the score fell by \d+ points, more than --fail-on-drop 10\./);
    expect(runBin(['compare', after, before, '--fail-on-drop', '100']).code).toBe(0);
    expect(runBin(['compare', before, after, '--fail-on-drop', '0']).code).toBe(0);
  });

  it('exits 3 when a score is missing, since the drop cannot be judged', () => {
    const tiny = join(tmp, 'tiny.json');
    writeFileSync(tiny, runBin([...fixtureArgs('tiny-insufficient'), '--format', 'json']).stdout);
    const r = runBin(['compare', before, tiny, '--fail-on-drop', '5']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot be judged/);
  });

  it('refuses, with exit 2 and one clear sentence, what is not an audit JSON', () => {
    const other = join(tmp, 'v9.json');
    writeFileSync(other, readFileSync(before, 'utf8').replace('"schemaVersion": 1', '"schemaVersion": 9'));
    const cases: [string[], RegExp][] = [
      [['compare', 'fixtures/slack-community/comments.csv', after], /comments\.csv is not an audit in JSON \(it is not JSON\)\. Make one with: community-audit/],
      [['compare', join(ROOT, 'package.json'), after], /package\.json is not an audit in JSON \(it has no schemaVersion or tool/],
      [['compare', other, after], /v9\.json is an audit of schema version 9; this version of community-audit reads version 1\./],
      [['compare', join(tmp, 'missing.json'), after], /missing\.json: the file does not exist/],
      [['compare', before, after, '--format', 'html'], /compare prints text, json or markdown; got --format html/],
      [['compare', before, after, '--fail-on-drop', 'ten'], /--fail-on-drop expects a number of points/],
    ];
    for (const [args, message] of cases) {
      const r = runBin(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    }
  });
});

describe('colours and widths', () => {
  it('colours only when asked, and obeys NO_COLOR, FORCE_COLOR=0 and --no-color everywhere', () => {
    expect(runBin(slack, { FORCE_COLOR: '1' }).stdout).toContain(ESC);
    expect(runBin(['compare', 'x'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    for (const env of [{ FORCE_COLOR: '0' }, { NO_COLOR: '1' }, {}] as Record<string, string>[]) {
      expect(runBin([...slack, '--by', 'month'], env).stdout).not.toContain(ESC);
    }
    expect(runBin([...slack, '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(runBin([...slack, '--format', 'markdown'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    const bad = runBin(['compare', 'nope.json', 'nope.json'], { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(bad.stderr).not.toContain(ESC);
  });

  it.each([60, 160])('fits a terminal of %i columns (COLUMNS, for pipes)', (width) => {
    for (const args of [[...growing, '--by', 'month'], fixtureArgs('instagram-audience')]) {
      const lines = runBin(args, { FORCE_COLOR: '0', COLUMNS: String(width) }).stdout.split('\n');
      expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(width);
    }
  });

  it('uses a wide terminal: sentences run past 100 columns at 160', () => {
    const lines = runBin(slack, { FORCE_COLOR: '0', COLUMNS: '160' }).stdout.split('\n');
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeGreaterThan(100);
  });
});

describe('help', () => {
  it('lists the new formats, --by and compare', () => {
    const r = runBin(['--help']);
    const help = r.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/\(choices: "text", "json", "markdown", "html", default: "text"\)/);
    expect(help).toMatch(/--by <period> .*\(choices: "week", "month", "quarter"\)/);
    expect(r.stdout).toMatch(/compare \[options\] <before> <after>/);
    expect(runBin(['compare', '--help']).stdout).toMatch(/--fail-on-drop <points>/);
  });

  it('loads the renderers only when they are used', () => {
    for (const file of ['dist/cli/run-cli.js', 'dist/cli/commands/audit.js', 'dist/cli/commands/compare.js']) {
      const src = readFileSync(join(ROOT, file), 'utf8');
      expect(src).not.toMatch(/^import .*render\//m);
      expect(src).not.toMatch(/playwright/);
    }
  });
});
