import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { LeaderboardData } from '../../src/leaderboard/types.js';

// Regression: a run's results and samples are keyed by the config entry's `name`, but the
// leaderboard matched them by spec id, so every named model was silently dropped
// ("0 model run(s)") — and nightly, which reads runs the same way, lost them from the history.
describe('leaderboard with config-named models', () => {
  it('keeps two entries of one spec, keyed and labelled by name', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-lb-named-'));
    const config = path.join(dir, 'jpeval.config.yaml');
    await writeFile(config, 'models:\n  - { spec: default, name: tiny-b1, batch_size: 1 }\n  - { spec: default, name: tiny-b8, batch_size: 8 }\n');
    const results = path.join(dir, 'results');
    const run = await runCli(['run', '--config', config, '--suite', 'ja-particles', '--limit', '6', '--out', results, '--progress', 'none']);
    expect(run.code).toBe(0);
    const board = await runCli(['leaderboard', results, '--out', path.join(dir, 'board')]);
    expect(board.code).toBe(0);
    expect(board.stdout).toContain('2 model run(s) × 1 suite(s)');
    const data: LeaderboardData = JSON.parse(await readFile(path.join(dir, 'board', 'leaderboard.json'), 'utf8'));
    expect(data.entries.map((e) => [e.label, e.model, e.batch_size])).toEqual([
      ['tiny-b1', 'tiny-b1', 1],
      ['tiny-b8', 'tiny-b8', 8],
    ]);
    expect(data.cells.map((c) => c.n)).toEqual([6, 6]);
  }, 120_000);
});
