import { describe, expect, it } from 'vitest';
import { MAD_SCALE, median, scaledMad, throughputDrift } from '../../src/nightly/throughput-drift.js';

describe('throughput drift (rolling median ± k·MAD)', () => {
  it('median and scaled MAD, hand-worked', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // [10, 12, 11, 30, 9]: median 11; |x − 11| = [1, 1, 0, 19, 2] → median 1 → MAD 1.4826.
    expect(scaledMad([10, 12, 11, 30, 9])).toBeCloseTo(MAD_SCALE, 12);
  });
  it('flags outside the band only; one freak night does not widen it', () => {
    const past = [10, 12, 11, 30, 9];
    // band = 11 ± 3·1.4826 = [6.5522, 15.4478]
    const slow = throughputDrift(6, past, 3);
    expect(slow.low).toBeCloseTo(11 - 3 * MAD_SCALE, 12);
    expect(slow.high).toBeCloseTo(11 + 3 * MAD_SCALE, 12);
    expect(slow.direction).toBe('slower');
    expect(throughputDrift(7, past, 3).direction).toBeNull();
    expect(throughputDrift(16, past, 3).direction).toBe('faster');
  });
  it('identical past values: a ±5 % band instead of a zero-width one', () => {
    expect(throughputDrift(96, [100, 100, 100], 3).direction).toBeNull();
    expect(throughputDrift(94, [100, 100, 100], 3).direction).toBe('slower');
  });
});
