import { metrics } from '../scoring/metrics/index.js';
import { exactMcNemarP } from '../stats/mcnemar.js';
import { pairedProportionInterval } from '../stats/paired-proportion.js';
import { holmAdjust } from '../stats/holm.js';
import { pairedBootstrap, pairedBootstrapMeanDiff } from '../stats/paired-bootstrap.js';
import { rankWithBounds } from '../stats/ranking.js';
import { hashString } from '../util/random.js';
import type { ItemValues } from './collect.js';
import type { PairwiseResult, RankRow } from './types.js';

export const ALPHA = 0.05;
const BOOTSTRAP_RESAMPLES = 1000;

/** Items both entries scored (ids in the first entry's order). */
function pairedItems(a: ItemValues, b: ItemValues, corpus: boolean): string[] {
  const ids: string[] = [];
  for (const [id, v] of a.values) {
    if (corpus ? a.stats.has(id) && b.stats.has(id) : v !== null && b.values.get(id) != null) ids.push(id);
  }
  return ids;
}

/**
 * One paired comparison of two entries on a suite's primary metric. Binary metrics (every paired
 * value 0 or 1): exact McNemar p and the Agresti–Min paired interval, both from the discordant
 * counts. Otherwise a seeded paired bootstrap of the mean difference (or of the corpus metric's
 * reduce over sufficient statistics): percentile interval and shifted-null p.
 */
export function comparePair(aId: string, a: ItemValues, bId: string, b: ItemValues, metricName: string, seed: number): Omit<PairwiseResult, 'p_holm'> | undefined {
  const metric = metrics.has(metricName) ? metrics.get(metricName) : undefined;
  const corpus = metric?.kind === 'corpus';
  const ids = pairedItems(a, b, corpus);
  if (ids.length === 0) return undefined;
  const pairSeed = (seed ^ hashString(`${aId}|${bId}|${metricName}`)) >>> 0;
  if (corpus) {
    const sa = ids.map((id) => a.stats.get(id)!);
    const sb = ids.map((id) => b.stats.get(id)!);
    const boot = pairedBootstrap(sa, sb, (rows) => metric.reduce(rows), { seed: pairSeed, resamples: BOOTSTRAP_RESAMPLES });
    return { a: aId, b: bId, difference: boot.difference, ci95: boot.ci95, p: boot.p, test: 'paired_bootstrap', n: ids.length, gained: 0, lost: 0, gained_items: [], lost_items: [] };
  }
  const va = ids.map((id) => a.values.get(id)!);
  const vb = ids.map((id) => b.values.get(id)!);
  const gainedItems: string[] = [];
  const lostItems: string[] = [];
  ids.forEach((id, i) => {
    if (va[i]! > vb[i]!) gainedItems.push(id);
    else if (va[i]! < vb[i]!) lostItems.push(id);
  });
  const binary = va.every((v) => v === 0 || v === 1) && vb.every((v) => v === 0 || v === 1);
  if (binary) {
    return {
      a: aId,
      b: bId,
      difference: (gainedItems.length - lostItems.length) / ids.length,
      ci95: pairedProportionInterval(gainedItems.length, lostItems.length, ids.length),
      p: exactMcNemarP(gainedItems.length, lostItems.length),
      test: 'mcnemar',
      n: ids.length,
      gained: gainedItems.length,
      lost: lostItems.length,
      gained_items: gainedItems,
      lost_items: lostItems,
    };
  }
  const boot = pairedBootstrapMeanDiff(Float64Array.from(va, (x, i) => x - vb[i]!), { seed: pairSeed, resamples: BOOTSTRAP_RESAMPLES });
  return {
    a: aId,
    b: bId,
    difference: boot.difference,
    ci95: boot.ci95,
    p: boot.p,
    test: 'paired_bootstrap',
    n: ids.length,
    gained: gainedItems.length,
    lost: lostItems.length,
    gained_items: gainedItems,
    lost_items: lostItems,
  };
}

/** All pairs within one comparability group, Holm-corrected together, plus rank bounds and tie groups. */
export function compareGroup(members: { id: string; items: ItemValues; score: number | null }[], metricName: string, seed: number): { pairwise: PairwiseResult[]; ranking: RankRow[] } {
  const raw: Omit<PairwiseResult, 'p_holm'>[] = [];
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const r = comparePair(members[i]!.id, members[i]!.items, members[j]!.id, members[j]!.items, metricName, seed);
      if (r) raw.push(r);
    }
  }
  const adjusted = holmAdjust(raw.map((r) => r.p));
  const pairwise = raw.map((r, i) => ({ ...r, p_holm: adjusted[i]! }));
  const sig = new Set(pairwise.filter((r) => r.p_holm < ALPHA).map((r) => `${r.a}|${r.b}`));
  const ranked = rankWithBounds(
    members.filter((m) => m.score !== null).map((m) => ({ id: m.id, score: m.score! })),
    (x, y) => sig.has(`${x}|${y}`) || sig.has(`${y}|${x}`),
  );
  return { pairwise, ranking: ranked.map((r) => ({ entry: r.id, score: r.score, position: r.position, rank_best: r.rank_best, rank_worst: r.rank_worst, tie_group: r.tie_group })) };
}
