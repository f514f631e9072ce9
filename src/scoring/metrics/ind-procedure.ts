import { checkProcedure, type ProcedureVars } from '../checkers/procedure-order.js';
import type { MeanMetric } from '../types.js';
import { checkerOptions, memoized, outcomeOf } from './ind-common.js';

const check = memoized((vars, raw, detector) => checkProcedure(vars as unknown as ProcedureVars, raw, detector));

export const procedureExact: MeanMetric = {
  kind: 'mean',
  name: 'procedure_exact',
  description: 'order consistent with the precedence graph over exactly the procedure ids, and the flagged ids exact',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    const c = await check(input.item, input.raw, ctx);
    return { value: c.bucket === 'correct' ? 1 : 0, outcome: outcomeOf(c.bucket), flags: [`bucket:${c.bucket}`, ...(c.reason !== 'ok' ? [`error:${c.reason}`] : [])], details: { ...c } };
  },
};

export const procedureTau: MeanMetric = {
  kind: 'mean',
  name: 'procedure_tau',
  description: 'partial credit (τ + 1) / 2, τ = Kendall-style agreement with the precedence pairs (0 when unread)',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    const { tau } = await check(input.item, input.raw, ctx);
    return tau === null ? 0 : (tau + 1) / 2;
  },
};

export const procedureIds: MeanMetric = {
  kind: 'mean',
  name: 'procedure_ids',
  description: 'the unsafe or missing step flagged exactly (items that ask for one only)',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    if ((input.item.vars as unknown as ProcedureVars).kind === 'order') return { value: null };
    return (await check(input.item, input.raw, ctx)).ids_exact ? 1 : 0;
  },
};
