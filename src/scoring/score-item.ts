import type { Item } from '../datasets/types.js';
import { choiceLabels } from '../suites/choices.js';
import type { SuiteDefinition } from '../suites/schema.js';
import { extractors } from './extractors/index.js';
import { normalizeText } from './normalize.js';
import { firstNumber } from './numbers.js';
import { resolveScorers, type MetricRef, type ScoringRuntime } from './scorers.js';
import type { ItemScore, Metric, MetricInput, Outcome, ScoreResult, ScorerContext } from './types.js';

/**
 * The answers a classification suite accepts (its gold_map values, normalised), so that an answer
 * outside the label set ("3.5点", "(B)") is `unscored` — the same bucket as an unreadable choice.
 */
const labelSets = new WeakMap<object, Set<string> | null>();
function labelSet(suite: ScoredSuite): Set<string> | null {
  if (suite.task !== 'classification') return null;
  let set = labelSets.get(suite);
  if (set === undefined) {
    const map = suite.dataset?.fields.gold_map;
    set = map ? new Set(Object.values(map).map((v) => normalizeText(String(v)))) : null;
    labelSets.set(suite, set);
  }
  return set;
}

/** A mean metric value at or above this fraction of its range counts the item as `correct`. */
export const CORRECT_THRESHOLD = 0.5;
/** A regression prediction within this distance of the gold value counts as `correct`. */
export const REGRESSION_TOLERANCE = 0.5;

type ScoredSuite = Pick<SuiteDefinition, 'answer' | 'primary_metric' | 'choices' | 'task'> & {
  metrics: readonly MetricRef[];
  name?: string;
  file?: string;
  dataset?: Pick<SuiteDefinition['dataset'], 'fields'>;
};

const NEVER_ABORTED = new AbortController().signal;

/** Index of the choice an extracted answer names: its label, else its text (both normalised). */
function choiceIndex(extracted: string, labels: string[], choices: string[]): number | undefined {
  const exact = labels.indexOf(extracted);
  if (exact !== -1) return exact;
  const norm = normalizeText(extracted);
  const byLabel = labels.findIndex((l) => normalizeText(l) === norm);
  if (byLabel !== -1) return byLabel;
  const byText = choices.findIndex((c) => normalizeText(c) === norm);
  return byText === -1 ? undefined : byText;
}

function upperBound(metric: Metric): number {
  return metric.range?.[1] ?? 1;
}

/**
 * Scores one item. Steps:
 *  1. Extraction. With `extra.predictedIndex` (loglikelihood choice scoring) the answer is that
 *     choice's label and no extractor runs. Otherwise the suite's extractor runs on the raw output;
 *     the `choice` extractor is given the suite's labels unless `answer.options.labels` is set.
 *  2. Choice items (with choices): the extracted label (or choice text) becomes `predictedIndex`.
 *     Regression items (with `goldValue`): the first number of the extracted text becomes
 *     `predictedValue`.
 *  3. Every scorer of the suite runs with its options, the abort signal and (when it declares a
 *     role that is filled) its grader (a null extraction scores 0 on mean metrics; corpus metrics
 *     record statistics for an empty answer), so denominators never shrink. A mean scorer may
 *     return {value, outcome, flags, details}: flags are appended, details stored by metric name.
 *  4. Outcome: an `outcome` returned by the primary scorer wins. Else `unscored` when nothing
 *     readable was extracted (null, an answer naming no choice on a choice item, no number on a
 *     regression item) or the primary value is null. Otherwise from the primary metric
 *     (`primary_metric` ?? `metrics[0]`): mean metrics → `correct` when value ≥ 0.5 × range max;
 *     corpus metrics → choice items: index equality; regression items: |pred − gold| ≤ 0.5;
 *     anything else (BLEU): the item's own sentence-level value ≥ 0.5 × range max.
 */
