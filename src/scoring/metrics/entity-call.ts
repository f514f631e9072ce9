import { entityCall } from '../hallucination/calls.js';
import type { MeanMetric } from '../types.js';

/** The item's `real` field: true for a real entity, false for a fabricated one. */
export function isReal(vars: Record<string, unknown>): boolean {
  const real = vars['real'];
  if (typeof real !== 'boolean') throw new Error('entity_call needs a boolean `real` field on every item');
  return real;
}

/**
 * Whether the model made the right call on an entity: answered about a real one, or refused a
 * fabricated one (hallucination/calls.ts). Value 1 for the right call, else 0; flags feed
 * FAR / FRR / J in run.json.
 */
export const entityCallMetric: MeanMetric = {
  kind: 'mean',
  name: 'entity_call',
  description: 'right refuse-or-answer call on a real or fabricated entity (1/0); flags fake_accepted, real_refused, …',
  needsTokenizer: true,
  range: [0, 1],
  async score({ prediction, item }) {
    const call = await entityCall(prediction, isReal(item.vars));
    return { value: call.outcome === 'correct' ? 1 : 0, outcome: call.outcome, flags: call.flags, details: { real: isReal(item.vars), answered: call.answered } };
  },
};
