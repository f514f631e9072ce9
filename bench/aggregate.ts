/**
 * Aggregation cost: summarizeSuite over 10,000 items with a mean metric (accuracy) and a corpus
 * metric (BLEU: every bootstrap resample re-reduces the sufficient statistics), 1000 resamples.
 * Target: well under 10 s on a 2-core machine (it runs once per suite at the end of a run).
 *   node dist/bench/aggregate.js [--items N]
 */
import { fileURLToPath } from 'node:url';
import { summarizeSuite } from '../src/scoring/aggregate.js';
import type { ItemScore } from '../src/scoring/types.js';

export function runAggregateBench(items = 10_000): { items: number; ms: number; target_ms: number } {
  const scores: ItemScore[] = Array.from({ length: items }, (_, i) => ({
    outcome: i % 2 ? 'correct' : 'incorrect',
    values: { accuracy: i % 2 },
    stats: { bleu: [5, 5, 3, 2, 1, 0, 5, 4, 3, 2] },
    flags: [],
  }));
  const t0 = performance.now();
  const out = summarizeSuite({ metrics: [{ name: 'accuracy', options: {} }, { name: 'bleu', options: {} }] }, scores, 1);
  const ms = performance.now() - t0;
  if (out['accuracy']?.value !== 0.5) throw new Error('aggregate bench: wrong accuracy');
  return { items, ms: Math.round(ms), target_ms: 10_000 };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--items');
  const result = runAggregateBench(i >= 0 ? Number.parseInt(process.argv[i + 1]!, 10) : undefined);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
