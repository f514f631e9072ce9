import { checkQuantityAnswer, type GoldQuantity } from '../../units/check-quantity.js';
import type { Item } from '../../../datasets/types.js';
import type { MeanMetric } from '../../types.js';

/** The gold quantity of an ind-unit-calc item (record fields value, unit, rel_tol, temperature?). */
export function goldQuantity(item: Item): GoldQuantity {
  const v = item.vars;
  if (typeof v.value !== 'number' || typeof v.unit !== 'string' || typeof v.rel_tol !== 'number') {
    throw new Error(`item ${item.id}: quantity_match needs numeric "value", string "unit" and numeric "rel_tol" fields`);
  }
  return { value: v.value, unit: v.unit, rel_tol: v.rel_tol, ...(v.temperature === 'interval' || v.temperature === 'absolute' ? { temperature: v.temperature } : {}) };
}

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
  score({ raw, item }) {
    return checkQuantityAnswer(raw, goldQuantity(item)).correct ? 1 : 0;
  },
};
