import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeJsonAtomic } from '../results/writer.js';
import { buildLeaderboard, type BuildOptions } from './build.js';
import { APP_JS } from './html/app-script.js';
import { renderCharts } from './html/charts.js';
import { ChunkWriter } from './html/chunks.js';
import { comparePage, indexPage, itemsPage } from './html/pages.js';
import { renderCsv } from './render-csv.js';
import { renderMarkdown } from './render-markdown.js';
import type { LeaderboardData } from './types.js';

export interface SiteResult {
  data: LeaderboardData;
  outDir: string;
  files: string[];
}

/**
 * `jpeval leaderboard`: builds leaderboard.json from run directories and writes, from it alone,
 * leaderboard.md, leaderboard.csv and the static site (index.html, items.html, compare.html,
 * assets/app.js, items/…/*.js chunks). Old item chunks are removed first so none go stale.
 */
export async function writeLeaderboardSite(runDirs: string[], outDir: string, opts: Omit<BuildOptions, 'sink'> = {}): Promise<SiteResult> {
  const out = path.resolve(outDir);
  await mkdir(out, { recursive: true });
  await rm(path.join(out, 'items'), { recursive: true, force: true });
  const chunks = new ChunkWriter(out);
  const data = await buildLeaderboard(runDirs, { ...opts, sink: (entry, s) => chunks.add(entry, s) });
  await chunks.close();
  data.item_chunks = chunks.index;
  await writeJsonAtomic(path.join(out, 'leaderboard.json'), data);
  const charts = await renderCharts(data);
  await mkdir(path.join(out, 'assets'), { recursive: true });
  const files: [string, string][] = [
    ['leaderboard.md', renderMarkdown(data)],
    ['leaderboard.csv', renderCsv(data)],
    ['index.html', indexPage(data, charts)],
    ['items.html', itemsPage(data)],
    ['compare.html', comparePage(data)],
    ['assets/app.js', APP_JS],
  ];
  for (const [name, text] of files) await writeFile(path.join(out, name), text);
  return { data, outDir: out, files: ['leaderboard.json', ...files.map(([n]) => n)] };
}
