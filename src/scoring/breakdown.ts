import type { SuiteDefinition } from '../suites/schema.js';
import { summarizeSuite } from './aggregate.js';
import type { ItemScore, MetricSummary } from './types.js';

/** One group of a breakdown: its item count and the suite's metrics over those items only. */
export interface BreakdownGroup {
  n: number;
  metrics: Record<string, MetricSummary>;
}

/** field → field value → group; items without the field are grouped under "(none)". */
export type Breakdown = Record<string, Record<string, BreakdownGroup>>;

export const NO_VALUE = '(none)';

/**
 * A suite's metrics per value of each item field in `suite.breakdown_by` (e.g. `difficulty`,
 * `phenomenon`), each with its own bootstrap interval, so a headline number can be read per tier.
 * `values[i]` holds the fields of the item scored as `scores[i]`.
 */
export function breakdownScores(
  suite: Pick<SuiteDefinition, 'metrics' | 'breakdown_by'>,
  scores: readonly ItemScore[],
  values: readonly Record<string, string | undefined>[],
  seed: number,
): Breakdown | undefined {
  if (!suite.breakdown_by?.length || scores.length === 0) return undefined;
  const out: Breakdown = {};
  for (const field of suite.breakdown_by) {
    const groups = new Map<string, ItemScore[]>();
    scores.forEach((score, i) => {
      const key = values[i]?.[field] ?? NO_VALUE;
      groups.set(key, [...(groups.get(key) ?? []), score]);
    });
    out[field] = Object.fromEntries(
      [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => [key, { n: group.length, metrics: summarizeSuite(suite, group, seed) }]),
    );
  }
  return out;
}

/** Field values of an item for a breakdown (stringified; absent fields left undefined). */
export function breakdownValues(fields: readonly string[] | undefined, vars: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const f of fields ?? []) {
    const v = vars[f];
    out[f] = v === undefined || v === null || v === '' ? undefined : String(v);
  }
  return out;
}
