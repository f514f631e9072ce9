import { createRng, hashString, randomInt, shuffle } from '../../util/random.js';
import { ENTITY_TYPES, PARTS, REAL_ENTITIES, TEMPLATES, type EntityType } from './entity-lexicon.js';
import type { ItemGenerator } from './types.js';

/**
 * The seeded generator behind halluc-fake-entities. For a seed it draws, per entity type, as
 * many fabricated names as there are real entities of that type (so the two halves are balanced
 * and the same question template is asked of both), then interleaves them in a seeded order. The
 * same seed and GENERATOR_VERSION always give the same list, byte for byte; the frozen released
 * list is this generator's output for FROZEN_SEED, and a run's fresh list (the registered
 * `fake-entities` generator) uses the run seed.
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

/** Every fabricated name of a type, in a seeded order (fresh per-run lists draw from this). */
function fakeOrder(type: EntityType, seed: number): string[] {
  const parts = PARTS[type];
  const rng = createRng(hashString(`fake-entities\u0000${seed >>> 0}\u0000${type}`));
  const taken = realNames();
  const names = new Set<string>();
  for (const a of parts.first) for (const b of parts.second) {
    const name = parts.format(a, b, randomInt(rng, 10_000));
    if (!taken.has(name)) names.add(name);
  }
  return shuffle([...names], rng);
}

/**
 * Per-run records for `loader: generator`: record i asks about type ENTITY_TYPES[⌊i/2⌋ mod 6], a
 * real entity when i is even and a fabricated one when odd, so any prefix is balanced. The k-th
 * real / fake of a type is element k of a seeded permutation (fakes never repeat within a run
 * until a type's combinations run out; reals cycle), so record i depends only on (seed, i).
 */
export const fakeEntitiesGenerator: ItemGenerator = {
  name: 'fake-entities',
  version: GENERATOR_VERSION,
  // The gold is `answer` / `abstain`: what a truthful model does, checked by validate-halluc.ts.
  goldIsAnswer: false,
  description: 'plausible non-existent stations, companies, JIS numbers, laws, people and model numbers, each paired with a real one asked with the same template',
  generate(seed: number, count: number): Record<string, unknown>[] {
    const orders = new Map<EntityType, { fakes: string[]; reals: string[] }>();
    const records: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const type = ENTITY_TYPES[Math.floor(i / 2) % ENTITY_TYPES.length]!;
      const k = Math.floor(i / (2 * ENTITY_TYPES.length));
      let order = orders.get(type);
      if (!order) {
        order = { fakes: fakeOrder(type, seed), reals: shuffle(REAL_ENTITIES[type], createRng(hashString(`fake-entities-real\u0000${seed >>> 0}\u0000${type}`))) };
        orders.set(type, order);
      }
      const real = i % 2 === 0;
      const pool = real ? order.reals : order.fakes;
      const entity = pool[k % pool.length]!;
      records.push({ type, entity, real, question: TEMPLATES[type].replace('{{entity}}', entity), expected: real ? 'answer' : 'refuse' });
    }
    return records;
  },
};
