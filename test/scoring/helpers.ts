import type { Item } from '../../src/datasets/types.js';
import type { MetricInput, ScorerContext } from '../../src/scoring/types.js';

/** A minimal item; tests override what they need. */
export function makeItem(over: Partial<Item> = {}): Item {
  return { id: 't-1', vars: {}, references: [], origin: { file: 'test.jsonl', line: 1 }, ...over };
}

/** A metric input for a text prediction against references. */
export function textInput(prediction: string | null, references: string[], over: Partial<MetricInput> = {}): MetricInput {
  return { prediction, raw: prediction ?? '', item: makeItem({ references }), ...over };
}

/** The scorer context of a metric run without options, grader or cancellation. */
export const CTX: ScorerContext = { options: {}, signal: new AbortController().signal };
