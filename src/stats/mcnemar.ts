/**
 * Exact McNemar test for two models scored on the same binary items. Only discordant pairs carry
 * information: `b` items the first model got right and the second wrong, `c` the reverse. Under the
 * null hypothesis (equal accuracy) each discordant item goes either way with probability ½, so
 * b ~ Binomial(b + c, ½) and the two-sided p-value is
 *   p = min(1, 2 · P(X ≤ min(b, c))),  X ~ Binomial(b + c, ½)
 * (the "exact conditional" McNemar test; statsmodels' mcnemar(exact=True) gives the same).
 * With no discordant pairs the models cannot be told apart: p = 1.
 */
export function exactMcNemarP(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) {
    throw new RangeError(`exactMcNemarP: counts must be non-negative integers, got ${b}, ${c}`);
  }
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  // Sum the lower tail in log space: C(n, i) / 2^n underflows doubles beyond n ≈ 1000.
  const logHalfN = -n * Math.LN2;
  let logTerm = logHalfN; // log C(n, 0) / 2^n
  let tail = 0;
  for (let i = 0; i <= k; i++) {
    if (i > 0) logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}

/** Counts of a paired binary comparison: items gained (a right, b wrong) and lost (a wrong, b right). */
export interface DiscordantCounts {
  /** a = 1, b = 0 */
  gained: number;
  /** a = 0, b = 1 */
  lost: number;
  n: number;
}

export function discordantCounts(a: readonly number[], b: readonly number[]): DiscordantCounts {
  if (a.length !== b.length) throw new RangeError('discordantCounts: paired vectors differ in length');
  let gained = 0;
  let lost = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]! > b[i]!) gained++;
    else if (a[i]! < b[i]!) lost++;
  }
  return { gained, lost, n: a.length };
}
