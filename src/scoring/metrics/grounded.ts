import { groundingMentions } from '../hallucination/grounding.js';
import type { MeanMetric, MetricInput } from '../types.js';

/** The source text an answer must be grounded in: the item's `source` field. */
export function sourceText(input: MetricInput): string {
  const source = input.item.vars['source'];
  if (typeof source !== 'string' || source === '') throw new Error(`item ${input.item.id}: grounding metrics need a non-empty \`source\` field`);
  return source;
}

/**
 * 1 when every number, quantity and proper noun in the output occurs in the source
 * (hallucination/grounding.ts), else 0; a response that invents any is flagged
 * `unsupported_mention`. A blank output is `unscored` (value 0). Shown next to source_rouge_l, so copying the source is visible.
 */
export const grounded: MeanMetric = {
  kind: 'mean',
  name: 'grounded',
  description: 'share of responses whose numbers, quantities and proper nouns all occur in the source (0–1)',
  needsTokenizer: true,
  range: [0, 1],
  async score(input) {
    const text = input.prediction ?? input.raw;
    // A blank output says nothing at all: unscored (as in every other hallucination grader), not grounded.
    if (text.trim() === '') return { value: 0, outcome: 'unscored', flags: ['empty_output'], details: { mentions: 0, unsupported: [] } };
    const mentions = await groundingMentions(text, sourceText(input));
    const unsupported = mentions.filter((m) => !m.supported);
    return {
      value: unsupported.length === 0 ? 1 : 0,
      flags: unsupported.length ? ['unsupported_mention'] : [],
      details: { mentions: mentions.length, unsupported: unsupported.map((m) => m.text) },
    };
  },
};
