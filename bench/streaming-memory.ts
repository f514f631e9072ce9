/**
 * Memory benchmark (a measurement, not a test): a whole `jpeval run` process over a generated
 * 100,000-item multiple-choice suite on the embedded default model (log-likelihood scoring, so
 * the run is fast and local), reporting the process's peak RSS. Items are streamed from the file
 * and samples streamed to disk, so peak RSS should stay far below the 1 GB budget however large
 * the suite. The suite's text is synthetic (written here), not benchmark data.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface MemoryBenchResult {
  items: number;
  seconds: number;
  items_per_s: number;
  peak_rss_mb: number;
  data_file_mb: number;
}

const SUITE = `name: bench-stream
version: 1
title: generated multiple-choice items (memory benchmark)
source: { kind: upstream, benchmark: generated }
category: MC
task: multiple_choice
dataset:
  loader: jsonl
  splits: { valid: bench/stream.jsonl }
  split: valid
  fields: { id: id, choices: choices, gold: label, gold_type: index }
prompt:
  template: "質問：{{question}}\\n{{choices}}\\n答え："
choices: { labels: index, mode: loglikelihood }
answer: { extractor: choice }
generation: { max_tokens: 3, stop: ["\\n"] }
metrics: [accuracy]
`;

const WORDS = ['山', '川', '海', '空', '森', '町', '駅', '花', '雨', '雪'];

async function writeItems(file: string, n: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]!;
    const line = `${JSON.stringify({ id: `m${i}`, question: `${w(0)}と${w(1)}の話：第${i}問では${w(2)}について考えます。正しいのはどれ？`, choices: [`${w(3)}です`, `${w(4)}です`, `${w(5)}です`, `${w(6)}です`], label: i % 4 })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return bytes;
}

export async function runStreamingMemoryBench(opts: { items?: number; log?: (l: string) => void } = {}): Promise<MemoryBenchResult> {
  const items = opts.items ?? 100_000;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jpeval-mem-bench-'));
  try {
    await mkdir(path.join(dir, 'suites'));
    await mkdir(path.join(dir, 'data/bench'), { recursive: true });
    await writeFile(path.join(dir, 'suites/bench-stream.yaml'), SUITE);
    const bytes = await writeItems(path.join(dir, 'data/bench/stream.jsonl'), items);
    // Reports the child's own peak RSS as it exits.
    const hook = path.join(dir, 'peak-rss.cjs');
    await writeFile(hook, "process.on('exit', () => process.stderr.write(`\\nPEAK_RSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
    const args = ['--require', hook, path.join(root, 'bin/jpeval.js'), 'run', '-m', 'default', '-s', 'bench-stream', '--suites-dir', path.join(dir, 'suites'), '--data-dir', path.join(dir, 'data'), '--out', path.join(dir, 'out'), '--no-cache', '--progress', 'none'];
    const started = performance.now();
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, JPEVAL_CACHE_DIR: process.env.JPEVAL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'jpeval') } });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', reject);
      child.on('close', (c) => resolve({ code: c, stderr: err }));
    });
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0) throw new Error(`jpeval run failed (${code}): ${stderr.slice(-2000)}`);
    const kb = Number(/PEAK_RSS_KB (\d+)/.exec(stderr)?.[1]);
    opts.log?.(`memory: ${items} items in ${seconds.toFixed(1)} s, peak RSS ${(kb / 1024).toFixed(0)} MB`);
    return { items, seconds: Math.round(seconds * 10) / 10, items_per_s: Math.round(items / seconds), peak_rss_mb: Math.round(kb / 1024), data_file_mb: Math.round(bytes / 1024 / 1024) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
