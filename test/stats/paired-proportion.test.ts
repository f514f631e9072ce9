import { describe, expect, it } from 'vitest';
import { pairedProportionInterval } from '../../src/stats/paired-proportion.js';

describe('Agresti–Min interval for paired proportions', () => {
  it('hand-worked b=5, c=0, n=10: d′ = 5/12, se = √(6 − 25/12)/12', () => {
    const z = 1.959963984540054;
    const se = Math.sqrt(6 - 25 / 12) / 12;
    const [lo, hi] = pairedProportionInterval(5, 0, 10);
    expect(lo).toBeCloseTo(5 / 12 - z * se, 12);
    expect(hi).toBeCloseTo(5 / 12 + z * se, 12);
    expect(lo).toBeCloseTo(0.0934, 4);
    expect(hi).toBeCloseTo(0.7399, 4);
  });
  it('symmetric around 0 when b = c, and never collapses to a point', () => {
    const [lo, hi] = pairedProportionInterval(0, 0, 20);
    expect(lo).toBeCloseTo(-hi, 12);
    expect(hi).toBeGreaterThan(0);
  });
  it('clipped to [−1, 1]; rejects impossible tables', () => {
    const [lo, hi] = pairedProportionInterval(3, 0, 3);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeGreaterThan(-1);
    expect(() => pairedProportionInterval(5, 6, 10)).toThrow(RangeError);
  });
});
