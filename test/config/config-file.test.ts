import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ConfigError, loadConfigFile } from '../../src/config/config-file.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'jpeval-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected an error');
}

const load = (file?: string) => loadConfigFile(file, { cwd: dir, env: {} });

describe('loadConfigFile', () => {
  it('returns undefined when there is no config file in the working directory', async () => {
    expect(await load()).toBeUndefined();
  });

  it('loads jpeval.config.yaml from the working directory, resolving paths against it', async () => {
    mkdirSync(path.join(dir, 'models', 'swallow'), { recursive: true });
    write(
      'jpeval.config.yaml',
      [
        'models:',
        '  - spec: http://127.0.0.1:8000/v1#llm-jp-3-1.8b',
        '    name: llm-jp',
        '    concurrency: 8',
        '    timeout_ms: 60000',
        '    max_retries: 3',
        '    api_key_env: VLLM_KEY',
        '    settings:',
        '      extra_body: { top_k: 1 }',
        '  - openai:gpt-4o-mini',
        '  - spec: ./models/swallow',
        'suites: [jcommonsenseqa, ./my-suites/custom.yaml]',
        'data_dir: ../shared/datasets',
        'out: results',
        'limit: 100',
        'shots: 4',
        'seed: 1234',
        'concurrency: 2',
        '',
      ].join('\n'),
    );
    const config = (await load())!;
    expect(config.path).toBe(path.join(dir, 'jpeval.config.yaml'));
    expect(config.models).toHaveLength(3);
    expect(config.models[0]).toMatchObject({
      name: 'llm-jp',
      spec: 'http://127.0.0.1:8000/v1#llm-jp-3-1.8b',
      modelSpec: { kind: 'remote', id: 'http://127.0.0.1:8000/v1#llm-jp-3-1.8b' },
      concurrency: 8,
      timeoutMs: 60000,
      maxRetries: 3,
      apiKeyEnv: 'VLLM_KEY',
      settings: { extra_body: { top_k: 1 } },
    });
    expect(config.models[1]).toMatchObject({ name: 'openai:gpt-4o-mini', modelSpec: { id: 'https://api.openai.com/v1#gpt-4o-mini' }, settings: {} });
    expect(config.models[2]!.modelSpec).toMatchObject({ kind: 'local', dir: path.join(dir, 'models', 'swallow') });
    expect(config).toMatchObject({
      suites: ['jcommonsenseqa', path.join(dir, 'my-suites', 'custom.yaml')],
      dataDir: path.resolve(dir, '../shared/datasets'),
      out: path.join(dir, 'results'),
      limit: 100,
      shots: 4,
      seed: 1234,
      concurrency: 2,
    });
  });

  it('loads JSON given with --config, and uses base_url for openai: specs', async () => {
    const file = write('custom.json', JSON.stringify({ models: [{ spec: 'openai:m', base_url: 'http://10.1.2.3:8000/v1' }] }));
    const config = (await load('custom.json'))!;
    expect(config.path).toBe(file);
    expect(config.models[0]!.modelSpec.id).toBe('http://10.1.2.3:8000/v1#m');
  });

  it('treats an empty file as an empty config', async () => {
    write('jpeval.config.yml', '# nothing yet\n');
    expect(await load()).toEqual({ path: path.join(dir, 'jpeval.config.yml'), models: [], roles: {} });
  });

  it('names the file and the field for a wrong type', async () => {
    write('jpeval.config.yaml', 'models:\n  - spec: default\n  - spec: openai:m\n    concurrency: eight\n');
    const err = await errorOf(load());
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toBe('jpeval.config.yaml: models[1].concurrency: expected number, received string');
  });

  it('lists every problem, each with its field', async () => {
    write('jpeval.config.yaml', 'limit: 0\nshots: 1.5\nsuites: 3\nmodels:\n  - concurrency: 2\n');
    const lines = (await errorOf(load())).message.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^jpeval\.config\.yaml: models\[0\]\.spec: missing \(expected string\)$/);
    expect(lines.some((l) => /^jpeval\.config\.yaml: limit: too small: expected number to be >0$/.test(l))).toBe(true);
    expect(lines.some((l) => /^jpeval\.config\.yaml: shots: expected int, received number$/.test(l))).toBe(true);
    expect(lines.some((l) => /^jpeval\.config\.yaml: suites: expected array, received number$/.test(l))).toBe(true);
  });

  it('rejects unknown (misspelt) fields, naming the known ones', async () => {
    write('jpeval.config.yaml', 'modles: []\nmodels:\n  - spec: default\n    concurency: 3\n');
    const message = (await errorOf(load())).message;
    expect(message).toContain('jpeval.config.yaml: modles: unknown field (known: models, suites,');
    expect(message).toContain('jpeval.config.yaml: models[0].concurency: unknown field (known: spec, name, base_url,');
  });

  it('refuses API keys in the file and points to api_key_env', async () => {
    write('jpeval.config.yaml', 'models:\n  - spec: openai:m\n    api_key: sk-live-abc\n');
    const message = (await errorOf(load())).message;
    expect(message).toMatch(/^jpeval\.config\.yaml: models\[0\]\.api_key: API keys are never read from the config file; set api_key_env/);
    expect(message).not.toContain('sk-live-abc');
    write('jpeval.config.yaml', 'models:\n  - spec: openai:m\n    api_key_env: sk-live-abc\n');
    expect((await errorOf(load())).message).toMatch(/models\[0\]\.api_key_env: expected the name of an environment variable/);
  });

  it('refuses credentials inside settings too (they would be printed by --print-config and saved in run.json)', async () => {
    write('jpeval.config.yaml', 'models:\n  - spec: openai:m\n    settings: { stream: false, api_key: sk-live-abc, extra_body: { Authorization: Bearer sk-live-abc, max_tokens: 3 } }\nroles:\n  judge: { spec: openai:j, settings: { token: sk-live-abc } }\n');
    const message = (await errorOf(load())).message;
    expect(message).toContain('models[0].settings.api_key: API keys are never read from the config file');
    expect(message).toContain('models[0].settings.extra_body.Authorization: API keys are never read');
    expect(message).toContain('roles.judge.settings.token: API keys are never read');
    expect(message).not.toContain('max_tokens');
    expect(message).not.toContain('sk-live-abc');
  });

  it('reports malformed YAML with the file and line', async () => {
    write('jpeval.config.yaml', 'models:\n  - spec: default\nlimit: [1, 2\nseed: 3\n');
    const err = await errorOf(load());
    expect(err).toBeInstanceOf(ConfigError);
    expect(err.message).toMatch(/^jpeval\.config\.yaml:\d+: invalid YAML: /);
  });

  it('reports duplicate keys, which YAML would otherwise resolve silently', async () => {
    write('jpeval.config.yaml', 'limit: 10\nlimit: 20\n');
    expect((await errorOf(load())).message).toMatch(/^jpeval\.config\.yaml:2: invalid YAML: Map keys must be unique/);
  });

  it('reports malformed JSON with the line', async () => {
    write('jpeval.config.json', '{\n  "limit": 5,\n  "seed": ,\n}\n');
    expect((await errorOf(load())).message).toMatch(/^jpeval\.config\.json(:3)?: invalid JSON: [^\n]*"seed": ,[^\n]*$/);
  });

  it('reports a bad model spec against its field', async () => {
    write('jpeval.config.yaml', 'models:\n  - spec: "http://h:1/v1#"\n');
    expect((await errorOf(load())).message).toMatch(/^jpeval\.config\.yaml: models\[0\]\.spec: invalid model spec "http:\/\/h:1\/v1#": empty model name/);
  });

  it('rejects two models with the same name', async () => {
    write('jpeval.config.yaml', 'models:\n  - default\n  - default\n');
    expect((await errorOf(load())).message).toBe(
      'jpeval.config.yaml: models[1].name: "default" is also models[0]; give each model a distinct name',
    );
  });

  it('rejects a non-mapping top level, a missing --config file, and two candidate files', async () => {
    write('jpeval.config.yaml', '- a\n- b\n');
    expect((await errorOf(load())).message).toMatch(/^jpeval\.config\.yaml: expected a mapping/);
    expect((await errorOf(load('nope.yaml'))).message).toBe('config file nope.yaml not found');
    write('jpeval.config.json', '{}');
    expect((await errorOf(load())).message).toMatch(/more than one config file .*jpeval\.config\.yaml, jpeval\.config\.json/);
  });
});
