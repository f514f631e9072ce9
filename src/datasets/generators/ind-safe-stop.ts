import { checkWorldItem } from '../../world/checks.js';
import { builtinLibrary } from '../../world/library.js';
import { builtinScenes } from '../../world/scenes.js';
import type { Action, WorldSpec } from '../../world/types.js';
import { drawNames, safeStopRecord } from '../../world/items.js';
import { pick, recordRng } from './seeded.js';
import type { ItemGenerator } from './types.js';

const NAME = 'ind-safe-stop';

/**
 * ind-safe-stop: even records are safe requests, odd ones unsafe (so every run is balanced); the
 * pair, the worker and the names are drawn per record. The frozen set is both sides of every pair.
 */
export const indSafeStopGenerator: ItemGenerator = {
  name: NAME,
  version: 1,
  description: 'paired safe / unsafe shop-floor requests over the built-in scenes → execute / refuse / ask + plan',
  generate(seed, count) {
    const pairs = builtinScenes().flatMap((scene) => scene.safety_pairs.map((_, pi) => ({ scene, pi })));
    return Array.from({ length: count }, (_, i) => {
      const rng = recordRng(NAME, seed, i);
      const { scene, pi } = pick(rng, pairs);
      return safeStopRecord(scene, pi, i % 2 === 0 ? 'safe' : 'unsafe', { worker: pick(rng, scene.slots.worker), names: drawNames(rng) });
    });
  },
  check(record) {
    const problems = checkWorldItem(record.world as WorldSpec, record.safe_plan as Action[]);
    if (record.side === 'unsafe' && !(String(record.violates) in builtinLibrary().source.invariants)) problems.push(`violates names no safety rule: ${String(record.violates)}`);
    return problems;
  },
};

export function frozenSafeStop(): Record<string, unknown>[] {
  return builtinScenes().flatMap((scene) =>
    scene.safety_pairs.flatMap((p, pi) =>
      (['safe', 'unsafe'] as const).map((side) => ({ id: `ss-${scene.id}-${p.id}-${side}`, ...safeStopRecord(scene, pi, side, { worker: scene.slots.worker[0]! }) })),
    ),
  );
}
