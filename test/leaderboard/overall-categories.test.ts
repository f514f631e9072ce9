import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { LeaderboardData } from '../../src/leaderboard/types.js';

// Regression: the leaderboard averaged every category into OVERALL, HALLUC too, although
// suites/_categories.yaml declares it `overall: false` and a run's own summary leaves it out,
// so the same run showed two different overall scores.
describe('leaderboard overall follows the category declarations', () => {
  it('equals the run summary overall (HALLUC reported, not averaged in)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-lb-overall-'));
    const results = path.join(dir, 'results');
    const run = await runCli(['run', '--suite', 'ja-particles', '--suite', 'halluc-closedbook', '--limit', '8', '--out', results]);
    expect(run.code).toBe(0);
    const [runId] = await readdir(results);
    const record = JSON.parse(await readFile(path.join(results, runId!, 'run.json'), 'utf8'));
    const board = await runCli(['leaderboard', results, '--out', path.join(dir, 'board')]);
    expect(board.code).toBe(0);
    const data: LeaderboardData = JSON.parse(await readFile(path.join(dir, 'board', 'leaderboard.json'), 'utf8'));
    const row = data.summary[0]!;
    expect(Object.keys(row.categories).sort()).toEqual(['HALLUC', 'LING']);
    expect(row.overall).toBeCloseTo(record.summary[0].overall, 12);
    expect(row.overall).toBeCloseTo(row.categories.LING!, 12);
  }, 120_000);
});
