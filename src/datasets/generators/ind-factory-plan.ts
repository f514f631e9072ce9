import { checkWorldItem } from '../../world/checks.js';
import { builtinScenes } from '../../world/scenes.js';
import type { Action, WorldSpec } from '../../world/types.js';
import { drawNames, factoryPlanRecord } from '../../world/items.js';
import { pick, recordRng } from './seeded.js';
import type { ItemGenerator } from './types.js';

const NAME = 'ind-factory-plan';

/**
 * ind-factory-plan: a scene, one of its tasks, one of the task's phrasings, which worker does it and
 * the workers' names are drawn per record. The frozen set (`frozenFactoryPlan`) is every task in
 * every phrasing with the scenes' own names.
 */
export const indFactoryPlanGenerator: ItemGenerator = {
  name: NAME,
  version: 2,
  distinct: true,
  description: 'factory-floor instructions over the built-in scenes → JSON plans (scene, task, phrasing, worker and names drawn per item)',
  generate(seed, count) {
    const scenes = builtinScenes();
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng(NAME, seed, i);
      const scene = pick(rng, scenes);
      const taskIndex = Math.floor(rng() * scene.tasks.length);
      const instruction = Math.floor(rng() * scene.tasks[taskIndex]!.instructions.length);
      const worker = pick(rng, scene.slots.worker);
      return factoryPlanRecord(scene, taskIndex, { worker, instruction, names: drawNames(rng) });
    });
  },
  check: (record) => checkWorldItem(record.world as WorldSpec, (JSON.parse(String(record.answer)) as { plan: Action[] }).plan),
};

export function frozenFactoryPlan(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const scene of builtinScenes()) {
    scene.tasks.forEach((t, ti) =>
      t.instructions.forEach((_, k) => out.push({ id: `fp-${scene.id}-${t.id}-${k + 1}`, ...factoryPlanRecord(scene, ti, { worker: scene.slots.worker[k % scene.slots.worker.length]!, instruction: k }) })),
    );
  }
  return out;
}
