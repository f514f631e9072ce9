/**
 * Exact McNemar test for paired binary outcomes (two runs on the same items): under the null the
 * discordant pairs split as Binomial(b + c, ½); the two-sided p is twice the smaller tail, capped
 * at 1. Computed in log space so tens of thousands of discordant pairs do not underflow.
 * NOTE for deduplication: the leaderboard's paired statistics may provide the same test; when it
 * lands on main, the TUI should call that one instead.
 */
export function mcnemarExactP(b: number, c: number): number {
  if (!Number.isInteger(b) || !Number.isInteger(c) || b < 0 || c < 0) throw new RangeError(`mcnemarExactP: need counts ≥ 0, got ${b}, ${c}`);
  const n = b + c;
  if (n === 0) return 1;
  const k = Math.min(b, c);
  const ln2n = n * Math.LN2;
  let logC = 0; // log C(n, 0)
  let max = -Infinity;
  const logs: number[] = [];
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    const term = logC - ln2n;
    logs.push(term);
    if (term > max) max = term;
  }
  const tail = Math.exp(max) * logs.reduce((s, t) => s + Math.exp(t - max), 0);
  return Math.min(1, 2 * tail);
}
