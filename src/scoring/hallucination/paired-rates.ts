import { wilsonInterval } from '../intervals.js';
import { proportion, type Rate } from './rates.js';

/**
 * Rates for suites that pair items the model must refuse with items it must answer, so that
 * refusing everything and answering everything both score 0.
 *
 * Fabricated entities (flags `fake_accepted` / `fake_refused` / `real_accepted` / `real_refused`):
 *  FAR = fakes accepted / fakes graded; FRR = reals refused / reals graded; J = 1 − FAR − FRR
 *  (Youden's J; refuse-all: FAR 0, FRR 1 → 0; believe-all: FAR 1, FRR 0 → 0).
 * Unanswerable reading comprehension (flags `swapped_abstained` / `swapped_answered` /
 *  `original_abstained` / `original_answered`): abstention on swapped = swapped abstained /
 *  swapped; false abstention = originals abstained / originals; score = harmonic mean of
 *  (abstention on swapped) and (1 − false abstention) (0 when either is 0).
 * FAR, FRR and the abstention rates carry Wilson intervals; J carries Newcombe's hybrid score
 * interval for the difference (1 − FRR) − FAR of two independent proportions. Unscored answers
 * (`entity_unscored`, `rc_unscored`) are left out of these denominators and reported as a count.
 */
export interface EntityRates {
  far: Rate;
  frr: Rate;
  j: Rate & { interval: 'newcombe' };
  unscored: number;
}

export interface UnanswerableRates {
  abstention_on_swapped: Rate;
  false_abstention: Rate;
  harmonic_mean: number | null;
  unscored: number;
}

const f = (flags: Record<string, number>, name: string): number => flags[name] ?? 0;

export function entityRates(flags: Record<string, number>): EntityRates | null {
  const fa = f(flags, 'fake_accepted'), fr = f(flags, 'fake_refused'), ra = f(flags, 'real_accepted'), rr = f(flags, 'real_refused');
  if (fa + fr + ra + rr === 0) return null;
  const far = proportion(fa, fa + fr);
  const frr = proportion(rr, ra + rr);
  let j: EntityRates['j'];
  if (far.value === null || frr.value === null) j = { value: null, n: far.n + frr.n, ci95: [-1, 1], interval: 'newcombe' };
  else {
    // J = TPR − FPR with TPR = 1 − FRR (reals accepted) and FPR = FAR: Newcombe's hybrid score
    // interval for a difference of two independent proportions, from their Wilson intervals, so it
    // stays sensible at 0 and 1 (where a normal interval collapses to a point).
    const tpr = 1 - frr.value;
    const [tl, tu] = wilsonInterval(ra, ra + rr);
    const [fl, fu] = far.ci95;
    const value = tpr - far.value;
    const lo = value - Math.sqrt((tpr - tl) ** 2 + (fu - far.value) ** 2);
    const hi = value + Math.sqrt((tu - tpr) ** 2 + (far.value - fl) ** 2);
    j = { value, n: far.n + frr.n, ci95: [Math.max(-1, lo), Math.min(1, hi)], interval: 'newcombe' };
  }
  return { far, frr, j, unscored: f(flags, 'entity_unscored') };
}

export function unanswerableRates(flags: Record<string, number>): UnanswerableRates | null {
  const sa = f(flags, 'swapped_abstained'), sn = f(flags, 'swapped_answered'), oa = f(flags, 'original_abstained'), on = f(flags, 'original_answered');
  if (sa + sn + oa + on === 0) return null;
  const abstention = proportion(sa, sa + sn);
  const falseAbstention = proportion(oa, oa + on);
  return {
    abstention_on_swapped: abstention,
    false_abstention: falseAbstention,
    harmonic_mean: abstention.value === null || falseAbstention.value === null ? null : harmonic(abstention.value, 1 - falseAbstention.value),
    unscored: f(flags, 'rc_unscored'),
  };
}

export function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}
