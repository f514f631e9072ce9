import { describe, expect, it } from 'vitest';
import { rouge2Metric } from '../../../src/scoring/metrics/rouge-2.js';
import { rougeLMetric } from '../../../src/scoring/metrics/rouge-l.js';
import { tokenF1 } from '../../../src/scoring/metrics/token-f1.js';
import { textInput, CTX } from '../helpers.js';

// kuromoji (IPADIC) segmentations used below:
//   日本の首都は東京です → 日本|の|首都|は|東京|です
//   今日は晴れです → 今日|は|晴れ|です      今日は雨です → 今日|は|雨|です
describe('token_f1', () => {
  it('6 predicted tokens, 1 gold token, 1 shared: P = 1/6, R = 1 → 2·(1/6)/(7/6) = 2/7', async () => {
    expect(await tokenF1.score(textInput('日本の首都は東京です', ['東京']), CTX)).toBeCloseTo(2 / 7, 12);
  });

  it('counts matter: 猫 猫 犬 vs 猫 → shared min(2,1) = 1, P = 1/3, R = 1 → 0.5', async () => {
    expect(await tokenF1.score(textInput('猫 猫 犬', ['猫']), CTX)).toBeCloseTo(0.5, 12);
  });

  it('punctuation and case are ignored: 東京。 vs 東京 → 1; TOKYO vs tokyo → 1', async () => {
    expect(await tokenF1.score(textInput('東京。', ['東京']), CTX)).toBe(1);
    expect(await tokenF1.score(textInput('TOKYO', ['tokyo']), CTX)).toBe(1);
  });

  it('zero overlap → 0; empty prediction vs non-empty gold → 0; null → 0; both empty → 1', async () => {
    expect(await tokenF1.score(textInput('大阪', ['東京']), CTX)).toBe(0);
    expect(await tokenF1.score(textInput('', ['東京']), CTX)).toBe(0);
    expect(await tokenF1.score(textInput(null, ['東京']), CTX)).toBe(0);
    expect(await tokenF1.score(textInput('。', ['']), CTX)).toBe(1);
  });
});

describe('rouge_l / rouge_2 (F-measure over morphemes)', () => {
  it('今日は晴れです vs 今日は雨です: LCS 3 of 4/4 → 0.75; bigrams 1 of 3/3 → 1/3', async () => {
    expect(await rougeLMetric.score(textInput('今日は晴れです', ['今日は雨です']), CTX)).toBeCloseTo(0.75, 12);
    expect(await rouge2Metric.score(textInput('今日は晴れです', ['今日は雨です']), CTX)).toBeCloseTo(1 / 3, 12);
  });

  it('ROUGE-L uses subsequences: 日本の首都は東京です vs 首都は東京: LCS 3, P = 3/6, R = 3/3 → 2/3', async () => {
    expect(await rougeLMetric.score(textInput('日本の首都は東京です', ['首都は東京']), CTX)).toBeCloseTo(2 / 3, 12);
  });

  it('a single identical morpheme: ROUGE-L 1, ROUGE-2 0 (no bigrams, as rouge-score)', async () => {
    expect(await rougeLMetric.score(textInput('東京', ['東京']), CTX)).toBe(1);
    expect(await rouge2Metric.score(textInput('東京', ['東京']), CTX)).toBe(0);
  });

  it('empty or null prediction → 0', async () => {
    expect(await rougeLMetric.score(textInput('', ['東京']), CTX)).toBe(0);
    expect(await rouge2Metric.score(textInput(null, ['今日は雨です']), CTX)).toBe(0);
  });
});
