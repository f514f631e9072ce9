import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import type { Fixture } from './fixtures.js';
import { SCALE_ITEMS, answerFor, makeScaleFixture, readRunDir, scaleArgs, scoresOf } from './scale-fixture.js';

const KEY = 'sk-jpeval-test-7f3a9c1e5b2d4f608a1b';
const KEY_B = 'sk-jpeval-test-second-key-93e1d0c2';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.join(entry.parentPath, entry.name));
  }
  return out;
}

/** Every file under the directories, plus the command output: none may contain a key. */
async function expectNoKey(dirs: string[], outputs: string[]): Promise<number> {
  let scanned = 0;
  for (const dir of dirs) {
    for (const file of await filesUnder(dir)) {
      if ((await stat(file)).size > 50_000_000) continue;
      const text = await readFile(file, 'latin1');
      for (const key of [KEY, KEY_B]) expect(text.includes(key), `${file} contains an API key`).toBe(false);
      scanned += 1;
    }
  }
  for (const o of outputs) for (const key of [KEY, KEY_B]) expect(o.includes(key)).toBe(false);
  return scanned;
}

describe('response cache and secrets, through the CLI', () => {
  let fx: Fixture;
  let server: FakeServer;
  beforeAll(async () => {
    fx = await makeScaleFixture();
    // Accepts either key, like a server behind a pool of keys.
    server = await startFakeOpenAIServer({ respond: (req) => ({ text: answerFor(req.prompt), delayMs: 5 }) });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('--cache answers a repeated run from the cache: same scores, every sample a hit, no request sent', async () => {
    const cacheDir = path.join(fx.dir, 'cache');
    const env = { JPEVAL_API_KEY: KEY };
    const first = await runCli([...scaleArgs(server, fx), '--out', path.join(fx.dir, 'c1'), '--run-id', 'r', '--cache', '--cache-dir', cacheDir], { env });
    expect(first.code, first.stderr).toBe(0);
    const posts = server.requests.filter((r) => r.method === 'POST').length;
    const second = await runCli([...scaleArgs(server, fx), '--out', path.join(fx.dir, 'c2'), '--run-id', 'r', '--cache', '--cache-dir', cacheDir], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(server.requests.filter((r) => r.method === 'POST').length).toBe(posts);
    const a = await readRunDir(path.join(fx.dir, 'c1', 'r'));
    const b = await readRunDir(path.join(fx.dir, 'c2', 'r'));
    expect(a.samples.every((s) => s.cache === 'miss')).toBe(true);
    expect(b.samples.every((s) => s.cache === 'hit')).toBe(true);
    expect(scoresOf(b.run)).toEqual(scoresOf(a.run));
    expect(b.run.results[0].throughput.cache_hits).toBe(SCALE_ITEMS.length);
    // Remote models are not cached unless asked.
    const third = await runCli([...scaleArgs(server, fx), '--out', path.join(fx.dir, 'c3'), '--run-id', 'r', '--cache-dir', cacheDir], { env });
    expect(third.code).toBe(0);
    expect((await readRunDir(path.join(fx.dir, 'c3', 'r'))).samples.some((s) => s.cache !== undefined)).toBe(false);
    expect(server.requests.filter((r) => r.method === 'POST').length).toBe(posts + SCALE_ITEMS.length);
    expect(server.requests.at(-1)!.headers.authorization).toBe(`Bearer ${KEY}`);
  }, 60_000);

  it('API keys never appear in results, caches, run records of a key pool, logs or error output (scanned)', async () => {
    const cacheDir = path.join(fx.dir, 'cache-secrets');
    const out = path.join(fx.dir, 'secrets');
    const config = path.join(fx.dir, 'pool.yaml');
    await writeFile(
      config,
      `models:\n  - spec: "${server.url}#fake-model"\n    api_key_envs: [JPEVAL_KEY_A, JPEVAL_KEY_B]\n    concurrency: 4\nsuites: [scale-qa]\n`,
    );
    const pooled = await runCli(['run', '--config', config, '--suites-dir', fx.suitesDir, '--data-dir', fx.dataDir, '--out', out, '--run-id', 'pool', '--cache', '--cache-dir', cacheDir, '--progress', 'plain'], {
      env: { JPEVAL_KEY_A: KEY, JPEVAL_KEY_B: KEY_B },
    });
    expect(pooled.code, pooled.stderr).toBe(0);
    const { run } = await readRunDir(path.join(out, 'pool'));
    const endpoints = run.models[0].settings.endpoints as { key_source: string; requests: number }[];
    expect(endpoints.map((e) => e.key_source)).toEqual(['$JPEVAL_KEY_A', '$JPEVAL_KEY_B']);
    expect(endpoints.every((e) => e.requests > 0)).toBe(true);
    const auth = new Set(server.requests.filter((r) => r.method === 'POST').slice(-SCALE_ITEMS.length).map((r) => r.headers.authorization));
    expect(auth).toEqual(new Set([`Bearer ${KEY}`, `Bearer ${KEY_B}`]));

    // A rejected key: the error names where the key came from, never the key.
    const locked = await startFakeOpenAIServer({ apiKey: 'the-right-key' });
    try {
      const rejected = await runCli([...scaleArgs(locked, fx), '--out', out, '--run-id', 'rejected', '--max-retries', '0'], { env: { JPEVAL_API_KEY: KEY } });
      expect(rejected.code).not.toBe(0);
      expect(rejected.stderr).toMatch(/HTTP 401/);
      const scanned = await expectNoKey([out, cacheDir], [pooled.stdout, pooled.stderr, rejected.stdout, rejected.stderr]);
      expect(scanned).toBeGreaterThanOrEqual(SCALE_ITEMS.length + 4); // every cache entry and run file
    } finally {
      await locked.close();
    }
  }, 60_000);
});
