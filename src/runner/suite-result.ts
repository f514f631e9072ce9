import type { RequestTiming, TokenUsage } from '../models/types.js';
import type { SuiteResult } from '../results/types.js';
import { countOutcomes, summarizeSuite } from '../scoring/aggregate.js';
import { breakdownScores } from '../scoring/breakdown.js';
import { suiteHallucination } from '../scoring/hallucination/summary.js';
import type { ItemScore, MetricSummary } from '../scoring/types.js';
import type { Suite } from '../suites/schema.js';
import { ThroughputMeter } from './throughput.js';

/**
 * A suite's result from its finished items, however they were produced: in this process, kept
 * from a killed run being resumed, or read from the shards being merged. Items are aggregated in
 * one canonical order (by item id), never in the order requests happened to finish, so the
 * bootstrap intervals of a run are the same whatever its concurrency, however often it was
 * resumed and however it was sharded.
 */

/** What the result needs of one item (no prompts or outputs: those stay in samples.jsonl). */
export interface FinishedItem {
  item_id: string;
  /** Undefined for an item whose request failed (outcome `error`). */
  score?: ItemScore;
  cluster?: string;
  /** The item's values of the suite's `breakdown_by` fields (e.g. `{difficulty: 'hard'}`). */
  breakdown?: Record<string, string>;
  timing: RequestTiming[];
  usage: TokenUsage;
  output_chars: number;
  error?: string;
}

export interface SuiteResultInput {
  suite: Pick<Suite, 'name' | 'version' | 'category' | 'metrics' | 'primary_metric' | 'breakdown_by'>;
  modelId: string;
  mode: 'generate' | 'loglikelihood';
  shots: number;
  seed: number;
  skipped: number;
  /** Items the suite has (in this run or shard): complete only when every one is scored. */
  total: number;
  /** The run was stopped (Ctrl-C) or the model given up on before the suite finished. */
  stopped: boolean;
  /**
   * Timings already accumulated as items finished (a long run keeps only these numbers, not each
   * item's timing list); when absent, the items' own `timing` lists are used.
   */
  meter?: ThroughputMeter;
}

const byItemId = (a: FinishedItem, b: FinishedItem): number => (a.item_id < b.item_id ? -1 : a.item_id > b.item_id ? 1 : 0);

export function buildSuiteResult(input: SuiteResultInput, finished: readonly FinishedItem[]): SuiteResult {
  const items = [...finished].sort(byItemId);
  const scored = items.filter((i): i is FinishedItem & { score: ItemScore } => i.score !== undefined);
  const scores = scored.map((i) => i.score);
  const clusters = scored.map((i) => i.cluster);
  const failed = items.filter((i) => i.score === undefined);
  let meter = input.meter;
  if (!meter) {
    meter = new ThroughputMeter();
    for (const i of scored) meter.add(i.timing, i.usage, i.output_chars);
  }
  // No scored items (everything errored or was interrupted): no value rather than a fake 0.
  const metrics: Record<string, MetricSummary> =
    scores.length > 0 ? summarizeSuite(input.suite, scores, input.seed, undefined, clusters.some((c) => c !== undefined) ? clusters : undefined) : {};
  const outcomes = countOutcomes(scores);
  const flags = countFlags(scores);
  const hallucination = suiteHallucination(flags, metrics);
  // Metrics per tier of `breakdown_by` (e.g. difficulty), each with its own interval.
  const breakdown = scores.length > 0 ? breakdownScores(input.suite, scores, scored.map((i) => i.breakdown ?? {}), input.seed) : undefined;
  const firstError = failed.find((i) => i.error !== undefined)?.error;
  return {
    model: input.modelId,
    suite: input.suite.name,
    suite_version: input.suite.version,
    category: input.suite.category,
    primary_metric: input.suite.primary_metric ?? input.suite.metrics[0]?.name ?? '',
    mode: input.mode,
    shots: input.shots,
    n: scores.length,
    errors: failed.length,
    ...(firstError !== undefined ? { first_error: firstError } : {}),
    skipped: input.skipped,
    // A scorer that failed on an item (e.g. a judge request) leaves it `error`: incomplete too.
    complete: !input.stopped && failed.length === 0 && outcomes.error === 0 && scores.length === input.total,
    metrics,
    outcomes: { ...outcomes, error: outcomes.error + failed.length },
    flags,
    ...(breakdown ? { breakdown } : {}),
    ...(hallucination ? { hallucination } : {}),
    throughput: meter.summary(),
  };
}

function countFlags(scores: ItemScore[]): Record<string, number> {
  const flags: Record<string, number> = {};
  for (const s of scores) for (const f of s.flags) flags[f] = (flags[f] ?? 0) + 1;
  return flags;
}
