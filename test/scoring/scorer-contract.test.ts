import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metrics } from '../../src/scoring/metrics/index.js';
import { resolveScorers, rolesOf } from '../../src/scoring/scorers.js';
import { scoreItem } from '../../src/scoring/score-item.js';
import type { MeanMetric, ScorerContext } from '../../src/scoring/types.js';
import { suiteSchema } from '../../src/suites/schema.js';
import { makeItem } from './helpers.js';

/**
 * The scorer contract: entries with options validated by the metric's optionsSchema, score(input,
 * ctx) with {options, signal, grader?}, and {value|null, outcome, flags, details} results.
 */
const seen: ScorerContext[] = [];
const lengthAtMost: MeanMetric = {
  kind: 'mean',
  name: 'test_length_at_most',
  description: 'test-only: 1 when the answer has at most `max` characters; not applicable to empty answers',
  range: [0, 1],
  optionsSchema: z.object({ max: z.number().int().positive(), label: z.string().default('short') }).strict(),
  score({ prediction }, ctx) {
    seen.push(ctx);
    const max = ctx.options.max as number;
    if (!prediction) return { value: null, flags: ['empty_answer'] };
    const ok = [...prediction].length <= max;
    return { value: ok ? 1 : 0, ...(ok ? {} : { outcome: 'not_attempted' as const }), details: { length: [...prediction].length, label: ctx.options.label } };
  },
};

describe('scorer contract', () => {
  beforeAll(() => metrics.register(lengthAtMost.name, lengthAtMost));
  afterAll(() => seen.splice(0));

  it('a suite lists a metric by name or as {name, ...options}; options are validated and defaulted', () => {
    const suite = { file: 's.yaml', metrics: ['exact_match', { name: 'test_length_at_most', options: { max: 3 } }] };
    const scorers = resolveScorers(suite);
    expect(scorers.map((s) => [s.name, s.options])).toEqual([['exact_match', {}], ['test_length_at_most', { max: 3, label: 'short' }]]);
    expect(() => resolveScorers({ file: 's.yaml', metrics: [{ name: 'test_length_at_most', options: { max: 'x' } }] })).toThrow(/s\.yaml: metrics\[0\] \(test_length_at_most\): invalid options: max/);
    expect(() => resolveScorers({ file: 's.yaml', metrics: [{ name: 'exact_match', options: { foo: 1 } }] })).toThrow(/takes no options/);
    expect(rolesOf({ metrics: ['exact_match', { name: 'judge', options: { templates: 't', template: 'x', question_field: 'q' } }] })).toEqual(['judge']);
  });

  it('the suite file form {name: …, options…} parses into {name, options}', () => {
    const parsed = suiteSchema.parse({
      name: 's', version: 1, title: 'S', source: { kind: 'builtin' }, category: 'QA', task: 'short_answer',
      dataset: { loader: 'jsonl', splits: { valid: 'x.jsonl' }, fields: { id: 'id', gold: 'a' } },
      prompt: { template: '{{q}}' },
      metrics: ['char_f1', { name: 'test_length_at_most', max: 5 }],
    });
    expect(parsed.metrics).toEqual([{ name: 'char_f1', options: {} }, { name: 'test_length_at_most', options: { max: 5 } }]);
  });

  it('score gets ctx with options and the signal; outcome, flags and details reach the item score', async () => {
    const suite = { task: 'short_answer' as const, answer: { extractor: 'raw', options: {} }, metrics: [{ name: 'test_length_at_most', options: { max: 3 } }, 'exact_match'] };
    const controller = new AbortController();
    const long = await scoreItem(suite, makeItem({ references: ['東京'] }), '東京都庁舎', {}, { signal: controller.signal });
    expect(seen.at(-1)).toMatchObject({ options: { max: 3, label: 'short' }, signal: controller.signal });
    expect(seen.at(-1)!.grader).toBeUndefined();
    expect(long.score).toEqual({ outcome: 'not_attempted', values: { test_length_at_most: 0, exact_match: 0 }, stats: {}, flags: [], details: { test_length_at_most: { length: 5, label: 'short' } } });
    const short = await scoreItem(suite, makeItem({ references: ['東京'] }), '東京');
    expect(short.score.outcome).toBe('correct');
    const empty = await scoreItem(suite, makeItem({ references: ['東京'] }), '');
    expect(empty.score).toMatchObject({ outcome: 'unscored', values: { test_length_at_most: null }, flags: ['empty_answer'] });
  });
});
