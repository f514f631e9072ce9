import { describe, expect, it } from 'vitest';
import { charF1 } from '../../../src/scoring/metrics/char-f1.js';
import { textInput, CTX } from '../helpers.js';

const score = (pred: string | null, refs: string[]) => charF1.score(textInput(pred, refs), CTX);

// Levenshtein ratio r = 2·LCS / (|a| + |b|) over code points after full_process and token sort;
// char_f1 = round_half_even(100·r) / 100.
describe('char_f1 (fuzz.token_sort_ratio / 100)', () => {
  it('東京都 vs 東京: LCS 2, lensum 5 → r = 4/5 → 80 → 0.8', async () => {
    expect(await score('東京都', ['東京'])).toBe(0.8);
  });

  it('ダイ・ハード vs ダイハード: ・ becomes a space → "ダイ ハード" (6) vs "ダイハード" (5), LCS 5 → 10/11 = 90.9 → 91', async () => {
    expect(await score('ダイ・ハード', ['ダイハード'])).toBe(0.91);
  });

  it('日本の首都は東京です vs 東京: LCS 2, lensum 12 → 4/12 = 33.3 → 33', async () => {
    expect(await score('日本の首都は東京です', ['東京'])).toBe(0.33);
  });

  it('rounds 62.5 down and 87.5 up (half to even), as Python round does', async () => {
    // 8 vs 8 chars sharing あいうえお: LCS 5 → 10/16 = 0.625 → 62.5 → 62
    expect(await score('あいうえおかきく', ['あいうえおさしす'])).toBe(0.62);
    // LCS 7 → 14/16 = 0.875 → 87.5 → 88
    expect(await score('あいうえおかきく', ['あいうえおかきけ'])).toBe(0.88);
  });

  it('token order does not matter: 東京 大阪 vs 大阪 東京 → 1', async () => {
    expect(await score('東京 大阪', ['大阪 東京'])).toBe(1);
  });

  it('NFKC + lower-casing: ＡＢＣ vs abc → 1; brackets are stripped: 「東京」 vs 東京 → 1', async () => {
    expect(await score('ＡＢＣ', ['abc'])).toBe(1);
    expect(await score('「東京」', ['東京'])).toBe(1);
  });

  it('force_ascii drops é: "caf" vs "cafe" → LCS 3, lensum 7 → 6/7 = 85.7 → 86', async () => {
    expect(await score('café', ['cafe'])).toBe(0.86);
  });

  it('empty prediction → 0, null prediction → 0, best over references', async () => {
    expect(await score('', ['東京'])).toBe(0);
    expect(await score(null, ['東京'])).toBe(0);
    expect(await score('東京都', ['大阪', '東京', '東京都'])).toBe(1);
  });

  it('empty prediction against an empty reference is 1 (both process to "")', async () => {
    expect(await score('', [''])).toBe(1);
  });
});
