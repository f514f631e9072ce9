import { WorldEnv } from './env.js';
import { builtinLibrary } from './library.js';
import { replayPlan } from './replay.js';
import type { Action, WorldSpec } from './types.js';

/**
 * Consistency of a world item: the world starts safe, the gold plan reaches the goal without
 * breaking a rule, and no single step of it can be dropped (so "plan length vs minimal" compares
 * against a plan with nothing superfluous).
 */
export function checkWorldItem(world: WorldSpec, plan: Action[]): string[] {
  const env = new WorldEnv(builtinLibrary(), world);
  const problems: string[] = [];
  const initial = env.violations();
  if (initial.length) problems.push(`the initial state already breaks ${initial.map((v) => v.invariant).join(', ')}`);
  const report = replayPlan(env, plan, plan);
  if (!report.success) problems.push(`gold plan fails: ${report.code}: ${report.reason}`);
  else if (report.warnings.length) problems.push(`gold plan: ${report.warnings.join(', ')}`);
  for (let k = 0; k < plan.length && report.success; k++) {
    if (replayPlan(env, plan.filter((_, i) => i !== k), plan).success) problems.push(`gold plan step ${k + 1} (${plan[k]!.skill}) can be dropped`);
  }
  if (env.goalReached()) env.reset();
  if (new WorldEnv(builtinLibrary(), world).goalReached()) problems.push('the goal already holds before any step');
  return problems;
}
