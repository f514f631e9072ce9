import { describe, expect, it } from 'vitest';
import { numericMatch } from '../../../src/scoring/metrics/numeric-match.js';
import { firstNumber, parseKanjiNumber } from '../../../src/scoring/numbers.js';
import { makeItem, textInput, CTX } from '../helpers.js';

const withGold = (prediction: string | null, goldValue: number) =>
  numericMatch.score({ prediction, raw: prediction ?? '', item: makeItem({ goldValue }) }, CTX);

describe('first number', () => {
  it('NFKC, thousands commas, signs, decimals', () => {
    expect(firstNumber('答えは１，２３４円です')).toBe(1234);
    expect(firstNumber('1,234,567人')).toBe(1234567);
    expect(firstNumber('約－３．５度')).toBe(-3.5);
    expect(firstNumber('ID-3')).toBe(3);
    expect(firstNumber('3, 4')).toBe(3);
    expect(firstNumber('なし')).toBeNull();
  });

  it('漢数字 only when there are no Arabic digits', () => {
    expect(parseKanjiNumber('二十三')).toBe(23);
    expect(parseKanjiNumber('三万五千')).toBe(35000);
    expect(parseKanjiNumber('二〇二四')).toBe(2024);
    expect(parseKanjiNumber('千二百')).toBe(1200);
    expect(firstNumber('二十三個')).toBe(23);
    expect(firstNumber('一つ目は5')).toBe(5);
  });
});

describe('numeric_match', () => {
  it('equal within relative tolerance 1e-6', async () => {
    expect(await withGold('答えは１，２３４円', 1234)).toBe(1);
    expect(await withGold('3.0', 3)).toBe(1);
    expect(await withGold('1000000.5', 1000000)).toBe(1); // |Δ| = 0.5 ≤ 1e-6 · 1000000.5
    expect(await withGold('1.01', 1)).toBe(0);
    expect(await withGold('-5', 5)).toBe(0);
    expect(await withGold('0', 0)).toBe(1);
  });

  it('reads the gold from references when there is no goldValue; null/no number → 0', async () => {
    expect(await numericMatch.score(textInput('42個', ['42']), CTX)).toBe(1);
    expect(await numericMatch.score(textInput('わからない', ['42']), CTX)).toBe(0);
    expect(await numericMatch.score(textInput(null, ['42']), CTX)).toBe(0);
  });
});
