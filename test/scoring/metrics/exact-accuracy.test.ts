import { describe, expect, it } from 'vitest';
import { accuracy } from '../../../src/scoring/metrics/accuracy.js';
import { exactMatch } from '../../../src/scoring/metrics/exact-match.js';
import { makeItem, textInput, CTX } from '../helpers.js';

describe('exact_match', () => {
  it('compares NFKC, whitespace-normalised strings', async () => {
    expect(await exactMatch.score(textInput('  東京　', ['東京']), CTX)).toBe(1); // U+3000 → space, trimmed
    expect(await exactMatch.score(textInput('ＹＥＳ', ['YES']), CTX)).toBe(1);
    expect(await exactMatch.score(textInput('yes', ['YES']), CTX)).toBe(0); // case is kept
    expect(await exactMatch.score(textInput('東京都', ['東京']), CTX)).toBe(0);
  });

  it('accepts any reference; null or no references → 0', async () => {
    expect(await exactMatch.score(textInput('とうきょう', ['東京', 'とうきょう']), CTX)).toBe(1);
    expect(await exactMatch.score(textInput(null, ['東京']), CTX)).toBe(0);
    expect(await exactMatch.score(textInput('東京', []), CTX)).toBe(0);
    expect(await exactMatch.score(textInput('', ['']), CTX)).toBe(1);
  });
});

describe('accuracy', () => {
  const item = makeItem({ choices: ['犬', '猫', '鳥'], goldIndex: 1 });
  it('choice items: predictedIndex === goldIndex', async () => {
    expect(await accuracy.score({ prediction: '1', raw: '1', item, predictedIndex: 1 }, CTX)).toBe(1);
    expect(await accuracy.score({ prediction: '2', raw: '2', item, predictedIndex: 2 }, CTX)).toBe(0);
    expect(await accuracy.score({ prediction: 'x', raw: 'x', item }, CTX)).toBe(0);
  });

  it('text items: normalised equality with a reference; regression gold value as text', async () => {
    expect(await accuracy.score(textInput('含意 ', ['含意']), CTX)).toBe(1);
    expect(await accuracy.score({ prediction: '３', raw: '', item: makeItem({ goldValue: 3 }) }, CTX)).toBe(1);
  });
});
