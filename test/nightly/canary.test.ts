import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCanary } from '../../src/nightly/canary.js';

describe('drift canary (embedded default model)', () => {
  it('batch size 1 and 8 give the same log-probabilities', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-canary-'));
    const r = await runCanary({ model: 'default', suite: 'ja-particles', limit: 8, batch_sizes: [1, 8], tolerance: 1e-6 }, out, 1234);
    expect(r.items).toBe(8);
    expect(r.outcome_flips).toBe(0);
    expect(r.max_logprob_diff).toBeLessThanOrEqual(1e-6);
    expect(r.drift).toBe(false);
    expect(r.run_dirs[0]).not.toBe(r.run_dirs[1]);
  }, 120_000);
});
