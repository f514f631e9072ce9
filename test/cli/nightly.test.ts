import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAIServer, type FakeServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { makeFixture, type Fixture } from './fixtures.js';

/**
 * Two scripted models on two arithmetic suites; between the two nights "slipping" starts answering
 * every multiplication wrong. The second `jpeval nightly` must flag exactly slipping × night-mul.
 */
const N = 30;
const suite = (name: string, file: string) => `name: ${name}
version: 1
title: ${name}
source: { kind: upstream, benchmark: NIGHT }
category: MATH
task: short_answer
dataset:
  loader: jsonl
  splits: { valid: night/${file} }
  split: valid
  fields: { id: id, gold: answer, gold_type: text }
prompt:
  template: "{{question}}\\n答え："
generation: { max_tokens: 8, stop: ["\\n"] }
metrics: [exact_match]
`;
const add = Array.from({ length: N }, (_, i) => ({ id: `add-${i}`, question: `${i} たす ${i + 3} は？`, answer: String(2 * i + 3) }));
const mul = Array.from({ length: N }, (_, i) => ({ id: `mul-${i}`, question: `${i} かける 3 は？`, answer: String(3 * i) }));

describe('jpeval nightly (two scripted models, one regressing on one suite)', () => {
  let server: FakeServer;
  let fx: Fixture;
  let night = 1;
  beforeAll(async () => {
    server = await startFakeOpenAIServer({
      models: ['steady', 'slipping'],
      respond: (req) => {
        const m = /(\d+) (たす|かける) (\d+) は？\n答え：$/.exec(req.prompt);
        if (!m) return '?';
        const [a, op, b] = [Number(m[1]), m[2], Number(m[3])];
        const right = op === 'たす' ? a + b : a * b;
        return String(req.model === 'slipping' && night === 2 && op === 'かける' ? right + 1 : right);
      },
    });
    fx = await makeFixture({
      suites: { 'night-add.yaml': suite('night-add', 'add.jsonl'), 'night-mul.yaml': suite('night-mul', 'mul.jsonl') },
      data: { 'upstream-copy/night/add.jsonl': add.map((x) => JSON.stringify(x)).join('\n') + '\n', 'upstream-copy/night/mul.jsonl': mul.map((x) => JSON.stringify(x)).join('\n') + '\n' },
    });
    await writeFile(
      path.join(fx.dir, 'nightly.yaml'),
      [
        'models:',
        `  - { spec: "${server.url}#steady", name: steady, concurrency: 4 }`,
        `  - { spec: "${server.url}#slipping", concurrency: 4 }`,
        'suites: [night-add, night-mul]',
        `suites_dir: ["${fx.suitesDir}"]`,
        `data_dir: "${fx.dataDir}"`,
        'out: runs',
        'history: nightly/history.jsonl',
        'site: public',
        'regression: { margin: 0.05 }',
      ].join('\n') + '\n',
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('night 1 has no baseline; night 2 flags exactly slipping × night-mul and exits 1', async () => {
    const cfg = path.join(fx.dir, 'nightly.yaml');
    const first = await runCli(['nightly', '--config', cfg, '--fail-on-regression', '--no-progress'], { cwd: fx.dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const r1 = JSON.parse(await readFile(path.join(fx.dir, 'nightly/regressions.json'), 'utf8'));
    expect(r1.regression).toBe(false);
    expect(r1.no_baseline).toHaveLength(4);

    night = 2;
    const second = await runCli(['nightly', '--config', cfg, '--fail-on-regression', '--no-progress'], { cwd: fx.dir });
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/1 regression\(s\)/);
    const r2 = JSON.parse(await readFile(path.join(fx.dir, 'nightly/regressions.json'), 'utf8'));
    expect(r2.regression).toBe(true);
    expect(r2.comparisons).toHaveLength(4);
    // A config entry's `name` is the model's key (run.json, history, comparisons), as in `jpeval run`.
    expect(new Set(r2.comparisons.map((c: { model: string }) => c.model))).toEqual(new Set(['steady', `${server.url}#slipping`]));
    expect(r2.regressions.map((r: { model: string; suite: string }) => [r.model.split('#')[1], r.suite])).toEqual([['slipping', 'night-mul']]);
    const reg = r2.regressions[0];
    expect(reg).toMatchObject({ test: 'mcnemar', baseline: 1, current: 0, gained: 0, lost: N, n: N, baseline_run: r1.run_id });
    // Exact McNemar on 0 vs 30 discordant items: 2 / 2^30, Holm ×4.
    expect(reg.p).toBeCloseTo(2 / 2 ** 30, 15);
    expect(reg.p_holm).toBeCloseTo(8 / 2 ** 30, 15);

    const history = (await readFile(path.join(fx.dir, 'nightly/history.jsonl'), 'utf8')).trim().split('\n');
    expect(history).toHaveLength(2);
    const summary = await readFile(path.join(fx.dir, 'nightly/summary.md'), 'utf8');
    expect(summary).toContain('❌ regression');
    expect(summary).toMatch(/slipping \| night-mul \| exact_match \| 1\.000 → 0\.000/);
    const index = await readFile(path.join(fx.dir, 'public/index.html'), 'utf8');
    expect(index).toContain('id="chart-history"');

    // Without --fail-on-regression the regression is reported but the exit code stays 0.
    const third = await runCli(['nightly', '--config', cfg, '--no-progress'], { cwd: fx.dir });
    expect(third.code).toBe(0);
    const r3 = JSON.parse(await readFile(path.join(fx.dir, 'nightly/regressions.json'), 'utf8'));
    // Night 3 is compared with night 2 (the last comparable), where slipping was already wrong.
    expect(r3.regression).toBe(false);
    expect(r3.comparisons.every((c: { baseline_run: string }) => c.baseline_run === r2.run_id)).toBe(true);
  }, 120_000);

  it('a night whose run did not complete (a model unreachable) is not green with --fail-on-regression', async () => {
    const cfg = path.join(fx.dir, 'partial.yaml');
    await writeFile(
      cfg,
      [
        'models:',
        `  - { spec: "${server.url}#steady", name: steady, max_retries: 0 }`,
        '  - { spec: "http://127.0.0.1:1/v1#gone", max_retries: 0 }',
        'suites: [night-add]',
        `suites_dir: ["${fx.suitesDir}"]`,
        `data_dir: "${fx.dataDir}"`,
        'out: partial-runs',
        'history: partial/history.jsonl',
        'site: partial-site',
      ].join('\n') + '\n',
    );
    const res = await runCli(['nightly', '--config', cfg, '--fail-on-regression', '--no-progress'], { cwd: fx.dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('ended failed');
    const summary = await readFile(path.join(fx.dir, 'partial/summary.md'), 'utf8');
    expect(summary).toMatch(/^## jpeval nightly ⚠️ run failed/);
  }, 60_000);

  it('a broken config names the file and field', async () => {
    const bad = path.join(fx.dir, 'bad.yaml');
    await writeFile(bad, 'models: []\nsuites: [night-add]\nregression: { margin: -1 }\n');
    const res = await runCli(['nightly', '--config', bad], { cwd: fx.dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('bad.yaml: models:');
    expect(res.stderr).toContain('bad.yaml: regression.margin:');
  });

  it('an unknown suite or canary suite names the file and field before anything runs', async () => {
    const bad = path.join(fx.dir, 'bad-canary.yaml');
    await writeFile(bad, `models: [default]\nsuites: [night-add]\nsuites_dir: ["${fx.suitesDir}"]\ndata_dir: "${fx.dataDir}"\nhistory: bad-canary/history.jsonl\ncanary: { suite: no-such-suite }\n`);
    const res = await runCli(['nightly', '--config', bad, '--no-progress'], { cwd: fx.dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('bad-canary.yaml: canary.suite: unknown suite "no-such-suite"');
    // Before: the night ran and appended its history line, then the canary failed (no report, no site).
    await expect(readFile(path.join(fx.dir, 'bad-canary/history.jsonl'), 'utf8')).rejects.toThrow(/ENOENT/);
    await writeFile(bad, 'models: [default]\nsuites: [no-such-suite]\n');
    const res2 = await runCli(['nightly', '--config', bad, '--no-progress'], { cwd: fx.dir });
    expect(res2.code).toBe(2);
    expect(res2.stderr).toContain('bad-canary.yaml: suites: unknown suite "no-such-suite"');
  }, 60_000);
});
