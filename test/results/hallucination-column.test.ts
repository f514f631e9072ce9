import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/results/summary.js';
import { formatRunTable } from '../../src/results/table.js';
import type { RunRecord, SuiteResult } from '../../src/results/types.js';
import { suiteHallucination } from '../../src/scoring/hallucination/summary.js';

function result(model: string, suite: string, flags: Record<string, number>): SuiteResult {
  const hallucination = suiteHallucination(flags);
  return {
    model, suite, suite_version: 1, category: 'HALLUC', primary_metric: 'answer_grade', mode: 'generate', shots: 0,
    n: 10, errors: 0, skipped: 0, complete: true,
    metrics: { answer_grade: { value: 0.6, stderr: 0.1, ci95: [0.3, 0.9] } },
    outcomes: { correct: 6, incorrect: 2, not_attempted: 1, unscored: 1, error: 0 }, flags,
    ...(hallucination ? { hallucination } : {}),
    throughput: { requests: 10, seconds: 1, requests_per_s: 10, prompt_tokens: 0, completion_tokens: 0, completion_tokens_per_s: 0, output_chars_per_s: 0, latency_ms: { p50: 1, p95: 1, p99: 1 }, retries: 0 },
  } as SuiteResult;
}

describe('the hallucination column of the end-of-run table', () => {
  it('shows H with its Wilson interval, abstention, penalised score and unscored share; J for fake entities', () => {
    const results = [
      result('m', 'qa', { halluc_correct: 6, halluc_incorrect: 2, halluc_not_attempted: 1, halluc_unscored: 1 }),
      result('m', 'fakes', { fake_accepted: 10, fake_refused: 30, real_accepted: 36, real_refused: 4, entity_unscored: 20 }),
      result('m', 'swapped', { swapped_abstained: 3, swapped_answered: 2, original_answered: 4, original_abstained: 1, rc_unscored: 2 }),
    ];
    const text = formatRunTable({ results, summary: summarize(results) } as unknown as RunRecord);
    const header = text.split('\n')[0]!;
    expect(header).toMatch(/hallucination$/);
    // H = 2/8 with Wilson [0.07, 0.59]; abstention 1/10; penalised (6 − 3·2)/10 = 0; unscored 1/10.
    expect(text).toMatch(/qa .*H 0\.25 \[0\.07, 0\.59\] abst 0\.10 pen 0\.00 unsc 0\.10/);
    // Blank outputs are out of FAR / FRR and HM, so the unscored share is shown beside them: 20/100, 2/12.
    expect(text).toMatch(/fakes .*J 0\.65 \[.*\] FAR 0\.25 FRR 0\.10 unsc 0\.20/);
    expect(text).toMatch(/swapped .*HM 0\.69 abst@swap 0\.60 false-abst 0\.20 unsc 0\.17/);
    expect(text).toContain('hallucination: H = hallucination rate when attempting');
  });

  it('has no hallucination column when no suite reports hallucination figures', () => {
    const results = [result('m', 'plain', {})];
    expect(formatRunTable({ results, summary: summarize(results) } as unknown as RunRecord).split('\n')[0]).not.toContain('hallucination');
  });
});
