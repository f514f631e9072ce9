import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheIdentity, generateKey, loglikelihoodKey, withResponseCache } from '../../src/cache/cached-backend.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import type { GenerateRequest, LoglikelihoodRequest, ModelBackend, ModelInfo } from '../../src/models/types.js';

const tmp = () => mkdtemp(path.join(os.tmpdir(), 'jpeval-cache-'));

async function entryFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const shard of await readdir(dir)) for (const f of await readdir(path.join(dir, shard))) out.push(path.join(dir, shard, f));
  return out;
}

const info: ModelInfo = { id: 'local:/m', backend: 'local-onnx', model: 'm', revision: 'r1', tokenizer: 't1', chatTemplate: 'c1', settings: { dtype: 'fp32', addsBos: true, stream: true } };
const request: GenerateRequest = { prompt: { kind: 'text', text: '日本の首都は' }, decoding: { maxTokens: 8, temperature: 0, stop: ['\n'] } };

function fakeBackend(calls: { generate: number; loglikelihood: LoglikelihoodRequest[][] }): ModelBackend {
  return {
    id: () => info.id,
    capabilities: () => ({ chat: true, completion: true, loglikelihood: true }),
    info: async () => info,
    close: async () => undefined,
    async generate(r) {
      calls.generate += 1;
      const now = Date.now();
      return { text: `answer to ${r.prompt.kind === 'text' ? r.prompt.text : ''}`, usage: { promptTokens: 3 }, timing: { startedAt: now, endedAt: now + 5, latencyMs: 5, attempts: 1 } };
    },
    async loglikelihood(rs) {
      calls.loglikelihood.push(rs);
      const now = Date.now();
      return rs.map((r) => ({ logprob: -r.continuation.length, isGreedy: false, continuationTokens: 1, usage: {}, timing: { startedAt: now, endedAt: now, latencyMs: 0, attempts: 1 } }));
    },
  };
}

describe('response cache keys', () => {
  it('change with everything that can change an answer, and not with transport settings', () => {
    const base = generateKey(cacheIdentity(info), request);
    const variants: ModelInfo[] = [
      { ...info, id: 'local:/other' },
      { ...info, revision: 'r2' },
      { ...info, tokenizer: 't2' },
      { ...info, chatTemplate: 'c2' },
      { ...info, settings: { ...info.settings, dtype: 'q8' } },
      { ...info, backend: 'openai-compatible' },
    ];
    for (const v of variants) expect(generateKey(cacheIdentity(v), request)).not.toBe(base);
    expect(generateKey(cacheIdentity(info), { ...request, decoding: { ...request.decoding, maxTokens: 9 } })).not.toBe(base);
    expect(generateKey(cacheIdentity(info), { ...request, decoding: { ...request.decoding, stop: [] } })).not.toBe(base);
    expect(generateKey(cacheIdentity(info), { ...request, prompt: { kind: 'text', text: '日本の首都は ' } })).not.toBe(base);
    expect(generateKey(cacheIdentity(info), { ...request, prompt: { kind: 'chat', messages: [{ role: 'user', content: '日本の首都は' }] } })).not.toBe(base);
    expect(generateKey(cacheIdentity({ ...info, settings: { ...info.settings, stream: false } }), request)).toBe(base);
    const pair = { context: '問: ', continuation: '東京' };
    expect(loglikelihoodKey(cacheIdentity(info), pair)).not.toBe(loglikelihoodKey(cacheIdentity(info), { context: '問:', continuation: ' 東京' }));
  });
});

describe('ResponseCache', () => {
  it('stores and serves an entry, and never serves a corrupt one', async () => {
    const dir = await tmp();
    const cache = await ResponseCache.open(dir);
    const key = ResponseCache.key({ a: 1 });
    await cache.set(key, { text: '東京' });
    expect(await cache.get(key)).toEqual({ text: '東京' });
    const [file] = await entryFiles(dir);
    const text = await readFile(file!, 'utf8');
    await writeFile(file!, text.replace('東京', '大阪'));
    expect(await cache.get(key)).toBeUndefined();
    expect(cache.stats.corrupt).toBe(1);
    expect(await entryFiles(dir)).toEqual([]); // dropped
    await cache.set(key, { text: '東京' });
    await writeFile(file!, text.slice(0, text.length - 10)); // torn write
    expect(await cache.get(key)).toBeUndefined();
    expect(cache.stats.corrupt).toBe(2);
  });

  it('keeps under its size cap by evicting the least recently used entries', async () => {
    const dir = await tmp();
    const probe = await ResponseCache.open(dir);
    await probe.set(ResponseCache.key('probe'), 'x'.repeat(100));
    const entrySize = probe.sizeBytes;
    const [probeFile] = await entryFiles(dir);
    await import('node:fs/promises').then((fs) => fs.rm(probeFile!));

    const cache = await ResponseCache.open(dir, entrySize * 3 + 10);
    const keys = [0, 1, 2].map((i) => ResponseCache.key(i));
    for (const [i, k] of keys.entries()) {
      await cache.set(k, 'y'.repeat(100));
      const old = new Date(Date.now() - (10 - i) * 60_000); // entry 0 oldest
      const [file] = (await entryFiles(dir)).filter((f) => f.includes(k));
      await utimes(file!, old, old);
    }
    expect(await cache.get(keys[0]!)).toBeDefined(); // a read makes entry 0 the most recent
    await cache.set(ResponseCache.key(3), 'z'.repeat(100));
    expect(cache.sizeBytes).toBeLessThanOrEqual(entrySize * 3 + 10);
    expect(cache.stats.evicted).toBeGreaterThanOrEqual(1);
    expect(await cache.get(keys[1]!)).toBeUndefined(); // least recently used went first
    expect(await cache.get(keys[0]!)).toBeDefined();
    expect(await cache.get(ResponseCache.key(3))).toBeDefined();
    // A re-opened cache measures what is on disk.
    expect((await ResponseCache.open(dir, entrySize * 3 + 10)).sizeBytes).toBe(cache.sizeBytes);
  });
});

describe('withResponseCache', () => {
  it('answers a repeated request from the cache and marks hits', async () => {
    const dir = await tmp();
    const calls = { generate: 0, loglikelihood: [] as LoglikelihoodRequest[][] };
    const backend = await withResponseCache(fakeBackend(calls), await ResponseCache.open(dir));
    const first = await backend.generate(request);
    const second = await backend.generate(request);
    expect(calls.generate).toBe(1);
    expect(first.cached).toBe(false);
    expect(second).toMatchObject({ text: first.text, usage: first.usage, cached: true });
    expect(second.timing.attempts).toBe(0);
    // sampled generation is not cached
    await backend.generate({ ...request, decoding: { ...request.decoding, temperature: 0.7 } });
    await backend.generate({ ...request, decoding: { ...request.decoding, temperature: 0.7 } });
    expect(calls.generate).toBe(3);
  });

  it('sends only the missing log-likelihood pairs, in one batch', async () => {
    const dir = await tmp();
    const calls = { generate: 0, loglikelihood: [] as LoglikelihoodRequest[][] };
    const backend = await withResponseCache(fakeBackend(calls), await ResponseCache.open(dir));
    const a = { context: 'c', continuation: 'a' };
    const bb = { context: 'c', continuation: 'bb' };
    await backend.loglikelihood([a]);
    const results = await backend.loglikelihood([a, bb, a]);
    expect(calls.loglikelihood.at(-1)).toEqual([bb]);
    expect(results.map((r) => [r.logprob, r.cached])).toEqual([[-1, true], [-2, false], [-1, true]]);
  });
});
