import { z } from 'zod';
import type { Item } from '../../datasets/types.js';
import { BUCKET_OUTCOME, type Bucket } from '../structured/answer.js';
import { refusalDetectors, type RefusalDetector } from '../structured/refusal.js';
import type { Outcome, ScorerContext } from '../types.js';

/** Options every ind-* checker metric takes: which refusal detector reads prose answers. */
export const checkerOptions = z.object({ refusal: z.string().default('phrases') }).strict();

export function detectorFrom(ctx: ScorerContext): RefusalDetector {
  return refusalDetectors.get(String(ctx.options['refusal'] ?? 'phrases'));
}

/**
 * Runs a checker once per (item, output, detector) however many metrics of the suite read it: the
 * plan metrics share one replay.
 */
export function memoized<T>(check: (vars: Record<string, unknown>, raw: string, detector: RefusalDetector) => Promise<T>): (item: Item, raw: string, ctx: ScorerContext) => Promise<T> {
  const cache = new WeakMap<Item, Map<string, Promise<T>>>();
  return (item, raw, ctx) => {
    const detector = detectorFrom(ctx);
    let perItem = cache.get(item);
    if (!perItem) cache.set(item, (perItem = new Map()));
    const key = `${detector.name}\u0000${raw}`;
    let result = perItem.get(key);
    if (!result) perItem.set(key, (result = check(item.vars, raw, detector)));
    return result;
  };
}

export const outcomeOf = (bucket: Bucket): Outcome => BUCKET_OUTCOME[bucket];
