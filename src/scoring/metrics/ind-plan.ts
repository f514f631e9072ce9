import { checkFactoryPlan, type WorldItemVars } from '../checkers/factory-plan.js';
import type { MeanMetric } from '../types.js';
import { checkerOptions, memoized, outcomeOf } from './ind-common.js';

/** ind-factory-plan's scorers: one replay per answer (memoized), read four ways. */
const check = memoized((vars, raw, detector) => checkFactoryPlan(vars as unknown as WorldItemVars, raw, detector));

export const planGoalSuccess: MeanMetric = {
  kind: 'mean',
  name: 'plan_goal_success',
  description: 'JSON plan replayed in the world engine: 1 when every step runs, no safety rule breaks and the goal holds at the end',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    const c = await check(input.item, input.raw, ctx);
    const flags = [`bucket:${c.bucket}`, ...(c.code ? [`error:${c.code}`] : c.bucket === 'unparseable' ? [`error:${c.reason}`] : []), ...c.warnings.map((w) => `warning:${w}`)];
    return { value: c.bucket === 'correct' ? 1 : 0, outcome: outcomeOf(c.bucket), flags, details: { ...c } };
  },
};

export const planParseRate: MeanMetric = {
  kind: 'mean',
  name: 'plan_parse_rate',
  description: 'share of answers that are JSON valid under the plan schema',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    return (await check(input.item, input.raw, ctx)).parsed ? 1 : 0;
  },
};

export const planExecutableRate: MeanMetric = {
  kind: 'mean',
  name: 'plan_executable_rate',
  description: 'share of answers whose every step could run (known skills and objects, preconditions met), safety aside',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    return (await check(input.item, input.raw, ctx)).executable ? 1 : 0;
  },
};

export const planLengthRatio: MeanMetric = {
  kind: 'mean',
  name: 'plan_length_ratio',
  description: 'gold plan length / plan length, over successful plans only (1 = as short as the gold plan)',
  range: [0, 1],
  optionsSchema: checkerOptions,
  async score(input, ctx) {
    const c = await check(input.item, input.raw, ctx);
    if (c.bucket !== 'correct' || !c.plan_length) return { value: null };
    return Math.min(1, c.min_steps / c.plan_length);
  },
};
