import type { WorldEnv } from './env.js';
import { isVariable, parseLiteral } from './literals.js';
import type { Action, ErrorCode, Literal, Violation } from './types.js';

/** The verdict on a whole plan. */
export interface ReplayReport {
  /** Every step ran, no safety rule broke, and the goal holds at the end. */
  success: boolean;
  /** The first failure (null on success). */
  code: ErrorCode | null;
  /** 0-based index of the failing step; for goal failures, the plan's length. */
  step: number | null;
  reason: string;
  /** Every step's preconditions held (safety aside). */
  executable: boolean;
  goalReached: boolean;
  /** The first broken safety rule, with the step after which it broke. */
  violation?: Violation & { step: number };
  /** Non-fatal findings: `extra_steps` when the goal already held before the last step. */
  warnings: ErrorCode[];
  planLength: number;
}

/** Same skill on the same objects (an object may be named by id or by its Japanese name). */
const sameAction = (env: WorldEnv, a: Action, b: Action): boolean =>
  a.skill === b.skill &&
  Object.keys(a.args).length === Object.keys(b.args).length &&
  Object.entries(a.args).every(([k, v]) => typeof b.args[k] === 'string' && (env.resolveObject(b.args[k]) ?? b.args[k]) === (env.resolveObject(v) ?? v));

/** Whether two literals can denote the same fact (variables match anything). */
function unifies(a: Literal, b: Literal): boolean {
  return a.predicate === b.predicate && a.args.length === b.args.length && a.args.every((x, i) => isVariable(x) || isVariable(b.args[i]!) || x === b.args[i]);
}

/** Whether `action` would make the missing literal hold (add it, or delete it when it is negated). */
function achieves(env: WorldEnv, action: Action, missing: Literal): boolean {
  const effects = env.plannedEffects(action);
  const list = missing.negated ? effects.del : effects.add;
  return list.some((l) => unifies(l, { ...missing, negated: false }));
}

/**
 * Replays a plan in a fresh copy of the world and reports the first failure:
 *  - a step that cannot run: `unknown_skill`, `invalid_arguments` (missing/unexpected/mistyped
 *    argument), `unknown_object`; an unmet precondition is `wrong_order` when a later step of the
 *    plan would provide it, `missing_step` when a step of the gold plan that provides it is absent
 *    from the plan, else `unmet_precondition`. Replay stops there.
 *  - `invariant_violated`: a safety rule broke after a step (its transient facts included). Replay
 *    goes on, so `executable` and `goalReached` still describe the plan (a plan can reach the goal
 *    by breaking a rule: that is a failure, not a success).
 *  - at the end: `missing_step` when an unmet goal literal is provided by a gold step the plan
 *    lacks, else `goal_not_reached`.
 * `extra_steps` is a warning: the goal held before the last step and still holds at the end.
 */
export function replayPlan(env: WorldEnv, plan: readonly Action[], gold: readonly Action[] = []): ReplayReport {
  env.reset();
  const report: ReplayReport = { success: false, code: null, step: null, reason: '', executable: true, goalReached: false, warnings: [], planLength: plan.length };
  const initial = env.violations();
  if (initial.length) {
    report.violation = { ...initial[0]!, step: -1 };
    Object.assign(report, { code: 'invariant_violated', step: 0, reason: `the world breaks ${initial[0]!.invariant} before any step` });
  }
  let goalFirstReachedAt: number | null = env.goalReached() ? -1 : null;
  for (let k = 0; k < plan.length; k++) {
    const action = plan[k]!;
    const result = env.step(action);
    if (!result.executed) {
      report.executable = false;
      let code: ErrorCode = result.code!;
      if (code === 'unmet_precondition') {
        const missing = (result.missing ?? []).map(parseLiteral);
        if (plan.slice(k + 1).some((later) => missing.some((m) => achieves(env, later, m)))) code = 'wrong_order';
        else if (gold.some((g) => !plan.some((p) => sameAction(env, p, g)) && missing.some((m) => achieves(env, g, m)))) code = 'missing_step';
      }
      if (report.code === null) Object.assign(report, { code, step: k, reason: `step ${k + 1} (${action.skill}): ${result.reason}` });
      report.goalReached = env.goalReached();
      return report;
    }
    if (result.violations.length && !report.violation) {
      const v = result.violations[0]!;
      report.violation = { ...v, step: k };
      if (report.code === null) Object.assign(report, { code: 'invariant_violated', step: k, reason: `step ${k + 1} (${action.skill}) breaks safety rule ${v.invariant}` });
    }
    if (result.goalReached) goalFirstReachedAt ??= k;
    else goalFirstReachedAt = null;
  }
  report.goalReached = env.goalReached();
  if (!report.goalReached) {
    const unmet = env.unmetGoal();
    const missingGold = gold.some((g) => !plan.some((p) => sameAction(env, p, g)) && unmet.some((u) => achieves(env, g, parseLiteral(u))));
    if (report.code === null) Object.assign(report, { code: missingGold ? 'missing_step' : 'goal_not_reached', step: plan.length, reason: `goal not reached: ${unmet.join(', ')}` });
    return report;
  }
  if (goalFirstReachedAt !== null && goalFirstReachedAt < plan.length - 1) report.warnings.push('extra_steps');
  if (report.code === null) {
    report.success = true;
    report.reason = 'goal reached safely';
  }
  return report;
}
