import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCanary } from '../../src/nightly/canary.js';

describe('drift canary (embedded default model)', () => {
  it('batch size 1 and 8 give the same log-probabilities', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'jpeval-canary-'));
    const r = await runCanary({ model: 'default', suite: 'ja-particles', limit: 8, batch_sizes: [1, 8], tolerance: 1e-6 }, out, 1234);
    expect(r.items).toBe(8);
    expect(r.outcome_flips).toBe(0);
    expect(r.max_logprob_diff).toBeLessThanOrEqual(1e-6);
    expect(r.drift).toBe(false);
    expect(r.run_dirs[0]).not.toBe(r.run_dirs[1]);
  }, 120_000);

  it("runs a canary suite of the night's own suites_dir, with its data_dir", async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'jpeval-canary-own-'));
    await mkdir(path.join(root, 'suites'));
    await mkdir(path.join(root, 'data/own'), { recursive: true });
    await writeFile(
      path.join(root, 'suites/own-mc.yaml'),
      `name: own-mc
version: 1
title: Own multiple choice
source: { kind: upstream, benchmark: OWN }
category: MC
task: multiple_choice
dataset:
  loader: jsonl
  splits: { test: own/items.jsonl }
  split: test
  fields: { id: id, choices: [c0, c1, c2], gold: label, gold_type: index }
prompt: { template: "質問：{{question}}\\n{{choices}}\\n答え：", target: "{{gold}}" }
metrics: [accuracy]
`,
    );
    const items = [
      { id: 'o1', question: '日本の首都は？', c0: '東京', c1: '大阪', c2: '京都', label: 0 },
      { id: 'o2', question: '一週間は何日？', c0: '五日', c1: '七日', c2: '十日', label: 1 },
      { id: 'o3', question: '富士山がある県は？', c0: '長野県', c1: '新潟県', c2: '静岡県', label: 2 },
    ];
    await writeFile(path.join(root, 'data/own/items.jsonl'), items.map((i) => JSON.stringify(i)).join('\n'));
    const r = await runCanary({ model: 'default', suite: 'own-mc', limit: 3, batch_sizes: [1, 3], tolerance: 1e-6 }, path.join(root, 'out'), 1, {
      suitesDir: [path.join(root, 'suites')],
      dataDir: path.join(root, 'data'),
    });
    expect(r).toMatchObject({ suite: 'own-mc', items: 3, outcome_flips: 0, drift: false });
  }, 120_000);
});
