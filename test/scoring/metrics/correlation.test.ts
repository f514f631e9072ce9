import { describe, expect, it } from 'vitest';
import { pearson } from '../../../src/scoring/metrics/pearson.js';
import { spearman } from '../../../src/scoring/metrics/spearman.js';
import { makeItem, CTX } from '../helpers.js';

const pairs = (gold: number[], pred: number[]) => gold.map((g, i) => [g, pred[i] as number]);

describe('pearson / spearman', () => {
  it('gold [1,2,3,4] vs pred [1,3,2,4]: sxy = 4, sxx = syy = 5 → r = 0.8; no ties so rho = 0.8', () => {
    expect(pearson.reduce(pairs([1, 2, 3, 4], [1, 3, 2, 4]))).toBeCloseTo(0.8, 12);
    expect(spearman.reduce(pairs([1, 2, 3, 4], [1, 3, 2, 4]))).toBeCloseTo(0.8, 12);
  });

  it('monotone but not linear: gold [1,2,3] vs pred [1,2,10]: rho = 1; r = 9/√(2·438/9)', () => {
    // dx = [-1,0,1], dy = [-10/3,-7/3,17/3]: sxy = 9, sxx = 2, syy = 438/9
    expect(spearman.reduce(pairs([1, 2, 3], [1, 2, 10]))).toBeCloseTo(1, 12);
    expect(pearson.reduce(pairs([1, 2, 3], [1, 2, 10]))).toBeCloseTo(9 / Math.sqrt((2 * 438) / 9), 12);
  });

  it('ties get average ranks: gold [1,2,2,3] → ranks [1,2.5,2.5,4] vs [1,2,3,4]: 4.5/√(4.5·5)', () => {
    expect(spearman.reduce(pairs([1, 2, 2, 3], [1, 2, 3, 4]))).toBeCloseTo(4.5 / Math.sqrt(22.5), 12);
  });

  it('NaN (constant input, or a single item) → 0, as llm-jp-eval does', () => {
    expect(pearson.reduce(pairs([1, 2, 3], [2, 2, 2]))).toBe(0);
    expect(spearman.reduce(pairs([1, 2, 3], [2, 2, 2]))).toBe(0);
    expect(pearson.reduce(pairs([1], [1]))).toBe(0);
  });

  it('stats = [gold, predicted]; an unreadable prediction is −2 (llm-jp-eval parse_float)', async () => {
    const item = makeItem({ goldValue: 3.2 });
    expect(await pearson.stats({ prediction: '4.5', raw: '', item, predictedValue: 4.5 }, CTX)).toEqual([3.2, 4.5]);
    expect(await pearson.stats({ prediction: 'わかりません', raw: '', item }, CTX)).toEqual([3.2, -2]);
    expect(await spearman.stats({ prediction: null, raw: '', item }, CTX)).toEqual([3.2, -2]);
  });
});
