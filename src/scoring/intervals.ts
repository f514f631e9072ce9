/**
 * Confidence intervals for proportions. Shared by hallucination rates, leaderboards and nightly
 * regression checks, so that every rate jpeval prints comes with the same interval.
 */

/** Two-sided 95 % standard-normal quantile (Φ⁻¹(0.975)). */
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `n` (Wilson 1927). Unlike the Wald interval it stays
 * inside [0, 1] and is sensible at 0 and n successes and for small n. For n = 0 the rate is
 * undefined and the interval is the whole range [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z: number = Z95): [number, number] {
  if (!Number.isFinite(successes) || !Number.isFinite(n) || n < 0 || successes < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need 0 ≤ successes ≤ n, got ${successes} of ${n}`);
  }
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Exact endpoints at the boundaries (floating error would otherwise give 1e-17 instead of 0).
  const lo = successes === 0 ? 0 : Math.max(0, centre - half);
  const hi = successes === n ? 1 : Math.min(1, centre + half);
  return [lo, hi];
}
