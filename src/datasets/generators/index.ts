import { Registry } from '../../util/registry.js';
import { indFactoryPlanGenerator } from './ind-factory-plan.js';
import { indProcedureOrderGenerator } from './ind-procedure-order.js';
import { indSafeStopGenerator } from './ind-safe-stop.js';
import { fakeEntitiesGenerator } from './fake-entities.js';
import type { ItemGenerator } from './types.js';

/** Every seeded item generator, by the name a suite's `dataset.generator.name` uses. */
export const generators = new Registry<ItemGenerator>('item generator');

for (const generator of [indFactoryPlanGenerator, indSafeStopGenerator, indProcedureOrderGenerator, fakeEntitiesGenerator] as ItemGenerator[]) {
  generators.register(generator.name, generator);
}
