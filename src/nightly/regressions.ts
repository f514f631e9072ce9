import type { ItemValues } from '../leaderboard/collect.js';
import { comparePair } from '../leaderboard/pairwise.js';
import type { PairedTest } from '../leaderboard/types.js';
import { holmAdjust } from '../stats/holm.js';

/** A model × suite tonight against its baseline night: the paired test is current vs baseline. */
export interface QualityComparison extends PairedTest {
  model: string;
  suite: string;
  metric: string;
  current_run: string;
  baseline_run: string;
  current: number | null;
  baseline: number | null;
  regression: boolean;
  improvement: boolean;
}

export interface PairToCompare {
  model: string;
  suite: string;
  metric: string;
  currentRun: string;
  baselineRun: string;
  current: { value: number | null; items: ItemValues };
  baseline: { value: number | null; items: ItemValues };
}

export interface RegressionPolicy {
  alpha: number;
  margin: number;
  lower_is_better: string[];
  seed: number;
}

/**
 * Tonight against the last comparable night, per model and suite: a paired test on the items both
 * runs scored (exact McNemar for binary metrics, paired bootstrap otherwise), Holm-corrected over
 * every comparison of the night. A regression needs BOTH a Holm-adjusted p below alpha AND a drop
 * larger than the practical margin — significance alone flags trivia on big suites, a margin
 * alone flags noise on small ones.
 */
export function compareWithBaselines(pairs: PairToCompare[], policy: RegressionPolicy): QualityComparison[] {
  const raw = pairs.flatMap((p) => {
    const r = comparePair('current', p.current.items, 'baseline', p.baseline.items, p.metric, policy.seed);
    return r ? [{ p, r }] : [];
  });
  const adjusted = holmAdjust(raw.map((x) => x.r.p));
  return raw.map(({ p, r }, i) => {
    const pHolm = adjusted[i]!;
    const worse = policy.lower_is_better.includes(p.metric) ? r.difference : -r.difference;
    const significant = pHolm < policy.alpha;
    return {
      model: p.model,
      suite: p.suite,
      metric: p.metric,
      current_run: p.currentRun,
      baseline_run: p.baselineRun,
      current: p.current.value,
      baseline: p.baseline.value,
      difference: r.difference,
      ci95: r.ci95,
      p: r.p,
      p_holm: pHolm,
      test: r.test,
      n: r.n,
      gained: r.gained,
      lost: r.lost,
      lost_items: r.lost_items.slice(0, 50),
      regression: significant && worse > policy.margin,
      improvement: significant && -worse > policy.margin,
    };
  });
}
