import { describe, expect, it } from 'vitest';
import { setF1, setF1Metric } from '../../../src/scoring/metrics/set-f1.js';
import { textInput, CTX } from '../helpers.js';

describe('set_f1 (llm-jp-eval definition)', () => {
  it('pred {A,B,C} (B duplicated) vs gold [A,B,D]: hits 2, P = 2/3, R = 2/3 → 2/3', () => {
    expect(setF1('A\nB\nB\nC', 'A\nB\nD')).toBeCloseTo(2 / 3, 12);
  });

  it('gold lines are a list: pred {A} vs gold [A,A]: P = 1, R = 1/2 → 2·0.5/1.5 = 2/3', () => {
    expect(setF1('A', 'A\nA')).toBeCloseTo(2 / 3, 12);
  });

  it('lines are stripped and NFKC-normalised; a trailing newline in the prediction is stripped', () => {
    expect(setF1(' 東京 \nＯＳＡＫＡ\n', '東京\nOSAKA')).toBe(1);
  });

  it('zero matches → 0; empty prediction vs non-empty gold → 0; empty vs empty → 1', () => {
    expect(setF1('X', 'A\nB')).toBe(0);
    expect(setF1('', 'A')).toBe(0);
    expect(setF1('', '')).toBe(1);
  });

  it('null prediction → 0', async () => {
    expect(await setF1Metric.score(textInput(null, ['']), CTX)).toBe(0);
  });
});
