import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/config-file.js';
import { DEFAULTS, effectiveConfig } from '../../src/config/effective.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jpeval-effective-'));
async function config(text: string) {
  writeFileSync(path.join(dir, 'jpeval.config.yaml'), text);
  return loadConfigFile(undefined, { cwd: dir, env: {} });
}

describe('effectiveConfig: flags > config file > defaults', () => {
  it('one table of defaults: 120 s timeout, 6 retries; concurrency and batch size from the backend', () => {
    const c = effectiveConfig({ model: ['http://127.0.0.1:1/v1#m', 'default'] }, undefined);
    expect(DEFAULTS).toMatchObject({ timeoutMs: 120_000, maxRetries: 6, seed: 1234 });
    expect(c.models.map((m) => [m.name, m.concurrency, m.batchSize, m.timeoutMs, m.maxRetries])).toEqual([
      ['http://127.0.0.1:1/v1#m', 8, 1, 120_000, 6],
      ['default', 1, 8, 120_000, 6],
    ]);
    expect(c.models[0]!.from).toEqual({ concurrency: 'backend default', batch_size: 'backend default', timeout_ms: 'default', max_retries: 'default' });
    expect(c).toMatchObject({ seed: 1234, mcMode: 'suite', out: 'results', roles: {} });
  });

  it('a config entry overrides the defaults, a flag overrides the entry; settings.batchSize is the batch size', async () => {
    const file = await config('models:\n  - spec: default\n    name: small\n    concurrency: 2\n    settings: { batchSize: 4, dtype: q8 }\ntimeout_ms: 5000\nseed: 7\n');
    const fromFile = effectiveConfig({}, file);
    expect(fromFile.models[0]).toMatchObject({ name: 'small', concurrency: 2, batchSize: 4, timeoutMs: 5000, settings: { batchSize: 4, dtype: 'q8' } });
    expect(fromFile.seed).toBe(7);
    const flagged = effectiveConfig({ concurrency: 3, batchSize: 16, timeout: 9000, dtype: 'fp32', seed: 1 }, file);
    expect(flagged.models[0]).toMatchObject({ concurrency: 3, batchSize: 16, timeoutMs: 9000, settings: { dtype: 'fp32' } });
    expect(flagged.models[0]!.from).toMatchObject({ concurrency: 'flag', batch_size: 'flag', timeout_ms: 'flag' });
    expect(flagged.seed).toBe(1);
  });

  it('entries are keyed by name: the same spec twice is two models; -m NAME picks an entry; a repeated name is an error', async () => {
    const file = await config('models:\n  - { spec: default, name: a, concurrency: 1 }\n  - { spec: default, name: b, concurrency: 2 }\n');
    expect(effectiveConfig({}, file).models.map((m) => [m.name, m.spec.id, m.concurrency])).toEqual([['a', 'default', 1], ['b', 'default', 2]]);
    expect(effectiveConfig({ model: ['b'] }, file).models.map((m) => m.name)).toEqual(['b']);
    expect(() => effectiveConfig({ model: ['default', 'default'] }, undefined)).toThrow(/model default is given twice/);
  });

  it('roles come from the config file; --judge / --role override them', async () => {
    const file = await config('roles:\n  judge: { spec: "http://127.0.0.1:2/v1#j", concurrency: 2 }\n  critic: http://127.0.0.1:3/v1#c\n');
    const c = effectiveConfig({}, file);
    expect(Object.fromEntries(Object.entries(c.roles).map(([r, m]) => [r, [m.spec.id, m.concurrency]]))).toEqual({
      judge: ['http://127.0.0.1:2/v1#j', 2],
      critic: ['http://127.0.0.1:3/v1#c', 8],
    });
    expect(effectiveConfig({ judge: 'http://127.0.0.1:4/v1#k' }, file).roles.judge!.spec.id).toBe('http://127.0.0.1:4/v1#k');
    expect(effectiveConfig({ role: ['critic=default'] }, file).roles.critic!.spec.id).toBe('default');
    expect(() => effectiveConfig({ role: ['Judge=default'] }, undefined)).toThrow(/--role expects NAME=SPEC/);
    expect(() => effectiveConfig({ judge: 'default', role: ['judge=default'] }, undefined)).toThrow(/both --judge and --role judge/);
  });
});
