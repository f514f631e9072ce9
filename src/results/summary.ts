import { metrics } from '../scoring/metrics/index.js';
import type { RunRecord, SuiteResult } from './types.js';

/**
 * How a metric's value maps to the 0–1 scale averages use, from its declared `range`: a metric
 * reported on 0–100 (BLEU, as sacrebleu does) is divided by 100. Unknown metrics (a result
 * written by another jpeval version) are taken as they are.
 */
export function unitScale(metricName: string): number {
  const upper = metrics.has(metricName) ? metrics.get(metricName).range?.[1] : undefined;
  return upper !== undefined && upper > 1 ? upper : 1;
}

/** A suite's headline score on a 0–1 scale, as categories and the overall average use it. */
export function headlineScore(result: SuiteResult): number | undefined {
  const summary = result.metrics[result.primary_metric];
  if (!summary || summary.value === null || !Number.isFinite(summary.value)) return undefined;
  return summary.value / unitScale(result.primary_metric);
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Category and overall scores per model, the way llm-jp-eval reads them: a category is the mean of
 * its suites' headline scores, and the overall score is the mean of the categories (so a category
 * with many suites does not outweigh one with few).
 */
export function summarize(results: SuiteResult[]): RunRecord['summary'] {
  const models = [...new Set(results.map((r) => r.model))];
  return models.map((model) => {
    const byCategory = new Map<string, number[]>();
    for (const r of results) {
      if (r.model !== model) continue;
      const score = headlineScore(r);
      if (score === undefined) continue;
      byCategory.set(r.category, [...(byCategory.get(r.category) ?? []), score]);
    }
    const categories: Record<string, number> = {};
    for (const [cat, scores] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) categories[cat] = mean(scores);
    const values = Object.values(categories);
    const complete = results.filter((r) => r.model === model).every((r) => r.complete);
    return { model, categories, overall: values.length ? mean(values) : Number.NaN, complete };
  });
}
