import { describe, expect, it } from 'vitest';
import { bleu, bleuFromStats, bleuSegmentStats } from '../../../src/scoring/metrics/bleu.js';
import { textInput, CTX } from '../helpers.js';

const stats = (pred: string | null, refs: string[]) => bleu.stats(textInput(pred, refs), CTX) as Promise<number[]>;

describe('bleu (sacrebleu corpus BLEU over morphemes, 0–100)', () => {
  it('今日|は|晴れ|です vs 今日|は|雨|です: p = 3/4, 1/3, smoothed 1/(2·2), 1/(4·1)', async () => {
    const s = await stats('今日は晴れです', ['今日は雨です']);
    expect(s).toEqual([4, 4, 3, 1, 0, 0, 4, 3, 2, 1]);
    // (75 · 33.33 · 25 · 25)^(1/4) = 1562500^(1/4) = √1250 = 25·√2
    expect(bleu.reduce([s])).toBeCloseTo(25 * Math.SQRT2, 10);
  });

  it('identical texts → 100', async () => {
    const s = await stats('今日は雨です', ['今日は雨です']);
    expect(bleu.reduce([s, s])).toBeCloseTo(100, 10);
  });

  it('brevity penalty: corpus of a perfect 4-token segment and a 2-token prefix of a 4-token reference', async () => {
    const a = await stats('今日は雨です', ['今日は雨です']); // c = t = [4,3,2,1], lens 4/4
    const b = await stats('今日は', ['今日は雨です']); // c = t = [2,1,0,0], lens 2/4
    expect(b).toEqual([2, 4, 2, 1, 0, 0, 2, 1, 0, 0]);
    // all precisions 100; BP = exp(1 − 8/6) = exp(−1/3)
    expect(bleu.reduce([a, b])).toBeCloseTo(100 * Math.exp(-1 / 3), 10);
  });

  it('zero matches → 0 (sacrebleu early stop); empty or null prediction → 0', async () => {
    expect(bleu.reduce([await stats('猫', ['犬'])])).toBe(0);
    expect(bleu.reduce([await stats('', ['犬'])])).toBe(0);
    expect(bleu.reduce([await stats(null, ['今日は雨です'])])).toBe(0);
  });

  it('fewer than 4 tokens in the whole corpus → 0 (no 4-grams, as sacrebleu without effective order)', () => {
    expect(bleuFromStats([bleuSegmentStats(['a', 'b'], [['a', 'b']])])).toBe(0);
  });

  it('several references: closest length (ties → shorter), n-gram clip by the max count over references', () => {
    const s = bleuSegmentStats(['a', 'a', 'b'], [['a', 'c', 'c', 'c', 'c'], ['a', 'a'], ['b', 'a', 'a', 'b']]);
    // |hyp| 3: distances 2, 1, 1 → tie between 2 and 4 → 2. unigrams: a clip max(1,2,2) = 2, b clip 2 → 1: 3
    // bigrams: "a a" (max 1) → 1, "a b" (in ref 3) → 1: 2; trigram "a a b" in ref 3 → 1
    expect(s).toEqual([3, 2, 3, 2, 1, 0, 3, 2, 1, 0]);
  });
});
