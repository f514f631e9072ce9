import path from 'node:path';
import { parseModelSpec } from '../models/spec.js';
import { readSampleViews } from '../leaderboard/results-source.js';
import { executeNightlyRun } from './execute.js';

export interface CanaryConfig {
  model: string;
  suite: string;
  limit: number;
  batch_sizes: [number, number];
  tolerance: number;
}

export interface CanaryResult {
  model: string;
  suite: string;
  batch_sizes: [number, number];
  items: number;
  /** Largest |Δ log-probability| of any choice of any item between the two batch sizes. */
  max_logprob_diff: number;
  /** Items whose outcome differs between the two batch sizes. */
  outcome_flips: number;
  tolerance: number;
  drift: boolean;
  run_dirs: [string, string];
}

/**
 * A drift canary for local models: the same fixed mini-suite at batch size 1 and N. Padding,
 * batching and kernels must not move a score; any log-probability moving by more than the
 * tolerance, or any outcome flipping, is reported as drift.
 */
export async function runCanary(cfg: CanaryConfig, outDir: string, seed: number, where: { suitesDir?: string[]; dataDir?: string } = {}): Promise<CanaryResult> {
  const spec = parseModelSpec(cfg.model);
  const dirs: string[] = [];
  const byBatch: Map<string, { logprobs?: number[]; outcome: string }>[] = [];
  for (const batchSize of cfg.batch_sizes) {
    const { dir } = await executeNightlyRun({
      models: [{ spec, name: cfg.model, batchSize, concurrency: 1, settings: {} }],
      suites: [cfg.suite],
      // The night's own suite folders and data: the canary may be one of the user's suites.
      ...(where.suitesDir ? { suitesDir: where.suitesDir } : {}),
      ...(where.dataDir ? { dataDir: where.dataDir } : {}),
      limit: cfg.limit,
      seed,
      outDir: path.join(outDir, 'canary'),
    });
    dirs.push(dir);
    const items = new Map<string, { logprobs?: number[]; outcome: string }>();
    for await (const s of readSampleViews(dir)) items.set(s.item_id, { outcome: s.outcome, ...(s.choice_logprobs ? { logprobs: s.choice_logprobs } : {}) });
    byBatch.push(items);
  }
  let maxDiff = 0;
  let flips = 0;
  const [a, b] = byBatch as [typeof byBatch[0], typeof byBatch[0]];
  for (const [id, x] of a) {
    const y = b.get(id);
    if (!y) {
      flips++;
      continue;
    }
    if (x.outcome !== y.outcome) flips++;
    (x.logprobs ?? []).forEach((lp, i) => {
      const other = y.logprobs?.[i];
      maxDiff = Math.max(maxDiff, other === undefined ? Infinity : Math.abs(lp - other));
    });
  }
  return { model: spec.id, suite: cfg.suite, batch_sizes: cfg.batch_sizes, items: a.size, max_logprob_diff: maxDiff, outcome_flips: flips, tolerance: cfg.tolerance, drift: maxDiff > cfg.tolerance || flips > 0, run_dirs: [dirs[0]!, dirs[1]!] };
}
