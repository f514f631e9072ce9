import { passageCall } from '../hallucination/calls.js';
import type { MeanMetric } from '../types.js';

/** The item's `swapped` field: true when the question is asked with another article's passage. */
export function isSwapped(vars: Record<string, unknown>): boolean {
  const swapped = vars['swapped'];
  if (typeof swapped !== 'boolean') throw new Error('passage_call needs a boolean `swapped` field on every item');
  return swapped;
}

/**
 * Unanswerable reading comprehension, per item: refusing a swapped passage or answering an original
 * one is the right call (1), else 0. Flags feed the abstention rates in run.json.
 */
export const passageCallMetric: MeanMetric = {
  kind: 'mean',
  name: 'passage_call',
  description: 'right refuse-or-answer call on an answerable (original) or unanswerable (swapped) passage (1/0)',
  needsTokenizer: true,
  range: [0, 1],
  async score({ prediction, item }) {
    const call = await passageCall(prediction, isSwapped(item.vars));
    return { value: call.outcome === 'correct' ? 1 : 0, outcome: call.outcome, flags: call.flags, details: { swapped: isSwapped(item.vars), answered: call.answered } };
  },
};
