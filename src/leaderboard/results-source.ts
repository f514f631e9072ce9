/**
 * The leaderboard's ONE door to results on disk: it turns run.json and samples.jsonl (read by
 * src/results/read.ts, which accepts schema versions 1 and 2) into the small views the
 * leaderboard and nightly use, so a change of results schema touches this file only. Samples are
 * streamed line by line, never held all at once.
 */
import { readRunRecord, readSamples } from '../results/read.js';
import path from 'node:path';

export interface MetricView {
  value: number | null;
  ci95: [number | null, number | null];
  stderr: number | null;
}

export interface ThroughputView {
  requests: number;
  seconds: number;
  requests_per_s: number;
  completion_tokens_per_s: number;
  output_chars_per_s: number;
  latency_ms: { p50: number; p95: number; p99: number };
  ttft_ms?: { p50: number; p95: number; p99: number };
  retries: number;
}

export interface SuiteResultView {
  model: string;
  suite: string;
  suite_version: number;
  category: string;
  primary_metric: string;
  mode: string;
  shots: number;
  n: number;
  errors: number;
  complete: boolean;
  metrics: Record<string, MetricView>;
  outcomes: Record<string, number>;
  throughput: ThroughputView;
}

export interface ModelView {
  id: string;
  /** Display name (config `name:`), when the run recorded one. */
  name?: string;
  backend: string;
  model: string;
  base_url?: string;
  settings: Record<string, unknown>;
}

export interface DatasetView {
  suite: string;
  split: string;
  file_hashes: string[];
  suite_file_sha256: string;
}

export interface RunView {
  dir: string;
  run_id: string;
  status: string;
  started_at: string;
  jpeval_version: string;
  config: Record<string, unknown>;
  models: ModelView[];
  datasets: DatasetView[];
  results: SuiteResultView[];
}

export interface SampleView {
  suite: string;
  model: string;
  item_id: string;
  outcome: string;
  /** Mean-metric values; null = not applicable to this item. */
  values: Record<string, number | null>;
  /** Corpus-metric sufficient statistics. */
  stats: Record<string, number[]>;
  prompt: string;
  raw_output: string;
  extracted: string | null;
  gold: string;
  flags: string[];
  /** Log-probability per choice, for log-likelihood-scored items. */
  choice_logprobs?: number[];
  error?: string;
}

/** Reads and validates `<dir>/run.json` (v1 or v2); errors name the file. */
export async function readRunView(dir: string): Promise<RunView> {
  const r = await readRunRecord(dir);
  return {
    dir: path.resolve(dir),
    run_id: r.run_id,
    status: r.status,
    started_at: r.started_at,
    jpeval_version: r.jpeval_version,
    config: r.config,
    models: r.models.map((m) => ({ id: m.id, ...(m.name ? { name: m.name } : {}), backend: m.backend, model: m.model, ...(m.base_url ? { base_url: m.base_url } : {}), settings: m.settings })),
    datasets: r.datasets.map((d) => ({
      suite: d.suite,
      split: d.split,
      file_hashes: [...d.files.map((f) => f.sha256), ...(d.fewshot?.files.map((f) => `fewshot:${f.sha256}`) ?? []), ...(d.generator ? [`generator:${d.generator.sha256}`] : [])],
      suite_file_sha256: d.suite_file_sha256,
    })),
    results: r.results.map((s) => ({
      model: s.model,
      suite: s.suite,
      suite_version: s.suite_version,
      category: s.category,
      primary_metric: s.primary_metric,
      mode: s.mode,
      shots: s.shots,
      n: s.n,
      errors: s.errors,
      complete: s.complete,
      metrics: s.metrics,
      outcomes: s.outcomes,
      throughput: s.throughput,
    })),
  };
}

const promptText = (p: string | { role: string; content: string }[]): string => (typeof p === 'string' ? p : p.map((m) => `[${m.role}] ${m.content}`).join('\n'));

/**
 * Streams `<dir>/samples.jsonl`. A malformed line is an error naming file and line, except a torn
 * LAST line (a run killed mid-write), which is reported through `warn` and skipped.
 */
export async function* readSampleViews(dir: string, warn: (message: string) => void = () => {}): AsyncGenerator<SampleView> {
  const onTornLine = (t: { file: string; line: number }): void => warn(`${t.file}:${t.line}: torn last line skipped (the run was probably killed while writing it)`);
  for await (const s of readSamples(dir, { onTornLine })) {
    yield {
      suite: s.suite,
      model: s.model,
      item_id: s.item_id,
      outcome: s.outcome,
      values: s.score.values,
      stats: s.score.stats,
      prompt: promptText(s.prompt),
      raw_output: s.raw_output,
      extracted: s.extracted,
      gold: Array.isArray(s.gold) ? s.gold.join(' | ') : String(s.gold),
      flags: s.score.flags,
      ...(s.choice_logprobs ? { choice_logprobs: s.choice_logprobs } : {}),
      ...(s.error !== undefined ? { error: s.error } : {}),
    };
  }
}
