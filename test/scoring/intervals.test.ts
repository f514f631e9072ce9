import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/scoring/intervals.js';

describe('wilsonInterval', () => {
  it('matches hand-worked values', () => {
    // 8 of 10, z = 1.96: centre (0.8 + 0.19208)/1.38416 = 0.716695…, half 0.2422…/… → [0.4902, 0.9433]
    const [lo, hi] = wilsonInterval(8, 10, 1.96);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
  });
  it('is exact at the boundaries and never leaves [0, 1]', () => {
    const [lo0, hi0] = wilsonInterval(0, 20);
    expect(lo0).toBe(0);
    expect(hi0).toBeCloseTo(0.1611, 4); // z²/(n+z²) = 3.8415/23.8415
    const [loN, hiN] = wilsonInterval(20, 20);
    expect(hiN).toBe(1);
    expect(loN).toBeCloseTo(1 - 0.1611, 4);
  });
  it('is the whole range for n = 0 and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});
