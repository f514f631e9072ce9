import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { readRun } from '../helpers/read-run.js';
import { runCli } from '../helpers/run-cli.js';
import { itemForPrompt, makeFixture, type Fixture } from './fixtures.js';

const right = (prompt: string): string => String(itemForPrompt(prompt)?.label ?? '?');

describe('jpeval run against several endpoints of one model', () => {
  let fx: Fixture;
  const servers: FakeServer[] = [];
  beforeAll(async () => {
    fx = await makeFixture();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('spreads requests over both, takes out the one that dies, and finishes every item on the other', async () => {
    let bAnswered = 0;
    let b: FakeServer | undefined;
    const a = await startFakeOpenAIServer({ respond: (req) => ({ text: right(req.prompt), delayMs: 40 }) });
    b = await startFakeOpenAIServer({
      respond: (req) => {
        bAnswered += 1;
        // The replica crashes while answering its third request: that one and everything after fails.
        if (bAnswered === 3) void b!.close();
        return { text: right(req.prompt), delayMs: 40 };
      },
    });
    servers.push(a, b);
    const out = path.join(fx.dir, 'out-endpoints');
    const res = await runCli(['run', '-m', `${a.url},${b.url}#fake-model`, '-s', 'mini-mc', '--suites-dir', fx.suitesDir, '--data-dir', fx.dataDir, '--out', out, '--concurrency', '2', '--progress', 'plain'], { timeoutMs: 60_000 });
    expect(res.stderr).not.toMatch(/internal error/);
    expect(res.code).toBe(0);
    const { run, samples } = await readRun(out);
    expect(run.results[0]!.complete).toBe(true);
    expect(run.results[0]!.metrics.accuracy!.value).toBe(1);
    expect(new Set(samples.map((s) => s.item_id)).size).toBe(10);
    expect(samples).toHaveLength(10);
    const endpoints = run.models[0]!.settings.endpoints as { url: string; requests: number; failures: number; concurrency: number }[];
    expect(endpoints.map((e) => e.url)).toEqual([a.url, b.url]);
    expect(endpoints.map((e) => e.concurrency)).toEqual([1, 1]);
    expect(endpoints[1]!.failures).toBeGreaterThanOrEqual(1);
    expect(endpoints[1]!.requests).toBeGreaterThanOrEqual(3);
    expect(endpoints[0]!.requests).toBeGreaterThanOrEqual(7);
    // Items answered by B before it died count once; nothing was sent twice to a live server.
    const posts = a.requests.filter((r) => r.method === 'POST').length;
    expect(posts + 2).toBeGreaterThanOrEqual(10);
  });
});
