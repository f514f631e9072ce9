import type { ModelInfo, RequestTiming, TokenUsage } from '../models/types.js';
import type { ItemScore, MetricSummary, Outcome } from '../scoring/types.js';

/** Bumped on any breaking change to run.json or samples.jsonl; leaderboards check it. */
export const RESULTS_SCHEMA_VERSION = 1;

/** One line of samples.jsonl: everything needed to re-score an item without inference. */
export interface SampleRecord {
  schema_version: number;
  run_id: string;
  suite: string;
  suite_version: number;
  item_id: string;
  /** The template or scene the item shares with others (intervals resample these clusters). */
  cluster?: string;
  model: string;
  /** The rendered prompt (text, or chat messages as JSON). */
  prompt: string | { role: string; content: string }[];
  raw_output: string;
  /** For loglikelihood-scored items: one log-probability per choice. */
  choice_logprobs?: number[];
  extracted: string | null;
  gold: string | number | string[];
  score: ItemScore;
  outcome: Outcome;
  latency_ms: number;
  ttft_ms?: number;
  timing: RequestTiming[];
  usage: TokenUsage;
  output_chars: number;
  /** The LLM judge's verdict, for suites rated with `--judge`. */
  judge?: { model: string; template: string; rating: number | null; output: string; latency_ms: number; error?: string };
  error?: string;
}

export interface ThroughputSummary {
  requests: number;
  /** Wall-clock seconds from the suite's first request to its last response for this model. */
  seconds: number;
  requests_per_s: number;
  prompt_tokens: number;
  completion_tokens: number;
  completion_tokens_per_s: number;
  output_chars_per_s: number;
  latency_ms: { p50: number; p95: number; p99: number };
  ttft_ms?: { p50: number; p95: number; p99: number };
  retries: number;
}

export interface SuiteResult {
  model: string;
  suite: string;
  suite_version: number;
  category: string;
  primary_metric: string;
  /** How choice tasks were answered: the model wrote a label, or choices were ranked by log-likelihood. */
  mode: 'generate' | 'loglikelihood';
  shots: number;
  n: number;
  /** Items that errored (network, model) and so carry no score; they are NOT in n's denominators silently: see `complete`. */
  errors: number;
  /** The first request error's message, so the table can say why a suite is incomplete. */
  first_error?: string;
  /** Records skipped while loading (documented reasons in the load report). */
  skipped: number;
  complete: boolean;
  metrics: Record<string, MetricSummary>;
  outcomes: Record<Outcome, number>;
  flags: Record<string, number>;
  throughput: ThroughputSummary;
}

export interface FileProvenance {
  path: string;
  sha256: string;
  records: number;
  skipped: number;
}

export interface DatasetProvenance {
  suite: string;
  split: string;
  files: FileProvenance[];
  /** Where few-shot examples came from, when not the evaluated split. */
  fewshot?: { split: string; files: FileProvenance[] };
  /** Generator suites: the generator, its version, the run seed, how many items it made and their hash. */
  generator?: { name: string; version: number; seed: number; count: number; sha256: string };
  suite_file_sha256: string;
}

export interface RunRecord {
  schema_version: number;
  run_id: string;
  status: 'running' | 'completed' | 'interrupted' | 'failed';
  /** True only when the run completed and every suite result is complete (no errors, nothing skipped mid-way). */
  complete?: boolean;
  jpeval_version: string;
  git_revision?: string;
  node_version: string;
  started_at: string;
  finished_at?: string;
  duration_s?: number;
  /** The effective configuration (no secrets) and its hash. */
  config: Record<string, unknown>;
  config_hash: string;
  models: ModelInfo[];
  /** The judge model, when `--judge` rated judge-scored suites. */
  judge?: ModelInfo;
  datasets: DatasetProvenance[];
  /** Suites selected by a glob whose data was absent: not run, listed so nothing vanishes silently. */
  skipped_suites?: { suite: string; model?: string; reason: string }[];
  results: SuiteResult[];
  /** Category and overall scores per model, averaged over suites' primary metrics. */
  /** `complete` is false when any suite behind the model's averages is incomplete. */
  summary: { model: string; categories: Record<string, number>; overall: number; complete: boolean }[];
  error?: string;
}
