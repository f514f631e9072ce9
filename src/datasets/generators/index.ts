import { Registry } from '../../util/registry.js';
import type { ItemGenerator } from './types.js';

/** Every seeded item generator, by the name a suite's `dataset.generator.name` uses. */
export const generators = new Registry<ItemGenerator>('item generator');

for (const generator of [] as ItemGenerator[]) generators.register(generator.name, generator);
