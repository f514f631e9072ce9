/**
 * Remote overhead benchmark (a measurement, not a test): against a loopback OpenAI-compatible
 * server with a fixed delay per request, the items/s of a whole `jpeval run` process (start-up
 * included) at concurrency C, divided by the items/s of a bare client process replaying the same
 * prompts at the same concurrency. Uses JSQuAD's valid split from the shared datasets when present
 * (zero-shot), else a generated extraction suite of the same size. Each side runs `repeats`
 * times, interleaved, and the best time counts (load from other processes hits both alike).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLoopbackServer } from './loopback-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'bin/jpeval.js');

export interface RemoteBenchResult {
  suite: string;
  items: number;
  concurrency: number;
  delay_ms: number;
  jpeval_s: number;
  bare_s: number;
  jpeval_items_per_s: number;
  bare_items_per_s: number;
  remote_overhead_ratio: number;
}

function timed(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ ms: number; code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - started, code, stdout, stderr }));
  });
}

/** A generated extraction suite (synthetic text written here, not benchmark data) of `n` items. */
async function generatedSuite(dir: string, n: number): Promise<string[]> {
  const suite = `name: bench-extraction
version: 1
title: generated extraction items
source: { kind: upstream, benchmark: generated }
category: RC
task: extraction
dataset:
  loader: jsonl
  splits: { valid: bench/items.jsonl }
  split: valid
  fields: { id: id, gold: answer, gold_type: text }
prompt:
  format: completion
  template: "### 入力:\\n文章：{{context}}\\n質問：{{question}}\\n\\n### 応答:\\n"
answer: { extractor: first_line }
generation: { max_tokens: 25, stop: ["\\n\\n"] }
metrics: [char_f1, exact_match]
`;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const context = `項目${i}について説明します。`.repeat(12) + `この項目の名前は東京${i % 97}です。`;
    lines.push(JSON.stringify({ id: `g${i}`, context, question: `項目${i}の名前は何ですか。`, answer: `東京${i % 97}` }));
  }
  await import('node:fs/promises').then(async (fs) => {
    await fs.mkdir(path.join(dir, 'data/bench'), { recursive: true });
    await fs.mkdir(path.join(dir, 'suites'), { recursive: true });
    await fs.writeFile(path.join(dir, 'suites/bench-extraction.yaml'), suite);
    await fs.writeFile(path.join(dir, 'data/bench/items.jsonl'), `${lines.join('\n')}\n`);
  });
  return ['-s', 'bench-extraction', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data')];
}

export async function runRemoteOverheadBench(opts: { items?: number; concurrency?: number; delayMs?: number; repeats?: number; log?: (l: string) => void } = {}): Promise<RemoteBenchResult> {
  const log = opts.log ?? (() => undefined);
  const concurrency = opts.concurrency ?? 32;
  const delayMs = opts.delayMs ?? 50;
  const repeats = opts.repeats ?? 3;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-remote-bench-'));
  const shared = path.resolve(process.env.JPEVAL_SHARED_DATASETS ?? path.join(root, '../shared/datasets'));
  const jsquad = existsSync(path.join(shared, 'jglue/jsquad-v1.1/valid-v1.1.json'));
  const suiteArgs = jsquad ? ['-s', 'jsquad', '--data-dir', path.join(shared, 'jglue'), '--shots', '0'] : await generatedSuite(dir, opts.items ?? 4442);
  const limitArgs = opts.items !== undefined ? ['--limit', String(opts.items)] : [];
  const server = await startLoopbackServer({ delayMs });
  const model = `${server.url}#bench-model`;
  const env = { JPEVAL_CACHE_DIR: path.join(dir, 'cache') };
  let best = { jpeval: Infinity, bare: Infinity };
  let items = 0;
  try {
    // One untimed run writes the prompts the bare client replays (and warms the suite parse cache).
    const warm = await timed([bin, 'run', '-m', model, ...suiteArgs, ...limitArgs, '--concurrency', String(concurrency), '--progress', 'none', '--no-cache', '--out', path.join(dir, 'warm')], env);
    if (warm.code !== 0 && warm.code !== 1) throw new Error(`jpeval run failed (${warm.code}): ${warm.stderr}`);
    const [runId] = await readdir(path.join(dir, 'warm'));
    const samples = (await readFile(path.join(dir, 'warm', runId!, 'samples.jsonl'), 'utf8')).split('\n').filter(Boolean);
    const prompts = samples.map((l) => (JSON.parse(l) as { prompt: string }).prompt);
    items = prompts.length;
    const promptsFile = path.join(dir, 'prompts.json');
    await writeFile(promptsFile, JSON.stringify(prompts));
    for (let r = 0; r < repeats; r++) {
      const out = path.join(dir, `run-${r}`);
      const j = await timed([bin, 'run', '-m', model, ...suiteArgs, ...limitArgs, '--concurrency', String(concurrency), '--progress', 'none', '--no-cache', '--out', out], env);
      if (j.code !== 0 && j.code !== 1) throw new Error(`jpeval run failed (${j.code}): ${j.stderr}`);
      await rm(out, { recursive: true, force: true });
      const b = await timed([path.join(root, 'dist/bench/bare-client.js'), server.url, 'bench-model', promptsFile, String(concurrency), '25']);
      if (b.code !== 0) throw new Error(`bare client failed: ${b.stderr}`);
      log(`remote: run ${r + 1}/${repeats}: jpeval ${(j.ms / 1000).toFixed(2)} s, bare client ${(b.ms / 1000).toFixed(2)} s for ${items} items`);
      best = { jpeval: Math.min(best.jpeval, j.ms), bare: Math.min(best.bare, b.ms) };
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
  const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
  const jRate = items / (best.jpeval / 1000);
  const bRate = items / (best.bare / 1000);
  return {
    suite: jsquad ? 'jsquad (shared datasets, zero-shot)' : 'generated extraction',
    items,
    concurrency,
    delay_ms: delayMs,
    jpeval_s: round(best.jpeval / 1000),
    bare_s: round(best.bare / 1000),
    jpeval_items_per_s: round(jRate, 1),
    bare_items_per_s: round(bRate, 1),
    remote_overhead_ratio: round(jRate / bRate),
  };
}
