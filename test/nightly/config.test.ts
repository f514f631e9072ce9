import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNightlyConfig } from '../../src/nightly/config.js';

async function cfg(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-nightly-cfg-'));
  const file = path.join(dir, 'nightly.yaml');
  await writeFile(file, text);
  return file;
}

// Regression: nightly keyed models by spec id and dropped `name`, so two entries of one spec
// (e.g. two concurrency settings, as in docs/cli.md) collided and a renamed model kept its URL.
describe('nightly.yaml model names', () => {
  it('a named entry is keyed by its name; an unnamed one by its spec id', async () => {
    const c = await loadNightlyConfig(await cfg('models:\n  - { spec: "http://127.0.0.1:1/v1#m", name: prod }\n  - "http://127.0.0.1:1/v1#m"\n  - default\nsuites: [ja-particles]\n'));
    expect(c.models.map((m) => m.name)).toEqual(['prod', 'http://127.0.0.1:1/v1#m', 'default']);
  });
  it('two entries with one key are an error naming the file', async () => {
    const file = await cfg('models:\n  - { spec: "http://127.0.0.1:1/v1#m", concurrency: 1 }\n  - { spec: "http://127.0.0.1:1/v1#m", concurrency: 16 }\nsuites: [ja-particles]\n');
    await expect(loadNightlyConfig(file)).rejects.toThrow(`${file}: models: http://127.0.0.1:1/v1#m is listed twice`);
  });
});
