import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/results/summary.js';
import type { SuiteResult } from '../../src/results/types.js';
import { categoryTable } from '../../src/suites/categories.js';
import { loadAllSuites } from '../../src/suites/load-suite.js';

const result = (suite: string, category: string, metric: string, value: number, n: number): SuiteResult => ({
  model: 'm', suite, suite_version: 1, category, primary_metric: metric, mode: 'generate', shots: 0, n, errors: 0, skipped: 0, complete: true,
  metrics: { [metric]: { value, stderr: 0, ci95: [value, value] } },
  outcomes: { correct: 0, incorrect: 0, not_attempted: 0, unscored: 0, error: 0 }, flags: {},
  throughput: { requests: 0, seconds: 0, requests_per_s: 0, prompt_tokens: 0, completion_tokens: 0, completion_tokens_per_s: 0, output_chars_per_s: 0, latency_ms: { p50: 0, p95: 0, p99: 0 }, retries: 0 },
});

describe('category groups (suites/_categories.yaml)', () => {
  it('declares the category of every shipped suite', async () => {
    const declared = categoryTable();
    for (const suite of await loadAllSuites()) expect(declared[suite.category], `${suite.name}: category ${suite.category}`).toBeDefined();
  });

  it('averages as declared; a category left out of OVERALL is still reported; a 0–100 metric is scaled by its range', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'jpeval-cat-')), 'c.yaml');
    await writeFile(file, 'categories:\n  A: { title: a }\n  W: { title: w, average: weighted }\n  R: { title: r, overall: false }\n');
    const table = categoryTable(file);
    const [s] = summarize([result('a1', 'A', 'accuracy', 0.2, 10), result('a2', 'A', 'bleu', 60, 30), result('w1', 'W', 'accuracy', 1, 30), result('w2', 'W', 'accuracy', 0, 10), result('r1', 'R', 'accuracy', 0.9, 5)], table);
    expect(s!.categories.A).toBeCloseTo(0.4, 12); // mean of 0.2 and 60/100
    expect(s!.categories.W).toBeCloseTo(0.75, 12); // (1·30 + 0·10) / 40
    expect(s!.categories.R).toBeCloseTo(0.9, 12);
    expect(s!.overall).toBeCloseTo((0.4 + 0.75) / 2, 12);
  });
});
