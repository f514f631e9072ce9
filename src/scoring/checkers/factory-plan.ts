import { WorldEnv } from '../../world/env.js';
import { builtinLibrary } from '../../world/library.js';
import { replayPlan, type ReplayReport } from '../../world/replay.js';
import type { Action, WorldSpec } from '../../world/types.js';
import { readStructured, type Bucket } from '../structured/answer.js';
import type { RefusalDetector } from '../structured/refusal.js';
import { ANSWER_SCHEMAS } from '../structured/schemas.js';

/** What the plan checker found for one answer (stored in samples.jsonl as score details). */
export interface PlanCheck {
  bucket: Bucket;
  /** Why: the read failure (`no_json`, `schema_mismatch`, …), or the replay's error code, or `ok`. */
  reason: string;
  parsed: boolean;
  executable: boolean;
  goal_reached: boolean;
  /** The first failure's code and 0-based step; null when the plan succeeded or was not read. */
  code: ReplayReport['code'];
  step: number | null;
  message?: string;
  violation?: ReplayReport['violation'];
  warnings: string[];
  plan_length: number | null;
  min_steps: number;
  schema_errors?: string[];
}

export interface WorldItemVars {
  world: WorldSpec;
  answer: string;
}

/** Replays a plan in an item's world against its gold plan (used for missing-step diagnosis). */
export function replayInItem(vars: WorldItemVars, plan: Action[], gold: Action[]): ReplayReport {
  return replayPlan(new WorldEnv(builtinLibrary(), vars.world), plan, gold);
}

/**
 * ind-factory-plan's checker: read `{"plan": [...]}` (schema ind-plan), replay it in the item's
 * world, and bucket it: correct = every step ran, no safety rule broke, the goal holds at the end.
 */
export async function checkFactoryPlan(vars: WorldItemVars, raw: string, detector?: RefusalDetector): Promise<PlanCheck> {
  const gold = (JSON.parse(vars.answer) as { plan: Action[] }).plan;
  const base = { parsed: false, executable: false, goal_reached: false, code: null, step: null, warnings: [], plan_length: null, min_steps: gold.length };
  const read = await readStructured(raw, ANSWER_SCHEMAS['ind-plan'], detector);
  if (read.status === 'refused') return { ...base, bucket: 'refused', reason: read.reason };
  if (read.status === 'unparseable') return { ...base, bucket: 'unparseable', reason: read.reason, ...(read.errors ? { schema_errors: read.errors } : {}) };
  const plan = (read.value as { plan: Action[] }).plan;
  const report = replayInItem(vars, plan, gold);
  return {
    bucket: report.success ? 'correct' : 'wrong',
    reason: report.code ?? 'ok',
    parsed: true,
    executable: report.executable,
    goal_reached: report.goalReached,
    code: report.code,
    step: report.step,
    message: report.reason,
    ...(report.violation ? { violation: report.violation } : {}),
    warnings: report.warnings,
    plan_length: plan.length,
    min_steps: gold.length,
  };
}
