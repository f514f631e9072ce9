import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { readRun } from '../helpers/read-run.js';
import { projectRoot, runCli } from '../helpers/run-cli.js';

/**
 * Backends by registry, one effective config: a backend added from one file (a JPEVAL_PLUGINS
 * module) is usable as `--model fake:x`; config entries with the same spec but different names
 * and settings are separate models; `--print-config` shows what reaches each backend; run.json
 * holds the settings a backend learnt while running.
 */
const PLUGIN = path.join(projectRoot, 'test/fixtures/plugins/fake-backend.mjs');
const env = { JPEVAL_PLUGINS: PLUGIN };
const CONFIG = `models:
  - spec: fake:x
    name: fake-a
    settings: { answer: "1", batchSize: 5 }
  - spec: fake:x
    name: fake-b
    concurrency: 2
    settings: { answer: "2" }
roles:
  judge: fake:judge
timeout_ms: 30000
`;

describe('a backend registered from one plugin file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jpeval-plugin-'));
    await writeFile(path.join(dir, 'jpeval.config.yaml'), CONFIG);
  });

  it('runs as --model fake:x, with its registered defaults, and records what it learnt after the first request', async () => {
    const out = path.join(dir, 'direct');
    const res = await runCli(['run', '-m', 'fake:x', '-s', 'ja-counters', '--limit', '3', '--out', out, '--progress', 'none'], { env });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const { run, samples } = await readRun(out);
    expect(run.models).toEqual([
      {
        id: 'fake:x',
        backend: 'fake',
        model: 'x',
        settings: { answer: '1', batch_size_option: 2, concurrency_option: 3, timeout_ms_option: 120_000, server_version: 'fake-1.0', batch_size: 2, concurrency: 3, mc_mode: 'suite' },
      },
    ]);
    expect(samples.map((s) => s.raw_output)).toEqual(['1', '1', '1']);
    // A plugin backend may front a service that changes behind its name: not cached unless --cache.
    expect(samples.every((s) => s.cache === undefined)).toBe(true);
  });

  it('is unknown without the plugin, and the error lists the accepted forms', async () => {
    const res = await runCli(['run', '-m', 'fake:x', '-s', 'ja-counters', '--limit', '1', '--out', path.join(dir, 'none')]);
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('unknown scheme "fake:"');
    expect(res.stderr).toContain('openai:<model>');
  });

  it('--print-config shows flags > config file > defaults per model and role, and exits', async () => {
    const res = await runCli(['run', '--print-config', '--concurrency', '6'], { env, cwd: dir });
    expect(res.code).toBe(0);
    const printed = YAML.parse(res.stdout);
    expect(printed.models).toEqual([
      {
        name: 'fake-a', spec: 'fake:x', backend: 'fake', concurrency: 6, batch_size: 5, timeout_ms: 30000, max_retries: 6,
        settings: { answer: '1', batchSize: 5 },
        from: { concurrency: 'flag', batch_size: 'config', timeout_ms: 'config', max_retries: 'default' },
      },
      {
        name: 'fake-b', spec: 'fake:x', backend: 'fake', concurrency: 6, batch_size: 2, timeout_ms: 30000, max_retries: 6,
        settings: { answer: '2' },
        from: { concurrency: 'flag', batch_size: 'backend default', timeout_ms: 'config', max_retries: 'default' },
      },
    ]);
    expect(printed.roles.judge).toMatchObject({ name: 'fake:judge', backend: 'fake', concurrency: 6, timeout_ms: 30000 });
    expect(printed.run).toMatchObject({ seed: 1234, mc_mode: 'suite', out: 'results' });
  });

  it('--print-config --json prints the same settings as JSON', async () => {
    const yaml = await runCli(['run', '--print-config'], { env, cwd: dir });
    const json = await runCli(['run', '--print-config', '--json'], { env, cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(YAML.parse(yaml.stdout));
  });

  it('--print-config shows the --suite and --shard the run would use, and prints JSON with --json', async () => {
    const res = await runCli(['run', '--print-config', '--json', '-s', 'ja-counters', '--shard', '1/4', '--run-id', 'r1'], { env, cwd: dir });
    expect(res.code).toBe(0);
    const printed = JSON.parse(res.stdout);
    expect(printed.run).toMatchObject({ suites: ['ja-counters'], shard: { index: 1, count: 4 }, run_id: 'r1', out: 'results' });
    expect(printed.models.map((m: { name: string }) => m.name)).toEqual(['fake-a', 'fake-b']);
  });

  it('two config entries with the same spec and different settings are two models in run.json and the table', async () => {
    const out = path.join(dir, 'two');
    const res = await runCli(['run', '-s', 'ja-counters', '--limit', '4', '--out', out, '--progress', 'none'], { env, cwd: dir });
    expect(res.stderr).toContain('no selected suite has a scorer for it'); // the judge role, unused here (warned even with --progress none)
    expect(res.code).toBe(0);
    const { run, samples } = await readRun(out);
    expect(run.models.map((m) => [m.name, m.id, m.settings.batch_size_option, m.settings.concurrency_option])).toEqual([
      ['fake-a', 'fake:x', 5, 3],
      ['fake-b', 'fake:x', 2, 2],
    ]);
    expect(run.results.map((r) => r.model)).toEqual(['fake-a', 'fake-b']);
    expect(new Set(samples.filter((s) => s.model === 'fake-b').map((s) => s.raw_output))).toEqual(new Set(['2']));
    expect(run.roles?.judge).toMatchObject({ id: 'fake:judge', backend: 'fake' });
    expect(res.stdout).toMatch(/suite\s+category\s+metric\s+shots\s+n\s+fake-a\s+fake-b/);
  });
});
