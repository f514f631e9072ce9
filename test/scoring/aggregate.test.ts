import { describe, expect, it } from 'vitest';
import { countOutcomes, summarizeMetric, summarizeSuite } from '../../src/scoring/aggregate.js';
import { accuracy } from '../../src/scoring/metrics/accuracy.js';
import { bleu } from '../../src/scoring/metrics/bleu.js';
import { pearson } from '../../src/scoring/metrics/pearson.js';
import type { ItemScore } from '../../src/scoring/types.js';

describe('summarizeMetric: mean metrics', () => {
  it('value = mean; stderr = sd(n−1)/√n', () => {
    // [1,0,1,1]: mean 0.75; squared deviations .0625+.5625+.0625+.0625 = .75; var = .75/3 = .25; sd .5; /√4
    const s = summarizeMetric(accuracy, [1, 0, 1, 1], { seed: 1 });
    expect(s.value).toBe(0.75);
    expect(s.stderr).toBeCloseTo(0.25, 12);
  });

  it('n < 2 → stderr 0; n = 0 → zeros', () => {
    expect(summarizeMetric(accuracy, [1], { seed: 1 })).toEqual({ value: 1, stderr: 0, ci95: [1, 1], n: 1 });
    expect(summarizeMetric(accuracy, [], { seed: 1 })).toEqual({ value: 0, stderr: 0, ci95: [0, 0], n: 0 });
  });

  it('bootstrap CI: deterministic per seed, contains the mean, inside [0, 1], differs across seeds', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0 : 1));
    const a = summarizeMetric(accuracy, values, { seed: 42 });
    const b = summarizeMetric(accuracy, values, { seed: 42 });
    const c = summarizeMetric(accuracy, values, { seed: 7 });
    expect(a).toEqual(b);
    expect(a.ci95).not.toEqual(c.ci95);
    expect(a.ci95[0]).toBeLessThan(a.value);
    expect(a.ci95[1]).toBeGreaterThan(a.value);
    expect(a.ci95[0]).toBeGreaterThanOrEqual(0);
    expect(a.ci95[1]).toBeLessThanOrEqual(1);
    // The percentile CI half-width should be near 1.96 · stderr (normal approximation).
    expect((a.ci95[1] - a.ci95[0]) / 2).toBeGreaterThan(1.5 * a.stderr);
    expect((a.ci95[1] - a.ci95[0]) / 2).toBeLessThan(2.5 * a.stderr);
  });
});

describe('summarizeMetric: corpus metrics', () => {
  it('identical predictions → BLEU 100 with a degenerate interval', () => {
    const perfect = [4, 4, 4, 3, 2, 1, 4, 3, 2, 1];
    const s = summarizeMetric(bleu, [perfect, perfect, perfect], { seed: 3 });
    expect(s.value).toBeCloseTo(100, 10);
    expect(s.stderr).toBeCloseTo(0, 10);
    expect(s.ci95[0]).toBeCloseTo(100, 10);
    expect(s.ci95[1]).toBeCloseTo(100, 10);
  });

  it('value = reduce(all); stderr = sd of replicates > 0 for noisy data; deterministic', () => {
    const stats = Array.from({ length: 100 }, (_, i) => [i % 5, (i % 5) + ((i * 7) % 3) - 1]);
    const s = summarizeMetric(pearson, stats, { seed: 9, resamples: 500 });
    expect(s.value).toBeCloseTo(pearson.reduce(stats), 12);
    expect(s.stderr).toBeGreaterThan(0);
    expect(s.ci95[0]).toBeLessThanOrEqual(s.value);
    expect(s.ci95[1]).toBeGreaterThanOrEqual(s.value);
    expect(summarizeMetric(pearson, stats, { seed: 9, resamples: 500 })).toEqual(s);
  });
});

describe('summarizeSuite / countOutcomes', () => {
  const score = (outcome: ItemScore['outcome'], values: Record<string, number | null>, stats: Record<string, number[]> = {}): ItemScore => ({
    outcome,
    values,
    stats,
    flags: [],
  });

  it('missing mean values count as 0 (denominators never shrink)', () => {
    const scores = [score('correct', { accuracy: 1 }), score('error', {}), score('correct', { accuracy: 1 }), score('incorrect', { accuracy: 0 })];
    const out = summarizeSuite({ metrics: ['accuracy'] }, scores, 1);
    expect(out['accuracy']?.value).toBe(0.5);
  });

  it('null mean values (not applicable) are left out of n; a metric with none has no summary', () => {
    const scores = [score('correct', { accuracy: 1, exact_match: null }), score('incorrect', { accuracy: null, exact_match: null }), score('incorrect', { accuracy: 0, exact_match: null })];
    const out = summarizeSuite({ metrics: ['accuracy', 'exact_match'] }, scores, 1);
    expect(out['accuracy']).toMatchObject({ value: 0.5, n: 2 });
    expect(out['exact_match']).toBeUndefined();
  });

  it('corpus metrics skip items without statistics instead of inventing them', () => {
    const perfect = [4, 4, 4, 3, 2, 1, 4, 3, 2, 1];
    const out = summarizeSuite({ metrics: ['bleu'] }, [score('correct', {}, { bleu: perfect }), score('error', {})], 1);
    expect(out['bleu']?.value).toBeCloseTo(100, 10);
  });

  // Its speed is measured in bench/aggregate.ts (`npm run bench`), not here: these machines are noisy.
  it('summarises 10k items with a mean and a corpus metric', () => {
    const scores = Array.from({ length: 10_000 }, (_, i) =>
      score(i % 2 ? 'correct' : 'incorrect', { accuracy: i % 2 }, { bleu: [5, 5, 3, 2, 1, 0, 5, 4, 3, 2] }),
    );
    const out = summarizeSuite({ metrics: ['accuracy', 'bleu'] }, scores, 1);
    expect(out['accuracy']?.value).toBe(0.5);
    expect(out['accuracy']?.ci95[0]).toBeLessThan(0.5);
  });

  it('countOutcomes has every bucket', () => {
    expect(countOutcomes([score('correct', {}), score('unscored', {}), score('correct', {})])).toEqual({
      correct: 2,
      incorrect: 0,
      not_attempted: 0,
      unscored: 1,
      error: 0,
    });
  });
});
