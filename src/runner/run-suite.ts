import pLimit from 'p-limit';
import type { Item } from '../datasets/types.js';
import type { ModelBackend, Prompt } from '../models/types.js';
import type { SampleRecord, SuiteResult } from '../results/types.js';
import { RESULTS_SCHEMA_VERSION } from '../results/types.js';
import { scoreItem } from '../scoring/score-item.js';
import { summarizeMetric, summarizeSuite, countOutcomes } from '../scoring/aggregate.js';
import type { Judge } from '../scoring/judge.js';
import type { ItemScore, MeanMetric, MetricSummary } from '../scoring/types.js';
import { goldAnswer } from '../suites/choices.js';
import { promptForRecord, renderPrompt, selectShots } from '../suites/render.js';
import type { Suite } from '../suites/schema.js';
import { errorMessage, ModelError } from '../util/errors.js';
import type { RunEvents } from './events.js';
import { generateItem, loglikelihoodItems, type Inference, type ScoringMode } from './execute-item.js';
import { ThroughputMeter } from './throughput.js';

export interface SuiteRunInput {
  runId: string;
  backend: ModelBackend;
  modelId: string;
  suite: Suite;
  items: Item[];
  fewshotPool: Item[];
  shots: number;
  seed: number;
  mode: ScoringMode;
  concurrency: number;
  /** Items per loglikelihood call (lets a local backend batch and sort across items). */
  batchSize: number;
  /** When set (`--judge`) and the suite has a `judge` section, every output is rated by it. */
  judge?: Judge;
  skipped: number;
  events: RunEvents;
  signal: AbortSignal;
}

/** Aborts a model's whole run: the backend cannot serve this run at all (not one bad reply). */
export class FatalModelError extends Error {
  /** What the suite had scored when the model was stopped (kept in run.json, marked incomplete). */
  result?: SuiteResult;
}

/** Consecutive failures after which the model is treated as down rather than flaky. */
const MAX_CONSECUTIVE_ERRORS = 5;

function goldForRecord(suite: Suite, item: Item): string | number | string[] {
  if (item.goldValue !== undefined) return item.goldValue;
  if (item.goldIndex !== undefined) return goldAnswer(suite, item);
  return item.references.length === 1 ? item.references[0]! : item.references;
}

/**
 * Runs one suite against one model: renders prompts, runs inference under the concurrency limit,
 * scores each item as it finishes and emits it (the samples writer is a subscriber). Only scores
 * and timings stay in memory.
 */
