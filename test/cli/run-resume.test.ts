import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/util/random.js';
import type { FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import type { Fixture } from './fixtures.js';
import { SCALE_ITEMS, makeScaleFixture, onlyRunDir, readRunDir, scaleArgs, scoresOf, startScaleServer } from './scale-fixture.js';

describe('jpeval run --resume after kill -9', () => {
  let fx: Fixture;
  let server: FakeServer;
  let baseline: ReturnType<typeof scoresOf>;
  let baselineMs = 0;
  beforeAll(async () => {
    fx = await makeScaleFixture();
    server = await startScaleServer();
    const out = path.join(fx.dir, 'baseline');
    const started = Date.now();
    const res = await runCli([...scaleArgs(server, fx), '--out', out, '--concurrency', '4']);
    baselineMs = Date.now() - started;
    expect(res.code).toBe(0);
    const { run } = await readRunDir(await onlyRunDir(out));
    baseline = scoresOf(run);
    expect(baseline[0]!.n).toBe(60);
    expect(baseline[0]!.outcomes).toMatchObject({ correct: expect.any(Number), incorrect: expect.any(Number) });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('killed at 10 random moments and resumed each time: every item exactly once, scores identical to an uninterrupted run', async () => {
    const rng = createRng(20261202);
    const trials = 10;
    let resumedWithItemsKept = 0;
    const log: string[] = [];
    for (let t = 0; t < trials; t++) {
      const out = path.join(fx.dir, `kill-${t}`);
      // Any moment of the run, start-up included (up to the uninterrupted run's whole duration).
      const killAt = Math.round(rng() * baselineMs);
      const args = [...scaleArgs(server, fx), '--out', out, '--run-id', 'nightly', '--concurrency', '4'];
      let timer: NodeJS.Timeout | undefined;
      const killed = await runCli(args, { onSpawn: (kill) => (timer = setTimeout(() => kill('SIGKILL'), killAt)) });
      clearTimeout(timer);
      const dir = path.join(out, 'nightly');
      // Alternate the two ways back: the same command again (--run-id), or --resume DIR alone.
      const exists = await readFile(path.join(dir, 'run.json'), 'utf8').then(() => true, () => false);
      const resumed = t % 2 === 1 && exists ? await runCli(['run', '--resume', dir, '--progress', 'plain']) : await runCli(args);
      expect(resumed.stderr).not.toMatch(/internal error/);
      expect(resumed.code, `trial ${t} (killed at ${killAt} ms, ${killed.signal ?? killed.code}): ${resumed.stderr}`).toBe(0);
      const { run, samples } = await readRunDir(dir);
      const ids = samples.map((s) => s.item_id).sort();
      expect(ids).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
      expect(samples.every((s) => s.outcome !== 'error')).toBe(true);
      expect(scoresOf(run)).toEqual(baseline);
      expect(run.status).toBe('completed');
      if (run.resumes?.[0]?.kept_items > 0) resumedWithItemsKept += 1;
      log.push(`trial ${t}: killed at ${killAt} ms (${killed.signal ?? `exit ${killed.code}`}); resumed keeping ${run.resumes?.[0]?.kept_items ?? 'no run yet:'} ${JSON.stringify(run.resumes?.[0]?.dropped ?? {})}`);
    }
    console.info(`kill -9 trials (uninterrupted run ${baselineMs} ms):\n${log.join('\n')}`);
    // The kills really did land mid-run in some trials (not all before or after).
    expect(resumedWithItemsKept).toBeGreaterThanOrEqual(1);
  }, 300_000);

  it('drops a torn last line and runs that item again', async () => {
    const out = path.join(fx.dir, 'torn');
    const args = [...scaleArgs(server, fx), '--out', out, '--run-id', 'r', '--concurrency', '4'];
    expect((await runCli(args)).code).toBe(0);
    const dir = path.join(out, 'r');
    const file = path.join(dir, 'samples.jsonl');
    const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
    // The last item's line, cut mid-way, as a kill during the write leaves it; the run as if killed.
    await writeFile(file, `${lines.slice(0, -1).join('\n')}\n${lines.at(-1)!.slice(0, 40)}`);
    const runJson = JSON.parse(await readFile(path.join(dir, 'run.json'), 'utf8'));
    await writeFile(path.join(dir, 'run.json'), JSON.stringify({ ...runJson, status: 'running', results: [] }));
    const res = await runCli(['run', '--resume', dir, '--progress', 'plain']);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain('dropped 1 torn line(s)');
    const { run, samples } = await readRunDir(dir);
    expect(samples.map((s) => s.item_id).sort()).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
    expect(scoresOf(run)).toEqual(baseline);
    expect(run.resumes[0]).toMatchObject({ kept_items: 59, dropped: { torn: 1 } });
  }, 60_000);

  it('refuses to resume with different settings, naming each difference', async () => {
    const out = path.join(fx.dir, 'differ');
    expect((await runCli([...scaleArgs(server, fx), '--out', out, '--run-id', 'r', '--limit', '20'])).code).toBe(0);
    const dir = path.join(out, 'r');
    const seed = await runCli(['run', '--resume', dir, '--seed', '7', '--limit', '30', '--progress', 'plain']);
    expect(seed.code).toBe(2);
    expect(seed.stderr).toContain('cannot resume');
    expect(seed.stderr).toMatch(/seed: run has 1234, this command has 7/);
    expect(seed.stderr).toMatch(/limit: run has 20, this command has 30/);
    const model = await runCli(['run', '--resume', dir, '-m', `${server.url}#other-model`, '--progress', 'plain']);
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/model: run has .*fake-model.*this command has .*other-model/);
    await appendFile(path.join(fx.dataDir, 'scale/qa.jsonl'), `${JSON.stringify({ id: 'extra', question: '追加', answer: 'x' })}\n`);
    try {
      const data = await runCli(['run', '--resume', dir, '--progress', 'plain']);
      expect(data.code).toBe(2);
      expect(data.stderr).toMatch(/dataset of scale-qa: run read/);
    } finally {
      const text = await readFile(path.join(fx.dataDir, 'scale/qa.jsonl'), 'utf8');
      await writeFile(path.join(fx.dataDir, 'scale/qa.jsonl'), text.split('\n').filter((l) => !l.includes('"extra"')).join('\n') + '\n');
    }
  }, 60_000);
});
