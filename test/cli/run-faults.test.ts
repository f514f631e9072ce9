import { execFileSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import type { Fixture } from './fixtures.js';
import { SCALE_ITEMS, answerFor, makeScaleFixture, readRunDir, scaleArgs } from './scale-fixture.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const args = (server: FakeServer, fx: Fixture, out: string) => [...scaleArgs(server, fx), '--out', out, '--run-id', 'r'];

describe('jpeval run against a failing server (loopback, bounded)', () => {
  let fx: Fixture;
  const servers: FakeServer[] = [];
  beforeAll(async () => {
    fx = await makeScaleFixture();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  it('a server that dies mid-run and comes back: the run waits, retries and finishes every item', async () => {
    let answered = 0;
    let restarted = false;
    let port = 0;
    const first: FakeServer = await startFakeOpenAIServer({
      respond: (req) => {
        answered += 1;
        if (answered === 15) {
          // Crash (in-flight connections dropped, new ones refused), back on the same port 1.5 s later.
          restarted = true;
          void first.close().then(async () => {
            await sleep(1500);
            servers.push(await startFakeOpenAIServer({ port, respond: (r) => ({ text: answerFor(r.prompt), delayMs: 10 }) }));
          });
        }
        return { text: answerFor(req.prompt), delayMs: 10 };
      },
    });
    servers.push(first);
    port = first.port;
    const out = path.join(fx.dir, 'dies');
    const res = await runCli([...args(first, fx, out), '--concurrency', '2']);
    expect(restarted).toBe(true);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toMatch(/retry \d+ for .*connection/);
    const { run: record, samples } = await readRunDir(path.join(out, 'r'));
    expect(samples.map((s) => s.item_id).sort()).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
    expect(record.results[0].complete).toBe(true);
  }, 60_000);

  it('timeouts, truncated and non-JSON bodies and a slow drip: the item errors with the reason, the rest are scored', async () => {
    const broken: Record<string, () => unknown> = {
      s01: () => ({ text: answerFor('問1：「川」の番号は？\n'), delayMs: 5_000 }), // never in time
      s02: () => ({ status: 200, body: '{"id":"x","object":"text_completion","choi', headers: { 'content-type': 'application/json' } }),
      s03: () => ({ status: 200, body: '<html><body>502 Bad Gateway</body></html>', headers: { 'content-type': 'text/html' } }),
      s04: () => ({ text: 'ゆっくりゆっくり', tokenDelayMs: 400 }), // drips past the timeout
      s05: () => ({ text: answerFor('問5：「山」の番号は？\n'), tokenDelayMs: 30 }), // drips, but in time
    };
    const server = await startFakeOpenAIServer({
      respond: (req) => {
        const item = SCALE_ITEMS.find((i) => req.prompt.includes(`${i.question}\n`))!;
        return (broken[item.id]?.() as never) ?? answerFor(req.prompt);
      },
    });
    servers.push(server);
    const out = path.join(fx.dir, 'broken');
    const started = Date.now();
    const res = await runCli([...args(server, fx, out), '--concurrency', '4', '--timeout', '1500', '--max-retries', '1'], { timeoutMs: 60_000 });
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(res.code).toBe(1); // incomplete: some items errored
    const { run, samples } = await readRunDir(path.join(out, 'r'));
    const errorOf = (id: string) => (samples.find((s) => s.item_id === id) as { error?: string } | undefined)?.error ?? '';
    expect(errorOf('s01')).toMatch(/no complete reply within 1500 ms/);
    expect(errorOf('s02')).toMatch(/s02|JSON|choi/);
    expect(errorOf('s03')).toMatch(/502 Bad Gateway|not JSON|text\/html/);
    expect(errorOf('s04')).toMatch(/no complete reply within 1500 ms/);
    expect(samples.find((s) => s.item_id === 's05')!.outcome).not.toBe('error');
    expect(samples).toHaveLength(60);
    expect(run.results[0].errors).toBe(4);
    expect(run.results[0].n).toBe(56);
    expect(run.results[0].complete).toBe(false);
  }, 90_000);

  it('a full disk for the results: a clear error, every line already written kept, and the run resumable', async () => {
    const mount = path.join(fx.dir, 'tiny-disk');
    await mkdir(mount, { recursive: true });
    try {
      // Four pages: run.json, its temp copy, and room for only a few samples.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      console.warn('skipped: cannot mount a tmpfs here (needs root)');
      return;
    }
    try {
      const server = await startFakeOpenAIServer({ respond: (req) => ({ text: answerFor(req.prompt), delayMs: 5 }) });
      servers.push(server);
      const runArgs = [...scaleArgs(server, fx), '--out', mount, '--run-id', 'r', '--concurrency', '2'];
      const res = await runCli(runArgs);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(new RegExp(`cannot write results to ${mount}/r: ENOSPC`));
      expect(res.stderr).toContain('jpeval run --resume');
      expect(res.stderr).not.toMatch(/internal error/);
      const text = await readFile(path.join(mount, 'r', 'samples.jsonl'), 'utf8');
      const lines = text.split('\n');
      const whole = lines.slice(0, -1).map((l) => JSON.parse(l) as { item_id: string });
      expect(whole.length).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(await readFile(path.join(mount, 'r', 'run.json'), 'utf8')).run_id).toBe('r');
      expect((await readdir(path.join(mount, 'r'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      // Room again (the same files moved to a bigger disk): the run continues from what was kept.
      const roomy = path.join(fx.dir, 'roomy');
      await mkdir(roomy, { recursive: true });
      execFileSync('cp', ['-r', path.join(mount, 'r'), roomy]);
      const resumed = await runCli(['run', '--resume', path.join(roomy, 'r'), '--progress', 'plain']);
      expect(resumed.code, resumed.stderr).toBe(0);
      const after = await readRunDir(path.join(roomy, 'r'));
      expect(after.samples.map((s) => s.item_id).sort()).toEqual(SCALE_ITEMS.map((i) => i.id).sort());
      expect(after.run.resumes[0].kept_items).toBe(whole.length);
    } finally {
      execFileSync('umount', [mount], { stdio: 'ignore' });
      await rm(mount, { recursive: true, force: true });
    }
  }, 90_000);
});
