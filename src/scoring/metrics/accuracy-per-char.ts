import type { MeanMetric, MetricInput } from '../types.js';
import { accuracyValue } from './accuracy.js';

/**
 * The choice with the highest log-probability per character is picked. Total log-probability
 * favours the shorter of two sentences (every extra character costs probability); per character it
 * does not, so a minimal pair whose bad sentence is shorter is judged on its grammar. Items scored
 * in generate mode (no log-probabilities) fall back to plain accuracy.
 */
export function perCharIndex(logprobs: readonly number[], chars: readonly number[]): number {
  let best = 0;
  const norm = (i: number) => logprobs[i]! / Math.max(1, chars[i] ?? 1);
  for (let i = 1; i < logprobs.length; i++) if (norm(i) > norm(best)) best = i;
  return best;
}

export const accuracyPerChar: MeanMetric = {
  kind: 'mean',
  name: 'accuracy_per_char',
  description: 'Choice items scored by log-likelihood: right when the gold has the highest log-probability per character (length-normalised); otherwise as accuracy.',
  range: [0, 1],
  score(input: MetricInput): number {
    const { item, choiceLogprobs, choiceChars } = input;
    if (item.goldIndex === undefined || !choiceLogprobs || !choiceChars || choiceLogprobs.length !== choiceChars.length) return accuracyValue(input);
    return perCharIndex(choiceLogprobs, choiceChars) === item.goldIndex ? 1 : 0;
  },
};
