import { percentileSorted } from '../scoring/stats.js';
import { createRng } from '../util/random.js';

export interface PairedBootstrapResult {
  /** statistic(a) − statistic(b) on all items. */
  difference: number;
  /** Percentile 95 % interval of the resampled differences. */
  ci95: [number, number];
  /** Two-sided p-value for "no difference" (see below). */
  p: number;
  resamples: number;
}

export interface PairedBootstrapOptions {
  seed: number;
  resamples?: number;
}

/**
 * Paired bootstrap of a difference between two systems scored on the same items (Koehn 2004;
 * Efron & Tibshirani ch. 16): each replicate draws n item indices with replacement — the SAME
 * indices for both systems, which is what makes it paired — and recomputes the statistic of each.
 * The interval is the 2.5th/97.5th percentiles of the replicate differences (linear interpolation).
 * The p-value uses the shifted null distribution: p = (1 + #{r : |d*_r − d| ≥ |d|}) / (1 + R), i.e.
 * how often a difference at least as large as the observed one arises when the replicates are
 * centred on zero; the +1s keep it strictly positive. Seeded (util/random), so reproducible.
 *
 * `statistic` receives the resampled rows of one system: per-item values for mean metrics (the
 * default is their mean) or per-item sufficient statistics for corpus metrics (pass its reduce).
 */
export function pairedBootstrap<T>(
  a: readonly T[],
  b: readonly T[],
  statistic: (rows: T[]) => number,
  opts: PairedBootstrapOptions,
): PairedBootstrapResult {
  if (a.length !== b.length) throw new RangeError('pairedBootstrap: paired vectors differ in length');
  const n = a.length;
  const resamples = opts.resamples ?? 1000;
  if (n === 0) return { difference: Number.NaN, ci95: [Number.NaN, Number.NaN], p: Number.NaN, resamples };
  const difference = statistic([...a]) - statistic([...b]);
  const rng = createRng(opts.seed);
  const diffs = new Float64Array(resamples);
  const ra = new Array<T>(n);
  const rb = new Array<T>(n);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng() * n);
      ra[i] = a[j] as T;
      rb[i] = b[j] as T;
    }
    const d = statistic(ra) - statistic(rb);
    diffs[r] = d;
    // Tolerance: floating sums of the same multiset in another order differ in the last bits.
    if (Math.abs(d - difference) >= Math.abs(difference) - 1e-12) extreme++;
  }
  const sorted = Array.from(diffs.sort());
  return {
    difference,
    ci95: [percentileSorted(sorted, 0.025), percentileSorted(sorted, 0.975)],
    p: (1 + extreme) / (1 + resamples),
    resamples,
  };
}

export const meanOf = (xs: readonly number[]): number => {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : Number.NaN;
};

/**
 * The paired bootstrap of a difference of MEANS, from the per-item differences d_i = a_i − b_i
 * (mean(a*) − mean(b*) = mean(d*) for shared indices): the same draws, result and p-value as
 * `pairedBootstrap(a, b, meanOf, …)` up to rounding, without building resampled rows — the
 * leaderboard runs one per model pair and suite.
 */
export function pairedBootstrapMeanDiff(diffs: ArrayLike<number>, opts: PairedBootstrapOptions): PairedBootstrapResult {
  const n = diffs.length;
  const resamples = opts.resamples ?? 1000;
  if (n === 0) return { difference: Number.NaN, ci95: [Number.NaN, Number.NaN], p: Number.NaN, resamples };
  let total = 0;
  for (let i = 0; i < n; i++) total += diffs[i]!;
  const difference = total / n;
  const rng = createRng(opts.seed);
  const reps = new Float64Array(resamples);
  let extreme = 0;
  for (let r = 0; r < resamples; r++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += diffs[Math.floor(rng() * n)]!;
    const d = s / n;
    reps[r] = d;
    if (Math.abs(d - difference) >= Math.abs(difference) - 1e-12) extreme++;
  }
  const sorted = Array.from(reps.sort());
  return { difference, ci95: [percentileSorted(sorted, 0.025), percentileSorted(sorted, 0.975)], p: (1 + extreme) / (1 + resamples), resamples };
}
