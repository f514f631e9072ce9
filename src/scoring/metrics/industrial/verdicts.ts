import { checkStAnswer } from '../../../plc/run-vectors.js';
import type { Item } from '../../../datasets/types.js';
import { checkQuantityAnswer } from '../../units/check-quantity.js';
import type { Outcome } from '../../types.js';
import { fmeaValue, optionNumbers } from './fmea-check.js';
import { goldQuantity, stTest } from './item-gold.js';

/**
 * Per-item verdicts of the industrial checkers in the scorer-result shape: a value, the item's
 * bucket (nothing readable → `unscored`, so it is never folded into `incorrect`) and details with
 * the reason code that samples.jsonl stores under score.details[<metric>].
 */
export interface Verdict {
  value: number;
  outcome: Outcome;
  details: Record<string, unknown>;
}

export function quantityVerdict(raw: string, item: Item, relTolOverride?: number): Verdict {
  const gold = goldQuantity(item);
  const v = checkQuantityAnswer(raw, relTolOverride === undefined ? gold : { ...gold, rel_tol: relTolOverride });
  const unreadable = v.code === 'no_answer' || v.code === 'no_number';
  return {
    value: v.correct ? 1 : 0,
    outcome: unreadable ? 'unscored' : v.correct ? 'correct' : 'incorrect',
    details: { code: v.code, expected: v.expected, ...(v.parsed ? { parsed: v.parsed } : {}), ...(v.relative_error !== undefined ? { relative_error: v.relative_error } : {}) },
  };
}

export function stVerdict(raw: string, item: Item): Verdict {
  const v = checkStAnswer(raw, stTest(item));
  const { pass, code, ...rest } = v;
  return { value: pass ? 1 : 0, outcome: code === 'no_program' ? 'unscored' : pass ? 'correct' : 'incorrect', details: { code, ...rest } };
}

export function fmeaVerdict(raw: string, item: Item): Verdict {
  const value = fmeaValue(raw, item);
  if (item.vars.kind === 'rpn') {
    const q = quantityVerdict(raw, { ...item, vars: { ...item.vars, unit: '', rel_tol: 0 } });
    return { value, outcome: q.outcome, details: { kind: 'rpn', ...q.details } };
  }
  const picked = optionNumbers(raw);
  return {
    value,
    outcome: picked.length === 0 ? 'unscored' : value === 1 ? 'correct' : 'incorrect',
    details: { kind: 'choice_set', code: picked.length === 0 ? 'no_options' : value === 1 ? 'exact_set' : value > 0 ? 'partial_set' : 'disjoint_set', picked, gold: item.vars.answer_set },
  };
}
