import type { Item } from '../datasets/types.js';
import { choiceLabels } from '../suites/choices.js';
import type { SuiteDefinition } from '../suites/schema.js';
import { extractors } from './extractors/index.js';
import { metrics } from './metrics/index.js';
import { normalizeText } from './normalize.js';
import { firstNumber } from './numbers.js';
import type { ItemScore, Metric, MetricInput, Outcome } from './types.js';

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

type ScoredSuite = Pick<SuiteDefinition, 'answer' | 'metrics' | 'primary_metric' | 'choices' | 'task'> & { dataset?: Pick<SuiteDefinition['dataset'], 'fields'> };

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
 *  3. Every metric of the suite runs (a null extraction scores 0 on mean metrics; corpus metrics
 *     record statistics for an empty answer), so denominators never shrink.
 *  4. Outcome: `unscored` when nothing readable was extracted (null, an answer naming no choice on a
 *     choice item, no number on a regression item). Otherwise from the primary metric
 *     (`primary_metric` ?? `metrics[0]`): mean metrics → `correct` when value ≥ 0.5 × range max;
 *     corpus metrics → choice items: index equality; regression items: |pred − gold| ≤ 0.5;
 *     anything else (BLEU): the item's own sentence-level value ≥ 0.5 × range max.
 */
export async function scoreItem(
  suite: ScoredSuite,
  item: Item,
  raw: string,
  extra: { predictedIndex?: number; choiceLogprobs?: number[]; choiceChars?: number[] } = {},
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
  if (extra.choiceLogprobs && extra.choiceChars) {
    input.choiceLogprobs = extra.choiceLogprobs;
    input.choiceChars = extra.choiceChars;
  }

  const values: Record<string, number> = {};
  const stats: Record<string, number[]> = {};
  for (const name of suite.metrics) {
    const metric = metrics.get(name);
    if (metric.kind === 'mean') values[name] = await metric.score(input);
    else stats[name] = await metric.stats(input);
  }

  const readable =
    extracted !== null &&
    !(item.choices && item.goldIndex !== undefined && predictedIndex === undefined) &&
    !(item.goldValue !== undefined && predictedValue === undefined) &&
    !(labelSet(suite) && !labelSet(suite)!.has(normalizeText(extracted)));
  let outcome: Outcome = 'unscored';
  if (suite.metrics.length === 0) {
    // Scored outside jpeval (an LLM judge reads samples.jsonl): kept, counted, never guessed.
    return { extracted, score: { outcome, values, stats, flags: ['needs_judge'] } };
  }
  if (readable) {
    const primaryName = suite.primary_metric ?? (suite.metrics[0] as string);
    const primary = metrics.get(primaryName);
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
  return { extracted, score: { outcome, values, stats, flags: [] } };
}
