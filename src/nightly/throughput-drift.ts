/**
 * Throughput drift: tonight's speed against a rolling median ± k·MAD of past comparable nights
 * (same model, suite, items and throughput class). MAD is scaled by 1.4826 so that k reads as
 * standard deviations for normal noise, yet one freak night does not widen the band as it would
 * widen a standard deviation.
 */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const MAD_SCALE = 1.4826;

/** Median absolute deviation from the median, scaled to estimate σ. */
export function scaledMad(xs: readonly number[]): number {
  const m = median(xs);
  return MAD_SCALE * median(xs.map((x) => Math.abs(x - m)));
}

/** With identical past values MAD is 0; a band of ±5 % of the median is then used instead. */
export const MIN_RELATIVE_BAND = 0.05;

export interface DriftCheck {
  value: number;
  median: number;
  mad: number;
  low: number;
  high: number;
  points: number;
  direction: 'slower' | 'faster' | null;
}

export function throughputDrift(value: number, past: readonly number[], k: number): DriftCheck {
  const m = median(past);
  const mad = scaledMad(past);
  const half = Math.max(k * mad, MIN_RELATIVE_BAND * Math.abs(m));
  const low = m - half;
  const high = m + half;
  return { value, median: m, mad, low, high, points: past.length, direction: value < low ? 'slower' : value > high ? 'faster' : null };
}
