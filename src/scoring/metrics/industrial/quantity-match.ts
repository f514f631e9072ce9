import { z } from 'zod';
import { quantityVerdict } from './verdicts.js';
import type { MeanMetric } from '../../types.js';

/**
 * ind-unit-calc: the answer's quantity (number + unit, read by scoring/units) equals the gold after
 * unit conversion, within the item's relative tolerance. Wrong, missing or unknown units score 0
 * whatever the number. Reads the raw output (the answer line is found there).
 */
export const quantityMatch: MeanMetric = {
  kind: 'mean',
  name: 'quantity_match',
  description: 'Value + unit: dimension check (equivalent units accepted), then the item’s relative tolerance; 0–1.',
  range: [0, 1],
  /** `{name: quantity_match, rel_tol: 0.05}` overrides every item's tolerance (e.g. for a lenient report). */
  optionsSchema: z.object({ rel_tol: z.number().positive().optional() }).strict(),
  score({ raw, item }, ctx) {
    const relTol = ctx?.options?.['rel_tol'];
    return quantityVerdict(raw, item, typeof relTol === 'number' ? relTol : undefined);
  },
};

export { goldQuantity } from './item-gold.js';
