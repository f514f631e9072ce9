import { describe, expect, it } from 'vitest';
import { meanOf, pairedBootstrap } from '../../src/stats/paired-bootstrap.js';
import { percentileSorted } from '../../src/scoring/stats.js';
import { createRng } from '../../src/util/random.js';

describe('paired bootstrap', () => {
  it('a constant per-item difference: every replicate equals it, p = 1/(R+1)', () => {
    const b = [0.1, 0.4, 0.7, 0.2];
    const a = b.map((x) => x + 0.5);
    const r = pairedBootstrap(a, b, meanOf, { seed: 7, resamples: 99 });
    expect(r.difference).toBeCloseTo(0.5, 12);
    expect(r.ci95[0]).toBeCloseTo(0.5, 12);
    expect(r.ci95[1]).toBeCloseTo(0.5, 12);
    expect(r.p).toBeCloseTo(1 / 100, 12);
  });
  it('identical systems: difference 0, interval [0, 0], p = 1', () => {
    const a = [1, 0, 1, 1, 0];
    const r = pairedBootstrap(a, [...a], meanOf, { seed: 1, resamples: 50 });
    expect(r).toMatchObject({ difference: 0, ci95: [0, 0], p: 1 });
  });
  it('matches a hand-run of the same seeded draws (pairs share indices)', () => {
    // a − b per item = [1, 0, 0]; a replicate's difference is (#draws of item 0) / 3.
    const a = [1, 1, 0];
    const b = [0, 1, 0];
    const R = 20;
    const rng = createRng(42);
    const diffs: number[] = [];
    let extreme = 0;
    for (let r = 0; r < R; r++) {
      let hits = 0;
      for (let i = 0; i < 3; i++) if (Math.floor(rng() * 3) === 0) hits++;
      diffs.push(hits / 3);
      if (Math.abs(hits / 3 - 1 / 3) >= 1 / 3 - 1e-12) extreme++;
    }
    diffs.sort((x, y) => x - y);
    const res = pairedBootstrap(a, b, meanOf, { seed: 42, resamples: R });
    expect(res.difference).toBeCloseTo(1 / 3, 12);
    expect(res.ci95[0]).toBeCloseTo(percentileSorted(diffs, 0.025), 12);
    expect(res.ci95[1]).toBeCloseTo(percentileSorted(diffs, 0.975), 12);
    expect(res.p).toBeCloseTo((1 + extreme) / (1 + R), 12);
  });
  it('is reproducible from the seed and changes with it', () => {
    const a = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const b = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 1 : 0));
    const x = pairedBootstrap(a, b, meanOf, { seed: 5 });
    expect(pairedBootstrap(a, b, meanOf, { seed: 5 })).toEqual(x);
    expect(pairedBootstrap(a, b, meanOf, { seed: 6 }).ci95).not.toEqual(x.ci95);
    expect(x.resamples).toBe(1000);
  });
  it('a clear difference has a small p and an interval excluding 0', () => {
    const a = Array.from({ length: 60 }, () => 0.9);
    const b = Array.from({ length: 60 }, (_, i) => (i % 2 ? 0.2 : 0.5));
    const r = pairedBootstrap(a, b, meanOf, { seed: 3, resamples: 200 });
    expect(r.p).toBeLessThan(0.01);
    expect(r.ci95[0]).toBeGreaterThan(0);
  });
  it('takes a corpus statistic over sufficient statistics', () => {
    const sum = (rows: number[][]) => rows.reduce((s, r) => s + r[0]!, 0) / rows.reduce((s, r) => s + r[1]!, 0);
    const r = pairedBootstrap([[1, 2], [3, 4]], [[0, 2], [1, 4]], sum, { seed: 1, resamples: 10 });
    expect(r.difference).toBeCloseTo(4 / 6 - 1 / 6, 12);
  });
  it('rejects unpaired inputs; empty input gives NaN', () => {
    expect(() => pairedBootstrap([1], [1, 2], meanOf, { seed: 1 })).toThrow(RangeError);
    expect(pairedBootstrap([], [], meanOf, { seed: 1 }).difference).toBeNaN();
  });
});
