import { checkStAnswer } from '../../../plc/run-vectors.js';
import { stTest } from './item-gold.js';
import type { MeanMetric } from '../../types.js';
import { stVerdict } from './verdicts.js';

/** ind-plc-st: 1 when the program in the answer passes every test vector and invariant. */
export const stProgram: MeanMetric = {
  kind: 'mean',
  name: 'st_pass',
  description: 'Structured Text answer runs on the interpreter and passes every test vector and per-scan invariant; 0–1.',
  range: [0, 1],
  score({ raw, item }) {
    return stVerdict(raw, item);
  },
};

/** Partial credit: the fraction of test vectors passed before the first failing one. */
export const stVectors: MeanMetric = {
  kind: 'mean',
  name: 'st_vectors',
  description: 'Fraction of an item’s ST test vectors passed (vectors run in order; a program that does not parse scores 0); 0–1.',
  range: [0, 1],
  score({ raw, item }) {
    const v = checkStAnswer(raw, stTest(item));
    return v.vectors_total === 0 ? 0 : v.vectors_passed / v.vectors_total;
  },
};
