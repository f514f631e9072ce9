import { Registry } from '../../util/registry.js';
import { fmeaGenerator } from './ind-fmea.js';
import { plcGenerator } from './ind-plc-st.js';
import { unitCalcGenerator } from './ind-unit-calc.js';
import type { ItemGenerator } from './types.js';

/** Every seeded item generator, by the name a suite's `dataset.generator.name` uses. */
export const generators = new Registry<ItemGenerator>('item generator');

for (const generator of [unitCalcGenerator, plcGenerator, fmeaGenerator] as ItemGenerator[]) generators.register(generator.name, generator);
