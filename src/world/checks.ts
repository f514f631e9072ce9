import { stableStringify } from '../util/hash.js';
import { WorldEnv } from './env.js';
import { builtinLibrary } from './library.js';
import { replayPlan } from './replay.js';
import type { Action, WorldSpec } from './types.js';

/** Longest run of consecutive gold steps tested for being removable. */
export const MAX_DETOUR = 3;

/**
 * Consistency of a world item: the world starts safe, the gold plan reaches the goal without
 * breaking a rule, and no run of up to three consecutive steps can be dropped (so "plan length vs minimal" compares
 * against a plan with nothing superfluous).
 */
export function checkWorldItem(world: WorldSpec, plan: Action[]): string[] {
  // Generated items differ mostly in names, which replay ignores: check each world/plan once.
  const key = stableStringify({ types: world.objects.map((o) => [o.id, o.type]), initial: world.initial, skills: world.skills, goal: world.goal, plan });
  let problems = checked.get(key);
  if (!problems) checked.set(key, (problems = checkUncached(world, plan)));
  return problems;
}

const checked = new Map<string, string[]>();

function checkUncached(world: WorldSpec, plan: Action[]): string[] {
  const env = new WorldEnv(builtinLibrary(), world);
  const problems: string[] = [];
  const initial = env.violations();
  if (initial.length) problems.push(`the initial state already breaks ${initial.map((v) => v.invariant).join(', ')}`);
  const report = replayPlan(env, plan, plan);
  if (!report.success) problems.push(`gold plan fails: ${report.code}: ${report.reason}`);
  else if (report.warnings.length) problems.push(`gold plan: ${report.warnings.join(', ')}`);
  // Detours of up to MAX_DETOUR consecutive steps (e.g. drive somewhere and back) are caught too.
  for (let len = 1; len <= Math.min(MAX_DETOUR, plan.length - 1) && report.success; len++) {
    for (let k = 0; k + len <= plan.length; k++) {
      if (!replayPlan(env, [...plan.slice(0, k), ...plan.slice(k + len)], plan).success) continue;
      const steps = plan.slice(k, k + len).map((s) => s.skill).join(', ');
      problems.push(len === 1 ? `gold plan step ${k + 1} (${steps}) can be dropped` : `gold plan steps ${k + 1}–${k + len} (${steps}) can be dropped`);
    }
  }
  if (env.goalReached()) env.reset();
  if (new WorldEnv(builtinLibrary(), world).goalReached()) problems.push('the goal already holds before any step');
  return problems;
}
