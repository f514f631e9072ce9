import { describe, expect, it } from 'vitest';
import { holmAdjust } from '../../src/stats/holm.js';

describe('Holm correction', () => {
  it('hand-worked: sorted 0.005·4, 0.01·3, 0.03·2, 0.04·1 with running max', () => {
    // 0.02, 0.03, 0.06, max(0.06, 0.04) = 0.06 — returned in input order.
    const adj = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((v, i) => expect(adj[i]).toBeCloseTo(v, 12));
  });
  it('caps at 1 and keeps a single test unchanged', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([0.2])).toEqual([0.2]);
  });
  it('NaN stays NaN and is not counted in m', () => {
    const adj = holmAdjust([0.01, Number.NaN, 0.02]);
    expect(adj[0]).toBeCloseTo(0.02, 12);
    expect(adj[1]).toBeNaN();
    expect(adj[2]).toBeCloseTo(0.02, 12);
  });
  it('empty family', () => expect(holmAdjust([])).toEqual([]));
});
