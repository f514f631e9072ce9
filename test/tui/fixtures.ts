import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RunRecord, SampleRecord, SuiteResult } from '../../src/results/types.js';
import type { Outcome } from '../../src/scoring/types.js';

/**
 * Hand-written result directories for the browser and compare tests: every count on screen is
 * countable from the lists below.
 */
export interface FixtureItem {
  id: string;
  outcome: Outcome;
  output: string;
  flags?: string[];
}

export function sample(runId: string, model: string, suite: string, item: FixtureItem, i: number): SampleRecord {
  const correct = item.outcome === 'correct' ? 1 : 0;
  return {
    schema_version: 2,
    run_id: runId,
    suite,
    suite_version: 1,
    item_id: item.id,
    model,
    prompt: `次の質問に答えてください。\n\n質問${i + 1}：日本で一番高い山は？\n答え：`,
    raw_output: item.output,
    extracted: item.outcome === 'unscored' ? null : item.output,
    gold: '富士山',
    score: { outcome: item.outcome, values: item.outcome === 'error' ? {} : { accuracy: correct }, stats: {}, flags: item.flags ?? [] },
    outcome: item.outcome,
    latency_ms: 10 + i,
    timing: [{ started_at: 1_000 + i, ended_at: 1_010 + 2 * i, latency_ms: 10 + i, attempts: 1 }],
    usage: { prompt_tokens: 20, completion_tokens: 3 },
    output_chars: [...item.output].length,
    ...(item.outcome === 'error' ? { error: 'HTTP 500 from server' } : {}),
  };
}

export function suiteResult(model: string, suite: string, items: FixtureItem[]): SuiteResult {
  const scored = items.filter((i) => i.outcome !== 'error');
  const value = scored.filter((i) => i.outcome === 'correct').length / Math.max(1, scored.length);
  return {
    model,
    suite,
    suite_version: 1,
    category: 'QA',
    primary_metric: 'accuracy',
    mode: 'generate',
    shots: 0,
    n: scored.length,
    errors: items.length - scored.length,
    skipped: 0,
    complete: scored.length === items.length,
    metrics: { accuracy: { value, stderr: 0.1, ci95: [Math.max(0, value - 0.2), Math.min(1, value + 0.2)] } },
    outcomes: { correct: 0, incorrect: 0, not_attempted: 0, unscored: 0, error: 0 },
    flags: {},
    throughput: { requests: items.length, seconds: 1, requests_per_s: items.length, prompt_tokens: 0, completion_tokens: 0, completion_tokens_per_s: 0, output_chars_per_s: 0, latency_ms: { p50: 10, p95: 20, p99: 30 }, retries: 0 },
  };
}

/** Writes `<root>/<runId>/run.json` and samples.jsonl for the given (model, suite) → items. */
export async function writeRun(root: string, runId: string, parts: { model: string; suite: string; items: FixtureItem[] }[], startedAt = '2026-12-01T10:00:00.000Z'): Promise<string> {
  const dir = path.join(root, runId);
  await mkdir(dir, { recursive: true });
  const results = parts.map((p) => suiteResult(p.model, p.suite, p.items));
  const record: RunRecord = {
    schema_version: 2,
    run_id: runId,
    status: 'completed',
    complete: true,
    jpeval_version: '0.1.0',
    node_version: process.version,
    started_at: startedAt,
    config: {},
    config_hash: 'x',
    models: [...new Set(parts.map((p) => p.model))].map((id) => ({ id, backend: 'fake', model: id, settings: {} })),
    datasets: [],
    results,
    summary: [],
  };
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(record, null, 2));
  const lines = parts.flatMap((p) => p.items.map((item, i) => JSON.stringify(sample(runId, p.model, p.suite, item, i))));
  await writeFile(path.join(dir, 'samples.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

export const tempRoot = (): Promise<string> => mkdtemp(path.join(tmpdir(), 'jpeval-tui-'));

export const ITEMS_A: FixtureItem[] = [
  { id: 'q1', outcome: 'correct', output: '富士山' },
  { id: 'q2', outcome: 'incorrect', output: '高尾山' },
  { id: 'q3', outcome: 'unscored', output: 'わかりません' },
  { id: 'q4', outcome: 'correct', output: '富士山です', flags: ['verbose'] },
  { id: 'q5', outcome: 'incorrect', output: '阿蘇山' },
  { id: 'q6', outcome: 'error', output: '' },
];

/** Run B: q2 and q5 now correct (gained), q1 now wrong (lost). */
export const ITEMS_B: FixtureItem[] = [
  { id: 'q1', outcome: 'incorrect', output: '槍ヶ岳' },
  { id: 'q2', outcome: 'correct', output: '富士山' },
  { id: 'q3', outcome: 'unscored', output: '？' },
  { id: 'q4', outcome: 'correct', output: '富士山' },
  { id: 'q5', outcome: 'correct', output: '富士山' },
  { id: 'q6', outcome: 'correct', output: '富士山' },
];
