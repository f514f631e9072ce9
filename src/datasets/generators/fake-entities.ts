import { createRng, randomInt, shuffle } from '../../util/random.js';
import { ENTITY_TYPES, PARTS, REAL_ENTITIES, TEMPLATES, type EntityType } from './entity-lexicon.js';

/**
 * The seeded generator behind halluc-fake-entities. For a seed it draws, per entity type, as
 * many fabricated names as there are real entities of that type (so the two halves are balanced
 * and the same question template is asked of both), then interleaves them in a seeded order. The
 * same seed and GENERATOR_VERSION always give the same list, byte for byte; the frozen released
 * list is this generator's output for FROZEN_SEED, and a run's fresh list uses the run seed.
 */
export const GENERATOR_VERSION = 1;
export const FROZEN_SEED = 20261202;

export interface EntityRecord {
  id: string;
  type: EntityType;
  entity: string;
  real: boolean;
  question: string;
  /** What the model should do: answer (real) or say it does not know the entity (fake). */
  expected: 'answer' | 'refuse';
}

/** Every real name, for checks that a fabricated name never collides with one. */
export function realNames(): Set<string> {
  return new Set(Object.values(REAL_ENTITIES).flat());
}

function fabricate(type: EntityType, count: number, rng: () => number, taken: Set<string>): string[] {
  const parts = PARTS[type];
  const out: string[] = [];
  for (let guard = 0; out.length < count && guard < count * 200; guard++) {
    const name = parts.format(parts.first[randomInt(rng, parts.first.length)]!, parts.second[randomInt(rng, parts.second.length)]!, randomInt(rng, 10_000));
    if (taken.has(name)) continue;
    taken.add(name);
    out.push(name);
  }
  if (out.length < count) throw new Error(`fake-entities: cannot draw ${count} distinct ${type} names`);
  return out;
}

export function generateEntityRecords(seed: number): EntityRecord[] {
  const rng = createRng(seed);
  const taken = realNames();
  const records: EntityRecord[] = [];
  for (const type of ENTITY_TYPES) {
    const reals = REAL_ENTITIES[type];
    const fakes = fabricate(type, reals.length, rng, taken);
    const question = (entity: string): string => TEMPLATES[type].replace('{{entity}}', entity);
    reals.forEach((entity, i) => records.push({ id: `${type}-real-${String(i + 1).padStart(2, '0')}`, type, entity, real: true, question: question(entity), expected: 'answer' }));
    fakes.forEach((entity, i) => records.push({ id: `${type}-fake-${String(i + 1).padStart(2, '0')}`, type, entity, real: false, question: question(entity), expected: 'refuse' }));
  }
  return shuffle(records, rng);
}
