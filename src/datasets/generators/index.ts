import { Registry } from '../../util/registry.js';
import { indFactoryPlanGenerator } from './ind-factory-plan.js';
import { indProcedureOrderGenerator } from './ind-procedure-order.js';
import { indSafeStopGenerator } from './ind-safe-stop.js';
import { fakeEntitiesGenerator } from './fake-entities.js';
import { fmeaGenerator } from './ind-fmea.js';
import { plcGenerator } from './ind-plc-st.js';
import { unitCalcGenerator } from './ind-unit-calc.js';
import type { ItemGenerator } from './types.js';

/** Every seeded item generator, by the name a suite's `dataset.generator.name` uses. */
export const generators = new Registry<ItemGenerator>('item generator');

const all = [indFactoryPlanGenerator, indSafeStopGenerator, indProcedureOrderGenerator, unitCalcGenerator, plcGenerator, fmeaGenerator, fakeEntitiesGenerator];
for (const generator of all as ItemGenerator[]) generators.register(generator.name, generator);
