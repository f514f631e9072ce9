import { describe, expect, it } from 'vitest';
import { summarizeMetric, summarizeSuite } from '../../src/scoring/aggregate.js';
import { clusterRobustStderr, groupByCluster } from '../../src/scoring/cluster-bootstrap.js';
import { accuracy } from '../../src/scoring/metrics/accuracy.js';
import type { ItemScore } from '../../src/scoring/types.js';

describe('cluster bootstrap', () => {
  it('groups by key in first-seen order; keyless items are their own clusters', () => {
    expect(groupByCluster([1, 2, 3, 4, 5], ['a', 'b', 'a', undefined, undefined])).toEqual([[1, 3], [2], [4], [5]]);
    expect(() => groupByCluster([1], [])).toThrow(/do not match/);
  });

  it('cluster-robust stderr by hand', () => {
    // groups [1,1] [0,0] [1,0]: n = 6, mean = 0.5; residual sums: +1, −1, 0 → Σ = 2; G/(G−1) = 1.5 → √3 / 6
    expect(clusterRobustStderr([[1, 1], [0, 0], [1, 0]])).toBeCloseTo(Math.sqrt(3) / 6, 12);
    expect(clusterRobustStderr([[1, 0, 1]])).toBe(0);
    // singleton clusters reduce to the usual sd/√n up to the (n−1)/n vs G/(G−1) factor: [1,0,1,1]
    // residuals .25,−.75,.25,.25 → Σ² = .75; ·4/3 = 1; √1 / 4 = .25 (= sample sd .5 / √4)
    expect(clusterRobustStderr([[1], [0], [1], [1]])).toBeCloseTo(0.25, 12);
  });

  it('perfectly correlated clusters widen the interval versus the item bootstrap', () => {
    // 10 scenes of 10 items each, every item of a scene scored alike: the information is 10 draws, not 100.
    const values = Array.from({ length: 100 }, (_, i) => (Math.floor(i / 10) % 2 === 0 ? 1 : 0));
    const clusters = values.map((_, i) => `scene${Math.floor(i / 10)}`);
    const plain = summarizeMetric(accuracy, values, { seed: 5 });
    const clustered = summarizeMetric(accuracy, values, { seed: 5, clusters });
    expect(clustered.value).toBe(plain.value);
    expect(clustered.stderr).toBeGreaterThan(2.5 * plain.stderr);
    expect(clustered.ci95[1] - clustered.ci95[0]).toBeGreaterThan(2 * (plain.ci95[1] - plain.ci95[0]));
    expect(summarizeMetric(accuracy, values, { seed: 5, clusters })).toEqual(clustered); // seeded
  });

  it('summarizeSuite aligns clusters with the items that carry corpus statistics', () => {
    const score = (v: number, stats?: number[]): ItemScore => ({ outcome: 'correct', values: { accuracy: v }, stats: stats ? { bleu: stats } : {}, flags: [] });
    const perfect = [4, 4, 4, 3, 2, 1, 4, 3, 2, 1];
    const scores = [score(1, perfect), score(0), score(1, perfect)];
    const out = summarizeSuite({ metrics: ['accuracy', 'bleu'] }, scores, 1, 50, ['a', 'b', 'a']);
    expect(out.accuracy!.value).toBeCloseTo(2 / 3, 12);
    expect(out.bleu!.value).toBeCloseTo(100, 9);
    expect(out.bleu!.ci95).toEqual([expect.closeTo(100, 9), expect.closeTo(100, 9)]);
  });
});
