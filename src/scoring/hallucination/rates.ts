import { wilsonInterval, Z95 } from '../intervals.js';

/**
 * Suite-level hallucination rates from the three-way grades. With C correct, I incorrect, A not
 * attempted and U unscored answers (n = C + I + A + U; failed requests are not graded):
 *  - attempted share = (C + I) / n
 *  - hallucination rate when attempting = I / (C + I)
 *  - abstention rate = A / n
 *  - unscored share = U / n
 *  - penalised score = (C − t/(1−t) · I) / n with t = 0.75, i.e. +1 per correct, −3 per incorrect,
 *    0 per abstention (and per unscored answer): guessing at confidence below t loses points in
 *    expectation, and abstaining earns nothing.
 * Proportions carry Wilson 95 % intervals; the penalised score, a mean of per-item values in
 * {1, 0, −3}, carries a normal-approximation interval (mean ± 1.96 · sd/√n, sample sd).
 */
export const PENALTY_THRESHOLD = 0.75;

export interface GradeCounts {
  correct: number;
  incorrect: number;
  not_attempted: number;
  unscored: number;
}

export interface Rate {
  /** null when the denominator is 0 (the rate is undefined, not 0). */
  value: number | null;
  /** The denominator. */
  n: number;
  ci95: [number, number];
}

export interface HallucinationRates {
  counts: GradeCounts;
  n: number;
  attempted_share: Rate;
  hallucination_rate: Rate;
  abstention_rate: Rate;
  unscored_share: Rate;
  penalised_score: Rate & { threshold: number; interval: 'normal' };
}

export function proportion(successes: number, n: number): Rate {
  return { value: n === 0 ? null : successes / n, n, ci95: wilsonInterval(successes, n) };
}

/** Per-item penalty: +1 correct, −t/(1−t) incorrect (−3 at t = 0.75), 0 otherwise. */
export function penalty(threshold = PENALTY_THRESHOLD): number {
  return threshold / (1 - threshold);
}

export function hallucinationRates(counts: GradeCounts, threshold = PENALTY_THRESHOLD): HallucinationRates {
  const { correct: c, incorrect: i, not_attempted: a, unscored: u } = counts;
  const n = c + i + a + u;
  const k = penalty(threshold);
  let penalised: HallucinationRates['penalised_score'];
  if (n === 0) penalised = { value: null, n, ci95: [-k, 1], threshold, interval: 'normal' };
  else {
    const mean = (c - k * i) / n;
    // Sample variance of the per-item values (1 for C items, −k for I items, 0 otherwise).
    const sumSq = c * (1 - mean) ** 2 + i * (-k - mean) ** 2 + (a + u) * mean ** 2;
    const sd = n > 1 ? Math.sqrt(sumSq / (n - 1)) : 0;
    const half = (Z95 * sd) / Math.sqrt(n);
    penalised = { value: mean, n, ci95: [Math.max(-k, mean - half), Math.min(1, mean + half)], threshold, interval: 'normal' };
  }
  return {
    counts: { correct: c, incorrect: i, not_attempted: a, unscored: u },
    n,
    attempted_share: proportion(c + i, n),
    hallucination_rate: proportion(i, c + i),
    abstention_rate: proportion(a, n),
    unscored_share: proportion(u, n),
    penalised_score: penalised,
  };
}

/** The grade counts recorded as `halluc_<grade>` flags on a suite result, or null when it has none. */
export function gradeCountsFromFlags(flags: Record<string, number>): GradeCounts | null {
  const counts = {
    correct: flags['halluc_correct'] ?? 0,
    incorrect: flags['halluc_incorrect'] ?? 0,
    not_attempted: flags['halluc_not_attempted'] ?? 0,
    unscored: flags['halluc_unscored'] ?? 0,
  };
  return counts.correct + counts.incorrect + counts.not_attempted + counts.unscored > 0 ? counts : null;
}
