import type { MeanMetric } from '../types.js';
import { sourceText } from './grounded.js';
import { rougeL, rougeTokens } from './rouge.js';

/**
 * Copy indicator for grounded answering: ROUGE-L F (over kuromoji morphemes, as rouge_l) between
 * the output and the item's source text. High values mean the model copied the source rather than
 * answered, which would otherwise make `grounded` trivially 1.
 */
export const sourceRougeL: MeanMetric = {
  kind: 'mean',
  name: 'source_rouge_l',
  description: 'ROUGE-L F of the output against the source text (copy indicator, 0–1)',
  needsTokenizer: true,
  range: [0, 1],
  async score(input) {
    const [target, prediction] = await Promise.all([rougeTokens(sourceText(input)), rougeTokens(input.prediction ?? input.raw)]);
    // Not an accuracy: leave the outcome to the suite's primary metric.
    return { value: rougeL(target, prediction) };
  },
};
