import path from 'node:path';
import { GENERATED_ID } from '../datasets/generators/seeded.js';
import type { GeneratorProvenance } from '../datasets/generators/types.js';
import { loaders } from '../datasets/loaders/index.js';
import type { Item, LoadReport, RawRecord } from '../datasets/types.js';
import { DataError } from '../util/errors.js';
import { sha256File } from '../util/hash.js';
import { buildItem } from './build-item.js';
import { dataRootFor, resolveSplit } from './resolve-split.js';
import type { Suite } from './schema.js';

// Resolving a suite's files lives in its own module so that `jpeval list` can check data presence
// without importing the loaders; re-exported here, where callers have always found it.
export { dataRootFor, resolveSplit, resolveSplitFiles, type ResolvedSplit } from './resolve-split.js';

export interface LoadItemsOptions {
  /** Where upstream data lives (`--data-dir` / JPEVAL_DATA_DIR). Built-in suites read jpeval's own datasets/. */
  dataDir?: string;
  split?: string;
  /** Keep only the first N items (in file order, so the same N every run). */
  limit?: number;
  /** Run seed for generator suites (default DEFAULT_GENERATOR_SEED, the CLI's default --seed). */
  seed?: number;
  /** Overrides a generator suite's `dataset.generator.count` (`--gen-count`). */
  generatedCount?: number;
}

/** The seed generator suites use when none is given (the same default as `jpeval run --seed`). */
export const DEFAULT_GENERATOR_SEED = 1234;

export interface LoadedItems {
  items: Item[];
  reports: LoadReport[];
  split: string;
  /** For generator suites: what was generated (name, version, seed, count, content hash). */
  generator?: GeneratorProvenance;
}

function passesFilter(suite: Suite, requested: string, record: Record<string, unknown>): boolean {
  const split = requested.split('@')[0]!;
  const filters = [suite.dataset.where, suite.dataset.split_where?.[split]];
  return filters.every(
    (where) => !where || Object.entries(where).every(([key, allowed]) => allowed.some((v) => v === record[key] || String(v) === String(record[key]))),
  );
}

/** A suite's items as a stream: reports and generator provenance are complete once it is drained. */
export interface SuiteItemStream {
  split: string;
  reports: LoadReport[];
  generator?: GeneratorProvenance;
  items: AsyncGenerator<Item>;
}

/**
 * Reads a suite's items for one split, one at a time (a 100,000-item suite is never held whole).
 * Records filtered out by `where` are counted in the load report; malformed records throw
 * DataError (file, line, field). Ids must be unique: leaderboards pair models item by item on them.
 * Files and the split are resolved before the first item, so a missing file fails at once.
 */
export async function streamSuiteItems(suite: Suite, options: LoadItemsOptions = {}): Promise<SuiteItemStream> {
  return streamItems(suite, options, true);
}

/** streamSuiteItems, optionally without the generated part (see countSuiteItems). */
async function streamItems(suite: Suite, options: LoadItemsOptions, withGenerated: boolean): Promise<SuiteItemStream> {
  const split = options.split ?? suite.dataset.split;
  const root = dataRootFor(suite, options.dataDir);
  const { files, version } = await resolveSplit(suite, root, split);
  const loader = loaders.get(suite.dataset.loader);
  const reports: LoadReport[] = [];
  const stream: SuiteItemStream = { split, reports, items: undefined! };
  const seen = new Map<string, string>();
  const limit = options.limit ?? Infinity;
  const generator = suite.dataset.generator;
  let index = 0;
  let count = 0;
  const build = (raw: RawRecord, frozen: boolean): Item => {
    const item = buildItem(suite, raw, index++);
    if (frozen && generator && GENERATED_ID.test(item.id)) {
      throw new DataError(raw.file, `frozen item id "${item.id}" has the form reserved for generated items (g<seed>-<n>)`, { line: raw.line, field: 'id' });
    }
    const previous = seen.get(item.id);
    if (previous) throw new DataError(raw.file, `duplicate item id "${item.id}" (first seen at ${previous})`, { line: raw.line, field: suite.dataset.fields.id });
    seen.set(item.id, `${path.basename(raw.file)}:${raw.line ?? '?'}`);
    count += 1;
    return item;
  };
  stream.items = (async function* () {
    for (const file of files) {
      const report: LoadReport = { file, sha256: await sha256File(file), ...(version ? { version } : {}), records: 0, skipped: [] };
      reports.push(report);
      if (count >= limit) continue;
      for await (const raw of loader.read(file, suite.dataset.options)) {
        report.records += 1;
        if (!passesFilter(suite, split, raw.record)) {
          report.skipped.push({ ...(raw.line !== undefined ? { line: raw.line } : {}), reason: 'filtered by the suite\'s `where` / `split_where`' });
          continue;
        }
        yield build(raw, true);
        if (count >= limit) break;
      }
    }
    const generates = generator !== undefined && split === (generator.split ?? suite.dataset.split);
    if (generates && !withGenerated) return;
    if (generator && generates) {
      // Generated after the frozen set, all `count` of them even under --limit, so the content
      // hash in run.json identifies the generated set whatever part of it was evaluated.
      // Every frozen record (whatever --limit kept), so the generated set is the same under any
      // limit, and a generated item never repeats a frozen one.
      const frozen: Record<string, unknown>[] = [];
      for (const file of files) for await (const raw of loader.read(file, suite.dataset.options)) frozen.push(raw.record);
      // The generators (and the world model they build on) are imported only when a generator
      // suite is generated: ~0.1 s of start-up that `jpeval list` and frozen-data runs never need.
      const { generateRecords } = await import('../datasets/generate.js');
      const generated = generateRecords(generator.name, options.seed ?? DEFAULT_GENERATOR_SEED, options.generatedCount ?? generator.count, frozen);
      stream.generator = generated.provenance;
      for (const raw of generated.records) {
        if (count >= limit) break;
        yield build(raw, false);
      }
    }
    if (count === 0) {
      const read = reports.reduce((n, r) => n + r.records, 0);
      const filtered = reports.reduce((n, r) => n + r.skipped.length, 0);
      throw new DataError(files[0] ?? suite.file, `suite ${suite.name} has no items in split "${split}" (${read} record(s) read, ${filtered} left out by its where filter${generator ? ', none generated' : ''})`);
    }
  })();
  return stream;
}

/** All of a suite's items for one split, in memory (see streamSuiteItems for large suites). */
export async function loadSuiteItems(suite: Suite, options: LoadItemsOptions = {}): Promise<LoadedItems> {
  const stream = await streamSuiteItems(suite, options);
  const items: Item[] = [];
  for await (const item of stream.items) items.push(item);
  return { items, reports: stream.reports, split: stream.split, ...(stream.generator ? { generator: stream.generator } : {}) };
}

/**
 * How many items loadSuiteItems would give, without generating a generator suite's records:
 * frozen records are read and built as usual, and the generated part counts as the generator's
 * `count` (generateRecords checks that a generator returns exactly that many). `jpeval list` shows
 * this for every suite; generating and hashing every built-in generator's records to count them
 * was most of its start-up time.
 */
export async function countSuiteItems(suite: Suite, options: LoadItemsOptions = {}): Promise<number> {
  const stream = await streamItems(suite, options, false);
  let frozen = 0;
  for await (const _item of stream.items) frozen += 1;
  const generator = suite.dataset.generator;
  const generated = generator && stream.split === (generator.split ?? suite.dataset.split) ? (options.generatedCount ?? generator.count) : 0;
  const total = frozen + generated;
  return options.limit !== undefined ? Math.min(total, options.limit) : total;
}