export async function runSuite(input: SuiteRunInput): Promise<SuiteResult> {
  const { suite, items, events, signal } = input;
  const meter = new ThroughputMeter();
  const scores: ItemScore[] = [];
  // Cluster key (template / scene) per scored item, aligned with `scores`, for clustered intervals.
  const clusters: (string | undefined)[] = [];
  let errors = 0;
  let judgeErrors = 0;
  let firstError: string | undefined;
  let consecutiveErrors = 0;
  let fatal: FatalModelError | undefined;
  events.emit({ type: 'suite_started', model: input.modelId, suite: suite.name, total: items.length });

  const finish = async (item: Item, prompt: Prompt, inference: Inference | undefined, error?: unknown): Promise<void> => {
    let sample: SampleRecord;
    const base = {
      schema_version: RESULTS_SCHEMA_VERSION,
      run_id: input.runId,
      suite: suite.name,
      suite_version: suite.version,
      item_id: item.id,
      ...(item.cluster !== undefined ? { cluster: item.cluster } : {}),
      model: input.modelId,
      prompt: promptForRecord(prompt),
      gold: goldForRecord(suite, item),
    };
    if (inference) {
      const { extracted, score } = await scoreItem(suite, item, inference.raw, inference.predictedIndex !== undefined ? { predictedIndex: inference.predictedIndex } : {});
      if (inference.flags) score.flags.push(...inference.flags);
      const judged = input.judge && suite.judge ? await judgeItem(input.judge, item, extracted ?? inference.raw, score) : undefined;
      if (judged?.error) judgeErrors += 1;
      scores.push(score);
      clusters.push(item.cluster);
      meter.add(inference.timing, inference.usage, [...inference.raw].length);
      const latency = inference.timing.reduce((s, t) => Math.max(s, t.latencyMs), 0);
      const ttft = inference.timing[0]?.ttftMs;
      sample = {
        ...base,
        raw_output: inference.raw,
        ...(inference.choiceLogprobs ? { choice_logprobs: inference.choiceLogprobs } : {}),
        extracted,
        score,
        outcome: score.outcome,
        latency_ms: latency,
        ...(ttft !== undefined ? { ttft_ms: ttft } : {}),
        timing: inference.timing,
        usage: inference.usage,
        output_chars: [...inference.raw].length,
        ...(judged ? { judge: judged } : {}),
      };
      consecutiveErrors = 0;
    } else {
      errors += 1;
      firstError ??= errorMessage(error);
      consecutiveErrors += 1;
      sample = {
        ...base,
        raw_output: '',
        extracted: null,
        score: { outcome: 'error', values: {}, stats: {}, flags: [] },
        outcome: 'error',
        latency_ms: 0,
        timing: [],
        usage: {},
        output_chars: 0,
        error: errorMessage(error),
      };
      const unrecoverable = error instanceof ModelError && error.fatal;
      if (unrecoverable || consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
        fatal ??= new FatalModelError(unrecoverable ? errorMessage(error) : `${consecutiveErrors} requests in a row failed; last: ${errorMessage(error)}`);
      }
    }
    events.emit({ type: 'item_finished', model: input.modelId, suite: suite.name, sample });
  };

  const limit = pLimit(Math.max(1, input.concurrency));
  const prompts = items.map((item) => renderPrompt(suite, item, selectShots(suite, input.fewshotPool, item, input.shots, input.seed)));
  const stopped = (): boolean => signal.aborted || fatal !== undefined;
  const tasks: Promise<void>[] = [];
  if (input.mode === 'generate') {
    items.forEach((item, i) => {
      tasks.push(
        limit(async () => {
          if (stopped()) return;
          const prompt = prompts[i]!;
          try {
            await finish(item, prompt, await generateItem(input.backend, suite, item, prompt, signal));
          } catch (err) {
            if (signal.aborted) return;
            await finish(item, prompt, undefined, err);
          }
        }),
      );
    });
  } else {
    const size = Math.max(1, input.batchSize);
    for (let start = 0; start < items.length; start += size) {
      const batch = items.slice(start, start + size).map((item, j) => ({ item, prompt: prompts[start + j]! }));
      tasks.push(
        limit(async () => {
          if (stopped()) return;
          try {
            const inferences = await loglikelihoodItems(input.backend, suite, batch, signal);
            for (const [j, inf] of inferences.entries()) await finish(batch[j]!.item, batch[j]!.prompt, inf);
          } catch (err) {
            if (signal.aborted) return;
            for (const { item, prompt } of batch) await finish(item, prompt, undefined, err);
          }
        }),
      );
    }
  }
  await Promise.all(tasks);

  const scored = scores.length;
  const judged = input.judge !== undefined && suite.judge !== undefined;
  // No scored items (everything errored or was interrupted): no value rather than a fake 0.
  const metricSummaries: Record<string, MetricSummary> = scored > 0 ? summarizeSuite(suite, scores, input.seed, undefined, clusters.some((c) => c !== undefined) ? clusters : undefined) : {};
  if (judged && scored > 0) metricSummaries.judge = summarizeMetric(JUDGE_METRIC, scores.map((s) => s.values.judge ?? 0), { seed: input.seed });
  const result: SuiteResult = {
    model: input.modelId,
    suite: suite.name,
    suite_version: suite.version,
    category: suite.category,
    primary_metric: judged ? 'judge' : (suite.primary_metric ?? suite.metrics[0] ?? ''),
    mode: input.mode,
    shots: input.shots,
    n: scored,
    errors,
    ...(firstError ? { first_error: firstError } : {}),
    skipped: input.skipped,
    complete: !signal.aborted && !fatal && errors === 0 && judgeErrors === 0 && scored === items.length,
    metrics: metricSummaries,
    outcomes: { ...countOutcomes(scores), error: errors },
    flags: countFlags(scores),
    throughput: meter.summary(),
  };
  events.emit({ type: 'suite_finished', model: input.modelId, suite: suite.name, result });
  if (fatal) {
    fatal.result = result;
    throw fatal;
  }
  return result;
}

/** The judge's rating / scale, averaged like any mean metric (unreadable ratings count 0). */
const JUDGE_METRIC: MeanMetric = { kind: 'mean', name: 'judge', description: 'LLM-judge rating / scale', range: [0, 1], score: () => 0 };

/**
 * Asks the judge to rate an output and folds the verdict into the item's score: value
 * `judge` = rating / scale; outcome correct when ≥ 0.5; an unreadable rating or a failed judge
 * request leaves the item `unscored` with a flag, never silently dropped.
 */
async function judgeItem(judge: Judge, item: Item, answer: string, score: ItemScore): Promise<NonNullable<SampleRecord['judge']>> {
  score.flags = score.flags.filter((f) => f !== 'needs_judge');
  try {
    const verdict = await judge.rate(item, answer);
    score.values.judge = verdict.value ?? 0;
    if (verdict.value === null) {
      score.outcome = 'unscored';
      score.flags.push('judge_unreadable');
    } else score.outcome = verdict.value >= 0.5 ? 'correct' : 'incorrect';
    return { model: judge.modelId, template: verdict.template, rating: verdict.rating, output: verdict.output, latency_ms: verdict.timing.latencyMs };
  } catch (err) {
    score.values.judge = 0;
    score.outcome = 'unscored';
    score.flags.push('judge_error');
    return { model: judge.modelId, template: '', rating: null, output: '', latency_ms: 0, error: errorMessage(err) };
  }
}

function countFlags(scores: ItemScore[]): Record<string, number> {
  const flags: Record<string, number> = {};
  for (const s of scores) for (const f of s.flags) flags[f] = (flags[f] ?? 0) + 1;
  return flags;
}
