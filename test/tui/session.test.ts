import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/config-file.js';
import { configForSelection, flagsFor, saveSelection, type TuiContext } from '../../src/tui/session.js';
import { tempRoot } from './fixtures.js';
import { writeFile } from 'node:fs/promises';

describe('TUI selection ↔ jpeval.config.yaml', () => {
  it('saves a selection that jpeval run reads back, keeping config model entries whole', async () => {
    const dir = await tempRoot();
    await writeFile(
      path.join(dir, 'jpeval.config.yaml'),
      'models:\n  - spec: http://127.0.0.1:8000/v1#llm-jp\n    name: llm-jp\n    api_key_env: LLMJP_KEY\n    concurrency: 4\n  - default\nsuites: [ja-keigo]\nseed: 7\n',
    );
    const config = await loadConfigFile(undefined, { cwd: dir });
    const ctx: TuiContext = { cwd: dir, config: config!, suitesDirs: [], outDir: path.join(dir, 'results') };
    const selection = { models: ['llm-jp', 'openai:gpt-4o-mini'], suites: ['ja-particles', 'ja-keigo'], limit: 20, shots: 0, concurrency: 2 };
    const file = await saveSelection(ctx, selection, 'picked.yaml');
    expect(await readFile(file, 'utf8')).toMatch(/^# written by jpeval tui/);
    const back = await loadConfigFile('picked.yaml', { cwd: dir, env: { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' } });
    expect(back!.models.map((m) => m.name)).toEqual(['llm-jp', 'openai:gpt-4o-mini']);
    expect(back!.models[0]).toMatchObject({ apiKeyEnv: 'LLMJP_KEY', concurrency: 4, spec: 'http://127.0.0.1:8000/v1#llm-jp' });
    expect(back).toMatchObject({ suites: ['ja-particles', 'ja-keigo'], limit: 20, shots: 0, concurrency: 2, seed: 7, out: path.join(dir, 'results') });
  });

  it('keeps the config file timeouts, endpoints, key pools and grader roles, in the run and in the saved file', async () => {
    const dir = await tempRoot();
    await writeFile(
      path.join(dir, 'jpeval.config.yaml'),
      [
        'models:',
        '  - spec: http://127.0.0.1:8000/v1#m',
        '    name: pool',
        '    batch_size: 2',
        '    endpoints: [{ url: http://127.0.0.1:8000/v1, concurrency: 3 }, { url: http://127.0.0.1:8001/v1, api_key_env: KEY_B }]',
        '    api_key_envs: [KEY_A]',
        'roles:',
        '  judge: { spec: http://127.0.0.1:8002/v1#j, name: grader, timeout_ms: 9000 }',
        'timeout_ms: 30000',
        'max_retries: 2',
        '',
      ].join('\n'),
    );
    const config = await loadConfigFile(undefined, { cwd: dir });
    const ctx: TuiContext = { cwd: dir, config: config!, suitesDirs: [], outDir: path.join(dir, 'results') };
    const selection = { models: ['pool'], suites: ['ja-keigo'] };
    const { effectiveConfig } = await import('../../src/config/effective.js');
    const run = effectiveConfig(flagsFor(ctx, selection), configForSelection(ctx, selection));
    expect(run.models[0]).toMatchObject({ timeoutMs: 30000, maxRetries: 2, batchSize: 2 });
    expect(run.roles.judge).toMatchObject({ name: 'grader', timeoutMs: 9000, maxRetries: 2 });
    await saveSelection(ctx, selection, 'picked.yaml');
    const back = await loadConfigFile('picked.yaml', { cwd: dir });
    expect(back!.models[0]).toEqual(config!.models[0]);
    expect(back!.roles).toEqual(config!.roles);
    expect(back).toMatchObject({ timeoutMs: 30000, maxRetries: 2 });
  });

  it('turns a selection into the configuration and flags jpeval run uses', async () => {
    const ctx: TuiContext = { cwd: '/home/user/evals', suitesDirs: ['/extra'], outDir: '/home/user/evals/results', dataDir: '/data' };
    const config = configForSelection(ctx, { models: ['default'], suites: ['ja-keigo'], limit: 5 });
    expect(config).toMatchObject({ suites: ['ja-keigo'], limit: 5, dataDir: '/data', out: '/home/user/evals/results' });
    expect(config.models[0]!.modelSpec.kind).toBe('default');
    expect(flagsFor(ctx, { models: ['default'], suites: [], concurrency: 3 })).toMatchObject({ suitesDir: ['/extra'], out: '/home/user/evals/results', concurrency: 3, progress: 'none' });
  });
});
