// Writes the frozen released sets of the ind-* generator suites (datasets/builtin/ind/*.jsonl) from
// the scene and procedure files. Run it (npm run build && node dist/scripts/write-ind-frozen.js)
// only when releasing a new suite version: frozen items are what results stay comparable on.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { frozenFactoryPlan } from '../src/datasets/generators/ind-factory-plan.js';
import { frozenProcedureOrder } from '../src/datasets/generators/ind-procedure-order.js';
import { frozenSafeStop } from '../src/datasets/generators/ind-safe-stop.js';
import { builtinDatasetsDir } from '../src/util/paths.js';

export const FROZEN_SETS: Record<string, () => Record<string, unknown>[]> = {
  'factory-plan.jsonl': frozenFactoryPlan,
  'safe-stop.jsonl': frozenSafeStop,
  'procedure-order.jsonl': frozenProcedureOrder,
};

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, make] of Object.entries(FROZEN_SETS)) {
    const records = make();
    writeFileSync(path.join(builtinDatasetsDir, 'builtin', 'ind', name), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    console.log(`wrote datasets/builtin/ind/${name} (${records.length} items)`);
  }
}
