import { Z95 } from '../scoring/intervals.js';

/**
 * 95 % interval for the difference of two paired proportions (model A right rate − model B right
 * rate on the same items) from the discordant counts: Agresti & Min (2005)'s adjusted Wald
 * interval, which adds ½ to each of the four cells of the 2×2 table and then uses the paired
 * Wald formula:
 *   n' = n + 2,  b' = b + ½,  c' = c + ½,  d' = (b' − c') / n'
 *   se = √(b' + c' − (b' − c')² / n') / n',   interval = d' ± z · se, clipped to [−1, 1].
 * It keeps good coverage near 0 and ±1 where the plain Wald interval collapses, and costs O(1) —
 * the leaderboard computes one per model pair and suite. (b = A right, B wrong; c = the reverse.)
 */
export function pairedProportionInterval(b: number, c: number, n: number, z: number = Z95): [number, number] {
  if (!(n >= b + c) || b < 0 || c < 0) throw new RangeError(`pairedProportionInterval: need b + c ≤ n, got ${b}, ${c}, ${n}`);
  const n2 = n + 2;
  const b2 = b + 0.5;
  const c2 = c + 0.5;
  const d = (b2 - c2) / n2;
  const se = Math.sqrt(Math.max(0, b2 + c2 - ((b2 - c2) * (b2 - c2)) / n2)) / n2;
  return [Math.max(-1, d - z * se), Math.min(1, d + z * se)];
}
