import { describe, expect, it } from 'vitest';
import { accuracyPerChar, perCharIndex } from '../../../src/scoring/metrics/accuracy-per-char.js';
import { breakdownScores, breakdownValues } from '../../../src/scoring/breakdown.js';
import type { Item } from '../../../src/datasets/types.js';
import type { ItemScore, ScorerContext } from '../../../src/scoring/types.js';

const ctx: ScorerContext = { options: {}, signal: new AbortController().signal };

const item = (goldIndex: number): Item => ({ id: 'x', vars: {}, choices: ['彼が来た。', '彼が来たのだった。'], goldIndex, references: [], origin: { file: 'f' } });

describe('accuracy_per_char', () => {
  it('picks the highest log-probability per character (hand-computed)', () => {
    // sums: -10 (4 chars → -2.5/char) vs -15 (10 chars → -1.5/char): the sum prefers 0, per char prefers 1.
    expect(perCharIndex([-10, -15], [4, 10])).toBe(1);
    expect(perCharIndex([-10, -30], [4, 10])).toBe(0);
  });
  it('scores 1 when the longer gold wins per character though it loses on the sum', () => {
    const input = { prediction: '1', raw: '', item: item(1), predictedIndex: 0, choiceLogprobs: [-10, -15], choiceChars: [4, 10] };
    expect(accuracyPerChar.score(input, ctx)).toBe(1);
  });
  it('falls back to accuracy without log-probabilities (generate mode)', () => {
    expect(accuracyPerChar.score({ prediction: '1', raw: '', item: item(1), predictedIndex: 1 }, ctx)).toBe(1);
    expect(accuracyPerChar.score({ prediction: '1', raw: '', item: item(1), predictedIndex: 0 }, ctx)).toBe(0);
  });
});

describe('breakdown by an item field', () => {
  const score = (v: number): ItemScore => ({ outcome: v ? 'correct' : 'incorrect', values: { accuracy: v }, stats: {}, flags: [] });
  it('summarises the metrics per value, items without the field under (none)', () => {
    const scores = [score(1), score(0), score(1), score(1)];
    const values = [{ difficulty: 'hard' }, { difficulty: 'hard' }, { difficulty: 'easy' }, { difficulty: undefined }];
    const b = breakdownScores({ metrics: [{ name: 'accuracy', options: {} }], breakdown_by: ['difficulty'] }, scores, values, 1)!;
    expect(Object.keys(b.difficulty!)).toEqual(['(none)', 'easy', 'hard']);
    expect(b.difficulty!.hard).toMatchObject({ n: 2, metrics: { accuracy: { value: 0.5 } } });
    expect(b.difficulty!.easy!.metrics.accuracy!.value).toBe(1);
  });
  it('is absent when the suite asks for none', () => {
    expect(breakdownScores({ metrics: [{ name: 'accuracy', options: {} }], breakdown_by: [] }, [score(1)], [{}], 1)).toBeUndefined();
  });
  it('reads field values as strings', () => {
    expect(breakdownValues(['difficulty', 'n', 'missing'], { difficulty: 'hard', n: 3 })).toEqual({ difficulty: 'hard', n: '3', missing: undefined });
  });
});
