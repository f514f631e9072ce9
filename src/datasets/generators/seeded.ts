import { createRng, hashString, randomInt } from '../../util/random.js';

/**
 * The PRNG for record `index` of a generator's output under `seed`: seeded from all three, so each
 * record is independent of how many others are generated (the prefix-stability contract).
 */
export function recordRng(generator: string, seed: number, index: number): () => number {
  return createRng(hashString(`${generator}\u0000${seed >>> 0}\u0000${index}`));
}

/** One element, uniformly. */
export function pick<T>(rng: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[randomInt(rng, items.length)] as T;
}

/** The id the loader gives generated record `index` under `seed` (frozen ids must not look like it). */
export function generatedId(seed: number, index: number): string {
  return `g${seed >>> 0}-${String(index).padStart(4, '0')}`;
}

/** True for ids of the generated form, which frozen item files may not use. */
export const GENERATED_ID = /^g\d+-\d{4,}$/;
