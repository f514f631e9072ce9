import type { z } from 'zod';
import type { Item } from '../datasets/types.js';
import type { GenerateRequest, GenerateResult } from '../models/types.js';

/**
 * Per-item outcome bucket. `unscored` means the scorer could not read the answer (e.g. no choice
 * label found) or could not grade it yet (no judge model); it still counts as 0 in accuracy-style
 * means, so denominators never shrink, and is never folded into `incorrect`. `error` on a scored
 * item means a scorer failed (e.g. the judge's request); the suite is then marked incomplete.
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
}

/**
 * A model that grades outputs for a scorer that declares a `role` (e.g. the `judge` role, filled
 * by `--judge SPEC`, `--role judge=SPEC` or `roles: {judge: …}` in the config file).
 */
export interface GraderModel {
  /** The role it fills, e.g. `judge`. */
  role: string;
  /** The grader's model id (recorded with each verdict). */
  id: string;
  generate(request: GenerateRequest): Promise<GenerateResult>;
}

/** The second argument of `score` / `stats`. */
export interface ScorerContext {
  /** The suite's options for this metric (`{name: judge, template: single-v1}`), parsed by `optionsSchema` when declared. */
  options: Record<string, unknown>;
  /** Aborted on Ctrl-C: pass it to every request a scorer makes. */
  signal: AbortSignal;
  /** Present only when the metric declares a `role` and a model fills that role in this run. */
  grader?: GraderModel;
  /** What the metric's `prepare` returned for this suite (e.g. loaded judge prompt files). */
  prepared?: unknown;
}

/** Where a suite's scorers may find resources, given to `prepare`. */
export interface ScorerEnvironment {
  suite: { name: string; howToGet?: string };
  /** The suite's data directory (upstream files are found under it). */
  dataRoot: string;
}

/**
 * What a mean metric may return for one item instead of a bare number.
 * `value: null` = not applicable to this item (excluded from the metric's n).
 * `outcome` sets the item's bucket when this metric is the suite's primary metric.
 * `flags` are appended to the item's flags; `details` are stored in samples.jsonl under
 * `score.details[<metric name>]`.
 */
export interface ScoreResult {
  value: number | null;
  outcome?: Outcome;
  flags?: string[];
  details?: Record<string, unknown>;
}

/** Fields every metric (scorer) shares. */
interface MetricBase {
  name: string;
  description: string;
  /** Whether it needs the kuromoji tokenizer (so it is loaded lazily only when needed). */
  needsTokenizer?: boolean;
  /**
   * The value's range, e.g. [0, 1] or [0, 100]. Drives the correct/incorrect threshold and the
   * display: a range ending at 100 is divided by 100 before category averages.
   */
  range?: [number, number];
  /** Validates and defaults the metric's options from the suite file (`{name: <metric>, ...options}`). */
  optionsSchema?: z.ZodType<Record<string, unknown>>;
  /** The grader role this scorer needs (e.g. `judge`); without a model for it the scorer gets no `grader`. */
  role?: string;
  /**
   * Once per suite, before any item is scored, and only when the scorer will run with its grader:
   * load resources (prompt files under the data dir). A missing file fails the run before inference.
   */
  prepare?(options: Record<string, unknown>, env: ScorerEnvironment): Promise<unknown>;
}

/**
 * A metric whose suite value is the mean of per-item values (accuracy, exact match, char-F1, …).
 * Values are usually in [0, 1].
 */
export interface MeanMetric extends MetricBase {
  kind: 'mean';
  score(input: MetricInput, ctx: ScorerContext): number | ScoreResult | Promise<number | ScoreResult>;
}

/**
 * A metric computed over the whole corpus (BLEU, Pearson, Spearman). Each item contributes a vector
 * of sufficient statistics; `reduce` turns any multiset of them into the value. This keeps scores
 * recomputable from samples.jsonl and makes bootstrap resampling cheap.
 */
export interface CorpusMetric extends MetricBase {
  kind: 'corpus';
  stats(input: MetricInput, ctx: ScorerContext): number[] | Promise<number[]>;
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
  /** Mean-metric values by metric name; null = not applicable to this item (excluded from n). */
  values: Record<string, number | null>;
  /** Corpus-metric sufficient statistics by metric name. */
  stats: Record<string, number[]>;
  /** Free-form flags (e.g. `abstained`, `fabricated_entity`, `needs_judge`), counted per suite. */
  flags: string[];
  /** Per-metric details (reason codes, parsed answers, a judge's verdict), by metric name. */
  details?: Record<string, Record<string, unknown>>;
}

/** A suite-level figure with its uncertainty. */
export interface MetricSummary {
  value: number;
  stderr: number;
  ci95: [number, number];
  /** Items that contributed (mean metrics: those with a non-null value). */
  n?: number;
}
