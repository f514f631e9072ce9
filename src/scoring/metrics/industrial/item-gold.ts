import type { Item } from '../../../datasets/types.js';
import type { StTest } from '../../../plc/run-vectors.js';
import type { GoldQuantity } from '../../units/check-quantity.js';

/** Where the industrial checkers find their gold in an item's record. */

/** The gold quantity of an ind-unit-calc item (record fields value, unit, rel_tol, temperature?). */
export function goldQuantity(item: Item): GoldQuantity {
  const v = item.vars;
  if (typeof v.value !== 'number' || typeof v.unit !== 'string' || typeof v.rel_tol !== 'number') {
    throw new Error(`item ${item.id}: quantity_match needs numeric "value", string "unit" and numeric "rel_tol" fields`);
  }
  return { value: v.value, unit: v.unit, rel_tol: v.rel_tol, ...(v.temperature === 'interval' || v.temperature === 'absolute' ? { temperature: v.temperature } : {}) };
}

export function stTest(item: Item): StTest {
  const test = item.vars.test as StTest | undefined;
  if (!test || !Array.isArray(test.vectors) || !test.interface) throw new Error(`item ${item.id}: st metrics need a "test" field with interface and vectors`);
  return test;
}

