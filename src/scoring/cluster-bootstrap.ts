
/**
 * Intervals for items that share a template or scene (generated suites, scene-based suites). Such
 * items are not independent: resampling items as if they were makes intervals too narrow. Here the
 * unit of resampling is the cluster: each replicate draws as many clusters as there are, with
 * replacement, and takes all of their items.
 *
 * Mean metrics: value = mean over items (unchanged); stderr = the cluster-robust (CR1-style)
 * standard error of a mean, √(G/(G−1) · Σ_g (S_g − x̄·n_g)²) / n, where S_g and n_g are cluster g's
 * sum and size (0 when G < 2); ci95 = percentiles of the cluster-bootstrap means.
 * Corpus metrics: reduce over every drawn cluster's statistics; stderr = sd of the replicates.
 */

/** Items grouped by cluster key, in first-seen order (so the same inputs give the same groups). */
export function groupByCluster<T>(values: readonly T[], clusters: readonly (string | undefined)[]): T[][] {
  if (clusters.length !== values.length) throw new Error(`cluster keys (${clusters.length}) do not match items (${values.length})`);
  const groups = new Map<string, T[]>();
  values.forEach((v, i) => {
    // An item with no cluster key is its own cluster.
    const key = clusters[i] ?? `\u0000item${i}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(v);
  });
  return [...groups.values()];
}

/** Cluster-robust standard error of the mean of `groups`' values (see above). */
export function clusterRobustStderr(groups: readonly (readonly number[])[]): number {
  const g = groups.length;
  if (g < 2) return 0;
  let n = 0;
  let total = 0;
  for (const grp of groups) for (const v of grp) (n += 1), (total += v);
  const m = total / n;
  let ss = 0;
  for (const grp of groups) {
    let s = 0;
    for (const v of grp) s += v - m;
    ss += s * s;
  }
  return Math.sqrt((g / (g - 1)) * ss) / n;
}

/** Bootstrap replicates of a statistic over clusters: each draws G clusters with replacement. */
export function clusterReplicates<T>(groups: readonly (readonly T[])[], resamples: number, rng: () => number, statistic: (items: T[]) => number): number[] {
  const g = groups.length;
  const out = new Array<number>(resamples);
  const drawn: T[] = [];
  for (let r = 0; r < resamples; r++) {
    drawn.length = 0;
    for (let k = 0; k < g; k++) for (const v of groups[Math.floor(rng() * g)]!) drawn.push(v);
    out[r] = statistic(drawn);
  }
  return out;
}

