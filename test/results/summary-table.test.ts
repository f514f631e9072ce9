import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/results/summary.js';
import { displayWidth, formatRunTable } from '../../src/results/table.js';
import type { RunRecord, SuiteResult } from '../../src/results/types.js';

function result(model: string, suite: string, category: string, metric: string, value: number, complete = true): SuiteResult {
  return {
    model, suite, suite_version: 1, category, primary_metric: metric, mode: 'generate', shots: 0,
    n: 10, errors: complete ? 0 : 2, skipped: 0, complete,
    metrics: { [metric]: { value, stderr: 0.01, ci95: [value - 0.05, value + 0.05] } },
    outcomes: { correct: 0, incorrect: 0, not_attempted: 0, unscored: 0, error: 0 }, flags: {},
    throughput: { requests: 10, seconds: 1, requests_per_s: 10, prompt_tokens: 0, completion_tokens: 0, completion_tokens_per_s: 0, output_chars_per_s: 0, latency_ms: { p50: 1, p95: 1, p99: 1 }, retries: 0 },
  };
}

describe('summarize', () => {
  it('averages suites within a category, then categories (BLEU scaled to 0–1)', () => {
    const results = [
      result('m', 'a', 'NLI', 'accuracy', 0.8),
      result('m', 'b', 'NLI', 'accuracy', 0.6),
      result('m', 'c', 'MT', 'bleu', 30),
    ];
    // NLI = (0.8 + 0.6) / 2 = 0.7; MT = 30 / 100 = 0.3; overall = (0.7 + 0.3) / 2 = 0.5
    const [s] = summarize(results);
    expect(s!.categories.NLI).toBeCloseTo(0.7, 12);
    expect(s!.categories.MT).toBeCloseTo(0.3, 12);
    expect(s!.overall).toBeCloseTo(0.5, 12);
  });
  it('keeps models apart', () => {
    const s = summarize([result('m1', 'a', 'QA', 'exact_match', 1), result('m2', 'a', 'QA', 'exact_match', 0)]);
    expect(s.map((x) => [x.model, x.overall])).toEqual([['m1', 1], ['m2', 0]]);
  });
});

describe('formatRunTable', () => {
  it('shows value and interval per model, category rows, overall, and marks incomplete suites', () => {
    const results = [result('m1', 'jnli', 'NLI', 'accuracy', 0.5), result('m2', 'jnli', 'NLI', 'accuracy', 0.25, false)];
    const record = { results, summary: summarize(results) } as unknown as RunRecord;
    const text = formatRunTable(record);
    expect(text).toContain('0.500 [0.450, 0.550]');
    expect(text).toContain('0.250 [0.200, 0.300] *');
    expect(text).toMatch(/\[NLI\].*0\.500.*0\.250/);
    expect(text).toMatch(/OVERALL/);
    expect(text).toContain('* jnli × m2: incomplete (10 scored, 2 errors)');
  });
  it('says how many outputs Ctrl-C left unjudged and how to score them', () => {
    const r = { ...result('m', 'mt-bench-ja', 'GEN', 'judge', 0.5, false), flags: { scoring_interrupted: 3 } };
    const text = formatRunTable({ results: [r], summary: summarize([r]) } as unknown as RunRecord);
    expect(text).toContain('mt-bench-ja × m: 3 output(s) whose scoring was interrupted, not counted: `jpeval run --resume RUN_DIR` scores them');
  });
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('日本語')).toBe(6);
    expect(displayWidth('ｱ')).toBe(1);
  });
});
