import type { Item } from '../datasets/types.js';
import type { ModelBackend, Prompt } from '../models/types.js';
import type { SampleRecord, SuiteResult } from '../results/types.js';
import { RESULTS_SCHEMA_VERSION } from '../results/types.js';
import { SCORING_INTERRUPTED, timingFromRecord, timingRecord, usageFromRecord, usageRecord } from '../results/records.js';
import { scoreItem } from '../scoring/score-item.js';
import { resolveScorers, type ScoringRuntime } from '../scoring/scorers.js';
import { breakdownValues } from '../scoring/breakdown.js';
import { goldAnswer } from '../suites/choices.js';
import { promptForRecord, renderPrompt, selectShots } from '../suites/render.js';
import type { Suite } from '../suites/schema.js';
import { errorMessage, ModelError } from '../util/errors.js';
import type { RunEvents } from './events.js';
import { generateItem, loglikelihoodItems, type Inference, type ScoringMode } from './execute-item.js';
import type { PriorSample } from './resume.js';
import { buildSuiteResult, type FinishedItem } from './suite-result.js';
import { ThroughputMeter } from './throughput.js';

export interface SuiteRunInput {
  runId: string;
  backend: ModelBackend;
  modelId: string;
  suite: Suite;
  /** The suite's items (this shard's), streamed: a large suite is never held whole. */
  items: () => AsyncIterable<Item>;
  /** How many items `items` yields (for progress and completeness). */
  total: number;
  /** Items a resumed run already finished: counted in the result, not run again. */
  done?: ReadonlyMap<string, PriorSample>;
  /** Outputs a resumed run generated but could not score (Ctrl-C while judging): scored, not generated again. */
  unscored?: ReadonlyMap<string, Inference>;
  fewshotPool: Item[];
  shots: number;
  seed: number;
  mode: ScoringMode;
  concurrency: number;
  /** Items per loglikelihood call (lets a local backend batch and sort across items). */
  batchSize: number;
  /** Graders by role and prepared scorer resources (scoring/scorers.ts prepareScoring). */
  scoring?: ScoringRuntime;
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

/** The item's values of the suite's `breakdown_by` fields (absent ones left out), if it has any. */
function breakdownOf(suite: Suite, item: Item): Record<string, string> | undefined {
  if (!suite.breakdown_by?.length) return undefined;
  const values = Object.entries(breakdownValues(suite.breakdown_by, item.vars)).filter((e): e is [string, string] => e[1] !== undefined);
  return Object.fromEntries(values);
}

/**
 * The values of an item whose scoring Ctrl-C cut short: null for every mean metric (not known
 * yet), so the partial run.json leaves it out of each metric's n instead of counting it as 0.
 */
function notScoredValues(suite: Suite): Record<string, null> {
  return Object.fromEntries(resolveScorers(suite).flatMap(({ name, metric }) => (metric.kind === 'mean' ? [[name, null]] : [])));
}

/** A finished item as the suite result needs it; its timings go to the meter, not into memory. */
function finishedFromPrior(p: PriorSample, suite: Suite, item: Item, meter: ThroughputMeter): FinishedItem {
  meter.add(p.timing.map(timingFromRecord), usageFromRecord(p.usage), p.output_chars);
  const breakdown = breakdownOf(suite, item);
  return {
    item_id: p.item_id,
    ...(p.outcome === 'error' ? { error: 'error' } : { score: p.score }),
    ...(item.cluster !== undefined ? { cluster: item.cluster } : {}),
    ...(breakdown ? { breakdown } : {}),
    timing: [],
    usage: {},
    output_chars: p.output_chars,
  };
}

/**
 * Runs one suite against one model: streams the items, renders each prompt when its turn comes,
 * runs inference with `concurrency` workers, scores each item as it finishes and emits it (the
 * samples writer is a subscriber). Only scores and timings stay in memory. Items a resumed run
 * already has are skipped; the result counts them like the rest.
 */
export async function runSuite(input: SuiteRunInput): Promise<SuiteResult> {
  const { suite, events, signal } = input;
  const finished: FinishedItem[] = [];
  const meter = new ThroughputMeter();
  let consecutiveErrors = 0;
  let fatal: FatalModelError | undefined;
  events.emit({ type: 'suite_started', model: input.modelId, suite: suite.name, total: input.total });

  const finish = async (item: Item, prompt: Prompt, inference: Inference | undefined, error?: unknown): Promise<void> => {
    let sample: SampleRecord;
    // The rest of the record is added with Object.assign, not `{ ...base, … }`: V8 gives every
    // object made by a literal that starts with a spread a map of its own, which made each sample
    // a new shape and every reader of samples (writer, aggregation, the TUI) megamorphic.
    const base: Pick<SampleRecord, 'schema_version' | 'run_id' | 'suite' | 'suite_version' | 'item_id' | 'model' | 'prompt' | 'gold'> = {
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
      const extra = {
        ...(inference.predictedIndex !== undefined ? { predictedIndex: inference.predictedIndex } : {}),
        ...(inference.choiceLogprobs ? { choiceLogprobs: inference.choiceLogprobs } : {}),
        ...(inference.choiceChars ? { choiceChars: inference.choiceChars } : {}),
      };
      const { extracted, score } = await scoreItem(suite, item, inference.raw, extra, { ...input.scoring, signal }).catch((err: unknown) => {
        // Ctrl-C while a scorer (a judge) was working: the output is kept, to be scored on resume.
        if (!signal.aborted) throw err;
        return { extracted: null, score: { outcome: 'unscored' as const, values: notScoredValues(suite), stats: {}, flags: [SCORING_INTERRUPTED] } };
      });
      if (inference.flags) score.flags.push(...inference.flags);
      const outputChars = [...inference.raw].length;
      meter.add(inference.timing, inference.usage, outputChars);
      const breakdown = breakdownOf(suite, item);
      finished.push({
        item_id: item.id,
        score,
        ...(item.cluster !== undefined ? { cluster: item.cluster } : {}),
        ...(breakdown ? { breakdown } : {}),
        timing: [],
        usage: {},
        output_chars: outputChars,
      });
      const latency = inference.timing.reduce((s, t) => Math.max(s, t.latencyMs), 0);
      const ttft = inference.timing[0]?.ttftMs;
      sample = Object.assign(base, {
        raw_output: inference.raw,
        ...(inference.choiceLogprobs ? { choice_logprobs: inference.choiceLogprobs } : {}),
        ...(inference.choiceChars ? { choice_chars: inference.choiceChars } : {}),
        ...(breakdown ? { breakdown } : {}),
        extracted,
        score,
        outcome: score.outcome,
        latency_ms: latency,
        ...(ttft !== undefined ? { ttft_ms: ttft } : {}),
        timing: inference.timing.map(timingRecord),
        usage: usageRecord(inference.usage),
        output_chars: outputChars,
        ...(inference.cache ? { cache: inference.cache } : {}),
      });
      consecutiveErrors = 0;
    } else {
      finished.push({ item_id: item.id, ...(item.cluster !== undefined ? { cluster: item.cluster } : {}), timing: [], usage: {}, output_chars: 0, error: errorMessage(error) });
      consecutiveErrors += 1;
      sample = Object.assign(base, {
        raw_output: '',
        extracted: null,
        score: { outcome: 'error' as const, values: {}, stats: {}, flags: [] },
        outcome: 'error' as const,
        latency_ms: 0,
        timing: [],
        usage: {},
        output_chars: 0,
        error: errorMessage(error),
      });
      const unrecoverable = error instanceof ModelError && error.fatal;
      if (unrecoverable || consecutiveErrors >= MAX_CONSECUTIVE_ERRORS) {
        fatal ??= new FatalModelError(unrecoverable ? errorMessage(error) : `${consecutiveErrors} requests in a row failed; last: ${errorMessage(error)}`);
      }
    }
    events.emit({ type: 'item_finished', model: input.modelId, suite: suite.name, sample });
  };

  const stopped = (): boolean => signal.aborted || fatal !== undefined;
  const promptFor = (item: Item): Prompt => renderPrompt(suite, item, selectShots(suite, input.fewshotPool, item, input.shots, input.seed));
  // One iterator shared by every worker: each takes the next item (or batch) when it is free.
  const source = input.items()[Symbol.asyncIterator]();
  const take = async (n: number): Promise<Item[]> => {
    const out: Item[] = [];
    while (out.length < n && !stopped()) {
      const next = await source.next();
      if (next.done) break;
      const prior = input.done?.get(next.value.id);
      if (prior) finished.push(finishedFromPrior(prior, suite, next.value, meter));
      else out.push(next.value);
    }
    return out;
  };
  const worker = async (): Promise<void> => {
    const size = input.mode === 'generate' ? 1 : Math.max(1, input.batchSize);
    for (let batch = await take(size); batch.length > 0 && !stopped(); batch = await take(size)) {
      const prompted = batch.map((item) => ({ item, prompt: promptFor(item) }));
      try {
        if (input.mode === 'generate') {
          const { item, prompt } = prompted[0]!;
          await finish(item, prompt, input.unscored?.get(item.id) ?? (await generateItem(input.backend, suite, item, prompt, signal)));
        } else {
          const inferences = await loglikelihoodItems(input.backend, suite, prompted, signal);
          for (const [j, inf] of inferences.entries()) await finish(prompted[j]!.item, prompted[j]!.prompt, inf);
        }
      } catch (err) {
        if (signal.aborted) return;
        for (const { item, prompt } of prompted) await finish(item, prompt, undefined, err);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency) }, worker));

  const result = buildSuiteResult(
    { suite, modelId: input.modelId, mode: input.mode, shots: input.shots, seed: input.seed, skipped: input.skipped, total: input.total, stopped: stopped(), meter },
    finished,
  );
  events.emit({ type: 'suite_finished', model: input.modelId, suite: suite.name, result });
  if (fatal) {
    fatal.result = result;
    throw fatal;
  }
  return result;
}
