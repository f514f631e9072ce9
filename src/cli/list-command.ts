import type { Command } from 'commander';
import { renderTable } from '../results/render-table.js';
import { listedItemCount } from '../suites/item-count-cache.js';
import { loadAllSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { readDerived, writeDerived } from '../util/derived-cache.js';

/**
 * `jpeval list` should start in well under 0.3 s, so it imports neither zod nor the loaders nor
 * the ~100 scoring modules when their results are cached: suite definitions and item counts
 * (see suite-definition-cache.ts, item-count-cache.ts) and the built-in metric names below, all
 * keyed on the build fingerprint so that changed code or files are never answered from the cache.
 */

export interface SuiteListing {
  name: string;
  title: string;
  source: string;
  benchmark: string | null;
  task: string;
  category: string;
  metrics: string[];
  mode: string;
  split: string;
  data_present: boolean;
  /** Item count of the default split when its data is present, else null. */
  items: number | null;
  version: number;
  file: string;
}

/**
 * Every registered metric's name. Without plugins that is a function of jpeval's code alone, so it
 * is cached; plugins have already imported the registry (and may have added to it) before this runs.
 */
async function metricNames(): Promise<string[]> {
  const cached = process.env.JPEVAL_PLUGINS ? undefined : readDerived<unknown>('list', 'metric names');
  if (Array.isArray(cached) && cached.every((n) => typeof n === 'string')) return cached as string[];
  const names = (await import('../scoring/metrics/index.js')).metrics.names();
  if (!process.env.JPEVAL_PLUGINS) writeDerived('list', 'metric names', names);
  return names;
}

async function describe(suite: Suite, dataDir: string | undefined): Promise<SuiteListing> {
  // null: data absent (or unreadable): shown as not present; `jpeval run` gives the full error
  const items = await listedItemCount(suite, dataDir);
  return {
    name: suite.name,
    title: suite.title,
    source: suite.source.kind === 'builtin' ? 'builtin' : (suite.source.benchmark ?? 'upstream'),
    benchmark: suite.source.benchmark ?? null,
    task: suite.task,
    category: suite.category,
    metrics: suite.metrics.map((m) => m.name),
    mode: suite.choices?.mode ?? 'generate',
    split: suite.dataset.split,
    data_present: items !== null,
    items,
    version: suite.version,
    file: suite.file,
  };
}

export function registerListCommand(program: Command, io: { stdout: NodeJS.WriteStream }): void {
  program
    .command('list')
    .description('list suites (with whether their data is present) and metrics')
    .option('--data-dir <dir>', 'where upstream benchmark files are (default: $JPEVAL_DATA_DIR)')
    .option('--suites-dir <dir>', 'extra directory of suite files')
    .option('--json', 'print suites as a JSON array')
    .action(async (flags: { dataDir?: string; suitesDir?: string; json?: boolean }) => {
      const dataDir = flags.dataDir ?? process.env.JPEVAL_DATA_DIR;
      const suites = await loadAllSuites(flags.suitesDir ? [flags.suitesDir] : []);
      const listings = [];
      for (const suite of suites) listings.push(await describe(suite, dataDir));
      if (flags.json) {
        io.stdout.write(`${JSON.stringify(listings, null, 2)}\n`);
        return;
      }
      const rows = listings.map((l) => [l.name, l.source, l.task, l.category, l.metrics.join(','), l.data_present ? String(l.items) : 'absent']);
      io.stdout.write(`${renderTable(['suite', 'source', 'task', 'category', 'metrics', 'items'], rows, (i) => i === 5)}\n\n`);
      io.stdout.write(`metrics: ${(await metricNames()).join(', ')}\n`);
      if (!dataDir) io.stdout.write('(upstream suites show "absent" without --data-dir or JPEVAL_DATA_DIR)\n');
    });
}
