/**
 * Each fixture's HTML report, opened in a real browser (Debian's chromium, driven by
 * playwright-core; no browser is ever downloaded): no console error, no request, the
 * verdict and every chart drawn, and no script from the data ever runs. Screenshots land in
 * test/.tmp/screenshots/ for a person to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditResultT } from '../../src/model/result.js';
import { renderHtml } from '../../src/render/html.js';
import { REPORT_FIXTURES, ROOT, fixtureArgs, runBin } from '../helpers/bin.js';
import { HOSTILE, hostileResult } from '../helpers/hostile.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs it with apt-get install chromium`);
if (!available) console.warn(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium)`);

const tmp = mkdtempSync(join(tmpdir(), 'community-audit-browser-'));
const shots = join(ROOT, 'test/.tmp/screenshots');
let context: BrowserContext;

interface Visit {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

async function visit(file: string): Promise<Visit> {
  const page = await context.newPage();
  const v: Visit = { page, consoleErrors: [], requests: [], dialogs: [] };
  const url = pathToFileURL(file).href;
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') v.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => v.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) v.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  return v;
}

describe.skipIf(!available)('the HTML report in a browser', () => {
  const files = new Map<string, string>();

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    for (const name of REPORT_FIXTURES) {
      const out = join(tmp, `${name}.html`);
      const r = runBin([...fixtureArgs(name), '--format', 'html', '--by', 'month', '--out', out]);
      expect(r.code).toBe(0);
      files.set(name, out);
    }
    const golden = JSON.parse(readFileSync(join(ROOT, 'test/golden/audit-result.json'), 'utf8')) as AuditResultT;
    const hostile = join(tmp, 'hostile-result.html');
    writeFileSync(hostile, renderHtml(hostileResult(golden)));
    files.set('hostile-result', hostile);

    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await context?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it.each([...REPORT_FIXTURES, 'hostile-result'])('%s: verdict, every chart, no error, no request, no script', async (name) => {
    const { page, consoleErrors, requests, dialogs } = await visit(files.get(name)!);
    const data = JSON.parse((await page.locator('#audit-data').textContent()) ?? '') as AuditResultT;

    // the verdict in plain words, at the top
    await expect(page.locator('h1').first().textContent()).resolves.toBe(data.verdict.title);
    const verdictBox = await page.locator('#verdict').boundingBox();
    expect(verdictBox!.y).toBeLessThan(100);

    // every chart drawn, and wide enough to read
    for (const id of ['chart-replies', 'chart-core', 'chart-signals', 'chart-periods']) {
      const box = await page.locator(`#${id} svg.chart`).boundingBox();
      expect({ id, wide: (box?.width ?? 0) > 600, tall: (box?.height ?? 0) > 100 }).toEqual({ id, wide: true, tall: true });
    }
    const network = page.locator('#chart-network svg.chart');
    if (data.charts!.network.edges.length > 0) expect((await network.boundingBox())!.width).toBeGreaterThan(600);
    else await expect(page.locator('#chart-network .note').count()).resolves.toBe(1);
    await expect(page.locator('#chart-network circle').count()).resolves.toBe(data.charts!.network.edges.length > 0 ? data.charts!.network.nodes.length : 0);

    // nothing ran, nothing was fetched, nothing complained (a CSP violation is a console error)
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    await expect(page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator('script').count()).resolves.toBe(1);
    await expect(page.locator('img, a, iframe, object, embed, [onerror], [onload], [onclick]').count()).resolves.toBe(0);
    await expect(page.locator('body').isVisible()).resolves.toBe(true);

    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
    await page.close();
  });

  it('shows hostile names and comments as text, where a person can read them', async () => {
    const { page } = await visit(files.get('hostile-result')!);
    const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    for (const h of HOSTILE.filter((x) => !/[\u0000-\u001f]/.test(x) && !x.includes('\n'))) expect(text).toContain(h.replace(/\s+/g, ' '));
    // a hostile name in the network is a tooltip and a label, as text
    const titles = await page.locator('#chart-network circle title').allTextContents();
    expect(titles).toContain(HOSTILE[0]);
    await page.close();
  });

  it('the real fixture with markup in names reads as text too', async () => {
    const { page } = await visit(files.get('html-injection')!);
    const text = await page.locator('main').innerText();
    expect(text).toContain('"><svg onload=alert(3)>');
    expect(text).toContain('Équipe <b>Produit</b>');
    await page.close();
  });

  it('prints: sections are not cut across pages', async () => {
    const { page } = await visit(files.get('slack-community')!);
    await page.emulateMedia({ media: 'print' });
    // evaluated in the page, where globalThis is the window (no DOM types in this project)
    const breaks = await page.locator('#chart-network').evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { breakInside: string } }).getComputedStyle(el).breakInside);
    expect(breaks).toBe('avoid');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(shots, 'slack-community.pdf'), pdf);
    await page.close();
  });
});
