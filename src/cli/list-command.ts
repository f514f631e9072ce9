import type { Command } from 'commander';
import { metrics } from '../scoring/metrics/index.js';
import { countSuiteItems, dataRootFor } from '../suites/load-items.js';
import { loadAllSuites } from '../suites/load-suite.js';
import type { Suite } from '../suites/schema.js';
import { renderTable } from '../results/table.js';

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

async function describe(suite: Suite, dataDir: string | undefined): Promise<SuiteListing> {
  let items: number | null = null;
  try {
    dataRootFor(suite, dataDir);
    items = await countSuiteItems(suite, dataDir ? { dataDir } : {});
  } catch {
    items = null; // data absent (or unreadable): shown as not present; `jpeval run` gives the full error
  }
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
      io.stdout.write(`metrics: ${metrics.names().join(', ')}\n`);
      if (!dataDir) io.stdout.write('(upstream suites show "absent" without --data-dir or JPEVAL_DATA_DIR)\n');
    });
}
