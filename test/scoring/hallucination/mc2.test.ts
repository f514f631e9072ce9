import { describe, expect, it } from 'vitest';
import { mc2Score } from '../../../src/scoring/metrics/mc2.js';
import { createRng, shuffle } from '../../../src/util/random.js';

describe('MC2 (normalised likelihood mass on the true answers)', () => {
  it('hand-computed: log-probs ln 0.5, ln 0.3 (true) and ln 0.2 (false) → 0.8', () => {
    expect(mc2Score([Math.log(0.5), Math.log(0.3), Math.log(0.2)], (i) => i < 2)).toBeCloseTo(0.8, 12);
  });

  it('does not underflow for very negative log-likelihoods', () => {
    expect(mc2Score([-1000, -1001], (i) => i === 0)).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('is invariant to the order of the answers (every permutation of a random item)', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rng() * 8);
      const truths = 1 + Math.floor(rng() * (n - 1));
      const answers = Array.from({ length: n }, (_, i) => ({ lp: -50 * rng(), isTrue: i < truths }));
      const base = mc2Score(answers.map((a) => a.lp), (i) => answers[i]!.isTrue);
      for (let p = 0; p < 10; p++) {
        const permuted = shuffle(answers, rng);
        expect(mc2Score(permuted.map((a) => a.lp), (i) => permuted[i]!.isTrue)).toBeCloseTo(base, 12);
      }
    }
  });
});
