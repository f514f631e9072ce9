import { metrics } from '../scoring/metrics/index.js';
import { categoryGroup } from '../suites/categories.js';
import { holmAdjust } from '../stats/holm.js';
import { rankWithBounds } from '../stats/ranking.js';
import { percentileSorted } from '../scoring/stats.js';
import { createRng, hashString } from '../util/random.js';
import type { ItemValues } from './collect.js';
import { ALPHA } from './pairwise.js';
import type { PairwiseResult, RankRow, SuiteInfo } from './types.js';

const RESAMPLES = 1000;

/**
 * Rank bounds for the overall score (mean of category means of suite headline values). The
 * overall score is no per-item metric, so the pairwise test is a stratified paired bootstrap: each
 * replicate redraws every suite's items (the same indices for every model) and recomputes every
 * model's overall score; differences, intervals and p-values (shifted null, as in
 * stats/paired-bootstrap) come from those replicates, Holm-corrected over all pairs.
 */
export function overallComparisons(
  members: { id: string; perSuite: Map<string, ItemValues> }[],
  suites: SuiteInfo[],
  seed: number,
): { pairwise: PairwiseResult[]; ranking: RankRow[] } {
  if (members.length === 0) return { pairwise: [], ranking: [] };
  // Only categories that count toward OVERALL (suites/_categories.yaml), as in a run's summary.
  const plan = suites.filter((s) => categoryGroup(s.category).overall).flatMap((s) => {
    const metric = metrics.has(s.primary_metric) ? metrics.get(s.primary_metric) : undefined;
    const corpus = metric?.kind === 'corpus';
    const first = members[0]!.perSuite.get(s.name);
    if (!first) return [];
    const ids = [...first.values.keys()].filter((id) => members.every((m) => (corpus ? m.perSuite.get(s.name)?.stats.has(id) : m.perSuite.get(s.name)?.values.get(id) != null)));
    if (!ids.length) return [];
    const scale = metric?.range?.[1] === 100 ? 0.01 : 1;
    return [{ suite: s, ids, corpus, metric, scale }];
  });
  const categories = [...new Set(plan.map((p) => p.suite.category))];
  const catIndex = plan.map((p) => categories.indexOf(p.suite.category));
  // A suite's weight in its category: 1 (mean) or its number of items (weighted).
  const weight = plan.map((p) => (categoryGroup(p.suite.category).average === 'weighted' ? p.ids.length : 1));
  const suitesPerCat = categories.map((_, c) => catIndex.reduce((s, x, pi) => s + (x === c ? weight[pi]! : 0), 0));
  // Per-item values as typed arrays in a fixed item order: the resampling loop does no lookups.
  const values = plan.map((p) => members.map((m) => Float64Array.from(p.ids, (id) => m.perSuite.get(p.suite.name)!.values.get(id) ?? 0)));
  const stats = plan.map((p) => (p.corpus ? members.map((m) => p.ids.map((id) => m.perSuite.get(p.suite.name)!.stats.get(id)!)) : undefined));
  const overallFor = (pick: (n: number) => Uint32Array | null): number[] => {
    const catSums = members.map(() => new Float64Array(categories.length));
    plan.forEach((p, pi) => {
      const idx = pick(p.ids.length);
      const n = p.ids.length;
      members.forEach((_, mi) => {
        let v: number;
        if (p.corpus && p.metric?.kind === 'corpus') {
          const rows = stats[pi]![mi]!;
          v = p.metric.reduce(idx ? Array.from(idx, (i) => rows[i]!) : rows);
        } else {
          const arr = values[pi]![mi]!;
          let s = 0;
          if (idx) for (let k = 0; k < n; k++) s += arr[idx[k]!]!;
          else for (let k = 0; k < n; k++) s += arr[k]!;
          v = s / n;
        }
        catSums[mi]![catIndex[pi]!]! += v * p.scale * weight[pi]!;
      });
    });
    return catSums.map((sums) => categories.reduce((a, _, c) => a + sums[c]! / suitesPerCat[c]!, 0) / categories.length);
  };
  const observed = overallFor(() => null);
  const rng = createRng((seed ^ hashString('overall')) >>> 0);
  const replicates = Array.from({ length: RESAMPLES }, () =>
    overallFor((n) => {
      const idx = new Uint32Array(n);
      for (let k = 0; k < n; k++) idx[k] = Math.floor(rng() * n);
      return idx;
    }),
  );
  const raw: Omit<PairwiseResult, 'p_holm'>[] = [];
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const d = observed[a]! - observed[b]!;
      const diffs = replicates.map((r) => r[a]! - r[b]!).sort((x, y) => x - y);
      const extreme = diffs.filter((x) => Math.abs(x - d) >= Math.abs(d) - 1e-12).length;
      raw.push({ a: members[a]!.id, b: members[b]!.id, difference: d, ci95: [percentileSorted(diffs, 0.025), percentileSorted(diffs, 0.975)], p: (1 + extreme) / (1 + RESAMPLES), test: 'paired_bootstrap', n: plan.reduce((s, p) => s + p.ids.length, 0), gained: 0, lost: 0, gained_items: [], lost_items: [] });
    }
  }
  const adjusted = holmAdjust(raw.map((r) => r.p));
  const pairwise = raw.map((r, i) => ({ ...r, p_holm: adjusted[i]! }));
  const sig = new Set(pairwise.filter((p) => p.p_holm < ALPHA).map((p) => `${p.a}|${p.b}`));
  const ranking = rankWithBounds(members.map((m, i) => ({ id: m.id, score: observed[i]! })), (x, y) => sig.has(`${x}|${y}`) || sig.has(`${y}|${x}`));
  return { pairwise, ranking: ranking.map((r) => ({ entry: r.id, score: r.score, position: r.position, rank_best: r.rank_best, rank_worst: r.rank_worst, tie_group: r.tie_group })) };
}
