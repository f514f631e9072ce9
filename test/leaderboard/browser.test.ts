import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { runCli } from '../helpers/run-cli.js';
import type { LeaderboardData } from '../../src/leaderboard/types.js';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.js';
import { makeLeaderboardRuns, XSS } from './site-fixture.js';

/**
 * The static site in a real browser (Debian's Chromium via puppeteer-core), opened from file://:
 * no request beyond file://, no console error, Japanese text shown in a CJK font, the right
 * number of chart marks, hostile output inert; a screenshot is saved. Without Chromium this test
 * says so and skips (only itself).
 */
const chromium = findChromium();
if (!chromium) console.warn('browser test skipped: no Chromium found (apt-get install chromium fonts-noto-cjk, or set JPEVAL_CHROMIUM)');

describe.skipIf(!chromium)('leaderboard site in Chromium', () => {
  let browser: Browser;
  let site: string;
  let data: LeaderboardData;
  let profile: string;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const fx = await makeLeaderboardRuns();
    site = path.join(fx.dir, 'site');
    const res = await runCli(['leaderboard', fx.run1, fx.run2, '--out', site]);
    expect(res.code).toBe(0);
    data = JSON.parse(await readFile(path.join(site, 'leaderboard.json'), 'utf8'));
    const puppeteer = (await import('puppeteer-core')).default;
    profile = await mkdtemp(path.join(tmpdir(), 'jpeval-chromium-'));
    browser = await puppeteer.launch({ executablePath: chromium!, args: [...CHROMIUM_ARGS, `--user-data-dir=${profile}`], headless: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    page.on('request', (r) => void requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => void problems.push(`pageerror: ${String(e)}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    const [name, hash] = file.split('#');
    await page.goto(pathToFileURL(path.join(site, name!)).href + (hash ? `#${hash}` : ''), { waitUntil: 'load' });
    return page;
  }

  it('index.html: charts drawn with the right number of marks, Japanese font available, screenshot saved', async () => {
    const page = await open('index.html');
    const bars = await page.$$eval('#chart-bars g.mark-rect.role-mark path', (els) => els.length);
    const heat = await page.$$eval('#chart-heatmap g.mark-rect.role-mark path', (els) => els.length);
    const points = await page.$$eval('#chart-quality-speed g.mark-symbol.role-mark path', (els) => els.length);
    expect(bars).toBe(data.cells.filter((c) => c.group === 0 && c.value !== null).length);
    expect(heat).toBe(data.cells.filter((c) => c.value !== null).length);
    expect(points).toBe(data.summary.filter((s) => s.overall !== null).length);
    expect(await page.evaluate(`document.fonts.check('16px "Noto Sans CJK JP"', '日本語')`)).toBe(true);
    const shot = path.join(site, 'screenshot.png') as `${string}.png`;
    await page.screenshot({ path: shot, fullPage: false });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('items.html: loads item chunks by script tag, shows Japanese text, hostile output stays text', async () => {
    const wild = data.entries.find((e) => e.label === 'wild')!;
    const page = await open(`items.html#${encodeURIComponent(`${wild.id}|mini-free|f1`)}`);
    await page.waitForSelector('.item.target');
    const text = await page.$eval('#items', (el) => (el as unknown as { innerText: string }).innerText);
    expect(text).toContain('富士山です');
    expect(await page.$eval('#items details pre', (el) => el.textContent)).toContain('日本一高い山は？');
    expect(text).toContain(XSS);
    expect(await page.$$eval('#items img', (els) => els.length)).toBe(0);
    // The Japanese glyphs have real width (a CJK font, not zero-width fallbacks).
    // (a string: this file is type-checked without the DOM library)
    const width = await page.evaluate(`(() => {
      const s = document.createElement('span');
      s.style.fontSize = '20px';
      s.textContent = '富士山';
      document.body.appendChild(s);
      return s.getBoundingClientRect().width;
    })()`);
    expect(width).toBeGreaterThan(45);
    await page.close();
  });

  it('compare.html: lists exactly the flipped items, each linking to the item browser', async () => {
    const ace = data.entries.find((e) => e.label.startsWith('ace @') && data.groups.some((g) => g.suite === 'mini-mc' && g.group === 0 && g.entries.includes(e.id)))!;
    const half = data.entries.find((e) => e.label === 'half')!;
    const page = await open(`compare.html#${encodeURIComponent(`${ace.id}|${half.id}|mini-mc`)}`);
    await page.waitForSelector('#gained');
    expect(await page.$$eval('#gained .flip', (els) => els.length)).toBe(5);
    expect(await page.$$eval('#lost .flip', (els) => els.length)).toBe(0);
    const href = await page.$eval('#gained .flip a', (a) => a.getAttribute('href'));
    expect(href).toMatch(/^items\.html#/);
    await page.click('#gained .flip a');
    await page.waitForSelector('.item.target');
    await page.close();
  });

  it('made no request beyond file:// and logged no error', () => {
    expect(requests.length).toBeGreaterThan(3);
    // data: URLs never leave the machine; anything else (http, https, ws…) would be network.
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
