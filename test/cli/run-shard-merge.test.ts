import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import type { Fixture } from './fixtures.js';
import { SCALE_ITEMS, makeScaleFixture, onlyRunDir, readRunDir, scaleArgs, scoresOf, startScaleServer } from './scale-fixture.js';

describe('jpeval run --shard i/n and jpeval merge', () => {
  let fx: Fixture;
  let server: FakeServer;
  let single: ReturnType<typeof scoresOf>;
  const shardDirs: string[] = [];
  beforeAll(async () => {
    fx = await makeScaleFixture();
    server = await startScaleServer(5);
    const out = path.join(fx.dir, 'single');
    expect((await runCli([...scaleArgs(server, fx), '--out', out, '--concurrency', '3'])).code).toBe(0);
    single = scoresOf((await readRunDir(await onlyRunDir(out))).run);
    // Three shards: two by flag, one as a Kubernetes Indexed Job pod would get it.
    for (const i of [0, 1, 2]) {
      const args = [...scaleArgs(server, fx), '--out', path.join(fx.dir, 'shards'), '--run-id', `shard-${i}`, '--concurrency', String(i + 1)];
      const res = i === 2 ? await runCli(args, { env: { JOB_COMPLETION_INDEX: '2', JPEVAL_SHARD_COUNT: '3' } }) : await runCli([...args, '--shard', `${i}/3`]);
      expect(res.code, res.stderr).toBe(0);
      shardDirs.push(path.join(fx.dir, 'shards', `shard-${i}`));
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('splits the items into disjoint shards of similar size', async () => {
    const sizes: number[] = [];
    const all: string[] = [];
    for (const dir of shardDirs) {
      const { run, samples } = await readRunDir(dir);
      expect(run.config.shard).toEqual({ index: shardDirs.indexOf(dir), count: 3 });
      sizes.push(samples.length);
      all.push(...samples.map((s) => s.item_id));
    }
    expect(all.sort()).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
    for (const n of sizes) expect(Math.abs(n - 20)).toBeLessThanOrEqual(3);
  });

  it('merges the shards into one run whose scores and intervals equal the single run', async () => {
    const out = path.join(fx.dir, 'merged');
    const res = await runCli(['merge', ...shardDirs.slice().reverse(), '--out', out]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain('scale-qa');
    const { run, samples } = await readRunDir(out);
    expect(scoresOf(run)).toEqual(single);
    expect(run.status).toBe('completed');
    expect(run.config.shard).toBeUndefined();
    expect(run.config.merged_from.map((m: { shard: { index: number } }) => m.shard.index)).toEqual([0, 1, 2]);
    expect(samples.map((s) => s.item_id).sort()).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
    expect(new Set(samples.map((s) => s.run_id))).toEqual(new Set(['merged']));
  });

  it('refuses shards of another configuration, a missing shard, and a shard given twice', async () => {
    const other = await runCli([...scaleArgs(server, fx), '--out', path.join(fx.dir, 'other'), '--run-id', 'x', '--shard', '1/3', '--seed', '99']);
    expect(other.code).toBe(0);
    const mixed = await runCli(['merge', shardDirs[0]!, path.join(fx.dir, 'other', 'x'), shardDirs[2]!, '--out', path.join(fx.dir, 'm1')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/not a shard of the same run[\s\S]*seed: .* has 1234, .* has 99/);
    const missing = await runCli(['merge', shardDirs[0]!, shardDirs[1]!, '--out', path.join(fx.dir, 'm2')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard(s) 2/3 missing');
    const twice = await runCli(['merge', shardDirs[0]!, shardDirs[0]!, shardDirs[1]!, '--out', path.join(fx.dir, 'm3')]);
    expect(twice.stderr).toContain('shard 0/3 given twice');
  }, 60_000);
});
