/**
 * Holm's step-down correction (Holm 1979) for a family of p-values; controls the family-wise
 * error rate without assuming independence. Sorted ascending p(1) ≤ … ≤ p(m), the adjusted value
 * is max over j ≤ i of min(1, (m − j + 1) · p(j)) — the running maximum keeps the order, as
 * statsmodels' multipletests(method="holm") and R's p.adjust(method="holm") do. Returned in the
 * input order. NaN inputs (tests that could not be run) stay NaN and do not count towards m.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const present = pValues.map((p, i) => ({ p, i })).filter(({ p }) => !Number.isNaN(p));
  present.sort((x, y) => x.p - y.p);
  const m = present.length;
  const out = pValues.map(() => Number.NaN);
  let running = 0;
  present.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
