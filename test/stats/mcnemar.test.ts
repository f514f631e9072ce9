import { describe, expect, it } from 'vitest';
import { discordantCounts, exactMcNemarP } from '../../src/stats/mcnemar.js';

// Hand-worked: p = min(1, 2 · Σ_{i ≤ min(b,c)} C(b+c, i) / 2^(b+c)).
describe('exact McNemar', () => {
  it('b=1, c=4: 2·(1+5)/32 = 0.375', () => expect(exactMcNemarP(1, 4)).toBeCloseTo(0.375, 12));
  it('b=0, c=5: 2·1/32 = 0.0625', () => expect(exactMcNemarP(0, 5)).toBeCloseTo(0.0625, 12));
  it('b=8, c=2: 2·(1+10+45)/1024 = 0.109375 (symmetric in b, c)', () => {
    expect(exactMcNemarP(8, 2)).toBeCloseTo(0.109375, 12);
    expect(exactMcNemarP(2, 8)).toBeCloseTo(0.109375, 12);
  });
  it('b=3, c=3: the doubled tail exceeds 1 and is capped', () => expect(exactMcNemarP(3, 3)).toBe(1));
  it('no discordant pairs: p = 1', () => expect(exactMcNemarP(0, 0)).toBe(1));
  it('b=0, c=10: 2/1024', () => expect(exactMcNemarP(0, 10)).toBeCloseTo(2 / 1024, 15));
  it('large tables stay finite (log-space sum)', () => {
    const p = exactMcNemarP(1000, 1100);
    expect(p).toBeGreaterThan(0.01);
    expect(p).toBeLessThan(0.05);
    expect(exactMcNemarP(5000, 5000)).toBe(1);
  });
  it('rejects negative or fractional counts', () => {
    expect(() => exactMcNemarP(-1, 2)).toThrow(RangeError);
    expect(() => exactMcNemarP(1.5, 2)).toThrow(RangeError);
  });
  it('counts discordant pairs', () => {
    expect(discordantCounts([1, 1, 0, 0, 1], [0, 1, 1, 0, 0])).toEqual({ gained: 2, lost: 1, n: 5 });
  });
});
