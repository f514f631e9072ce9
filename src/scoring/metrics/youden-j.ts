import { entityCall } from '../hallucination/calls.js';
import type { CorpusMetric } from '../types.js';
import { isReal } from './entity-call.js';

/**
 * Youden's J = 1 − FAR − FRR over real and fabricated entities. Item statistics
 * `[fake, accepted, scored]` (0/1 each; blank outputs are not scored and left out). Refusing
 * everything (FAR 0, FRR 1) and believing everything (FAR 1, FRR 0) both give 0; a set with no
 * fakes or no reals gives 0 (undefined, not perfect).
 */
export const youdenJ: CorpusMetric = {
  kind: 'corpus',
  name: 'youden_j',
  description: 'J = 1 − FAR − FRR on fabricated vs real entities; −1–1, 0 for refuse-all and believe-all',
  needsTokenizer: true,
  range: [-1, 1],
  async stats({ prediction, item }) {
    const call = await entityCall(prediction, isReal(item.vars));
    return [isReal(item.vars) ? 0 : 1, call.answered ? 1 : 0, call.answered === null ? 0 : 1];
  },
  reduce(stats) {
    let fakes = 0, fakesAccepted = 0, reals = 0, realsRefused = 0;
    for (const [fake, accepted, scored] of stats) {
      if (!scored) continue;
      if (fake) {
        fakes++;
        fakesAccepted += accepted ?? 0;
      } else {
        reals++;
        realsRefused += 1 - (accepted ?? 0);
      }
    }
    if (fakes === 0 || reals === 0) return 0;
    // TPR − FAR, computed as run.json's hallucination.entities.j is (paired-rates.ts): 1 − FAR − FRR
    // in that order leaves float residue (FAR 0.9, FRR 0.1 → −2.8e-17, shown as "-0.000").
    return 1 - realsRefused / reals - fakesAccepted / fakes;
  },
};
