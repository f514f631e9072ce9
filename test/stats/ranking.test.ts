import { describe, expect, it } from 'vitest';
import { rankWithBounds } from '../../src/stats/ranking.js';
import { wilsonInterval } from '../../src/scoring/intervals.js';

describe('rank bounds and tie groups', () => {
  const sigPairs = (pairs: string[][]) => (a: string, b: string) => pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

  it('A .8, B .7, C .5; A–C and B–C significant: A, B tied at ranks 1–2, C alone at 3', () => {
    const r = rankWithBounds([{ id: 'C', score: 0.5 }, { id: 'A', score: 0.8 }, { id: 'B', score: 0.7 }], sigPairs([['A', 'C'], ['B', 'C']]));
    expect(r).toEqual([
      { id: 'A', score: 0.8, position: 1, rank_best: 1, rank_worst: 2, tie_group: 1 },
      { id: 'B', score: 0.7, position: 2, rank_best: 1, rank_worst: 2, tie_group: 1 },
      { id: 'C', score: 0.5, position: 3, rank_best: 3, rank_worst: 3, tie_group: 2 },
    ]);
  });
  it('a chain A>C significant only: B overlaps both (ranks 1–3), groups follow the leader', () => {
    const r = rankWithBounds([{ id: 'A', score: 0.9 }, { id: 'B', score: 0.6 }, { id: 'C', score: 0.3 }], sigPairs([['A', 'C']]));
    expect(r.map((x) => [x.id, x.rank_best, x.rank_worst, x.tie_group])).toEqual([
      ['A', 1, 2, 1],
      ['B', 1, 3, 1],
      ['C', 2, 3, 2],
    ]);
  });
  it('nothing significant: everyone ranks 1–n in one group; equal scores share a position', () => {
    const r = rankWithBounds([{ id: 'x', score: 0.5 }, { id: 'y', score: 0.5 }, { id: 'z', score: 0.1 }], () => false);
    expect(r.map((e) => [e.position, e.rank_best, e.rank_worst, e.tie_group])).toEqual([
      [1, 1, 3, 1],
      [1, 1, 3, 1],
      [3, 1, 3, 1],
    ]);
  });
});

describe('Wilson interval (shared with leaderboards)', () => {
  it('hand-worked 8 of 10: centre (0.8+z²/20)/(1+z²/10), half-width z·√(0.016+z²/400)/(1+z²/10)', () => {
    const z = 1.959963984540054;
    const d = 1 + (z * z) / 10;
    const centre = (0.8 + (z * z) / 20) / d;
    const half = (z * Math.sqrt(0.016 + (z * z) / 400)) / d;
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(centre - half, 12);
    expect(hi).toBeCloseTo(centre + half, 12);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
  });
});
