import type { Item, LoadReport } from '../datasets/types.js';
import type { DatasetProvenance } from '../results/types.js';
import { loadSuiteItems, streamSuiteItems, type LoadItemsOptions } from '../suites/load-items.js';
import type { Suite } from '../suites/schema.js';
import { MissingDataError } from '../util/errors.js';
import { assignShards, itemCost, type CostedItem, type ShardSpec } from './shard.js';

/**
 * What a run needs of a suite before inference: its item count, provenance (file hashes) and
 * few-shot pool, read in one streaming pass so a missing file or a bad line fails in seconds, not
 * after an hour. The items themselves are streamed again while the suite runs; they are not held
 * (only the few-shot pool is, when shots come from the evaluated split).
 */
export interface SuitePlan {
  suite: Suite;
  /** This run's (or shard's) items, streamed afresh on each call. */
  items: () => AsyncIterable<Item>;
  total: number;
  pool: Item[];
  shots: number;
  skipped: number;
  provenance: DatasetProvenance;
}

export interface PlanOptions {
  dataDir?: string;
  split?: string;
  limit?: number;
  shots?: number;
  seed: number;
  generatedCount?: number;
  /** Whether choices are scored one request each (weights the shard split by choice count). */
  loglikelihood: boolean;
  shard?: ShardSpec;
}

const fileProvenance = (reports: LoadReport[]) =>
  reports.map((r) => ({ path: r.file, sha256: r.sha256, ...(r.version ? { version: r.version } : {}), records: r.records, skipped: r.skipped.length }));

export async function planSuite(suite: Suite, opts: PlanOptions, warn: (message: string) => void): Promise<SuitePlan> {
  const itemOptions: LoadItemsOptions = {
    ...(opts.dataDir !== undefined ? { dataDir: opts.dataDir } : {}),
    ...(opts.split !== undefined ? { split: opts.split } : {}),
    ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
    seed: opts.seed,
    ...(opts.generatedCount !== undefined ? { generatedCount: opts.generatedCount } : {}),
  };
  const scan = await streamSuiteItems(suite, itemOptions);
  const split = scan.split;
  let shots = opts.shots ?? suite.prompt.shots;
  let pool: Item[] = [];
  let fewshot: DatasetProvenance['fewshot'];
  const fewshotSplit = suite.dataset.fewshot_split;
  if (shots > 0 && fewshotSplit && fewshotSplit !== split) {
    // Few-shot pools are small prefixes for `first`; `random` needs the whole split.
    const limit = suite.prompt.fewshot_sampler === 'first' ? shots + 1 : undefined;
    try {
      const { limit: _limit, ...rest } = itemOptions;
      const shotData = await loadSuiteItems(suite, { ...rest, split: fewshotSplit, ...(limit !== undefined ? { limit } : {}) });
      pool = shotData.items;
      fewshot = { split: fewshotSplit, files: fileProvenance(shotData.reports) };
    } catch (err) {
      // The suite's own default shots fall back to zero-shot (warned, and recorded as shots: 0);
      // shots the user asked for with --shots must be there.
      if (!(err instanceof MissingDataError) || opts.shots !== undefined) {
        if (err instanceof MissingDataError) throw new MissingDataError(err.message, `${err.hint ?? ''}\nor run it zero-shot with --shots 0`);
        throw err;
      }
      warn(`${suite.name}: few-shot split "${fewshotSplit}" not present, running zero-shot (${err.message})`);
      shots = 0;
    }
  }
  // No separate example split: the first items of the evaluated split become the examples and are
  // not evaluated, so no evaluated item ever appears in a prompt's examples. Drawn from the whole
  // split (not the --limit prefix, not the shard), so a prompt never depends on --limit or --shard.
  let heldOut = new Set<string>();
  if (shots > 0 && !fewshot) {
    const { limit: _limit, ...whole } = itemOptions;
    const first: Item[] = [];
    let size = 0;
    const stream = await streamSuiteItems(suite, { ...whole, split });
    for await (const item of stream.items) {
      size += 1;
      if (first.length < shots) first.push(item);
    }
    const n = Math.min(shots, Math.max(0, size - 1));
    if (n < shots) warn(`${suite.name}: only ${n} few-shot example(s) can be held out of ${size} item(s), ${shots} asked for; using ${n}`);
    shots = n;
    pool = first.slice(0, n);
    heldOut = new Set(pool.map((i) => i.id));
    fewshot = { split, files: fileProvenance(stream.reports), held_out: n };
  }
  if (shots > pool.length) {
    warn(`${suite.name}: only ${pool.length} few-shot example(s) available, ${shots} asked for; using ${pool.length}`);
    shots = pool.length;
  }
  // One streaming pass for the count (and, sharded, each item's cost): held-out examples excluded.
  let count = 0;
  const costs: CostedItem[] = [];
  for await (const item of scan.items) {
    if (heldOut.has(item.id)) continue;
    count += 1;
    if (opts.shard) costs.push({ id: item.id, cost: itemCost(item, opts.loglikelihood) });
  }
  const assignment = opts.shard ? assignShards(costs, opts.shard.count) : undefined;
  const mine = (id: string): boolean => !heldOut.has(id) && (assignment === undefined || assignment.get(id) === opts.shard!.index);
  const total = assignment ? [...assignment.values()].filter((s) => s === opts.shard!.index).length : count;
  return {
    suite,
    items: async function* () {
      const stream = await streamSuiteItems(suite, itemOptions);
      for await (const item of stream.items) if (mine(item.id)) yield item;
    },
    total,
    pool,
    shots,
    skipped: scan.reports.reduce((s, r) => s + r.skipped.length, 0),
    provenance: {
      suite: suite.name,
      split,
      ...(scan.reports[0]?.version ? { version: scan.reports[0].version } : {}),
      files: fileProvenance(scan.reports),
      ...(fewshot ? { fewshot } : {}),
      ...(scan.generator ? { generator: scan.generator } : {}),
      suite_file_sha256: suite.sha256,
    },
  };
}
