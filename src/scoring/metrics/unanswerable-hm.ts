import { passageCall } from '../hallucination/calls.js';
import { harmonic } from '../hallucination/paired-rates.js';
import type { CorpusMetric } from '../types.js';
import { isSwapped } from './passage-call.js';

/**
 * Harmonic mean of the abstention rate on swapped passages and 1 − the false-abstention rate on
 * originals. Item statistics `[swapped, abstained, scored]`; 0 when either side is empty or 0.
 */
export const unanswerableHm: CorpusMetric = {
  kind: 'corpus',
  name: 'unanswerable_hm',
  description: 'harmonic mean of abstention on swapped passages and 1 − false abstention on originals; 0–1',
  needsTokenizer: true,
  range: [0, 1],
  async stats({ prediction, item }) {
    const call = await passageCall(prediction, isSwapped(item.vars));
    return [isSwapped(item.vars) ? 1 : 0, call.answered === false ? 1 : 0, call.answered === null ? 0 : 1];
  },
  reduce(stats) {
    let swapped = 0, swappedAbstained = 0, originals = 0, originalsAbstained = 0;
    for (const [s, abstained, scored] of stats) {
      if (!scored) continue;
      if (s) {
        swapped++;
        swappedAbstained += abstained ?? 0;
      } else {
        originals++;
        originalsAbstained += abstained ?? 0;
      }
    }
    if (swapped === 0 || originals === 0) return 0;
    return harmonic(swappedAbstained / swapped, 1 - originalsAbstained / originals);
  },
};
