/**
 * Ranks that admit uncertainty. Given each model's score and which pairs differ significantly
 * (after Holm), a model's rank is a range, not a number:
 *   best rank  = 1 + #{models significantly better than it}
 *   worst rank = #models − #{models significantly worse than it}
 * (the "rank bounds" of e.g. Chatbot Arena's leaderboard, with pairwise tests in place of CIs).
 * Tie groups partition the models sorted by score: a group starts at its leader and takes every
 * following model not significantly worse than that leader. Models in one group are presented as
 * tied; models in different groups are separated by a significant difference.
 */
export interface RankInput {
  id: string;
  score: number;
}

export interface RankedEntry {
  id: string;
  score: number;
  /** Position by score (1-based; equal scores share the smaller position). */
  position: number;
  rank_best: number;
  rank_worst: number;
  /** 1-based tie group. */
  tie_group: number;
}

/** `significant(a, b)` is true when a and b differ significantly (symmetric); direction comes from scores. */
export function rankWithBounds(entries: readonly RankInput[], significant: (a: string, b: string) => boolean): RankedEntry[] {
  const sorted = [...entries].sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  const m = sorted.length;
  const out: RankedEntry[] = [];
  let group = 0;
  let leader: RankInput | undefined;
  sorted.forEach((e, i) => {
    let better = 0;
    let worse = 0;
    for (const other of sorted) {
      if (other.id === e.id || !significant(e.id, other.id)) continue;
      if (other.score > e.score) better++;
      else if (other.score < e.score) worse++;
    }
    if (!leader || (significant(leader.id, e.id) && leader.score > e.score)) {
      group++;
      leader = e;
    }
    const position = sorted.findIndex((s) => s.score === e.score) + 1;
    out.push({ id: e.id, score: e.score, position: i === 0 ? 1 : position, rank_best: 1 + better, rank_worst: m - worse, tie_group: group });
  });
  return out;
}
