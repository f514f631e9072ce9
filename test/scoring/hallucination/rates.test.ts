import { describe, expect, it } from 'vitest';
import { entityRates, hallucinationRates, unanswerableRates } from '../../../src/scoring/hallucination/index.js';
import { wilsonInterval } from '../../../src/scoring/intervals.js';

describe('hallucination rates (hand-computed)', () => {
  it('worked example: C 6, I 2, A 1, U 1 (n 10)', () => {
    const r = hallucinationRates({ correct: 6, incorrect: 2, not_attempted: 1, unscored: 1 });
    expect(r.n).toBe(10);
    expect(r.attempted_share.value).toBeCloseTo(0.8, 12);
    expect(r.hallucination_rate.value).toBeCloseTo(0.25, 12);
    expect(r.hallucination_rate.n).toBe(8);
    expect(r.hallucination_rate.ci95).toEqual(wilsonInterval(2, 8));
    expect(r.abstention_rate.value).toBeCloseTo(0.1, 12);
    expect(r.unscored_share.value).toBeCloseTo(0.1, 12);
    // (6 − 3·2)/10 = 0; values: six 1s, two −3s, two 0s → Σx² = 6 + 18 = 24, var = 24/9, sd = 1.633
    expect(r.penalised_score.value).toBeCloseTo(0, 12);
    const half = (1.959963984540054 * Math.sqrt(24 / 9)) / Math.sqrt(10);
    expect(r.penalised_score.ci95[0]).toBeCloseTo(-half, 10);
    expect(r.penalised_score.ci95[1]).toBe(1); // 1.012 clipped to the largest possible mean
  });

  it('always abstain: attempted 0, abstention 1, hallucination rate undefined, penalised 0', () => {
    const r = hallucinationRates({ correct: 0, incorrect: 0, not_attempted: 20, unscored: 0 });
    expect(r.hallucination_rate.value).toBeNull();
    expect(r.abstention_rate.value).toBe(1);
    expect(r.penalised_score.value).toBe(0);
  });

  it('always guessing at 50 % accuracy loses: (10 − 3·10)/20 = −1', () => {
    expect(hallucinationRates({ correct: 10, incorrect: 10, not_attempted: 0, unscored: 0 }).penalised_score.value).toBe(-1);
  });

  it('J = 0 for refuse-all and believe-all; FAR/FRR with Wilson intervals', () => {
    const refuseAll = entityRates({ fake_refused: 50, real_refused: 50 })!;
    expect([refuseAll.far.value, refuseAll.frr.value, refuseAll.j.value]).toEqual([0, 1, 0]);
    const believeAll = entityRates({ fake_accepted: 50, real_accepted: 50 })!;
    expect([believeAll.far.value, believeAll.frr.value, believeAll.j.value]).toEqual([1, 0, 0]);
    // Newcombe: J = TPR − FPR = 0 − 0; lo = −√(0² + u(0/50)²), hi = √(u(0/50)² + 0²), u = Wilson upper bound.
    const w = wilsonInterval(0, 50)[1];
    expect(refuseAll.j.ci95[0]).toBeCloseTo(-w, 12);
    expect(refuseAll.j.ci95[1]).toBeCloseTo(w, 12);
    expect(refuseAll.j.interval).toBe('newcombe');
    const mixed = entityRates({ fake_accepted: 10, fake_refused: 30, real_accepted: 36, real_refused: 4 })!;
    expect(mixed.far.value).toBe(0.25);
    expect(mixed.frr.value).toBe(0.1);
    expect(mixed.j.value).toBeCloseTo(0.65, 12);
    expect(mixed.far.ci95).toEqual(wilsonInterval(10, 40));
  });

  it('unanswerable RC: harmonic mean of abstention on swapped and 1 − false abstention', () => {
    const r = unanswerableRates({ swapped_abstained: 30, swapped_answered: 20, original_abstained: 10, original_answered: 40 })!;
    expect(r.abstention_on_swapped.value).toBe(0.6);
    expect(r.false_abstention.value).toBe(0.2);
    expect(r.harmonic_mean).toBeCloseTo((2 * 0.6 * 0.8) / 1.4, 12);
    expect(unanswerableRates({ swapped_abstained: 5, original_abstained: 5 })!.harmonic_mean).toBe(0);
    expect(unanswerableRates({ swapped_answered: 5, original_answered: 5 })!.harmonic_mean).toBe(0);
  });
});
