import type { SuiteDefinition } from '../suites/schema.js';
import { createRng, hashString } from '../util/random.js';
import { metrics } from './metrics/index.js';
import { clusterReplicates, clusterRobustStderr, groupByCluster } from './cluster-bootstrap.js';
import { mean, percentileSorted, sampleSd } from './stats.js';
import type { ItemScore, Metric, MetricSummary, Outcome } from './types.js';

/** Bootstrap resamples used when the caller does not say. */
export const DEFAULT_RESAMPLES = 1000;

export interface SummaryOptions {
  seed: number;
  resamples?: number;
  /**
   * Cluster key per item (aligned with `perItem`): when given, intervals resample whole clusters
   * (scoring/cluster-bootstrap.ts). Items without a key are clusters of one.
   */
  clusters?: readonly (string | undefined)[];
}

function percentileInterval(replicates: number[]): [number, number] {
  const sorted = Float64Array.from(replicates).sort();
  const arr = Array.from(sorted);
  return [percentileSorted(arr, 0.025), percentileSorted(arr, 0.975)];
}

/**
 * A suite-level figure with its uncertainty.
 * Mean metrics: value = mean of per-item values; stderr = sample sd / √n (n − 1 denominator, 0 for
 * n < 2); ci95 = 2.5th/97.5th percentiles (linear interpolation) of the means of `resamples`
 * bootstrap resamples of the items.
 * Corpus metrics: value = reduce(all item statistics); stderr = sd of the bootstrap replicates;
 * ci95 = their percentiles. Resampling reuses the precomputed statistics (no re-tokenising).
 * The PRNG is seeded, so the same inputs and seed give the same interval. No items → all zeros.
 */
export function summarizeMetric(
  metric: Metric,
  perItem: number[] | number[][],
  opts: SummaryOptions,
): MetricSummary {
  const n = perItem.length;
  if (n === 0) return { value: 0, stderr: 0, ci95: [0, 0] };
  const resamples = opts.resamples ?? DEFAULT_RESAMPLES;
  const rng = createRng(opts.seed);
  if (opts.clusters && opts.clusters.some((c) => c !== undefined)) return summarizeClustered(metric, perItem, opts.clusters, resamples, rng);
  const replicates = new Array<number>(resamples);

  if (metric.kind === 'mean') {
    const values = perItem as number[];
    const value = mean(values);
    for (let r = 0; r < resamples; r++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += values[Math.floor(rng() * n)] as number;
      replicates[r] = sum / n;
    }
    return { value, stderr: sampleSd(values) / Math.sqrt(n), ci95: percentileInterval(replicates) };
  }

  const stats = perItem as number[][];
  const value = metric.reduce(stats);
  const sample = new Array<number[]>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = stats[Math.floor(rng() * n)] as number[];
    replicates[r] = metric.reduce(sample);
  }
  return { value, stderr: sampleSd(replicates), ci95: percentileInterval(replicates) };
}

function summarizeClustered(metric: Metric, perItem: number[] | number[][], clusters: readonly (string | undefined)[], resamples: number, rng: () => number): MetricSummary {
  if (metric.kind === 'mean') {
    const groups = groupByCluster(perItem as number[], clusters);
    const replicates = clusterReplicates(groups, resamples, rng, mean);
    return { value: mean(perItem as number[]), stderr: clusterRobustStderr(groups), ci95: percentileInterval(replicates) };
  }
  const groups = groupByCluster(perItem as number[][], clusters);
  const replicates = clusterReplicates(groups, resamples, rng, (stats) => metric.reduce(stats));
  return { value: metric.reduce(perItem as number[][]), stderr: sampleSd(replicates), ci95: percentileInterval(replicates) };
}

/**
 * Summaries of every metric of a suite. A missing mean value counts as 0 (denominators never
 * shrink); items without statistics for a corpus metric (e.g. `error` items that were never
 * scored) are left out of it. Each metric's bootstrap is seeded from `seed` and its name.
 */
export function summarizeSuite(
  suite: Pick<SuiteDefinition, 'metrics'>,
  scores: readonly ItemScore[],
  seed: number,
  resamples?: number,
  clusters?: readonly (string | undefined)[],
): Record<string, MetricSummary> {
  const out: Record<string, MetricSummary> = {};
  for (const name of suite.metrics) {
    const metric = metrics.get(name);
    const opts: SummaryOptions = { seed: (seed ^ hashString(name)) >>> 0 };
    if (resamples !== undefined) opts.resamples = resamples;
    if (metric.kind === 'mean') {
      if (clusters) opts.clusters = clusters;
      out[name] = summarizeMetric(metric, scores.map((s) => s.values[name] ?? 0), opts);
    } else {
      const kept = scores.flatMap((s, i) => (s.stats[name] ? [i] : []));
      if (clusters) opts.clusters = kept.map((i) => clusters[i]);
      out[name] = summarizeMetric(metric, kept.map((i) => scores[i]!.stats[name]!), opts);
    }
  }
  return out;
}

const OUTCOMES: readonly Outcome[] = ['correct', 'incorrect', 'not_attempted', 'unscored', 'error'];

/** How many items fell in each outcome bucket (every bucket present, possibly 0). */
export function countOutcomes(scores: readonly Pick<ItemScore, 'outcome'>[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  for (const s of scores) counts[s.outcome] += 1;
  return counts;
}