export async function scoreItem(
  suite: ScoredSuite,
  item: Item,
  raw: string,
  extra: { predictedIndex?: number } = {},
  runtime: ScoringRuntime = {},
): Promise<{ extracted: string | null; score: ItemScore }> {
  const labels = item.choices ? choiceLabels(suite, item) : [];
  let extracted: string | null;
  let predictedIndex = extra.predictedIndex;
  if (predictedIndex !== undefined) {
    extracted = labels[predictedIndex] ?? String(predictedIndex);
  } else {
    const extractor = extractors.get(suite.answer.extractor);
    const options = { ...suite.answer.options };
    if (extractor.name === 'choice' && options['labels'] === undefined) options['labels'] = labels;
    extracted = extractor.extract(raw, item, options);
    if (extracted !== null && item.choices) predictedIndex = choiceIndex(extracted, labels, item.choices);
  }

  let predictedValue: number | undefined;
  if (extracted !== null && (item.goldValue !== undefined || suite.task === 'regression')) {
    predictedValue = firstNumber(extracted) ?? undefined;
  }

  const input: MetricInput = { prediction: extracted, raw, item };
  if (predictedIndex !== undefined) input.predictedIndex = predictedIndex;
  if (predictedValue !== undefined) input.predictedValue = predictedValue;

  const values: Record<string, number | null> = {};
  const stats: Record<string, number[]> = {};
  const flags: string[] = [];
  const details: Record<string, Record<string, unknown>> = {};
  const outcomes: Record<string, Outcome> = {};
  const scorers = resolveScorers(suite);
  for (const { name, metric, options } of scorers) {
    const ctx: ScorerContext = { options, signal: runtime.signal ?? NEVER_ABORTED };
    const grader = metric.role ? runtime.graders?.[metric.role] : undefined;
    if (grader) ctx.grader = grader;
    if (runtime.prepared && name in runtime.prepared) ctx.prepared = runtime.prepared[name];
    if (metric.kind === 'corpus') {
      stats[name] = await metric.stats(input, ctx);
      continue;
    }
    const result: number | ScoreResult = await metric.score(input, ctx);
    if (typeof result === 'number') {
      values[name] = result;
      continue;
    }
    values[name] = result.value;
    if (result.flags) flags.push(...result.flags);
    if (result.details) details[name] = result.details;
    if (result.outcome) outcomes[name] = result.outcome;
  }
  const score = (outcome: Outcome): ItemScore => ({ outcome, values, stats, flags, ...(Object.keys(details).length ? { details } : {}) });

  if (scorers.length === 0) {
    // Scored outside jpeval: kept, counted, never guessed.
    return { extracted, score: score('unscored') };
  }
  const primaryName = suite.primary_metric ?? scorers[0]!.name;
  const declared = outcomes[primaryName];
  if (declared) return { extracted, score: score(declared) };

  const readable =
    extracted !== null &&
    !(item.choices && item.goldIndex !== undefined && predictedIndex === undefined) &&
    !(item.goldValue !== undefined && predictedValue === undefined) &&
    !(labelSet(suite) && !labelSet(suite)!.has(normalizeText(extracted)));
  let outcome: Outcome = 'unscored';
  const primary = scorers.find((s) => s.name === primaryName)!.metric;
  if (readable && !(primary.kind === 'mean' && values[primaryName] === null)) {
    let correct: boolean;
    if (primary.kind === 'mean') {
      correct = (values[primaryName] ?? 0) >= CORRECT_THRESHOLD * upperBound(primary);
    } else if (item.goldIndex !== undefined) {
      correct = predictedIndex === item.goldIndex;
    } else if (item.goldValue !== undefined) {
      correct = Math.abs((predictedValue as number) - item.goldValue) <= REGRESSION_TOLERANCE;
    } else {
      correct = primary.reduce([stats[primaryName] ?? []]) >= CORRECT_THRESHOLD * upperBound(primary);
    }
    outcome = correct ? 'correct' : 'incorrect';
  }
  return { extracted, score: score(outcome) };
}
