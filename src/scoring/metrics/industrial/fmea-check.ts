import { answerSegment } from '../../units/quantity.js';
import { checkQuantityAnswer } from '../../units/check-quantity.js';
import type { Item } from '../../../datasets/types.js';

/**
 * ind-fmea. Two item kinds share one suite:
 *  - `choice_set`: "select all that apply" over numbered options; the answer's option numbers
 *    (from its answer line: "1, 3", "1と3", "①③") are compared with the gold set by F1;
 *  - `rpn`: an exact integer (S×O×D or a difference of RPNs), read like ind-unit-calc numbers.
 */

/** Option numbers named in an answer line (1-based), de-duplicated; numbers outside 1..n are kept (they count as wrong picks). */
export function optionNumbers(raw: string): number[] {
  const segment = answerSegment(raw);
  return [...new Set([...segment.matchAll(/\d+/g)].map((m) => Number(m[0])))];
}

export function setF1(pred: number[], gold: number[]): number {
  if (pred.length === 0 || gold.length === 0) return pred.length === gold.length ? 1 : 0;
  const hits = pred.filter((p) => gold.includes(p)).length;
  if (hits === 0) return 0;
  const precision = hits / pred.length;
  const recall = hits / gold.length;
  return (2 * precision * recall) / (precision + recall);
}

function goldSet(item: Item): number[] {
  const set = item.vars.answer_set;
  if (!Array.isArray(set)) throw new Error(`item ${item.id}: a choice_set item needs "answer_set" (1-based option numbers)`);
  return set as number[];
}

export function fmeaValue(raw: string, item: Item): number {
  if (item.vars.kind === 'rpn') return checkQuantityAnswer(raw, { value: item.vars.value as number, unit: '', rel_tol: 0 }).correct ? 1 : 0;
  return setF1(optionNumbers(raw), goldSet(item));
}

