/**
 * Leaderboard build time and site size for N synthetic runs:
 *   node dist/bench/leaderboard.js [--runs N] [--models M] [--suites S] [--items K]
 * Each run holds M models × S suites × K binary items (valid schema-v1 run.json + samples.jsonl
 * with Japanese prompts and outputs), written to a temp dir; then `writeLeaderboardSite` builds
 * leaderboard.json, Markdown, CSV and the site. Ends with one JSON line.
 */
import { mkdtemp, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeLeaderboardSite } from '../src/leaderboard/write-site.js';
import { createRng } from '../src/util/random.js';

const arg = (name: string, d: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number.parseInt(process.argv[i + 1]!, 10) : d;
};
const RUNS = arg('--runs', 4);
const MODELS = arg('--models', 3);
const SUITES = arg('--suites', 8);
const ITEMS = arg('--items', 500);

const tp = { requests: ITEMS, seconds: 10, requests_per_s: ITEMS / 10, prompt_tokens: 0, completion_tokens: 0, completion_tokens_per_s: 20, output_chars_per_s: 40, latency_ms: { p50: 30, p95: 60, p99: 90 }, retries: 0 };

async function writeRun(root: string, r: number): Promise<string> {
  const runId = `2026-01-${String(r + 1).padStart(2, '0')}T00-00-00Z-bench`;
  const dir = path.join(root, runId);
  await mkdir(dir, { recursive: true });
  const rng = createRng(r + 1);
  const models = Array.from({ length: MODELS }, (_, m) => `model-${m}`);
  const suites = Array.from({ length: SUITES }, (_, s) => `suite-${s}`);
  const lines: string[] = [];
  const results = [];
  for (const model of models) {
    const skill = 0.4 + 0.1 * models.indexOf(model);
    for (const suite of suites) {
      let correct = 0;
      for (let i = 0; i < ITEMS; i++) {
        const ok = rng() < skill ? 1 : 0;
        correct += ok;
        lines.push(JSON.stringify({ schema_version: 1, run_id: runId, suite, suite_version: 1, item_id: `${suite}-${i}`, model, prompt: `次の文の（　）に入る最も適切な語を選んでください。問題${i}：彼は毎朝（　）を飲む。\n1. 牛乳\n2. 本\n答え：`, raw_output: ok ? '1' : '2', extracted: ok ? '1' : '2', gold: '1', score: { outcome: ok ? 'correct' : 'incorrect', values: { accuracy: ok }, stats: {}, flags: [] }, outcome: ok ? 'correct' : 'incorrect', latency_ms: 30, timing: [{ startedAt: 0, endedAt: 30, latencyMs: 30, attempts: 1 }], usage: {}, output_chars: 1 }));
      }
      const v = correct / ITEMS;
      results.push({ model, suite, suite_version: 1, category: 'BENCH', primary_metric: 'accuracy', mode: 'generate', shots: 0, n: ITEMS, errors: 0, skipped: 0, complete: true, metrics: { accuracy: { value: v, stderr: 0.02, ci95: [v - 0.04, v + 0.04] } }, outcomes: { correct, incorrect: ITEMS - correct, not_attempted: 0, unscored: 0, error: 0 }, flags: {}, throughput: tp });
    }
  }
  await writeFile(path.join(dir, 'samples.jsonl'), lines.join('\n') + '\n');
  const run = {
    schema_version: 1, run_id: runId, status: 'completed', jpeval_version: '0.1.0', node_version: process.version, started_at: `2026-01-${String(r + 1).padStart(2, '0')}T00:00:00Z`, config: { models: models.map((id) => ({ id, concurrency: 8, batch_size: 1 })) }, config_hash: 'x',
    models: models.map((id) => ({ id, backend: 'openai-compatible', model: id, baseUrl: 'http://127.0.0.1:8000/v1', settings: {} })),
    datasets: suites.map((suite) => ({ suite, split: 'test', files: [{ path: `/d/${suite}.jsonl`, sha256: suite, records: ITEMS, skipped: 0 }], suite_file_sha256: suite })),
    results, summary: [],
  };
  await writeFile(path.join(dir, 'run.json'), JSON.stringify(run));
  return dir;
}

async function du(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) total += e.isDirectory() ? await du(path.join(dir, e.name)) : (await stat(path.join(dir, e.name))).size;
  return total;
}

const root = await mkdtemp(path.join(tmpdir(), 'jpeval-bench-lb-'));
const dirs: string[] = [];
for (let r = 0; r < RUNS; r++) dirs.push(await writeRun(path.join(root, 'runs'), r));
const t0 = performance.now();
const site = await writeLeaderboardSite(dirs, path.join(root, 'site'));
const seconds = (performance.now() - t0) / 1000;
const index = (await stat(path.join(root, 'site', 'index.html'))).size;
const total = await du(path.join(root, 'site'));
const samples = RUNS * MODELS * SUITES * ITEMS;
process.stdout.write(`leaderboard: ${RUNS} runs × ${MODELS} models × ${SUITES} suites × ${ITEMS} items (${samples} samples, ${site.data.entries.length} entries) built in ${seconds.toFixed(2)} s; index.html ${(index / 1024).toFixed(0)} KiB, site ${(total / 2 ** 20).toFixed(1)} MiB\n`);
process.stdout.write(`${JSON.stringify({ bench: 'leaderboard', runs: RUNS, models: MODELS, suites: SUITES, items: ITEMS, samples, seconds, index_bytes: index, site_bytes: total })}\n`);
