import { groundingMentions } from '../hallucination/grounding.js';
import type { CorpusMetric } from '../types.js';
import { sourceText } from './grounded.js';

/**
 * Per-mention rate: unsupported mentions / all mentions (numbers, quantities, proper nouns) over
 * the suite. Item statistics `[unsupported, mentions]`; 0 when no response mentions anything.
 */
export const unsupportedMentionRate: CorpusMetric = {
  kind: 'corpus',
  name: 'unsupported_mention_rate',
  description: 'numbers, quantities and proper nouns absent from the source / all of them (0–1, lower is better)',
  needsTokenizer: true,
  range: [0, 1],
  async stats(input) {
    const mentions = await groundingMentions(input.prediction ?? input.raw, sourceText(input));
    return [mentions.filter((m) => !m.supported).length, mentions.length];
  },
  reduce(stats) {
    let bad = 0, all = 0;
    for (const [u, n] of stats) {
      bad += u ?? 0;
      all += n ?? 0;
    }
    return all === 0 ? 0 : bad / all;
  },
};
