/**
 * leaderboard.json: everything a leaderboard shows, derived from run.json + samples.jsonl at full
 * precision. Markdown, CSV and HTML are rendered from this alone.
 */
export const LEADERBOARD_SCHEMA = 'jpeval-leaderboard/1';

/** One model as evaluated in one run (the same model in two runs is two entries). */
export interface Entry {
  id: string;
  label: string;
  model: string;
  run_id: string;
  started_at: string;
  backend: string;
  concurrency: number | null;
  batch_size: number | null;
  /** Where the model ran: the server for remote models, the recorded host for local ones. */
  hardware: string;
}

export type SuiteKind = 'hallucination' | 'industrial' | 'general';

export interface SuiteInfo {
  name: string;
  category: string;
  kind: SuiteKind;
  primary_metric: string;
  /** Every metric any entry reported for the suite, primary first. */
  metrics: string[];
}

export interface MetricCell {
  value: number | null;
  ci95: [number | null, number | null];
}

export interface Cell {
  entry: string;
  suite: string;
  /** Comparability group within the suite (see SuiteGroup). */
  group: number;
  value: number | null;
  ci95: [number | null, number | null];
  n: number;
  errors: number;
  complete: boolean;
  metrics: Record<string, MetricCell>;
  outcomes: Record<string, number>;
}

/** One paired comparison on the items two results share (leaderboard matrix, nightly regressions). */
export interface PairedTest {
  /** First minus second, on the paired items. */
  difference: number;
  ci95: [number, number];
  p: number;
  /** Holm-adjusted within the comparisons it was tested with. */
  p_holm: number;
  test: 'mcnemar' | 'paired_bootstrap';
  n: number;
  /** Items the first scores higher / lower on (for binary metrics: right where the other is wrong). */
  gained: number;
  lost: number;
  lost_items: string[];
}

export interface PairwiseResult extends PairedTest {
  a: string;
  b: string;
  gained_items: string[];
}

export interface RankRow {
  entry: string;
  score: number;
  position: number;
  rank_best: number;
  rank_worst: number;
  tie_group: number;
}

/** Entries whose results on a suite can be compared (same suite version, data, items, shots, decoding, choice mode). */
export interface SuiteGroup {
  suite: string;
  group: number;
  /** The comparability key's fields, for display. */
  key: Record<string, unknown>;
  entries: string[];
  /** Why this group is not ranked with group 0 (absent for group 0). */
  reason?: string;
  ranking: RankRow[];
  pairwise: PairwiseResult[];
}

export interface SummaryRow {
  entry: string;
  categories: Record<string, number>;
  overall: number | null;
  complete: boolean;
  /** False when some suite of the entry is outside its suite's main comparability group. */
  ranked: boolean;
  reason?: string;
}

export interface ThroughputRow {
  entry: string;
  suite: string;
  requests: number;
  errors: number;
  retries: number;
  requests_per_s: number;
  completion_tokens_per_s: number;
  output_chars_per_s: number;
  latency_ms: { p50: number; p95: number; p99: number };
  ttft_ms: { p50: number; p95: number; p99: number } | null;
  /** Rows with the same class share concurrency, batch size and hardware; only they compare. */
  throughput_class: number;
}

export interface ThroughputClass {
  id: number;
  concurrency: number | null;
  batch_size: number | null;
  hardware: string;
  entries: string[];
}

export interface HistoryPoint {
  run_id: string;
  started_at: string;
  model: string;
  overall: number | null;
  suites: Record<string, number | null>;
}

export interface ItemChunkIndex {
  /** `${entry}/${suite}` → script files (relative to the site root), in item order. */
  [key: string]: string[];
}

export interface LeaderboardData {
  schema: typeof LEADERBOARD_SCHEMA;
  generated_at: string;
  jpeval_version: string;
  runs: { run_id: string; dir: string; started_at: string; status: string }[];
  entries: Entry[];
  suites: SuiteInfo[];
  categories: string[];
  cells: Cell[];
  groups: SuiteGroup[];
  summary: SummaryRow[];
  /** Rank bounds of the overall score (stratified paired bootstrap, Holm). */
  summary_ranking: RankRow[];
  summary_pairwise: PairwiseResult[];
  throughput: ThroughputRow[];
  throughput_classes: ThroughputClass[];
  history: HistoryPoint[];
  item_chunks: ItemChunkIndex;
  notes: string[];
}
