import type { Item } from '../datasets/types.js';

/**
 * Per-item outcome bucket. `unscored` means the scorer could not read the answer (e.g. no choice
 * label found); it still counts as 0 in accuracy-style means, so denominators never shrink, and is
 * never folded into `incorrect`.
 */
export type Outcome = 'correct' | 'incorrect' | 'not_attempted' | 'unscored' | 'error';

/** Everything a metric may look at for one item. */
export interface MetricInput {
  /** The extracted answer (after the suite's extractor), or null when nothing could be extracted. */
  prediction: string | null;
  /** Raw model output. */
  raw: string;
  item: Item;
  /** For loglikelihood-scored items: index of the chosen choice. */
  predictedIndex?: number;
  /** For regression items: the parsed number, if any. */
  predictedValue?: number;
  /** Loglikelihood-scored choice items: each choice's total log-probability and its continuation's length in characters. */
  choiceLogprobs?: number[];
  choiceChars?: number[];
}

/**
 * A metric whose suite value is the mean of per-item values (accuracy, exact match, char-F1, …).
 * Values are usually in [0, 1].
 */
export interface MeanMetric {
  kind: 'mean';
  name: string;
  description: string;
  /** Whether it needs the kuromoji tokenizer (so it is loaded lazily only when needed). */
  needsTokenizer?: boolean;
  /** The value's range, e.g. [0, 1] or [0, 100] (documentation, and the correct/incorrect threshold). */
  range?: [number, number];
  score(input: MetricInput): number | Promise<number>;
}

/**
 * A metric computed over the whole corpus (BLEU, Pearson, Spearman). Each item contributes a vector
 * of sufficient statistics; `reduce` turns any multiset of them into the value. This keeps scores
 * recomputable from samples.jsonl and makes bootstrap resampling cheap.
 */
export interface CorpusMetric {
  kind: 'corpus';
  name: string;
  description: string;
  needsTokenizer?: boolean;
  /** The value's range, e.g. [0, 100] for BLEU, [-1, 1] for correlations. */
  range?: [number, number];
  stats(input: MetricInput): number[] | Promise<number[]>;
  reduce(stats: number[][]): number;
}

export type Metric = MeanMetric | CorpusMetric;

/** Turns raw output into the answer string a metric compares. Registered by name. */
export interface Extractor {
  name: string;
  description: string;
  /** Returns null when no answer can be read from the output. */
  extract(raw: string, item: Item, options: Record<string, unknown>): string | null;
}

/** What scoring one item produced; stored verbatim in samples.jsonl. */
export interface ItemScore {
  outcome: Outcome;
  /** Mean-metric values by metric name. */
  values: Record<string, number>;
  /** Corpus-metric sufficient statistics by metric name. */
  stats: Record<string, number[]>;
  /** Free-form flags (e.g. `abstained`, `fabricated_entity`), counted per suite. */
  flags: string[];
}

/** A suite-level figure with its uncertainty. */
export interface MetricSummary {
  value: number;
  stderr: number;
  ci95: [number, number];
}
