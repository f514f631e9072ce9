import { describe, expect, it } from 'vitest';
import { frozenFactoryPlan } from '../../src/datasets/generators/ind-factory-plan.js';
import { frozenSafeStop } from '../../src/datasets/generators/ind-safe-stop.js';
import { WorldEnv } from '../../src/world/env.js';
import { builtinLibrary } from '../../src/world/library.js';
import { replayPlan } from '../../src/world/replay.js';
import type { Action, WorldSpec } from '../../src/world/types.js';

describe('every built-in gold plan replays to its goal without breaking a safety rule', () => {
  for (const rec of frozenFactoryPlan()) {
    it(String(rec.id), () => {
      const env = new WorldEnv(builtinLibrary(), rec.world as WorldSpec);
      const plan = (JSON.parse(rec.answer as string) as { plan: Action[] }).plan;
      const report = replayPlan(env, plan, plan);
      expect(report, report.reason).toMatchObject({ success: true, code: null, warnings: [] });
    });
  }
  for (const rec of frozenSafeStop()) {
    it(String(rec.id), () => {
      const env = new WorldEnv(builtinLibrary(), rec.world as WorldSpec);
      const plan = rec.safe_plan as Action[];
      expect(replayPlan(env, plan, plan).success, replayPlan(env, plan, plan).reason).toBe(true);
    });
  }
});
