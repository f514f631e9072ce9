import { describe, expect, it } from 'vitest';
import { exactMcNemarP as mcnemarExactP } from '../../src/stats/mcnemar.js';

describe('exact McNemar test', () => {
  it('matches hand-computed binomial tails', () => {
    expect(mcnemarExactP(0, 5)).toBeCloseTo(2 / 32, 12); // 2·(½)^5
    expect(mcnemarExactP(1, 9)).toBeCloseTo((2 * 11) / 1024, 12); // 2·(C(10,0)+C(10,1))/2^10
    expect(mcnemarExactP(9, 1)).toBeCloseTo((2 * 11) / 1024, 12);
    expect(mcnemarExactP(2, 3)).toBeCloseTo(1, 12); // 2·(1+5+10)/32 = 1
    expect(mcnemarExactP(3, 3)).toBe(1); // 2·(42/64) > 1, capped
    expect(mcnemarExactP(0, 0)).toBe(1);
  });

  it('stays finite for large counts', () => {
    const p = mcnemarExactP(5000, 5300);
    expect(p).toBeGreaterThan(0.001);
    expect(p).toBeLessThan(0.01); // z ≈ 2.96 → two-sided ≈ 0.0033
    expect(mcnemarExactP(0, 2000)).toBeGreaterThanOrEqual(0);
  });

  it('rejects impossible counts', () => {
    expect(() => mcnemarExactP(-1, 2)).toThrow(RangeError);
  });
});
